"""An article page after the story (warta.related): reading time, share links, the
previous and next article and related articles, all in the article's language; and
the story's start before the event card."""

import re
from urllib.parse import parse_qs, urlsplit

import pytest
from conftest import SITEURL, TODAY, build

from warta.related import reading_minutes, related_to, share_links

ARTICLES = {
    "id": [
        "/2020/07/bimtek/",
        "/2021/09/pojok-baca/",
        "/2022/01/laporan/",
        "/2022/02/kunjungan-perpustakaan-keliling/",
        "/2022/02/lomba/",
    ],
    "en": [
        "/en/2020/07/bimtek/",
        "/en/2022/01/laporan/",
        "/en/2022/02/kunjungan-perpustakaan-keliling/",
        "/en/2022/02/lomba/",
        "/en/2022/03/english-only/",
    ],
}
EVERY_ARTICLE = [(lang, path) for lang, paths in ARTICLES.items() for path in paths]


def path_of(url):
    assert url.startswith(SITEURL + "/"), url
    return url[len(SITEURL) :]


def title_of(page):
    return page.select_one("h1").get_text().replace("\xa0", " ")


@pytest.mark.parametrize("path", ["/2020/07/bimtek/", "/en/2020/07/bimtek/"])
def test_share_links_carry_the_articles_address_and_title_encoded(bilingual_site, path):
    page = bilingual_site.html(path)
    url, title = bilingual_site.url(path), title_of(page)
    links = page.select(".share a")
    hrefs = [a["href"] for a in links]
    assert [urlsplit(h).netloc or urlsplit(h).scheme for h in hrefs] == [
        "wa.me",
        "www.facebook.com",
        "t.me",
        "x.com",
        "mailto",
    ]
    for href in hrefs:
        # Encoded: no space, and the article's address never appears raw in a query.
        assert " " not in href and url not in href, href
        assert "https%3A%2F%2Fperpustakaan.example.id%2F" in href, href
    wa, fb, tg, x, mail = (parse_qs(urlsplit(h).query) for h in hrefs)
    assert urlsplit(hrefs[0]).path == "/" and wa["text"] == [f"{title} {url}"]
    assert urlsplit(hrefs[1]).path == "/sharer/sharer.php" and fb["u"] == [url]
    assert urlsplit(hrefs[2]).path == "/share/url" and tg == {"url": [url], "text": [title]}
    assert urlsplit(hrefs[3]).path == "/intent/post" and x == {"url": [url], "text": [title]}
    assert mail == {"subject": [title], "body": [url]}
    # Each link is named for what it does, its visible text included.
    names = [a["aria-label"] for a in links]
    for a, name in zip(links, names, strict=True):
        assert a.get_text().lower() in name.lower()
    share = {"id": "Bagikan lewat", "en": "Share on"}["en" if path.startswith("/en/") else "id"]
    assert names[0] == f"{share} WhatsApp"
    # Plain links: nothing from the services is loaded.
    assert not page.select("script[src], iframe, img[src*='facebook'], img[src*='x.com']")


def test_a_title_with_markup_quotes_and_ampersand_is_encoded_whole():
    article = Item("x", "berita")
    article.url = "2022/02/x/"
    article.title = 'Lomba &#8220;Dongeng&#8221; &amp; <span class="caps">SD</span>'
    links = dict(share_links({"WARTA_SHARE_SITEURL": "https://example.id/en"}, article))
    assert links["X"] == (
        "https://x.com/intent/post?url=https%3A%2F%2Fexample.id%2Fen%2F2022%2F02%2Fx%2F"
        "&text=Lomba%20%E2%80%9CDongeng%E2%80%9D%20%26%20SD"
    )
    assert share_links({"WARTA_SHARE_SITEURL": ""}, article) == []


@pytest.fixture(scope="module")
def local_build(tmp_path_factory, fixture_content, photo_cache):
    """The fixture site as the preview and `invoke build` make it: no address."""
    site = build(
        fixture_content,
        tmp_path_factory.mktemp("local-article") / "output",
        SITEURL="",
        RELATIVE_URLS=True,
        WARTA_TODAY=TODAY,
        WARTA_PHOTO_CACHE=str(photo_cache),
    )
    assert site.returncode == 0, site.log
    return site


def test_a_local_build_has_no_share_links_but_keeps_the_rest(local_build):
    # Without a public address there is nothing to share: a relative link would
    # send friends nowhere.
    page = local_build.html("/2020/07/bimtek/")
    assert not page.select(".share") and "wa.me/?text=" not in str(page)  # (the footer may chat)
    assert [a["href"] for a in page.select(".article-nav a")] == ["../../../2021/09/pojok-baca/"]
    assert len(page.select(".related a")) == 3


@pytest.mark.parametrize("lang, path", EVERY_ARTICLE)
def test_previous_and_next_stay_in_the_language_and_resolve(bilingual_site, lang, path):
    page = bilingual_site.html(path)
    order = ARTICLES[lang]  # oldest first
    index = order.index(path)
    older = page.select_one(".article-nav a.older")
    newer = page.select_one(".article-nav a.newer")
    assert (path_of(older["href"]) if older else None) == (order[index - 1] if index else None)
    assert (path_of(newer["href"]) if newer else None) == (
        order[index + 1] if index + 1 < len(order) else None
    )
    for link in filter(None, (older, newer)):
        target = bilingual_site.html(path_of(link["href"]))
        assert target.html["lang"] == lang
        assert title_of(target) in link.get_text().replace("\xa0", " ")


@pytest.mark.parametrize("lang, path", EVERY_ARTICLE)
def test_related_articles_stay_in_the_language_resolve_and_are_never_the_article(
    bilingual_site, lang, path
):
    links = bilingual_site.html(path).select(".related a")
    assert len(links) <= 3
    for link in links:
        target = path_of(link["href"])
        assert target != path and target in ARTICLES[lang]
        assert bilingual_site.html(target).html["lang"] == lang


def test_related_articles_shared_principles_first_then_category(bilingual_site):
    # Bimtek (Kegiatan; Kemitraan, Pembelajaran Sepanjang Hayat): the visit shares a
    # principle and the category, the reading corner a principle only, the contest the
    # category only; the report neither.
    page = bilingual_site.html("/2020/07/bimtek/")
    related = [path_of(a["href"]) for a in page.select(".related a")]
    assert related == [
        "/2022/02/kunjungan-perpustakaan-keliling/",
        "/2021/09/pojok-baca/",
        "/2022/02/lomba/",
    ]
    # Nothing shared, nothing offered: no empty section.
    assert not bilingual_site.html("/2022/01/laporan/").select(".related")


def test_drafts_are_never_a_neighbour_or_related(bilingual_site):
    for _, path in EVERY_ARTICLE:
        page = bilingual_site.html(path)
        for link in page.select(".article-nav a, .related a"):
            assert "draf" not in link["href"]


class Item:
    def __init__(self, slug, category, principles=(), content=""):
        self.slug, self.content = slug, content
        self.category = type("Category", (), {"slug": category})()
        self.principles = [type("Tag", (), {"slug": p})() for p in principles]


def test_related_order_newest_first_among_equals_and_three_at_most():
    me = Item("me", "berita", ["keadilan", "demokrasi"])
    newest_first = [
        Item("a", "kegiatan", ["keadilan"]),
        me,
        Item("b", "berita"),
        Item("c", "kegiatan", ["keadilan", "demokrasi"]),
        Item("d", "kegiatan"),
        Item("e", "berita", ["demokrasi"]),
    ]
    assert [a.slug for a in related_to(me, newest_first)] == ["c", "e", "a"]


@pytest.mark.parametrize("words, minutes", [(0, 1), (90, 1), (299, 1), (300, 2), (800, 4)])
def test_reading_time_is_words_at_200_a_minute_and_at_least_one(words, minutes):
    body = "<p>" + " ".join(["<em>kata</em>"] * words) + "</p>"
    assert reading_minutes(Item("x", "berita", content=body)) == minutes


def test_reading_time_is_shown_in_the_pages_language(bilingual_site):
    assert bilingual_site.html("/2020/07/bimtek/").select_one(".meta .reading-time").get_text() == (
        "1 menit baca"
    )
    assert bilingual_site.html("/en/2020/07/bimtek/").select_one(".reading-time").get_text() == (
        "1 min read"
    )


@pytest.mark.parametrize("path", ["/2020/07/bimtek/", "/en/2022/02/lomba/"])
def test_the_story_starts_before_the_event_card(bilingual_site, path):
    page = bilingual_site.html(path)
    order = page.select_one(".article").find_all(True)
    first = page.select_one(".article .content p")
    assert order.index(first) < order.index(page.select_one(".event-card"))
    assert re.search(r"\w", first.get_text())
    # The participants are folded into one line until a reader opens them.
    if path == "/2020/07/bimtek/":  # the report with its participants
        assert page.select(".event-card details.participants-of:not([open]) .participants li")
