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
own override only picks ``ARTICLE_`` or ``DRAFT_`` and calls it). ``address``
fills any other pattern of a content's fields (an event's calendar file).

The dates in addresses (``{date:%Y}``), and every article's ``locale_date``, go
through Pelican's own ``strftime`` (``pelican.utils``), which finds the format's
directives with two regular expressions on every call: a fifth of a preview's
quick rebuild at 1,000 articles. ``strftime`` below is the same function with
each format's directives found once; ``register`` puts it in Pelican's place.
"""

import datetime
import functools
import re
import string

from pelican import contents, utils
from pelican.utils import SafeDatetime, path_to_url

pelican_expand_settings = contents.Content._expand_settings  # Pelican's own, for the tests
pelican_strftime = utils.strftime


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


def address(pattern: str, content) -> str:
    """``pattern`` filled with ``content``'s fields as Pelican fills its ``..._URL``
    and ``..._SAVE_AS`` settings (``pattern.format(**content.url_format)``)."""
    fields = _fields(pattern)
    if fields is None:
        return pattern.format(**content.url_format)
    values = tuple(_value(content, name) for name in fields)
    try:
        return _format(pattern, fields, tuple(map(_key, values)), values)
    except TypeError:  # a field of the pattern holds a list, which cannot be a key
        return pattern.format(**dict(zip(fields, values)))


def expand_settings(self, key: str, klass: str | None = None) -> str:
    if not klass:
        klass = self.__class__.__name__
    return address(str(self.settings[f"{klass}_{key}".upper()]), self)


# Pelican's strftime: its directives, with an optional "-" (no leading zeros).
_DIRECTIVE = re.compile("%[-]?.")
_C89 = "aAbBcdfGHIjmMpSUuVwWxXyYzZ%"
# The numbers in addresses, written without the C library's strftime (8 µs a call,
# twice per address): the same digits in every locale. C writes a year before 1000
# without zeros, so those years still go to it.
_NUMBERS = {
    "%Y": ("year", 4),
    "%m": ("month", 2),
    "%d": ("day", 2),
    "%H": ("hour", 2),
    "%M": ("minute", 2),
    "%S": ("second", 2),
}


@functools.cache
def _directives(date_format: str) -> tuple[str, tuple[tuple[str, bool | None], ...]]:
    """(the format with ``%s`` for each directive, then per directive: what to give
    the C ``strftime`` and whether to strip zeros, or the text itself and None)."""
    parts = []
    for found in _DIRECTIVE.findall(date_format):
        if found[-1] not in _C89:
            parts.append((found, None))
        elif len(found) == 3:
            parts.append((f"%{found[-1]}", True))
        else:
            parts.append((found, False))
    return _DIRECTIVE.sub("%s", date_format), tuple(parts)


def strftime(date: datetime.datetime, date_format: str) -> str:
    """``pelican.utils.strftime``, character for character, faster."""
    template, parts = _directives(date_format)
    safe = isinstance(date, SafeDatetime)
    formatted = []
    for directive, strip in parts:
        if strip is None:
            formatted.append(directive)
            continue
        number = _NUMBERS.get(directive)
        value = getattr(date, number[0], None) if number else None
        if value is not None and (number[0] != "year" or value >= 1000):
            text = f"{value:0{number[1]}d}"
        elif safe:
            text = date.strftime(directive, safe=False)
        else:
            text = date.strftime(directive)
        formatted.append((text.lstrip("0") or "0") if strip else text)
    return template % tuple(formatted)


def register():
    contents.Content._expand_settings = expand_settings
    utils.strftime = strftime  # SafeDatetime.strftime calls it by this name
