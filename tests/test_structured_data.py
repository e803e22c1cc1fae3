"""Structured data and the head of every page: JSON-LD checked against the schema.org
vocabulary and Google's rules (``schema_org``), the library from the settings, titles
and descriptions, icons and the head's other items, and sitemaps against their XSD."""

import json
from datetime import time
from pathlib import Path

import pytest
from lxml import etree
from PIL import Image

from conftest import ROOT, SITEURL, is_redirect_page
from schema_org import Checker, page_problems
from warta import library, structured_data

SCHEMAS = Path(__file__).resolve().parent / "schemas"
SITEMAP_NS = {
    "s": "http://www.sitemaps.org/schemas/sitemap/0.9",
    "x": "http://www.w3.org/1999/xhtml",
}
ONLINE_EVENT_LINK = "Google requires url of an event's VirtualLocation"


def settings_file():
    """The settings every fixture build uses (pelicanconf.py), as a dict."""
    import runpy

    return runpy.run_path(str(ROOT / "pelicanconf.py"))


def pages(site):
    """Every page of the site (not the redirect pages of old addresses)."""
    return sorted(p for p in site.output.rglob("*.html") if not is_redirect_page(p))


def url_path(site, page):
    path = "/" + page.relative_to(site.output).as_posix()
    return path.removesuffix("index.html")


def graph(site, path):
    """{@type: node} of a page's one JSON-LD block; {} for a page without one."""
    blocks = site.html(path).find_all("script", type="application/ld+json")
    assert len(blocks) <= 1, path
    if not blocks:
        return {}
    return {node["@type"]: node for node in json.loads(blocks[0].string)["@graph"]}


def meta(site, path):
    page = site.html(path)
    return {
        (m.get("property") or m.get("name")): m["content"] for m in page.select("meta[content]")
    }


# --- The checker itself ----------------------------------------------------------


def check(*nodes):
    return Checker().check({"@context": "https://schema.org", "@graph": list(nodes)})


GOOD_EVENT = {
    "@type": "Event",
    "name": "Lomba",
    "startDate": "2022-03-12T08:00:00+07:00",
    "eventStatus": "https://schema.org/EventScheduled",
    "location": {"@type": "Place", "name": "Aula", "address": "Jl. Merdeka 1"},
    "organizer": {"@id": "https://x.id/#library"},
}
LIBRARY = {"@type": "Library", "@id": "https://x.id/#library", "name": "P", "address": "Curup"}


def test_the_checker_passes_good_data():
    checker = check(
        GOOD_EVENT,
        LIBRARY,
        {
            "@type": "NewsArticle",
            "headline": "H",
            "image": ["https://x.id/a.jpg"],
            "datePublished": "2022-03-01",
            "author": {"@type": "Person", "name": "Feri"},
            "publisher": {"@id": "https://x.id/#library"},
        },
    )
    assert checker.problems == []
    assert checker.recommendations == [
        "NewsArticle.author: Google recommends a url for an Article's author"
    ]


@pytest.mark.parametrize(
    "node, problem",
    [
        ({**GOOD_EVENT, "@type": "Evnt"}, "Evnt is not a schema.org type (did you mean Event?)"),
        ({**GOOD_EVENT, "headline": "x"}, "headline is not a property of Event"),
        ({**GOOD_EVENT, "strtDate": "2022-03-12"}, "strtDate is not a schema.org property"),
        ({**GOOD_EVENT, "attendees": []}, "attendees is superseded by attendee"),
        ({**GOOD_EVENT, "startDate": "12 Maret 2022"}, "'12 Maret 2022' is not a Date or DateTime"),
        ({**GOOD_EVENT, "eventStatus": "https://schema.org/Monday"}, "Monday is not one of"),
        ({**GOOD_EVENT, "organizer": "Dinas"}, "text 'Dinas' where Organization or Person"),
        ({**GOOD_EVENT, "organizer": {"@id": "https://x.id/#nobody"}}, "no node on the page"),
        ({**GOOD_EVENT, "location": {"@type": "Person", "name": "x"}}, "a Person where"),
        ({**GOOD_EVENT, "organizer": {"name": "Dinas"}}, "a node without @type"),
        (
            {k: v for k, v in GOOD_EVENT.items() if k != "location"},
            "Google requires location of an Event",
        ),
        (
            {**GOOD_EVENT, "location": {"@type": "Place", "name": "Aula"}},
            "Google requires address of an event's Place",
        ),
        (
            {**GOOD_EVENT, "location": {"@type": "VirtualLocation", "name": "Zoom"}},
            ONLINE_EVENT_LINK,
        ),
        ({"@type": "NewsArticle", "headline": "H"}, "Google recommends image of an Article"),
        ({"@type": "Library", "name": "P"}, "Google requires address of a LocalBusiness"),
        ({"@type": "Text"}, "Text is a data type, not a type of node"),
        (
            {
                "@type": "BreadcrumbList",
                "itemListElement": [
                    {"@type": "ListItem", "position": 2, "name": "x", "item": "https://x.id/"}
                ],
            },
            "positions [2] do not count 1, 2, 3",
        ),
    ],
)
def test_the_checker_finds_each_kind_of_mistake(node, problem):
    problems = check(node, LIBRARY).problems
    assert any(problem in p for p in problems), problems


def test_the_checker_reads_every_block_of_a_page():
    html = (
        '<script type="application/ld+json">{"@context": "https://schema.org", "@type": "Thing",'
        ' "name": "ok"}</script><script type="application/ld+json">{"@type": </script>'
    )
    [problem] = page_problems(html)
    assert problem.startswith("block 2 is not JSON")


# --- The library's facts -----------------------------------------------------------


def test_opening_hours_are_read_and_written_the_local_way():
    hours = library.parse_hours("Mo-Fr 08:00-16:00")
    assert (hours.days, hours.opens, hours.closes) == ((0, 1, 2, 3, 4), time(8), time(16))
    assert library.parse_hours("mo,we, sa 9:00-12:30").days == (0, 2, 5)
    assert library.hours_text(hours, "id", "WIB") == "Senin–Jumat 08.00–16.00 WIB"
    assert library.hours_text(library.parse_hours("Sa 08:00-12:00"), "en_GB", "WIB") == (
        "Saturday 08:00–12:00 WIB"
    )
    for wrong, message in (
        ("Senin 08:00-16:00", "'Senin' is not a day"),
        ("Fr-Mo 08:00-16:00", "Monday first"),
        ("Mo 16:00-08:00", "closes before it opens"),
        ("Mo 08:00-25:00", "not times of day"),
        ("Mo 8 - 16", "is not like"),
    ):
        with pytest.raises(ValueError, match=message):
            library.parse_hours(wrong)


def test_the_library_node_says_what_the_settings_say():
    facts = library.read_library(settings_file())
    node = structured_data.library_node(
        facts, home_url="https://x.id/", logo_url="https://x.id/images/logo.png"
    )
    assert node["@id"] == "https://x.id/#library" and node["name"] == facts.name
    assert node["address"]["streetAddress"] == facts.address.street
    assert node["telephone"] == facts.phone and node["email"] == facts.email
    assert [h["dayOfWeek"][0] for h in node["openingHoursSpecification"]] == [
        "https://schema.org/Monday",
        "https://schema.org/Saturday",
    ]
    assert check(node).problems == []
    bare = library.read_library({"WARTA_LIBRARY": {"name": "Perpustakaan Desa"}})
    assert structured_data.library_node(bare, home_url="https://x.id/", logo_url="") == {
        "@type": "Library",
        "@id": "https://x.id/#library",
        "name": "Perpustakaan Desa",
        "url": "https://x.id/",
    }


# --- JSON-LD of the fixture site ----------------------------------------------------


def test_every_json_ld_block_of_every_page_fits_schema_org_and_google(bilingual_site):
    problems, recommendations, checked = [], [], 0
    for page in pages(bilingual_site):
        html = page.read_text(encoding="utf-8")
        checked += html.count("application/ld+json")
        for problem in page_problems(html, recommendations):
            problems.append(f"{url_path(bilingual_site, page)}: {problem}")
    assert problems == []
    assert checked > 30  # articles, homes, categories and tags, in both languages
    # Authors are people without a page of their own on the site: nothing to link.
    assert set(recommendations) == {
        "NewsArticle.author: Google recommends a url for an Article's author"
    }


def test_events_have_what_google_requires_of_them(bilingual_site):
    found, events = [], 0
    for page in pages(bilingual_site):
        html = page.read_text(encoding="utf-8")
        events += html.count('"@type": "Event"')
        found += [p for p in page_problems(html) if "Event" in p]
    assert found == [] and events >= 4


@pytest.mark.parametrize(
    "path, types",
    [
        ("/", {"WebSite", "Library"}),
        ("/en/", {"WebSite", "Library"}),
        ("/2022/01/laporan/", {"NewsArticle", "Library", "BreadcrumbList"}),
        ("/2020/07/bimtek/", {"NewsArticle", "Event", "Library", "BreadcrumbList"}),
        # an event that says neither where nor how: no Event Google would refuse
        ("/en/2020/07/bimtek/", {"NewsArticle", "Library", "BreadcrumbList"}),
        ("/kategori/kegiatan/", {"BreadcrumbList"}),
        ("/en/tag/kemitraan/", {"BreadcrumbList"}),
        ("/tag/bimtek/", {"BreadcrumbList"}),
        ("/asas/", set()),
        ("/en/agenda/", set()),
        ("/tentang/", set()),
    ],
)
def test_each_page_carries_the_graph_of_what_it_is(bilingual_site, path, types):
    assert set(graph(bilingual_site, path)) == types


@pytest.mark.parametrize("home, search", [("/", "/cari/"), ("/en/", "/en/search/")])
def test_the_website_search_action_leads_to_the_search_page(bilingual_site, home, search):
    site = graph(bilingual_site, home)["WebSite"]
    assert site["url"] == SITEURL + home and site["inLanguage"] == ("en" if "en" in home else "id")
    action = site["potentialAction"]
    assert action["query-input"] == "required name=search_term_string"
    template = action["target"]["urlTemplate"]
    assert template == SITEURL + search + "?q={search_term_string}"
    # The search page exists and its form sends ?q=.
    form = bilingual_site.html(search).select_one("form.search-form")
    assert form["action"] == SITEURL + search and form.select_one("input[name=q]")


def test_the_library_on_both_home_pages_is_the_settings_library(bilingual_site):
    settings = settings_file()["WARTA_LIBRARY"]
    id_home, en_home = (
        graph(bilingual_site, "/")["Library"],
        graph(bilingual_site, "/en/")["Library"],
    )
    assert id_home == en_home  # one library, one @id, in both languages
    assert id_home["@id"] == SITEURL + "/#library"
    assert id_home["name"] == settings["name"]
    assert id_home["address"]["streetAddress"] == settings["address"]["street"]
    assert id_home["address"]["addressCountry"] == "ID"
    assert id_home["telephone"] == settings["phone"] and id_home["email"] == settings["email"]
    assert (id_home["geo"]["latitude"], id_home["geo"]["longitude"]) == settings["geo"]
    assert id_home["logo"]["url"] == SITEURL + "/images/logo.png"
    hours = [
        (h["dayOfWeek"], h["opens"], h["closes"]) for h in id_home["openingHoursSpecification"]
    ]
    assert hours[0][1:] == ("08:00", "16:00") and len(hours) == len(settings["opening_hours"])
    # The footer shows what the JSON-LD says, in the page's language.
    footer = bilingual_site.html("/").select_one(".site-footer").get_text(" ", strip=True)
    assert settings["phone"] in footer and settings["address"]["street"] in footer
    assert "Jam layanan: Senin–Jumat 08.00–16.00 WIB" in footer
    en_footer = bilingual_site.html("/en/").select_one(".site-footer").get_text(" ", strip=True)
    assert "Opening hours: Monday–Friday 08:00–16:00 WIB" in en_footer
    phone_link = bilingual_site.html("/en/").select_one(".site-footer a[href^='tel:']")
    assert phone_link["href"] == "tel:" + settings["phone"].replace(" ", "")


@pytest.mark.parametrize(
    "path, author",
    [
        ("/2022/01/laporan/", None),  # no Author: written by the library (AUTHOR)
        ("/en/2020/07/bimtek/", {"@type": "Person", "name": "Sumarto"}),
    ],
)
def test_articles_name_their_publisher_by_the_librarys_id(bilingual_site, path, author):
    nodes = graph(bilingual_site, path)
    library_id = graph(bilingual_site, "/")["Library"]["@id"]
    assert nodes["NewsArticle"]["publisher"] == {"@id": library_id}
    assert nodes["NewsArticle"]["author"] == (author or {"@id": library_id})
    assert nodes["Library"]["@id"] == library_id and nodes["Library"]["address"]


def breadcrumb_shown(site, path):
    """[(name, URL or None)] of the breadcrumb a page shows (None: the page itself)."""
    nav = site.html(path).select_one("nav.breadcrumb")
    return [(e.get_text(strip=True), e.get("href")) for e in nav.find_all(["a", "span"])]


@pytest.mark.parametrize(
    "path, trail",
    [
        ("/kategori/kegiatan/", ["Beranda", "Kegiatan"]),
        ("/en/tag/kemitraan/", ["Home", "Principles", "Partnership"]),
        ("/tag/bimtek/", ["Beranda", "bimtek"]),
        ("/en/2020/07/bimtek/", ["Home", "Activities", "Training on Library Transformation"]),
    ],
)
def test_the_breadcrumb_list_is_the_breadcrumb_shown(bilingual_site, path, trail):
    items = graph(bilingual_site, path)["BreadcrumbList"]["itemListElement"]
    assert [i["name"] for i in items] == trail
    assert [i["position"] for i in items] == list(range(1, len(trail) + 1))
    assert items[-1]["item"] == SITEURL + path  # the page itself ends the trail
    shown = breadcrumb_shown(bilingual_site, path)
    if "/20" in path:  # an article shows the trail up to its category, then its heading
        assert shown == [(i["name"], i["item"]) for i in items[:-1]]
    else:
        assert shown == [(i["name"], i["item"]) for i in items[:-1]] + [(trail[-1], None)]


# --- The head ---------------------------------------------------------------------


def test_every_page_has_the_head_items(bilingual_site):
    for page in pages(bilingual_site):
        path = url_path(bilingual_site, page)
        html = bilingual_site.html(path)
        tags = meta(bilingual_site, path)
        assert tags["theme-color"] == "#005a8d", path
        assert tags["robots"] == "max-image-preview:large", path
        assert (
            html.select_one('link[rel="apple-touch-icon"]')["href"]
            == SITEURL + "/apple-touch-icon.png"
        )
        for key in (
            "og:image",
            "og:image:width",
            "og:image:height",
            "og:image:alt",
            "twitter:image:alt",
        ):
            assert tags.get(key), (path, key)


def test_the_share_picture_says_what_it_shows_in_each_language(bilingual_site):
    """In each language, with the library's name in that language ({library})."""
    settings = settings_file()
    library = settings["WARTA_LIBRARY"]
    for path, lang in (("/asas/", "id"), ("/en/principles/", "en")):
        tags = meta(bilingual_site, path)
        assert tags["og:image"] == SITEURL + "/images/share.png"
        name = library.get("names", {}).get(lang, library["name"])
        wanted = settings["WARTA_LANGUAGES"][lang]["share_image_alt"].replace("{library}", name)
        assert tags["og:image:alt"] == wanted and "{" not in wanted
    assert "Rejang Lebong Regional Library" in meta(bilingual_site, "/en/")["og:image:alt"]


def test_icons_are_made_from_the_logo(bilingual_site):
    with Image.open(bilingual_site.path("/favicon.ico")) as icon:
        assert icon.format == "ICO" and icon.info["sizes"] == {(16, 16), (32, 32), (48, 48)}
    with Image.open(bilingual_site.path("/apple-touch-icon.png")) as icon:
        assert (icon.format, icon.size, icon.mode) == ("PNG", (180, 180), "RGB")  # no transparency
        with Image.open(bilingual_site.content / "images" / "logo.png") as logo:
            # The logo's own colour, not a placeholder: the corner pixel is the logo's corner.
            scaled = logo.convert("RGB").resize((180, 180))
            assert icon.getpixel((5, 5)) == pytest.approx(scaled.getpixel((5, 5)), abs=8)
    # The logo itself is published as what its name says.
    with Image.open(bilingual_site.path("/images/logo.png")) as logo:
        assert logo.format == "PNG"


def test_modified_articles_say_when(bilingual_site):
    for path, shown in (
        ("/2022/01/laporan/", "diperbarui 20 Januari 2022"),
        ("/en/2022/01/laporan/", "updated 20 January 2022"),
    ):
        assert meta(bilingual_site, path)["article:modified_time"] == "2022-01-20T08:30:00+07:00"
        assert (
            graph(bilingual_site, path)["NewsArticle"]["dateModified"]
            == "2022-01-20T08:30:00+07:00"
        )
        assert shown in bilingual_site.html(path).select_one("article .meta").get_text(
            " ", strip=True
        )
    assert "article:modified_time" not in meta(bilingual_site, "/2020/07/bimtek/")


def shared_titles_and_descriptions(site):
    """{(language, "title" or "description", text): [paths]} of what two pages of one
    language share (a translation may share its title: "Agenda", a tag "bimtek")."""
    seen = {}
    for page in pages(site):
        path = url_path(site, page)
        lang = "en" if path.startswith("/en/") else "id"
        seen.setdefault((lang, "title", site.html(path).title.string), []).append(path)
        seen.setdefault((lang, "description", meta(site, path)["description"]), []).append(path)
    return {key: paths for key, paths in seen.items() if len(paths) > 1}


def test_every_page_has_its_own_title_and_description(bilingual_site):
    assert shared_titles_and_descriptions(bilingual_site) == {}
    assert meta(bilingual_site, "/kategori/kegiatan/")["description"] == (
        "Artikel dalam kategori Kegiatan dari Perpustakaan Daerah Rejang Lebong."
    )
    assert meta(bilingual_site, "/en/tag/bimtek/")["description"] == (
        "Articles tagged “bimtek”, from Perpustakaan Daerah Rejang Lebong."
    )


# --- Sitemaps ---------------------------------------------------------------------


@pytest.fixture(scope="module")
def sitemap_schema():
    return etree.XMLSchema(etree.parse(str(SCHEMAS / "sitemap-with-alternates.xsd")))


@pytest.mark.parametrize("path", ["/sitemap.xml", "/en/sitemap.xml"])
def test_sitemaps_are_valid_for_the_sitemaps_org_schema(bilingual_site, sitemap_schema, path):
    document = etree.parse(str(bilingual_site.path(path)))
    assert sitemap_schema.validate(document), sitemap_schema.error_log
    assert document.xpath("//x:link[@hreflang='x-default']", namespaces=SITEMAP_NS)


def test_the_sitemap_schema_rejects_a_wrong_alternate(sitemap_schema):
    wrong = etree.fromstring(
        b'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"'
        b' xmlns:xhtml="http://www.w3.org/1999/xhtml"><url><loc>https://x.example/a/</loc>'
        b'<xhtml:link rel="alternate" hreflang="Indonesian" href="https://x.example/"/></url></urlset>'
    )
    assert not sitemap_schema.validate(wrong)


@pytest.mark.parametrize("path", ["/sitemap.xml", "/en/sitemap.xml"])
def test_sitemap_alternates_are_the_page_heads(bilingual_site, path):
    document = etree.parse(str(bilingual_site.path(path)))
    for entry in document.xpath("//s:url", namespaces=SITEMAP_NS):
        url = entry.findtext("s:loc", namespaces=SITEMAP_NS)
        listed = {
            (link.get("hreflang"), link.get("href"))
            for link in entry.xpath("x:link", namespaces=SITEMAP_NS)
        }
        head = bilingual_site.html(url.removeprefix(SITEURL))
        announced = {(link["hreflang"], link["href"]) for link in head.select("link[hreflang]")}
        assert listed == announced, url


def test_page_two_of_a_listing_says_so_in_its_title_and_description(tmp_path):
    from conftest import FIXTURES, build

    site = build(FIXTURES / "bilingual_site", tmp_path / "output", DEFAULT_PAGINATION=1)
    assert site.returncode == 0, site.log
    for first, second, number in (
        ("/", "/halaman/2/", "Halaman 2"),
        ("/en/", "/en/page/2/", "Page 2"),
        ("/tag/kemitraan/", "/tag/kemitraan/halaman/2/", "Halaman 2"),
    ):
        one, two = meta(site, first), meta(site, second)
        assert number in site.html(second).title.string
        assert number not in site.html(first).title.string
        assert two["description"] == f"{number}: {one['description']}"
        assert two["og:title"].endswith(number)
    assert site.html("/tag/kemitraan/halaman/2/").title.string == (
        "Kemitraan · Halaman 2 · Warta Perpustakaan"
    )
    # Page 2 shows the breadcrumb, and its BreadcrumbList, of the tag it lists.
    items = graph(site, "/tag/kemitraan/halaman/2/")["BreadcrumbList"]["itemListElement"]
    assert items[-1]["item"] == SITEURL + "/tag/kemitraan/"
    assert "WebSite" not in graph(site, "/halaman/2/")  # the home page's graph is page 1's
    assert shared_titles_and_descriptions(site) == {}


def test_a_whatsapp_number_needs_its_country_code():
    base = {"name": "L", "address": {"street": "Jl. 1"}}
    chat = library.read_library({"WARTA_LIBRARY": {**base, "whatsapp": "+62 812-3456-7890"}})
    assert chat.whatsapp_link == "https://wa.me/6281234567890"
    with pytest.raises(ValueError, match="with its country code"):
        library.read_library({"WARTA_LIBRARY": {**base, "whatsapp": "0812 3456 7890"}})


@pytest.mark.parametrize(
    "path, heading, hours",
    [
        ("/tentang/", "Kunjungi dan hubungi kami", "Senin–Jumat"),
        ("/en/about/", "Visit and contact us", "Monday–Friday"),
    ],
)
def test_the_about_page_shows_the_library_from_the_settings(bilingual_site, path, heading, hours):
    """Another library changes WARTA_LIBRARY, not its About page's text."""
    facts = library.read_library(settings_file())
    block = bilingual_site.html(path).select_one(".library-contact")
    assert block.h2.get_text() == heading
    text = block.get_text(" ", strip=True)
    assert facts.address.one_line() in text and hours in text
    links = {a["href"] for a in block.select("a")}
    assert {facts.phone_link, facts.whatsapp_link, "mailto:" + facts.email, facts.map} <= links
    # only on that page: an article has the footer's details, not the block
    assert not bilingual_site.html("/2022/01/laporan/").select(".library-contact")
    footer = {a["href"] for a in bilingual_site.html(path).select(".site-footer a")}
    assert facts.whatsapp_link in footer
