"""The archive: every published article of a language, by year and month."""

import re
import xml.etree.ElementTree as ET
from datetime import datetime

import pytest
from conftest import SITEURL

from warta import archive

LANGS = [("", "/arsip/", "id"), ("/en", "/en/archive/", "en")]
ARTICLE_PAGE = re.compile(r"^(\d{4})/(\d{2})/[^/]+/index\.html$")


def published_articles(site, prefix):
    """The URL paths of every article page a language's site has written."""
    root = site.output / prefix.lstrip("/")
    return {
        f"{prefix}/{path.relative_to(root).parent.as_posix()}/"
        for path in root.rglob("index.html")
        if ARTICLE_PAGE.match(path.relative_to(root).as_posix())
    }


def local(url):
    assert url.startswith(SITEURL), url
    return url[len(SITEURL) :]


@pytest.mark.parametrize("prefix, archive_path, lang", LANGS)
def test_the_archive_lists_exactly_its_languages_articles_by_year_and_month(
    bilingual_site, prefix, archive_path, lang
):
    overview = bilingual_site.html(archive_path)
    years = [int(h2.a.get_text()) for h2 in overview.select(".archive-years h2")]
    assert years and years == sorted(years, reverse=True)
    listed, previous = [], None
    for entry, year in zip(overview.select(".archive-years > li"), years, strict=True):
        year_path = local(entry.h2.a["href"])
        assert year_path == f"{archive_path}{year}/"
        page = bilingual_site.html(year_path)
        assert page.h1.get_text(" ", strip=True).endswith(str(year))
        items = page.select(".archive-list li")
        count = int(entry.select_one("h2 .meta").get_text().split()[0])
        assert count == len(items)
        # The overview's months link to the year page's month headings, newest first.
        months = [local(a["href"]).split("#") for a in entry.select(".archive-months a")]
        anchors = [section.h2["id"] for section in page.select(".archive-month")]
        assert [m[0] for m in months] == [year_path] * len(anchors)
        assert [m[1] for m in months] == anchors == sorted(anchors, reverse=True)
        for section in page.select(".archive-month"):
            for item in section.select(".archive-list li"):
                when = datetime.fromisoformat(item.time["datetime"])
                assert f"{when.year}-{when.month:02d}" == section.h2["id"]
                assert previous is None or when <= previous, "newest first"
                previous = when
                listed.append(local(item.a["href"]))
    assert len(listed) == len(set(listed))
    # Exactly this language's published articles: no draft, no other language.
    assert set(listed) == published_articles(bilingual_site, prefix)
    assert not any("draf-rahasia" in url for url in listed)
    others = published_articles(bilingual_site, "/en" if not prefix else "")
    assert others and not set(listed) & others
    for url in listed:
        assert bilingual_site.exists(url), url


def test_archive_dates_and_months_are_written_in_the_pages_language(bilingual_site):
    indonesian = bilingual_site.html("/arsip/2020/")
    english = bilingual_site.html("/en/archive/2020/")
    assert indonesian.select_one(".archive-month h2").get_text() == "Juli 2020"
    assert english.select_one(".archive-month h2").get_text() == "July 2020"
    assert indonesian.select_one(".archive-list time").get_text() == "30 Juli"
    assert english.select_one(".archive-list time").get_text() == "30 July"
    assert indonesian.title.get_text().startswith("Arsip 2020 · ")
    months = [a.get_text() for a in bilingual_site.html("/arsip/").select(".archive-months a")]
    assert "Juli" in months and "July" not in months


def hreflang(page):
    return {link["hreflang"]: local(link["href"]) for link in page.select("link[hreflang]")}


def test_archive_pages_name_each_other_across_languages(bilingual_site):
    assert hreflang(bilingual_site.html("/arsip/")) == {
        "id": "/arsip/",
        "en": "/en/archive/",
        "x-default": "/arsip/",
    }
    assert hreflang(bilingual_site.html("/en/archive/"))["id"] == "/arsip/"
    # A year page names the other language's year only where that year has articles.
    for prefix, archive_path, _lang in LANGS:
        for year_page in (bilingual_site.path(archive_path)).parent.glob("*/index.html"):
            path = f"{archive_path}{year_page.parent.name}/"
            links = hreflang(bilingual_site.html(path))
            if links:  # own first; a page in one language announces none
                assert list(links.values())[0] == path
            for url in links.values():
                assert bilingual_site.exists(url), (path, url)


@pytest.mark.parametrize(
    "path, archive_path",
    [("/", "/arsip/"), ("/2020/07/bimtek/", "/arsip/"), ("/en/", "/en/archive/")],
)
def test_every_page_links_its_languages_archive_in_the_footer(bilingual_site, path, archive_path):
    footer = bilingual_site.html(path).select_one(".site-footer")
    assert SITEURL + archive_path in [a["href"] for a in footer.select("a")]


@pytest.mark.parametrize("prefix, archive_path, lang", LANGS)
def test_the_sitemap_lists_the_archive_and_every_year(bilingual_site, prefix, archive_path, lang):
    namespace = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    tree = ET.parse(bilingual_site.path(prefix + "/sitemap.xml"))
    locs = {local(loc.text) for loc in tree.getroot().findall("s:url/s:loc", namespace)}
    folder = bilingual_site.path(archive_path).parent
    years = {f"{archive_path}{p.parent.name}/" for p in folder.glob("*/index.html")}
    assert years and {archive_path} | years <= locs


class Article:
    def __init__(self, when, source):
        self.date = datetime.fromisoformat(when)
        self.source_path = source


def test_by_year_and_month_is_newest_first_in_the_librarys_time():
    a = Article("2021-01-01T00:30+07:00", "a.md")  # still 2020 in UTC: the library's year counts
    b = Article("2021-01-15T09:00+07:00", "b.md")
    c = Article("2020-12-31T23:00+07:00", "c.md")
    d = Article("2021-03-02T09:00+07:00", "d.md")
    assert archive.by_year_and_month([a, b, c, d]) == [
        (2021, [(3, [d]), (1, [b, a])]),
        (2020, [(12, [c])]),
    ]
    assert archive.archive_count([(3, [d]), (1, [b, a])]) == 3
