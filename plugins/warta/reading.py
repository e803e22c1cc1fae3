"""Every source file read once per build, for every language site.

i18n_subsites builds each language site with a whole Pelican run of its own, so
stock Pelican would read, convert and typogrify every file once per language:
half the build, spent twice. ``contract.CheckedMarkdownReader`` keeps what the
first site read here and gives it to the others: the HTML (typogrified once),
the header as written, and the metadata, with the values that belong to a site
(its categories, tags and authors carry that site's URL settings) made again
for the site that asks.

Typogrify runs here, in the reader, instead of in Pelican's ``read_file``
(``initialize`` moves ``TYPOGRIFY`` to ``WARTA_TYPOGRIFY``): Pelican applies it
after its content cache, to every file on every build; here the typogrified
text is what is shared, and what Pelican's content cache keeps.
"""

import os

from pelican.urlwrappers import URLWrapper

# (absolute path, mtime_ns, size) -> (content, metadata, first values of the header)
_READ = {}
_SITES_READ = []  # the languages whose site has read, this build


def forget():
    """A new build reads afresh (tests and the preview may run several in one process)."""
    _READ.clear()
    _SITES_READ.clear()


def site_has_read(generators):
    """Once every language site of the build has read, nothing is asked for again."""
    settings = generators[0].settings
    _SITES_READ.append(settings["DEFAULT_LANG"])
    if len(_SITES_READ) >= len(settings["WARTA_LANGUAGES"]):
        _READ.clear()


def _key(source_path):
    stat = os.stat(source_path)
    return (os.path.abspath(source_path), stat.st_mtime_ns, stat.st_size)


def remember(source_path, content, metadata, first_values):
    _READ[_key(source_path)] = (content, metadata, first_values)


def recall(source_path, process_metadata):
    """What an earlier language site of this build read from ``source_path``, with
    its site-bound values made again by ``process_metadata`` (this site's reader's);
    None if no site has read it yet."""
    found = _READ.get(_key(source_path))
    if found is None:
        return None
    content, metadata, first_values = found
    metadata = dict(metadata)
    for name, value in metadata.items():
        bound = isinstance(value, URLWrapper) or (
            isinstance(value, list) and value and isinstance(value[0], URLWrapper)
        )
        if bound:
            metadata[name] = process_metadata(name, first_values[name])
    return content, metadata


def typogrifier(settings):
    """A function typogrifying text as Pelican's ``read_file`` does with these
    settings (a copy of its ``typogrify_wrapper``, which is local to that method),
    or None when ``WARTA_TYPOGRIFY`` is off."""
    if not settings.get("WARTA_TYPOGRIFY"):
        return None
    import smartypants
    from typogrify.filters import typogrify

    dashes = settings["TYPOGRIFY_DASHES"]
    attributes = {
        "oldschool": smartypants.Attr.set2,
        "oldschool_inverted": smartypants.Attr.set3,
    }.get(dashes, smartypants.Attr.set1)
    # As Pelican: &quot; entities become smart quotes too.
    attributes |= smartypants.Attr.w
    ignore = settings["TYPOGRIFY_IGNORE_TAGS"]
    omit = dict.fromkeys(settings["TYPOGRIFY_OMIT_FILTERS"], False)

    def apply(text):
        smartypants.Attr.default = attributes
        return typogrify(text, ignore, **omit)

    return apply


def take_over_typogrify(settings):
    """Move ``TYPOGRIFY`` to ``WARTA_TYPOGRIFY``: our reader applies it, once per file."""
    if "WARTA_TYPOGRIFY" not in settings:
        settings["WARTA_TYPOGRIFY"] = settings.get("TYPOGRIFY", False)
    settings["TYPOGRIFY"] = False
