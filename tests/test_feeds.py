"""Every feed of the published fixture site, as the standards and a feed reader see
it: valid, in one language, naming what it follows, stable.

Atom feeds are validated against RFC 4287 (its grammar in ``schemas/atom.rnc``, and its
Schematron rules here); RSS feeds against the RSS 2.0 specification's rules
(https://www.rssboard.org/rss-specification), written out in ``rss_problems``. The W3C
Feed Validation Service's own code is not on PyPI, npm or Debian, so it cannot be a
pinned test tool: ``test_the_w3c_feed_validator_finds_nothing`` runs it only where a
checkout of github.com/w3c/feedvalidator is named by ``FEEDVALIDATOR`` (its ``src/``)."""

import functools
import os
import re
import sys
from email.utils import parsedate_to_datetime
from pathlib import Path
from urllib.parse import urlparse

import pytest
import rnc2rng
from bs4 import BeautifulSoup
from conftest import SITEURL
from lxml import etree

LANGUAGES = {"": ("id", "Bahasa Indonesia"), "/en": ("en", "English")}
ATOM = "{http://www.w3.org/2005/Atom}"
LANGUAGE_CODE = re.compile(r"[a-zA-Z]{2,3}(-[a-zA-Z0-9]{1,8})*")
MEDIA_TYPE = re.compile(r"[\w.+-]+/[\w.+-]+")


def feeds_of(site):
    """The URL path of every feed the site has, in both languages."""
    return sorted(
        "/" + path.relative_to(site.output).as_posix()
        for path in site.output.rglob("*.xml")
        if "feeds" in path.relative_to(site.output).parts
    )


@functools.cache
def atom_schema():
    grammar = rnc2rng.dumps(
        rnc2rng.loads((Path(__file__).parent / "schemas" / "atom.rnc").read_text())
    )
    # rnc2rng declares the empty namespace with a prefix, which XML forbids; the
    # grammar itself names it by URI (ns=""), so the declaration can go.
    grammar = re.sub(r'\s+xmlns:local=""', "", grammar)
    return etree.RelaxNG(etree.fromstring(grammar.encode()))


def absolute(url):
    return urlparse(url or "").scheme in {"http", "https"} and bool(urlparse(url).netloc)


def atom_problems(data):
    """RFC 4287: the grammar, then the rules its grammar cannot say."""
    root = etree.fromstring(data)
    schema = atom_schema()
    if not schema.validate(root):
        return [f"RFC 4287 grammar, line {e.line}: {e.message}" for e in schema.error_log]
    problems = []
    entries = root.findall(ATOM + "entry")
    if root.find(ATOM + "author") is None and any(e.find(ATOM + "author") is None for e in entries):
        problems.append("no author for the feed, nor for every entry (4.1.1)")
    for element in [root, *entries]:
        alternates = [
            (link.get("type"), link.get("hreflang"))
            for link in element.findall(ATOM + "link")
            if link.get("rel", "alternate") == "alternate"
        ]
        if len(alternates) != len(set(alternates)):
            problems.append(f"two alternate links of one type and language in {element.tag}")
    for entry in entries:
        content = entry.find(ATOM + "content")
        if content is None and not any(
            link.get("rel", "alternate") == "alternate" for link in entry.findall(ATOM + "link")
        ):
            problems.append("an entry with neither content nor an alternate link (4.1.2)")
    ids = [entry.findtext(ATOM + "id") for entry in entries]
    if len(ids) != len(set(ids)):
        problems.append("two entries with one id")
    return problems


def rss_problems(data, url):
    """The RSS 2.0 specification's rules, as this site's feeds use them."""
    root = etree.fromstring(data)
    problems = []

    def date(text, where):
        try:
            if parsedate_to_datetime(text).year < 1000 or not re.search(r"\d{4}", text):
                raise ValueError
        except (TypeError, ValueError):
            problems.append(f"{where}: {text!r} is not an RFC 822 date")

    if root.tag != "rss" or root.get("version") != "2.0" or len(root.findall("channel")) != 1:
        return ["not one <channel> in <rss version='2.0'>"]
    channel = root.find("channel")
    for required in ("title", "link", "description"):
        if not (channel.findtext(required) or "").strip():
            problems.append(f"channel has no {required}")
    if not absolute(channel.findtext("link")):
        problems.append("channel link is not an absolute URL")
    if not LANGUAGE_CODE.fullmatch(channel.findtext("language") or ""):
        problems.append(f"channel language {channel.findtext('language')!r} is not a language code")
    for name in ("pubDate", "lastBuildDate"):
        if channel.find(name) is not None:
            date(channel.findtext(name), name)
    selves = [
        link.get("href") for link in channel.findall(ATOM + "link") if link.get("rel") == "self"
    ]
    if selves != [url]:
        problems.append(f"atom:link rel=self {selves} is not the feed's own URL")
    guids = []
    for item in channel.findall("item"):
        if not (item.findtext("title") or item.findtext("description")):
            problems.append("an item with neither title nor description")
        if item.find("link") is not None and not absolute(item.findtext("link")):
            problems.append(f"item link {item.findtext('link')!r} is not absolute")
        if item.find("pubDate") is not None:
            date(item.findtext("pubDate"), "item pubDate")
        guid = item.find("guid")
        if guid is not None:
            guids.append(guid.text)
            if guid.get("isPermaLink", "true") != "false" and not absolute(guid.text):
                problems.append(f"guid {guid.text!r} is not a URL and not isPermaLink='false'")
        for enclosure in item.findall("enclosure"):
            if not absolute(enclosure.get("url")) or not (enclosure.get("length") or "").isdigit():
                problems.append(
                    f"enclosure {dict(enclosure.attrib)} lacks an absolute url or a length"
                )
            if not MEDIA_TYPE.fullmatch(enclosure.get("type") or ""):
                problems.append(f"enclosure type {enclosure.get('type')!r}")
        for category in item.findall("category"):
            if not (category.text or "").strip():
                problems.append("an empty category")
    if len(guids) != len(set(guids)):
        problems.append("two items with one guid")
    return problems


def feed_problems(path, data, url):
    return atom_problems(data) if path.endswith(".atom.xml") else rss_problems(data, url)


def site_feed_problems(site):
    """{feed: its problems} for every feed of ``site`` that has any."""
    found = {}
    for path in feeds_of(site):
        problems = feed_problems(path, site.path(path).read_bytes(), site.url(path))
        if problems:
            found[path] = problems
    return found


def test_the_checks_find_what_pelican_alone_got_wrong(bilingual_site):
    rss = bilingual_site.path("/feeds/all.rss.xml").read_bytes()
    url = bilingual_site.url("/feeds/all.rss.xml")
    assert rss_problems(rss, url) == []
    assert b'isPermaLink="false"' in rss
    without = rss_problems(rss.replace(b' isPermaLink="false"', b""), url)
    assert without and all("isPermaLink" in problem for problem in without), without
    assert rss_problems(rss.replace(b"<language>id</language>", b""), url) == [
        "channel language None is not a language code"
    ]
    atom = bilingual_site.path("/feeds/all.atom.xml").read_bytes()
    assert atom_problems(atom) == []
    assert atom_problems(atom.replace(b"<id>", b"<uid>", 1).replace(b"</id>", b"</uid>", 1))
    assert atom_problems(atom.replace(b'xml:lang="id"', b'xml:lang="bahasa indonesia"'))
    assert atom_problems(atom.replace(b"<updated>", b"<updated>Jumat ", 1))
    assert "no author" in " ".join(
        atom_problems(re.sub(rb"<author>.*?</author>", b"", atom, count=1))
    )


def test_every_feed_is_valid_atom_or_rss(bilingual_site):
    feeds = feeds_of(bilingual_site)
    assert len(feeds) >= 2 * 2 * (1 + 7 + 3)  # languages x formats x (all, principles, categories)
    assert site_feed_problems(bilingual_site) == {}


@pytest.fixture(scope="module")
def w3c_validator():
    folder = os.environ.get("FEEDVALIDATOR")
    if not folder:
        pytest.skip("NO W3C FEED VALIDATOR: FEEDVALIDATOR=<checkout of w3c/feedvalidator>/src")
    sys.path.insert(0, folder)
    import feedvalidator
    from feedvalidator import logging as events

    def problems(data, url):
        logged = feedvalidator.validateString(data, firstOccurrenceOnly=1, base=url)
        return [
            f"{type(event).__name__} (line {event.params.get('line')})"
            for event in logged["loggedEvents"]
            if isinstance(event, (events.Error, events.Warning))
        ]

    return problems


def test_the_w3c_feed_validator_finds_nothing(bilingual_site, w3c_validator):
    rss = bilingual_site.path("/feeds/all.rss.xml").read_bytes()
    url = bilingual_site.url("/feeds/all.rss.xml")
    assert w3c_validator(rss.replace(b' isPermaLink="false"', b""), url)  # it can fail
    found = {
        path: problems
        for path in feeds_of(bilingual_site)
        if (
            problems := w3c_validator(
                bilingual_site.path(path).read_bytes(), bilingual_site.url(path)
            )
        )
    }
    assert found == {}


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


def test_a_feed_carries_the_newest_twenty_articles(tmp_path, fixture_content, photo_cache):
    """A reader fetches the whole feed again after every new article: each feed keeps
    the newest 20 (FEED_MAX_ITEMS), whole."""
    import shutil

    import feedparser
    from conftest import build

    content = tmp_path / "content"
    shutil.copytree(fixture_content, content)
    lomba = (content / "articles" / "lomba.md").read_text(encoding="utf-8")
    for day in range(1, 23):
        (content / "articles" / f"warta-{day}.md").write_text(
            lomba.replace("Slug: lomba", f"Slug: warta-{day}")
            .replace("Date: 2022-02-20 09:00", f"Date: 2024-03-{day:02d} 09:00")
            .replace("Title: Lomba Dongeng Rakyat", f"Title: Warta ke-{day}"),
            encoding="utf-8",
        )
    site = build(
        content, tmp_path / "output", WARTA_PHOTO_CACHE=str(photo_cache), WARTA_SEARCH_INDEX=False
    )
    assert site.returncode == 0, site.log
    for feed in (
        "all.atom.xml",
        "all.rss.xml",
        "category/kegiatan.atom.xml",
        "tag/demokrasi.rss.xml",
    ):
        entries = feedparser.parse(tmp_path / "output" / "feeds" / feed).entries
        titles = [entry.title for entry in entries]
        assert titles == [f"Warta ke-{day}" for day in range(22, 2, -1)], feed
        bodies = [
            entry.content[0].value if "content" in entry else entry.summary for entry in entries
        ]
        assert all("Lomba dongeng" in body and "<p>" in body for body in bodies), feed
