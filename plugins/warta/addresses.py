"""Every article's and page's address, worked out from only what its pattern names.

Pelican's ``Content._expand_settings`` builds each ``url`` and ``save_as`` from a
copy of the whole metadata, with the source path made relative again
(``os.path.abspath`` and ``os.path.relpath``) even when the pattern never names
``{path}``, and it does so every time a template asks: listings, feeds, the
sitemap, related articles and previous/next ask about 30,000 times at 1,000
articles, a tenth of the Pelican run. ``expand_settings`` below is the same
function with that waste left out: it looks up only the fields the pattern
names (``{date:%Y}/{date:%m}/{slug}/`` needs two), with the values Pelican's
``url_format`` gives them, so every address is the same string, character for
character. Addresses are remembered by pattern and values, not by content: an
address still follows any change to the content's slug, date, category or
status during the build.

Pelican offers no hook for this, so ``register`` replaces the method on
``pelican.contents.Content`` (``Article`` and ``Page`` inherit it; ``Article``'s
own override only picks ``ARTICLE_`` or ``DRAFT_`` and calls it).
"""

import datetime
import functools
import string

from pelican import contents
from pelican.utils import path_to_url


pelican_expand_settings = contents.Content._expand_settings  # Pelican's own, for the tests


@functools.cache
def _fields(pattern: str) -> tuple[str, ...] | None:
    """The top-level names a format pattern uses: ``{date:%Y}/{slug}/`` -> date, slug;
    None for what only Pelican's own way handles (``{0}``, ``{date:{fmt}}``)."""
    names = []
    for _, field, spec, _ in string.Formatter().parse(pattern):
        if field is None:
            continue
        name = field.split(".", 1)[0].split("[", 1)[0]
        if not name or name.isdigit() or "{" in (spec or ""):
            return None
        if name not in names:
            names.append(name)
    return tuple(names)


def _value(content, name):
    """What ``Content.url_format`` gives ``name`` (it starts from the metadata and
    then sets these six)."""
    if name == "path":
        return path_to_url(content.metadata.get("path", content.get_relative_source_path()))
    if name == "slug":
        return getattr(content, "slug", "")
    if name == "lang":
        return getattr(content, "lang", "en")
    if name == "date":
        return getattr(content, "date", datetime.datetime.now())
    if name in ("author", "category"):
        return getattr(content, name).slug if hasattr(content, name) else ""
    return content.metadata[name]  # a missing field fails as Pelican's format() does


@functools.lru_cache(maxsize=65536)
def _format(pattern, fields, key, values):
    # Pelican's dates format themselves through its own strftime (a regular
    # expression per call): the same date and slug give the same address.
    return pattern.format(**dict(zip(fields, values)))


def _key(value):
    """What tells two values apart as a format sees them: 1 == True and the same
    instant in two time zones are equal in Python, but not once written."""
    return (type(value), value, getattr(value, "tzinfo", None))


def expand_settings(self, key: str, klass: str | None = None) -> str:
    if not klass:
        klass = self.__class__.__name__
    pattern = str(self.settings[f"{klass}_{key}".upper()])
    fields = _fields(pattern)
    if fields is None:
        return pelican_expand_settings(self, key, klass)
    values = tuple(_value(self, name) for name in fields)
    try:
        return _format(pattern, fields, tuple(map(_key, values)), values)
    except TypeError:  # a field of the pattern holds a list, which cannot be a key
        return pattern.format(**dict(zip(fields, values)))


def register():
    contents.Content._expand_settings = expand_settings
