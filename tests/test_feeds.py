"""Every feed of the published fixture site, as the W3C Feed Validation Service and a
feed reader see it: valid, in one language, naming what it follows, stable."""

import sys
from pathlib import Path
from urllib.parse import urlparse

import pytest
from bs4 import BeautifulSoup
from conftest import SITEURL

sys.path.insert(0, str(Path(__file__).resolve().parent / "tools"))
import feedvalidator  # noqa: E402  (vendored: tests/tools/README.md)
from feedvalidator import logging as validator_events  # noqa: E402

LANGUAGES = {"": ("id", "Bahasa Indonesia"), "/en": ("en", "English")}


def feeds_of(site):
    """The URL path of every feed the site has, in both languages."""
    return sorted(
        "/" + path.relative_to(site.output).as_posix()
        for path in site.output.rglob("*.xml")
        if "feeds" in path.relative_to(site.output).parts
    )


def validator_problems(data, url):
    """The W3C validator's errors and warnings for a feed served at ``url``, as
    "Name (line N): details" lines; its informational notes are left out."""
    events = feedvalidator.validateString(data, firstOccurrenceOnly=1, base=url)["loggedEvents"]
    return [
        f"{type(event).__name__} (line {event.params.get('line')}): "
        f"{event.params.get('element')} {event.params.get('value', '')}".strip()
        for event in events
        if isinstance(event, (validator_events.Error, validator_events.Warning))
    ]


def test_the_validator_finds_what_pelican_alone_got_wrong(bilingual_site):
    rss = bilingual_site.path("/feeds/all.rss.xml").read_bytes()
    assert b'isPermaLink="false"' in rss
    problems = validator_problems(
        rss.replace(b' isPermaLink="false"', b""), bilingual_site.url("/feeds/all.rss.xml")
    )
    assert any(p.startswith("InvalidPermalink") for p in problems), problems


def test_every_feed_is_valid_for_the_w3c_feed_validator(bilingual_site):
    feeds = feeds_of(bilingual_site)
    assert len(feeds) >= 2 * 2 * (1 + 7 + 3)  # languages x formats x (all, principles, categories)
    problems = {
        path: found
        for path in feeds
        if (
            found := validator_problems(
                bilingual_site.path(path).read_bytes(), bilingual_site.url(path)
            )
        )
    }
    assert not problems, problems


def test_every_feed_has_its_own_id_language_title_and_page(bilingual_site):
    ids = set()
    for path in feeds_of(bilingual_site):
        prefix = "/en" if path.startswith("/en/") else ""
        lang, language = LANGUAGES[prefix]
        feed = bilingual_site.feed(path).feed
        assert feed.language == lang, path
        assert feed.title.startswith("Warta Perpustakaan") and f"({language})" in feed.title, (
            path,
            feed.title,
        )
        if path.endswith(".atom.xml"):
            assert feed.id == bilingual_site.url(path)
            ids.add(feed.id)
        page = urlparse(feed.link).path
        assert feed.link.startswith(SITEURL + prefix + "/") and bilingual_site.exists(page), path
    assert len(ids) == len(feeds_of(bilingual_site)) // 2


@pytest.mark.parametrize(
    "path, title, page",
    [
        ("/feeds/all.atom.xml", "Warta Perpustakaan (Bahasa Indonesia)", "/"),
        ("/en/feeds/all.rss.xml", "Warta Perpustakaan (English)", "/en/"),
        (
            "/feeds/tag/kemitraan.rss.xml",
            "Warta Perpustakaan: asas Kemitraan (Bahasa Indonesia)",
            "/tag/kemitraan/",
        ),
        (
            "/en/feeds/tag/kemitraan.atom.xml",
            "Warta Perpustakaan: principle Partnership (English)",
            "/en/tag/kemitraan/",
        ),
        (
            "/feeds/tag/bimtek.atom.xml",
            "Warta Perpustakaan: tag bimtek (Bahasa Indonesia)",
            "/tag/bimtek/",
        ),
        (
            "/en/feeds/category/kegiatan.atom.xml",
            "Warta Perpustakaan: category Activities (English)",
            "/en/category/kegiatan/",
        ),
        (
            "/feeds/category/kegiatan.rss.xml",
            "Warta Perpustakaan: kategori Kegiatan (Bahasa Indonesia)",
            "/kategori/kegiatan/",
        ),
    ],
)
def test_a_feed_names_the_site_its_language_and_what_it_follows(bilingual_site, path, title, page):
    feed = bilingual_site.feed(path).feed
    assert (feed.title, feed.link) == (title, bilingual_site.url(page))
    # ... and its page offers it under the same title
    head = bilingual_site.html(page).head
    offered = {
        link["href"]: link["title"] for link in head.find_all("link", rel="alternate", title=True)
    }
    assert offered[bilingual_site.url(path)] == title


def test_rss_ids_are_the_same_tag_uris_marked_not_permalinks(bilingual_site):
    """Subscribers' readers know each article by its id: changing it would show
    every article as new again. The ids stay Pelican's tag: URIs."""
    soup = BeautifulSoup(bilingual_site.path("/feeds/all.rss.xml").read_bytes(), "xml")
    guids = soup.find_all("guid")
    assert guids
    for guid in guids:
        assert guid["isPermaLink"] == "false"
        assert guid.text.startswith("tag:perpustakaan.example.id,"), guid.text


def test_updated_changes_only_with_an_entry(bilingual_site):
    """A feed's <updated> is its newest entry's; a feed with no entry yet carries a
    fixed date, never the time of the build."""
    for path in ("/feeds/all.atom.xml", "/en/feeds/tag/kemitraan.atom.xml"):
        feed = bilingual_site.feed(path)
        assert feed.entries
        assert feed.feed.updated_parsed == max(e.updated_parsed for e in feed.entries)
    for path in ("/feeds/tag/keadilan.atom.xml", "/en/feeds/tag/keprofesionalan.atom.xml"):
        feed = bilingual_site.feed(path)
        assert not feed.entries
        assert feed.feed.updated == "2000-01-01T00:00:00+00:00", path
    assert "<lastBuildDate>Sat, 01 Jan 2000 00:00:00 +0000</lastBuildDate>" in (
        bilingual_site.path("/feeds/tag/keadilan.rss.xml").read_text(encoding="utf-8")
    )


def test_every_link_and_picture_in_an_entry_is_absolute(bilingual_site):
    checked = 0
    for path in feeds_of(bilingual_site):
        for entry in bilingual_site.feed(path).entries:
            html = " ".join(c.value for c in entry.get("content", [])) or entry.get("summary", "")
            soup = BeautifulSoup(html, "html.parser")
            for tag in soup.find_all(["a", "img", "source"]):
                urls = [tag.get("href"), tag.get("src")]
                urls += [part.split()[0] for part in tag.get("srcset", "").split(",") if part]
                for url in filter(None, urls):
                    assert urlparse(url).scheme in {"https", "http", "mailto", "tel"}, (path, url)
                    checked += 1
    assert checked > 50
