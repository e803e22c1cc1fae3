"""The published build (`invoke publish`): theme files named by their content, the
server's files at the root, precompressed files beside every compressible one, and
nothing in the pages that the servers' Content-Security-Policy would block."""

import gzip
import hashlib
import re

import brotli
import pytest

from conftest import ROOT
from warta.compressing import COMPRESSIBLE, compress_file, gzipped
from warta.publishing import fingerprinted, published_bytes

FINGERPRINTED = re.compile(r"^(?P<stem>.+)\.(?P<hash>[0-9a-f]{10})(?P<suffix>\.[a-z0-9]+)$")


def theme_links(site):
    """Every address under /theme/ that a page links, with the page."""
    for path in sorted(site.output.rglob("*.html")):
        text = path.read_text(encoding="utf-8")
        for url in re.findall(r'(?:href|src)="([^"]*/theme/[^"]*)"', text):
            yield path.relative_to(site.output).as_posix(), url


def test_fingerprinted_names():
    digest = hashlib.sha256(b"body {}").hexdigest()[:10]
    assert fingerprinted("css/style.css", b"body {}") == f"css/style.{digest}.css"
    assert fingerprinted("favicon.svg", b"<svg/>") != fingerprinted("favicon.svg", b"<svg />")


def test_theme_files_are_published_under_their_content_hash(production_site):
    theme = production_site.output / "theme"
    published = sorted(p.relative_to(theme).as_posix() for p in theme.rglob("*") if p.is_file())
    originals = sorted(
        p.relative_to(ROOT / "theme" / "static").as_posix()
        for p in (ROOT / "theme" / "static").rglob("*")
        if p.is_file()
    )
    plain = [name for name in published if not name.endswith((".gz", ".br"))]
    assert len(plain) == len(originals)
    for name in originals:
        data = published_bytes(name, (ROOT / "theme" / "static" / name).read_bytes())
        assert fingerprinted(name, data) in plain, name  # and no file under its plain name
        assert (theme / fingerprinted(name, data)).read_bytes() == data
    stylesheet = published_bytes("css/style.css", b"a {\n  color: red;\n}\n")
    assert stylesheet == b"a{color:red}"  # minified, in the published site only
    for name in plain:
        assert FINGERPRINTED.match(name.rsplit("/", 1)[-1]), name


def test_every_page_links_theme_files_by_their_published_names(production_site):
    links = list(theme_links(production_site))
    kinds = {url.rsplit(".", 1)[-1] for _, url in links}
    assert kinds == {"css", "svg", "js"}, kinds  # stylesheet, icon, the search page's script
    for page, url in links:
        assert url.startswith(production_site.base + "/theme/"), (page, url)
        assert FINGERPRINTED.match(url.rsplit("/", 1)[-1]), (page, url)
        assert production_site.exists(url.removeprefix(production_site.base)), (page, url)
    for search in ("cari/index.html", "en/search/index.html"):
        assert any(page == search and url.endswith(".js") for page, url in links)


def test_local_builds_keep_plain_names(bilingual_site):
    page = bilingual_site.html("/")
    assert page.select_one('link[rel="stylesheet"]')["href"].endswith("/theme/css/style.css")
    assert bilingual_site.exists("/theme/css/style.css")
    assert not bilingual_site.exists("/.htaccess")
    assert not list(bilingual_site.output.rglob("*.gz"))


def test_the_shipped_htaccess_is_at_the_root(production_site):
    shipped = (ROOT / "server" / ".htaccess").read_text()
    # With the old addresses' rules (warta.redirects) in place of their marker line.
    before, marker, after = shipped.partition("# warta:redirects\n")
    published = (production_site.output / ".htaccess").read_text()
    assert marker and published.startswith(before) and published.endswith(after)
    assert "RewriteRule" in published[len(before) : -len(after)]


def test_every_compressible_file_comes_gzipped_and_brotlied(production_site):
    output = production_site.output
    checked = 0
    for path in sorted(output.rglob("*")):
        if path.suffix not in COMPRESSIBLE or not path.is_file():
            continue
        data = path.read_bytes()
        for suffix, decompress in ((".gz", gzip.decompress), (".br", brotli.decompress)):
            packed = path.with_name(path.name + suffix)
            if len(data) < 200 and not packed.exists():
                continue  # too small to gain: sent as it is
            assert packed.exists(), packed
            assert decompress(packed.read_bytes()) == data, packed
            assert len(packed.read_bytes()) < len(data)
            assert packed.stat().st_mtime_ns == path.stat().st_mtime_ns  # same Last-Modified
        checked += 1
    assert checked > 100
    # Pagefind's script and its entry file, compressed like the pages.
    scripts = ("pagefind/pagefind.js", "pagefind/pagefind-worker.js")
    for name in (*scripts, "en/pagefind/pagefind-entry.json"):
        assert (output / f"{name}.br").exists(), name


def test_what_is_compressed_already_is_left_alone(production_site):
    output = production_site.output
    index_files = [
        p for p in output.rglob("*") if p.suffix.startswith(".pf_") or p.suffix == ".pagefind"
    ]
    assert len(index_files) > 10
    for path in index_files:
        assert path.read_bytes()[:2] == b"\x1f\x8b", path  # gzip, as Pagefind writes them
    photos = [p for p in output.rglob("*") if p.suffix in (".avif", ".webp", ".jpg", ".png")]
    assert photos
    compressed = [p for p in index_files + photos if p.with_name(p.name + ".gz").exists()]
    assert compressed == []
    assert not list(output.rglob("*.gz.gz")) and not list(output.rglob("*.br.gz"))


def test_precompression_is_deterministic(tmp_path):
    page = tmp_path / "index.html"
    page.write_text("<p>Perpustakaan Daerah Rejang Lebong</p>\n" * 200)
    compress_file(str(page))
    first = {s: page.with_name(page.name + s).read_bytes() for s in (".gz", ".br")}
    page.touch()  # a new date: gzip would write it into its header
    compress_file(str(page))
    assert {s: page.with_name(page.name + s).read_bytes() for s in (".gz", ".br")} == first
    header = first[".gz"]
    assert header[3] == 0 and header[4:8] == b"\0\0\0\0"  # no file name, time 0
    assert gzipped(b"x" * 1000) == gzipped(b"x" * 1000)


def test_tiny_files_are_not_compressed(tmp_path):
    tiny = tmp_path / "robots.txt"
    tiny.write_text("User-agent: *\n")
    compress_file(str(tiny))
    assert sorted(p.name for p in tmp_path.iterdir()) == ["robots.txt"]


@pytest.mark.parametrize("site", ["bilingual_site", "production_site"])
def test_pages_hold_no_inline_style_or_script(request, site):
    """What the Content-Security-Policy of server/ blocks: inline styles (attributes
    too) and inline scripts. JSON-LD blocks are data, never run."""
    site = request.getfixturevalue(site)
    for path in sorted(site.output.rglob("*.html")):
        page = site.html("/" + path.relative_to(site.output).as_posix())
        where = path.relative_to(site.output)
        assert not page.select("style, [style]"), where
        handlers = [t for t in page.find_all(True) if any(a.startswith("on") for a in t.attrs)]
        assert not handlers, where
        for script in page.select("script"):
            assert script.get("src") or script.get("type") == "application/ld+json", where


def test_aligned_table_columns_get_classes(bilingual_site):
    cells = bilingual_site.html("/2022/01/laporan/").select("main table td")
    assert [cell.get("class") for cell in cells] == [None, ["align-right"], ["align-right"]]
    assert bilingual_site.html("/en/2022/01/laporan/").select("td.align-right")


def test_publish_warns_while_the_details_are_the_samples(monkeypatch, capsys):
    """`invoke deploy` refuses the sample's made-up details; a library that uploads
    output/ by hand (cPanel) is warned by `invoke publish` instead."""
    import invoke

    import tasks

    assert tasks.production_settings()["WARTA_SAMPLE_DETAILS"] is True  # the sample's, as shipped
    monkeypatch.setattr(tasks, "production_build", lambda c: True)
    monkeypatch.setattr(
        tasks,
        "production_settings",
        lambda: {"WARTA_SAMPLE_DETAILS": True, "SITEURL": "https://contoh.example"},
    )
    tasks.publish(invoke.Context())
    said = capsys.readouterr().err
    assert "WARTA_SAMPLE_DETAILS" in said and "https://contoh.example" in said
    monkeypatch.setattr(tasks, "production_settings", lambda: {"WARTA_SAMPLE_DETAILS": False})
    tasks.publish(invoke.Context())
    assert capsys.readouterr().err == ""
