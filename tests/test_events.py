"""Events and people: date ranges, JSON-LD, the event card, the agenda and its calendar."""

import json
from datetime import date, datetime, timedelta
from types import SimpleNamespace
from zoneinfo import ZoneInfo

import icalendar
import pytest
from jinja2 import Environment

from conftest import SITEURL, TODAY
from warta import events, structured_data

JAKARTA = ZoneInfo("Asia/Jakarta")
THIN = "\u2009"


def at(day, hour, minute=0):
    return datetime.combine(day, datetime.min.time()).replace(
        hour=hour, minute=minute, tzinfo=JAKARTA
    )


@pytest.mark.parametrize(
    "start, end, indonesian, english",
    [
        (date(2021, 3, 12), None, "12 Maret 2021", "12 March 2021"),
        (date(2021, 3, 12), date(2021, 3, 12), "12 Maret 2021", "12 March 2021"),
        (date(2020, 7, 27), date(2020, 7, 29), "27–29 Juli 2020", "27–29 July 2020"),
        (
            date(2020, 7, 30),
            date(2020, 8, 2),
            f"30 Juli{THIN}–{THIN}2 Agustus 2020",
            f"30 July{THIN}–{THIN}2 August 2020",
        ),
        (
            date(2020, 12, 30),
            date(2021, 1, 2),
            f"30 Desember 2020{THIN}–{THIN}2 Januari 2021",
            f"30 December 2020{THIN}–{THIN}2 January 2021",
        ),
        (
            at(date(2021, 3, 12), 8),
            at(date(2021, 3, 12), 13),
            "12 Maret 2021, 08.00–13.00 WIB",
            "12 March 2021, 08:00–13:00 WIB",
        ),
        (
            at(date(2021, 3, 12), 8, 30),
            None,
            "12 Maret 2021, 08.30 WIB",
            "12 March 2021, 08:30 WIB",
        ),
        (
            at(date(2021, 3, 12), 19),
            at(date(2021, 3, 13), 7),
            f"12 Maret 2021, 19.00{THIN}–{THIN}13 Maret 2021, 07.00 WIB",
            f"12 March 2021, 19:00{THIN}–{THIN}13 March 2021, 07:00 WIB",
        ),
        (
            at(date(2021, 12, 31), 20),
            at(date(2022, 1, 1), 1),
            f"31 Desember 2021, 20.00{THIN}–{THIN}1 Januari 2022, 01.00 WIB",
            f"31 December 2021, 20:00{THIN}–{THIN}1 January 2022, 01:00 WIB",
        ),
    ],
)
def test_event_range_in_both_languages(start, end, indonesian, english):
    assert events.event_range(start, end, "id", "WIB") == indonesian
    assert events.event_range(start, end, "en_GB", "WIB") == english


def event_article(**fields):
    values = {
        "slug": "lomba",
        "lang": "id",
        "url": "2022/02/lomba/",
        "title": 'Lomba <span class="caps">SD</span> &#8220;Dongeng&#8221;',
        "summary": "<p>Ringkasan &amp; lainnya</p>",
        "content": "<p>Isi</p>",
        "date": at(date(2022, 2, 20), 9),
        "principles": [SimpleNamespace(name="Demokrasi")],
        "tags": [SimpleNamespace(name="Demokrasi"), SimpleNamespace(name="lomba")],
        "category": SimpleNamespace(name="Kegiatan"),
        "author": SimpleNamespace(name="Feri"),
        "event": 'Lomba "Dongeng" <Rakyat> & Cerita </script>',
        "event_start": at(date(2022, 3, 12), 8),
        "event_end": at(date(2022, 3, 12), 13),
        "event_organizer": "Perpustakaan & Dinas",
        "event_location": "Aula, Curup",
        "event_attendance": "offline",
        "participants": ['Aisyah "Ica" Putri', "Bima"],
    }
    values.update(fields)
    return SimpleNamespace(**values)


PUBLISHER = {"@id": "https://x.id/#library"}  # articles name the library by its @id


def test_news_article_is_plain_text_with_offsets():
    data = structured_data.news_article(
        event_article(), url="https://x.id/2022/02/lomba/", image=None, publisher=PUBLISHER
    )
    assert data["headline"] == "Lomba SD “Dongeng”"
    assert data["description"] == "Ringkasan & lainnya"
    assert data["datePublished"] == "2022-02-20T09:00:00+07:00"
    assert data["inLanguage"] == "id"
    assert data["about"] == [{"@type": "Thing", "name": "Demokrasi"}]
    assert data["author"] == {"@type": "Person", "name": "Feri"}
    assert "image" not in data


@pytest.mark.parametrize(
    "attendance, where, location",
    [
        ("online", "Zoom", {"@type": "VirtualLocation", "name": "Zoom"}),
        (
            "online",
            "https://zoom.us/j/1",
            {"@type": "VirtualLocation", "url": "https://zoom.us/j/1"},
        ),
        (
            "offline",
            "Aula, Curup",
            {"@type": "Place", "name": "Aula, Curup", "address": "Aula, Curup"},
        ),
        (
            "mixed",
            "Aula, Curup",
            [
                {"@type": "Place", "name": "Aula, Curup", "address": "Aula, Curup"},
                {"@type": "VirtualLocation"},
            ],
        ),
    ],
)
def test_event_location_follows_attendance(attendance, where, location):
    article = event_article(event_attendance=attendance, event_location=where)
    data = structured_data.event(article, url="https://x.id/a/", image=None, publisher=PUBLISHER)
    assert data["location"] == location
    assert data["eventAttendanceMode"] == structured_data.ATTENDANCE[attendance]


def test_date_only_event_keeps_dates():
    article = event_article(event_start=date(2020, 7, 27), event_end=date(2020, 7, 29))
    data = structured_data.event(article, url="https://x.id/a/", image=None, publisher=PUBLISHER)
    assert (data["startDate"], data["endDate"]) == ("2020-07-27", "2020-07-29")


def test_json_ld_cannot_end_its_script_block():
    article = event_article()
    data = {
        "@graph": [
            structured_data.event(article, url="https://x.id/a/", image=None, publisher=PUBLISHER)
        ]
    }
    html = (
        Environment(autoescape=True)
        .from_string('<script type="application/ld+json">{{ d|tojson }}</script>')
        .render(d=data)
    )
    body = html.removeprefix('<script type="application/ld+json">').removesuffix("</script>")
    assert "<" not in body and ">" not in body and "&" not in body
    event = json.loads(body)["@graph"][0]
    assert event["name"] == 'Lomba "Dongeng" <Rakyat> & Cerita </script>'
    assert event["attendee"][0] == {"@type": "Person", "name": 'Aisyah "Ica" Putri'}
    assert event["organizer"] == {"@type": "Organization", "name": "Perpustakaan & Dinas"}


def test_agenda_puts_upcoming_first_then_past_by_year():
    def a(slug, start, end=None):
        return event_article(slug=slug, event_start=start, event_end=end)

    articles = [
        a("old", date(2020, 7, 27), date(2020, 7, 29)),
        a("running", date(2022, 2, 28), date(2022, 3, 2)),
        a("soon", at(date(2022, 3, 12), 8)),
        a("later", date(2022, 6, 1)),
        a("last-year", date(2021, 3, 12)),
        event_article(slug="no-event", event_start=None),
    ]
    upcoming, past = events.agenda(articles, date(2022, 3, 1))
    assert [x.slug for x in upcoming] == ["running", "soon", "later"]
    assert [(year, [x.slug for x in group]) for year, group in past] == [
        (2021, ["last-year"]),
        (2020, ["old"]),
    ]


def test_calendar_all_day_and_timed_events():
    articles = [
        event_article(slug="bimtek", event_start=date(2020, 7, 27), event_end=date(2020, 7, 29)),
        event_article(slug="lomba"),
    ]
    ics = events.calendar(
        articles,
        name="Agenda",
        lang="id",
        siteurl="https://x.id",
        timezone="Asia/Jakarta",
        url_of=lambda article: "https://x.id/" + article.url,
    )
    cal = icalendar.Calendar.from_ical(ics)
    bimtek, lomba = cal.walk("VEVENT")
    assert bimtek["DTSTART"].dt == date(2020, 7, 27)
    assert bimtek["DTEND"].dt == date(2020, 7, 30)  # exclusive
    assert lomba["DTSTART"].params["TZID"] == "Asia/Jakarta"
    assert lomba["DTSTART"].dt == at(date(2022, 3, 12), 8)
    assert str(bimtek["UID"]) == "bimtek.id@x.id"
    assert str(lomba["SUMMARY"]) == 'Lomba "Dongeng" <Rakyat> & Cerita </script>'
    assert cal.walk("VTIMEZONE")


# --- The fixture site -----------------------------------------------------


def json_ld(page):
    blocks = page.find_all("script", type="application/ld+json")
    assert len(blocks) == 1
    return {item["@type"]: item for item in json.loads(blocks[0].string)["@graph"]}


def test_event_card_in_both_languages(bilingual_site):
    card = bilingual_site.html("/2020/07/bimtek/").select_one(".event-card")
    text = card.get_text(" ", strip=True)
    assert (
        "27–29 Juli 2020" in text and "Daring (Zoom)" in text and "Perpustakaan Nasional RI" in text
    )
    assert "3 peserta" in text
    assert [li.get_text() for li in card.select(".participants li")] == [
        "Esnalianti",
        "Dra. Hj. Nurhayati, M.Pd.",
        "Sumarto",
    ]
    assert card.select_one('a[type="text/calendar"]')["href"] == SITEURL + "/agenda.ics"
    en = bilingual_site.html("/en/2022/02/lomba/").select_one(".event-card")
    text = en.get_text(" ", strip=True)
    assert "12 March 2021" not in text and "12 March 2022, 08:00–13:00 WIB" in text
    assert 'Folk "Tale" & Stories <5 minutes' in text  # escaped, shown as written
    assert "In person" in text and "2 participants" in text
    assert en.select_one('a[type="text/calendar"]')["href"] == SITEURL + "/en/agenda.ics"


def test_listings_show_a_date_badge_for_events(bilingual_site):
    cards = {c.h2.a["href"]: c for c in bilingual_site.html("/en/").select(".card")}
    assert (
        cards[SITEURL + "/en/2022/02/lomba/"]
        .select_one(".date-badge")
        .get_text(strip=True)
        .endswith("12 March 2022")
    )
    assert cards[SITEURL + "/en/2022/01/laporan/"].select_one(".date-badge") is None


def test_json_ld_news_article_and_event(bilingual_site):
    data = json_ld(bilingual_site.html("/2020/07/bimtek/"))
    article, event = data["NewsArticle"], data["Event"]
    url = SITEURL + "/2020/07/bimtek/"
    assert article["headline"] == "Bimtek Transformasi Perpustakaan"
    assert article["datePublished"] == "2020-07-30T10:00:00+07:00"
    assert article["inLanguage"] == "id"
    assert article["mainEntityOfPage"]["@id"] == url
    assert article["publisher"] == {"@id": data["Library"]["@id"]}
    assert data["Library"]["logo"]["url"] == SITEURL + "/images/logo.png"
    assert [a["name"] for a in article["about"]] == ["Kemitraan", "Pembelajaran Sepanjang Hayat"]
    assert event["name"] == "Bimtek Transformasi Perpustakaan Berbasis Inklusi Sosial"
    assert (event["startDate"], event["endDate"]) == ("2020-07-27", "2020-07-29")
    assert event["eventAttendanceMode"] == "https://schema.org/OnlineEventAttendanceMode"
    assert event["eventStatus"] == "https://schema.org/EventScheduled"
    assert event["location"] == {"@type": "VirtualLocation", "name": "Zoom"}
    assert event["organizer"] == {"@type": "Organization", "name": "Perpustakaan Nasional RI"}
    assert [p["name"] for p in event["attendee"]] == [
        "Esnalianti",
        "Dra. Hj. Nurhayati, M.Pd.",
        "Sumarto",
    ]
    assert event["inLanguage"] == "id"
    en = json_ld(bilingual_site.html("/en/2020/07/bimtek/"))
    assert [a["name"] for a in en["NewsArticle"]["about"]] == ["Partnership", "Lifelong Learning"]


def test_json_ld_survives_markup_in_values(bilingual_site):
    page = bilingual_site.path("/2022/02/lomba/").read_text()
    block = page.split('<script type="application/ld+json">', 1)[1].split("</script>", 1)[0]
    assert "<" not in block and "&" not in block and "\\u003c5 menit" in block
    event = json_ld(bilingual_site.html("/2022/02/lomba/"))["Event"]
    assert event["name"] == 'Lomba "Dongeng" & Cerita <5 menit'
    assert event["startDate"] == "2022-03-12T08:00:00+07:00"
    assert event["location"]["@type"] == "Place"


def test_open_graph_tags(bilingual_site):
    def og(path):
        page = bilingual_site.html(path)
        tags = {}
        for meta in page.select("meta[property^='og:']"):
            tags.setdefault(meta["property"], []).append(meta["content"])
        return tags

    tags = og("/en/2022/01/laporan/")
    assert tags["og:title"] == ["Service Report UU and TIK 2021"]
    assert tags["og:description"] == ["The 2021 service figures, published."]
    assert tags["og:locale"] == ["en_US"] and tags["og:locale:alternate"] == ["id_ID"]
    assert tags["og:url"] == [SITEURL + "/en/2022/01/laporan/"]
    assert tags["og:image"] == [SITEURL + "/images/share.png"]
    assert tags["og:type"] == ["article"]
    home = og("/")
    assert home["og:locale"] == ["id_ID"] and home["og:type"] == ["website"]


def test_agenda_pages(bilingual_site):
    for path, upcoming, past in (
        ("/agenda/", "Akan datang", "Kegiatan yang sudah berlangsung"),
        ("/en/agenda/", "Upcoming", "Past events"),
    ):
        page = bilingual_site.html(path)
        headings = [h.get_text() for h in page.select("main h2, main h3")]
        assert headings[:2] == [upcoming, past]
        links = [a["href"].removeprefix(SITEURL) for a in page.select(".agenda-item a")]
        prefix = "/en" if path.startswith("/en") else ""
        expected = (
            [f"{prefix}/2022/02/lomba/", f"{prefix}/2022/02/kunjungan-perpustakaan-keliling/"]
            + ([f"{prefix}/2021/09/pojok-baca/"] if not prefix else [])
            + [f"{prefix}/2020/07/bimtek/"]
        )
        assert links == expected
        assert (
            page.select_one('link[type="text/calendar"]')["href"]
            == SITEURL + prefix + "/agenda.ics"
        )
    assert (
        "12 Maret 2022, 08.00–13.00 WIB"
        in bilingual_site.html("/agenda/").select_one(".agenda-item").get_text()
    )


@pytest.mark.parametrize("prefix, lang", [("", "id"), ("/en", "en")])
def test_agenda_ics_per_language(bilingual_site, prefix, lang):
    cal = icalendar.Calendar.from_ical(bilingual_site.path(prefix + "/agenda.ics").read_bytes())
    vevents = {str(e["UID"]): e for e in cal.walk("VEVENT")}
    expected = {"bimtek", "lomba", "kunjungan-perpustakaan-keliling"} | (
        {"pojok-baca"} if lang == "id" else set()
    )
    assert set(vevents) == {f"{slug}.{lang}@perpustakaan.example.id" for slug in expected}
    bimtek = vevents[f"bimtek.{lang}@perpustakaan.example.id"]
    assert bimtek["DTSTART"].dt == date(2020, 7, 27) and bimtek["DTEND"].dt == date(2020, 7, 30)
    assert str(bimtek["URL"]) == f"{SITEURL}{prefix}/2020/07/bimtek/"
    lomba = vevents[f"lomba.{lang}@perpustakaan.example.id"]
    assert lomba["DTSTART"].params["TZID"] == "Asia/Jakarta"
    assert lomba["DTEND"].dt - lomba["DTSTART"].dt == timedelta(hours=5)
    assert str(lomba["LOCATION"]) == "Aula Perpustakaan Daerah, Curup"
    assert str(lomba["URL"]) in str(lomba["DESCRIPTION"])


def test_agenda_ics_is_the_same_in_every_build(bilingual_site, tmp_path):
    from conftest import build

    again = build(bilingual_site.content, tmp_path / "output", WARTA_TODAY=TODAY)
    assert again.path("/agenda.ics").read_bytes() == bilingual_site.path("/agenda.ics").read_bytes()
