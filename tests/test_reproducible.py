"""Two production builds of the same content are byte-identical: every page, feed,
calendar, photo, precompressed file and the search index, with one exception that
Pagefind makes.

Pagefind 1.5.2, the newest on PyPI, writes each filter index (``filter/*.pf_filter``:
the principle and category filters of the search page) with its values in the
order of a Rust hash map, which is seeded at random on every run
(pagefind/src/index/mod.rs, "TODO: Change filter indexes to BTree to give them a
stable hash"). The same values and pages come out in another order, so the files'
hashed names change, and with them the language's ``pagefind.<lang>_<hash>.pf_meta``
that lists them and ``pagefind-entry.json`` that names that. Upstream sorted them
(Pagefind pull request #1124, "completion of deterministic output", in 1.6.0 on npm,
not yet on PyPI): with a Pagefind of that version this test asks for every file.
"""

import gzip
import re

from conftest import production_build, production_overrides, snapshot

PAGEFIND_UNSTABLE = re.compile(
    r"^(en/)?pagefind/(filter/[a-z]+_[0-9a-f]+\.pf_filter"
    r"|pagefind\.[a-z]+_[0-9a-f]+\.pf_meta"
    r"|pagefind-entry\.json(\.gz|\.br)?)$"
)


def pagefind_sorts_its_filters():
    from importlib.metadata import version

    return tuple(int(part) for part in version("pagefind").split(".")[:2]) >= (1, 6)


def test_two_production_builds_are_identical(production_site, tmp_path):
    # Photos encoded again too: a fresh cache, not the first build's.
    overrides = production_overrides(production_site.port, tmp_path / "photo-cache")
    again = production_build(production_site.content, tmp_path / "again" / "output", overrides)
    first, second = snapshot(production_site.output), snapshot(again)

    assert len(first) > 400
    differ = sorted(
        name for name in first.keys() | second.keys() if first.get(name) != second.get(name)
    )
    if pagefind_sorts_its_filters():
        assert differ == []
        return
    assert [name for name in differ if not PAGEFIND_UNSTABLE.match(name)] == [], differ
    # What differs holds the same data in another order: as many filter files, of the
    # same sizes once unpacked, in each language.
    for lang_folder in ("pagefind", "en/pagefind"):
        sizes = [
            sorted(
                len(gzip.decompress(path.read_bytes()))
                for path in (output / lang_folder / "filter").glob("*.pf_filter")
            )
            for output in (production_site.output, again)
        ]
        assert sizes[0] == sizes[1] and sizes[0], lang_folder
    # Every fragment (one per page) and every word index chunk is the same file.
    stable = [name for name in first if re.search(r"\.pf_(fragment|index)$", name)]
    assert len(stable) > 10 and all(first[name] == second.get(name) for name in stable)
