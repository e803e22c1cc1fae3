"""A whole bilingual build of tests/fixtures/bilingual_site, asserted on its output."""

import re

import pytest

from conftest import SITEURL
from warta.facts import PRINCIPLES

CATEGORY = {"id": "/kategori/{}/", "en": "/en/category/{}/"}
ROOT = {"id": "/", "en": "/en/"}

PAGES = [
    ("/", "/en/"),
    ("/2020/07/bimtek/", "/en/2020/07/bimtek/"),
    ("/2022/01/laporan/", "/en/2022/01/laporan/"),
    ("/tag/kemitraan/", "/en/tag/kemitraan/"),
    ("/tag/bimtek/", "/en/tag/bimtek/"),
    ("/asas/", "/en/principles/"),
    ("/kategori/kegiatan/", "/en/category/kegiatan/"),
    ("/tentang/", "/en/about/"),
]
FEEDS = [
    "feeds/all.atom.xml",
    "feeds/all.rss.xml",
    "feeds/tag/kemitraan.atom.xml",
    "feeds/tag/kemitraan.rss.xml",
    "feeds/category/kegiatan.atom.xml",
]


def hreflangs(page):
    return {
        link["hreflang"]: link["href"] for link in page.select('link[rel="alternate"][hreflang]')
    }


def test_build_is_quiet(bilingual_site):
    assert "WARNING" not in bilingual_site.log and "ERROR" not in bilingual_site.log, (
        bilingual_site.log
    )


@pytest.mark.parametrize("id_path, en_path", PAGES)
def test_every_page_exists_in_both_languages_with_its_lang(bilingual_site, id_path, en_path):
    for lang, path in (("id", id_path), ("en", en_path)):
        assert bilingual_site.exists(path), path
        assert bilingual_site.html(path).html["lang"] == lang


@pytest.mark.parametrize("slug", PRINCIPLES)
def test_every_principle_has_its_page_and_feeds_in_both_languages(bilingual_site, slug):
    for prefix in ("", "/en"):
        assert bilingual_site.exists(f"{prefix}/tag/{slug}/")
        for kind in ("atom", "rss"):
            bilingual_site.feed(f"{prefix}/feeds/tag/{slug}.{kind}.xml")


@pytest.mark.parametrize("feed", FEEDS)
def test_feeds_exist_in_both_languages(bilingual_site, feed):
    for prefix in ("/", "/en/"):
        assert bilingual_site.feed(prefix + feed).entries


@pytest.mark.parametrize("id_path, en_path", PAGES)
def test_hreflang_links_point_both_ways_with_clean_absolute_urls(bilingual_site, id_path, en_path):
    expected = {"id": bilingual_site.url(id_path), "en": bilingual_site.url(en_path)}
    for path in (id_path, en_path):
        links = hreflangs(bilingual_site.html(path))
        assert {k: v for k, v in links.items() if k != "x-default"} == expected, path
        assert links["x-default"] == expected["id"]


def test_no_cross_language_url_keeps_dot_segments(bilingual_site):
    for page in bilingual_site.output.rglob("*.html"):
        assert "/../" not in page.read_text(encoding="utf-8"), page


def test_language_switcher_goes_to_the_translation(bilingual_site):
    switcher = bilingual_site.html("/2020/07/bimtek/").select_one(
        ".language-switcher a[hreflang=en]"
    )
    assert switcher["href"] == bilingual_site.url("/en/2020/07/bimtek/")
    back = bilingual_site.html("/en/about/").select_one(".language-switcher a[hreflang=id]")
    assert back["href"] == bilingual_site.url("/tentang/")


def test_language_switcher_falls_back_to_the_other_home(bilingual_site):
    # pojok-baca exists in Indonesian only, and so does its tag.
    for path in ("/2021/09/pojok-baca/", "/tag/pojok-baca/"):
        page = bilingual_site.html(path)
        assert page.select_one(".language-switcher a[hreflang=en]")["href"] == SITEURL + "/en/"
        assert hreflangs(page) == {}  # one language: no alternates to announce
        assert page.select_one('link[rel="canonical"]')["href"] == SITEURL + path


def test_article_links_to_its_translation(bilingual_site):
    page = bilingual_site.html("/2020/07/bimtek/")
    link = page.select_one(".translation a")
    assert link["href"] == bilingual_site.url("/en/2020/07/bimtek/") and link["lang"] == "en"
    assert link.get_text() == "Baca dalam bahasa Inggris"
    back = bilingual_site.html("/en/2020/07/bimtek/").select_one(".translation a")
    assert back.get_text() == "Read in Indonesian"


def test_untranslated_article_stays_in_its_own_language(bilingual_site):
    site = bilingual_site
    assert site.exists("/2021/09/pojok-baca/")
    assert not any(site.output.glob("en/**/pojok-baca*"))
    assert not (site.output / "en" / "drafts").exists()
    assert "pojok-baca" not in site.path("/en/").read_text()
    assert "pojok-baca" not in site.path("/en/tag/kemitraan/").read_text()
    for feed in ("/en/feeds/all.atom.xml", "/en/feeds/tag/kemitraan.atom.xml"):
        assert all("pojok-baca" not in e.link for e in site.feed(feed).entries)
    assert any("pojok-baca" in e.link for e in site.feed("/feeds/tag/kemitraan.atom.xml").entries)


def test_english_only_article_stays_in_english(bilingual_site):
    site = bilingual_site
    assert site.exists("/en/2022/03/english-only/")
    assert site.html("/en/2022/03/english-only/").html["lang"] == "en"
    assert not site.exists("/2022/03/english-only/") and not (site.output / "drafts").exists()
    assert "english-only" in site.path("/en/").read_text()
    assert "english-only" not in site.path("/").read_text()
    assert all("english-only" not in e.link for e in site.feed("/feeds/all.atom.xml").entries)
    assert any("english-only" in e.link for e in site.feed("/en/feeds/all.atom.xml").entries)
    switch = site.html("/en/2022/03/english-only/").select_one(".language-switcher a[hreflang=id]")
    assert switch["href"] == SITEURL + "/"


def test_drafts_reach_no_public_file(bilingual_site):
    assert not any("draf" in path.name for path in bilingual_site.output.rglob("*"))
    texts = list(bilingual_site.public_texts())
    assert any(path.suffix == ".pf_fragment" for path, _ in texts)  # the search index is read too
    for path, text in texts:
        assert "draf-rahasia" not in text and "Belum boleh terbit" not in text, path


@pytest.mark.parametrize("lang, prefix", [("id", ""), ("en", "/en")])
def test_feeds_never_mix_languages(bilingual_site, lang, prefix):
    for feed_path in (bilingual_site.output / prefix.lstrip("/") / "feeds").rglob("*.xml"):
        feed = bilingual_site.feed("/" + str(feed_path.relative_to(bilingual_site.output)))
        for entry in feed.entries:
            assert entry.link.startswith(SITEURL + "/"), entry.link
            assert entry.link.startswith(SITEURL + "/en/") == (lang == "en"), (
                feed_path,
                entry.link,
            )


def test_feeds_have_plain_text_titles_and_their_own_self_link(bilingual_site):
    for path in ("/feeds/all.atom.xml", "/en/feeds/all.atom.xml"):
        feed = bilingual_site.feed(path)
        self_links = [l.href for l in feed.feed.links if l.rel == "self"]
        assert self_links == [bilingual_site.url(path)]
        for entry in feed.entries:
            assert "<" not in entry.title and "&" not in entry.title, entry.title
    # typogrify wraps UU in <span class="caps"> and keeps the last two words together
    titles = [
        e.title.replace("\xa0", " ") for e in bilingual_site.feed("/feeds/all.atom.xml").entries
    ]
    assert "Laporan Kinerja UU dan TIK 2021" in titles


def test_feeds_name_principles_and_categories_in_their_language(bilingual_site):
    en = bilingual_site.feed("/en/feeds/tag/kemitraan.atom.xml")
    assert en.feed.title == "Warta Perpustakaan: principle Partnership (English)"
    [bimtek] = [e for e in en.entries if e.link.endswith("/2020/07/bimtek/")]
    assert {t.term for t in bimtek.tags} >= {
        "Activities",
        "Partnership",
        "Lifelong Learning",
    }
    id_ = bilingual_site.feed("/feeds/tag/kemitraan.atom.xml")
    assert id_.feed.title == "Warta Perpustakaan: asas Kemitraan (Bahasa Indonesia)"
    id_terms = {t.term for e in bilingual_site.feed("/feeds/all.atom.xml").entries for t in e.tags}
    assert {"Berita", "Kegiatan", "Kemitraan"} <= id_terms and "Partnership" not in id_terms


def test_plain_text_in_title_and_meta(bilingual_site):
    page = bilingual_site.html("/2022/01/laporan/")
    assert page.title.string.startswith("Laporan Kinerja UU dan TIK 2021 ·")
    assert page.select_one("h1 .caps")  # typogrify still works in the body
    for tag in page.select("title, meta"):
        assert "<span" not in str(tag.string or "") + str(tag.get("content", ""))


def test_capitalised_principle_tag_lands_on_its_canonical_page(bilingual_site):
    page = bilingual_site.html("/tag/kemitraan/")
    links = [a["href"] for a in page.select("main .card-title a")]
    assert links == [
        bilingual_site.url("/2022/02/kunjungan-perpustakaan-keliling/"),
        bilingual_site.url("/2021/09/pojok-baca/"),
        bilingual_site.url("/2020/07/bimtek/"),
    ]
    assert not any(bilingual_site.output.glob("tag/Kemitraan*"))


def test_english_principle_name_is_taken_as_the_principle(bilingual_site):
    # laporan.en.md says "openness"
    page = bilingual_site.html("/en/tag/keterbukaan/")
    assert [a["href"] for a in page.select("main .card-title a")] == [
        bilingual_site.url("/en/2022/01/laporan/")
    ]
    assert not bilingual_site.exists("/en/tag/openness/")


@pytest.mark.parametrize("slug, names", PRINCIPLES.items())
def test_principle_pages_show_localised_name_and_the_right_articles(bilingual_site, slug, names):
    expected = {
        "kemitraan": {
            "id": ["kunjungan-perpustakaan-keliling", "pojok-baca", "bimtek"],
            "en": ["kunjungan-perpustakaan-keliling", "bimtek"],
        },
        "demokrasi": {"id": ["lomba"], "en": ["lomba"]},
        "pembelajaran-sepanjang-hayat": {"id": ["bimtek"], "en": ["bimtek"]},
        "keterukuran": {"id": ["laporan"], "en": ["laporan"]},
        "keterbukaan": {"id": ["laporan"], "en": ["laporan"]},
    }.get(slug, {"id": [], "en": []})
    for lang, prefix in (("id", ""), ("en", "/en")):
        page = bilingual_site.html(f"{prefix}/tag/{slug}/")
        assert names[lang] in page.h1.get_text()
        assert f"Penjelasan {slug} ({lang})." in page.select_one(".explanation").get_text().replace(
            "\xa0", " "
        )
        slugs = [a["href"].rstrip("/").rsplit("/", 1)[1] for a in page.select("main .card-title a")]
        assert slugs == expected[lang]
        if not slugs:
            assert page.select_one(".empty")


def test_principles_overview_lists_all_seven_with_counts(bilingual_site):
    for lang, path, count in (
        ("id", "/asas/", "3 artikel"),
        ("en", "/en/principles/", "2 articles"),
    ):
        items = bilingual_site.html(path).select("ol.principles > li")
        assert [li.h2.get_text(strip=True) for li in items] == [
            n[lang] for n in PRINCIPLES.values()
        ]
        kemitraan = items[list(PRINCIPLES).index("kemitraan")]
        assert count in kemitraan.get_text()
        assert kemitraan.h2.a["href"] == bilingual_site.url(
            ("/en" if lang == "en" else "") + "/tag/kemitraan/"
        )


def test_categories_are_localised_in_pages_and_breadcrumbs(bilingual_site):
    assert "Kegiatan" in bilingual_site.html("/kategori/kegiatan/").h1.get_text()
    assert "Activities" in bilingual_site.html("/en/category/kegiatan/").h1.get_text()
    crumbs = (
        bilingual_site.html("/en/2020/07/bimtek/")
        .select_one(".breadcrumb")
        .get_text(" ", strip=True)
    )
    assert crumbs == "Home › Activities"
    # A category no article uses yet still has its page and feed.
    assert bilingual_site.exists("/en/category/kisah-literasi/")
    bilingual_site.feed("/en/feeds/category/kisah-literasi.atom.xml")


def test_dates_are_written_the_local_way(bilingual_site):
    id_time = bilingual_site.html("/2020/07/bimtek/").select_one("article header time")
    en_time = bilingual_site.html("/en/2020/07/bimtek/").select_one("article header time")
    assert id_time.get_text() == "30 Juli 2020" and en_time.get_text() == "30 July 2020"
    assert id_time["datetime"] == "2020-07-30T10:00:00+07:00"


def test_ui_text_comes_from_the_catalog(bilingual_site):
    id_nav = bilingual_site.html("/").select_one(".site-nav").get_text(" ", strip=True)
    en_nav = bilingual_site.html("/en/").select_one(".site-nav").get_text(" ", strip=True)
    assert id_nav.startswith("Beranda Asas Agenda Berita Kegiatan Kisah Literasi")
    assert en_nav.startswith("Home Principles Agenda News Activities Literacy Stories")
    assert bilingual_site.html("/").select_one(".skip-link").get_text() == "Langsung ke isi utama"


def test_typogrify_dashes_suit_indonesian_ranges(bilingual_site):
    body = bilingual_site.path("/2020/07/bimtek/").read_text()
    assert re.search(r"27(&#8211;|–)29 Juli", body)


def test_listings_paginate_with_localised_urls(tmp_path):
    from conftest import FIXTURES, build

    site = build(FIXTURES / "bilingual_site", tmp_path / "output", DEFAULT_PAGINATION=2)
    assert site.returncode == 0, site.log
    for first, second in (("/", "/halaman/2/"), ("/en/", "/en/page/2/")):
        assert site.html(first).select_one('a[rel="next"]')["href"] == site.url(second)
        page_two = site.html(second)
        assert page_two.select_one('a[rel="prev"]')["href"] == site.url(first)
        # Page 2 is its own canonical page, with no translation to point at.
        assert page_two.select_one('link[rel="canonical"]')["href"] == site.url(second)
        assert page_two.select("link[hreflang]") == []


# --- The front page and the frame ----------------------------------------------------


@pytest.mark.parametrize("path", ["/", "/en/"])
def test_header_shows_the_logo_the_name_and_a_menu_without_javascript(bilingual_site, path):
    page = bilingual_site.html(path)
    header = page.select_one(".site-header")
    home = header.select_one('a[rel="home"]')
    logo = home.select_one("img")
    assert logo["src"].endswith("/images/logo.png") and logo["alt"] == ""  # the name says it
    assert bilingual_site.exists("/images/logo.png")
    assert home.select_one(".site-title").get_text() == "Warta Perpustakaan"
    assert home.select_one(".site-library").get_text() == "Perpustakaan Daerah Rejang Lebong"
    menu = header.select_one("details.menu")
    assert menu.summary.get_text(strip=True) == "Menu"
    assert menu.select_one("nav.site-nav a")  # the whole menu, inside the disclosure
    assert not page.select("script[src]")  # no JavaScript outside search


@pytest.mark.parametrize(
    "path, latest, published, event, upcoming, more",
    [
        (
            "/",
            "/2022/02/lomba/",
            "Terbit 20 Februari 2022",
            "Acara: 12 Maret 2022",
            "Kegiatan mendatang",
            "Semua kegiatan di agenda",
        ),
        (
            "/en/",
            "/en/2022/03/english-only/",
            "Published 5 March 2022",
            None,
            "Upcoming events",
            "All events in the agenda",
        ),
    ],
)
def test_home_page_leads_with_the_latest_article_then_events_and_principles(
    bilingual_site, path, latest, published, event, upcoming, more
):
    page = bilingual_site.html(path)
    feature = page.select_one(".home-latest .card.feature")
    assert feature.h2.a["href"] == SITEURL + latest
    assert feature.select_one(".published").get_text(" ", strip=True) == published
    badge = feature.select_one(".date-badge")
    assert (badge.get_text(" ", strip=True) if badge else None) == event
    assert not feature.select(".card-photo")  # no lead photo: the title leads
    others = [c.h2.a["href"] for c in page.select(".home-more .card")]
    assert SITEURL + latest not in others and others  # not twice
    # Upcoming events (the build's day is 2022-03-01): only the contest on 12 March. In
    # Indonesian it is the lead article already: not listed twice, and not "no events
    # planned" either; in English another article leads, and the contest is listed.
    section = page.select_one(".upcoming")
    assert section.h2.get_text() == upcoming
    events = section.select("li")
    assert not section.select("p:not(.more)")
    if path == "/":
        assert events == []
    else:
        assert [li.a["href"] for li in events] == [SITEURL + "/en/2022/02/lomba/"]
        assert events[0].time.get_text() == "12 March 2022"
    assert section.select_one(".more a").get_text() == more
    # The seven principles, each a way into its page, named in the page's language.
    ways = page.select(".ways-in ul a")
    assert len(ways) == 7
    for a in ways:
        assert bilingual_site.exists(a["href"].removeprefix(SITEURL))
    names = [a.get_text() for a in ways]
    assert ("Kemitraan" if path == "/" else "Partnership") in names


def test_listings_say_which_date_is_which(bilingual_site):
    for path, words in (
        ("/kategori/kegiatan/", ("Terbit", "Acara:")),
        ("/en/category/kegiatan/", ("Published", "Event:")),
    ):
        cards = bilingual_site.html(path).select(".card")
        assert cards
        for card in cards:
            assert card.select_one(".meta .published").get_text().startswith(words[0])
            badge = card.select_one(".date-badge")
            if badge:
                assert badge.get_text(" ", strip=True).startswith(words[1])


def test_home_page_shows_the_latest_article_with_its_lead_photo(
    tmp_path, fixture_content, photo_cache
):
    """With a photo article the latest (the fixture's later articles left out), its
    photo leads the home page, large and loaded at once; the others have thumbnails."""
    import shutil

    from conftest import TODAY, build

    content = tmp_path / "content"
    shutil.copytree(fixture_content, content)
    for name in ("lomba.md", "lomba.en.md", "english-only.en.md"):
        (content / "articles" / name).unlink()
    output = tmp_path / "output"
    site = build(content, output, WARTA_TODAY=TODAY, WARTA_PHOTO_CACHE=str(photo_cache))
    assert site.returncode == 0, site.log
    for path in ("/", "/en/"):
        page = site.html(path)
        feature = page.select_one(".home-latest .card.feature")
        assert feature.h2.a["href"] == site.url(path + "2022/02/kunjungan-perpustakaan-keliling/")
        img = feature.select_one(".card-photo img")
        assert img.get("loading") != "lazy" and int(img["width"]) >= 640
        assert "46rem" in img["sizes"]
        assert page.select_one(".upcoming p").get_text() in (
            "Belum ada kegiatan yang dijadwalkan.",
            "No events planned at the moment.",
        )
