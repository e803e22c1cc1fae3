"""Events and people: date ranges, JSON-LD, the event card, the agenda and its calendar."""

import json
from datetime import date, datetime, timedelta
from types import SimpleNamespace
from zoneinfo import ZoneInfo

import icalendar
import pytest
from ical.calendar_stream import IcsCalendarStream
from jinja2 import Environment

from conftest import FIXTURES, SITEURL, TODAY, build
from warta.library import read_library
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
        # A timed start with a date-only end: the end day is kept.
        (
            at(date(2020, 7, 27), 9),
            date(2020, 7, 29),
            f"27 Juli 2020, 09.00 WIB{THIN}–{THIN}29 Juli 2020",
            f"27 July 2020, 09:00 WIB{THIN}–{THIN}29 July 2020",
        ),
        (at(date(2021, 3, 12), 8), date(2021, 3, 12), "12 Maret 2021, 08.00 WIB", None),
        # A date-only start with a timed end: the end time is kept.
        (
            date(2020, 7, 27),
            at(date(2020, 7, 29), 12),
            "27–29 Juli 2020, sampai 12.00 WIB",
            "27–29 July 2020, until 12:00 WIB",
        ),
        (date(2021, 3, 12), at(date(2021, 3, 12), 13), "12 Maret 2021, sampai 13.00 WIB", None),
    ],
)
def test_event_range_in_both_languages(start, end, indonesian, english):
    until = {"id": "sampai {}", "en_GB": "until {}"}
    assert events.event_range(start, end, "id", "WIB", until=until["id"].format) == indonesian
    if english:
        assert (
            events.event_range(start, end, "en_GB", "WIB", until=until["en_GB"].format) == english
        )


# Every mix of a dated or timed start with no end, a dated end or a timed end:
# (start, end, DTEND, schema.org endDate).
ENDS = [
    (date(2022, 3, 12), None, date(2022, 3, 13), "2022-03-12"),
    (date(2022, 3, 12), date(2022, 3, 14), date(2022, 3, 15), "2022-03-14"),
    (date(2022, 3, 12), at(date(2022, 3, 14), 12), date(2022, 3, 15), "2022-03-14T12:00:00+07:00"),
    (at(date(2022, 3, 12), 8), None, at(date(2022, 3, 12), 8), "2022-03-12T08:00:00+07:00"),
    (
        at(date(2022, 3, 12), 8),
        date(2022, 3, 14),
        at(date(2022, 3, 15), 0),
        "2022-03-14T23:59:00+07:00",
    ),
    (
        at(date(2022, 3, 12), 8),
        at(date(2022, 3, 12), 13),
        at(date(2022, 3, 12), 13),
        "2022-03-12T13:00:00+07:00",
    ),
]


@pytest.mark.parametrize("start, end, dtend, end_date", ENDS)
def test_every_mix_of_dates_and_times_keeps_its_end(start, end, dtend, end_date):
    assert events.ical_end(start, end) == dtend
    assert type(events.ical_end(start, end)) is type(start)  # RFC 5545: DTEND's type is DTSTART's
    assert events.schema_end(start, end) == end_date


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
        "event_url": None,
        "event_address": None,
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


ADDRESS = {"@type": "PostalAddress", "streetAddress": "Jl. S. Sukowati No. 1, Curup"}
PAGE = "https://x.id/a/"


@pytest.mark.parametrize(
    "fields, location",
    [
        # Online: the platform's name and the link; a private link is never written.
        (
            {"event_attendance": "online", "event_location": "Zoom"},
            {"@type": "VirtualLocation", "name": "Zoom", "url": PAGE},
        ),
        (
            {
                "event_attendance": "online",
                "event_location": "Zoom",
                "event_url": "https://zoom.us/j/1",
            },
            {"@type": "VirtualLocation", "name": "Zoom", "url": "https://zoom.us/j/1"},
        ),
        # A link written as the place is no place, and not the link either.
        (
            {"event_attendance": "online", "event_location": "https://zoom.us/j/1"},
            {"@type": "VirtualLocation", "url": PAGE},
        ),
        (
            {"event_attendance": "offline", "event_location": "https://zoom.us/j/1"},
            [],
        ),
        # In person: a Place with its PostalAddress; the name is all there is without one.
        (
            {"event_address": "Jl. S. Sukowati No. 1, Curup"},
            {"@type": "Place", "name": "Aula, Curup", "address": ADDRESS},
        ),
        (
            {},
            {
                "@type": "Place",
                "name": "Aula, Curup",
                "address": {"@type": "PostalAddress", "streetAddress": "Aula, Curup"},
            },
        ),
        # Both.
        (
            {
                "event_attendance": "mixed",
                "event_address": "Jl. S. Sukowati No. 1, Curup",
                "event_url": "https://youtube.com/live/x",
            },
            [
                {"@type": "Place", "name": "Aula, Curup", "address": ADDRESS},
                {"@type": "VirtualLocation", "url": "https://youtube.com/live/x"},
            ],
        ),
    ],
)
def test_event_location_follows_attendance(fields, location):
    article = event_article(**fields)
    data = structured_data.event(article, url=PAGE, image=None, publisher=PUBLISHER)
    if not location:  # nowhere to go and no way to attend: no Event Google would refuse
        assert data is None
        return
    assert data["location"] == location
    attendance = fields.get("event_attendance", "offline")
    assert data["eventAttendanceMode"] == structured_data.ATTENDANCE[attendance]


def test_an_event_with_no_place_and_no_way_to_attend_has_no_event_data():
    article = event_article(event_location=None, event_attendance=None)
    assert structured_data.event(article, url=PAGE, image=None, publisher=PUBLISHER) is None


def test_event_organizer_status_and_country():
    library = {**PUBLISHER, "name": "Perpustakaan & Dinas"}
    article = event_article(event_status="cancelled", event_address="Jl. Merdeka 1")
    data = structured_data.event(
        article,
        url=PAGE,
        image=None,
        publisher=library,
        library=read_library({"WARTA_LIBRARY": {"name": "L", "address": {"country": "ID"}}}),
    )
    assert data["eventStatus"] == "https://schema.org/EventCancelled"
    # the library organises: its own node in the page's graph, which has its url
    assert data["organizer"] == {"@id": "https://x.id/#library"}
    assert data["location"]["address"]["addressCountry"] == "ID"
    other = structured_data.event(
        event_article(event_organizer="Perpusnas", event_organizer_url="https://perpusnas.go.id"),
        url=PAGE,
        image=None,
        publisher=PUBLISHER,
    )
    assert other["organizer"] == {
        "@type": "Organization",
        "name": "Perpusnas",
        "url": "https://perpusnas.go.id",
    }
    assert other["eventStatus"] == "https://schema.org/EventScheduled"


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


def parse_calendar(data):
    """An iCalendar file read by two independent parsers, icalendar and ical (the
    strict, pydantic-checked one): [(icalendar's VEVENT, ical's Event)] by UID."""
    strict = IcsCalendarStream.calendar_from_ics(data.decode("utf-8"))
    loose = icalendar.Calendar.from_ical(data)
    assert str(loose["METHOD"]) == "PUBLISH" and strict.method == "PUBLISH"
    assert [str(e["UID"]) for e in loose.walk("VEVENT")] == [e.uid for e in strict.events]
    for one, other in zip(loose.walk("VEVENT"), strict.events):
        assert "DTEND" in one, one["UID"]  # every calendar sees an end
        assert one["DTEND"].dt == other.dtend and one["DTSTART"].dt == other.dtstart
    return loose, strict


def test_calendar_all_day_and_timed_events():
    articles = [
        event_article(slug="bimtek", event_start=date(2020, 7, 27), event_end=date(2020, 7, 29)),
        event_article(slug="lomba"),
        event_article(slug="pembukaan", event_end=None, event_status="cancelled"),
    ]
    ics = events.calendar(
        articles,
        name="Agenda",
        lang="id",
        siteurl="https://x.id",
        timezone="Asia/Jakarta",
        refresh=timedelta(hours=12),
        source="https://x.id/agenda.ics",
        url_of=lambda article: "https://x.id/" + article.url,
    )
    cal, strict = parse_calendar(ics)
    bimtek, lomba, pembukaan = cal.walk("VEVENT")
    assert bimtek["DTSTART"].dt == date(2020, 7, 27)
    assert bimtek["DTEND"].dt == date(2020, 7, 30)  # exclusive
    assert lomba["DTSTART"].params["TZID"] == "Asia/Jakarta"
    assert lomba["DTSTART"].dt == at(date(2022, 3, 12), 8)
    assert pembukaan["DTEND"].dt == pembukaan["DTSTART"].dt  # no end: it lasts no time
    assert str(pembukaan["STATUS"]) == "CANCELLED" and str(lomba["STATUS"]) == "CONFIRMED"
    assert str(bimtek["UID"]) == "bimtek.id@x.id"
    assert str(lomba["SUMMARY"]) == 'Lomba "Dongeng" <Rakyat> & Cerita </script>'
    assert str(lomba["LOCATION"]) == "Aula, Curup"
    assert cal.walk("VTIMEZONE")
    assert strict.refresh_interval == timedelta(hours=12)
    assert b"REFRESH-INTERVAL;VALUE=DURATION:PT12H" in ics and b"X-PUBLISHED-TTL:PT12H" in ics
    assert str(cal["X-WR-CALNAME"]) == str(cal["NAME"]) == "Agenda"
    assert str(cal["SOURCE"]) == "https://x.id/agenda.ics"


def test_a_calendar_says_where_to_join_and_never_a_private_link():
    public = event_article(
        slug="daring",
        event_attendance="online",
        event_location="Zoom",
        event_url="https://zoom.us/j/1",
    )
    mixed = event_article(
        slug="campuran",
        event_attendance="mixed",
        event_address="Jl. Merdeka 1, Curup",
        event_url="https://youtube.com/live/x",
    )
    private = event_article(
        slug="rahasia", event_attendance="online", event_location="Zoom", event_url_private=True
    )
    ics = events.calendar(
        [public, mixed, private],
        lang="id",
        siteurl="",
        url_of=lambda article: "/" + article.url,  # a local build: no address
        _={"Join online: %(url)s": "Ikuti secara daring: %(url)s"}.get,
    )
    cal, _strict = parse_calendar(ics)
    by_uid = {str(e["UID"]).split(".")[0]: e for e in cal.walk("VEVENT")}
    assert str(by_uid["daring"]["LOCATION"]) == "https://zoom.us/j/1"
    assert str(by_uid["daring"]["CONFERENCE"]) == "https://zoom.us/j/1"
    assert by_uid["daring"]["CONFERENCE"].params["LABEL"] == "Zoom"
    assert "Ikuti secara daring: https://zoom.us/j/1" in str(by_uid["daring"]["DESCRIPTION"])
    assert str(by_uid["campuran"]["LOCATION"]) == "Aula, Curup, Jl. Merdeka 1, Curup"
    assert str(by_uid["campuran"]["CONFERENCE"]) == "https://youtube.com/live/x"
    assert str(by_uid["rahasia"]["LOCATION"]) == "Zoom" and "CONFERENCE" not in by_uid["rahasia"]
    assert all("URL" not in e for e in by_uid.values())  # a relative URL is no URI
    assert b"localhost" in ics and b"\nNAME:" not in ics and b"REFRESH" not in ics


def test_webcal_needs_an_address():
    assert events.webcal("https://x.id/agenda.ics") == "webcal://x.id/agenda.ics"
    local = "127.0.0.1:8000/en/agenda.ics"
    assert events.webcal("http://" + local) == "webcal://" + local
    assert events.webcal("../agenda.ics") is None and events.webcal("/agenda.ics") is None


# --- The fixture site -----------------------------------------------------


def json_ld(page):
    blocks = page.find_all("script", type="application/ld+json")
    assert len(blocks) == 1
    return {item["@type"]: item for item in json.loads(blocks[0].string)["@graph"]}


def google_event_problems(event, graph=()):
    """What Google's event results ask of an Event and miss here: its required
    properties, and the recommended ones this site can know (not offers or
    performer: a news site has no ticket price or performer to give). ``graph``:
    the page's other nodes, which an ``{"@id": …}`` reference names."""
    nodes = {node.get("@id"): node for node in graph}
    organizer = event.get("organizer", {})
    organizer = nodes.get(organizer.get("@id"), organizer)
    missing = [key for key in ("name", "startDate", "location") if not event.get(key)]
    locations = event.get("location")
    for location in locations if isinstance(locations, list) else [locations]:
        if location["@type"] == "Place" and not location.get("address"):
            missing.append("location.address")
        if location["@type"] == "VirtualLocation" and not location.get("url"):
            missing.append("location.url")
        if location["@type"] == "Place" and str(location.get("address", "")).find("://") >= 0:
            missing.append("location.address is a link")
    for key in ("description", "endDate", "eventAttendanceMode", "eventStatus", "image"):
        if not event.get(key):
            missing.append(key)
    if not organizer.get("name") or not organizer.get("url"):
        missing.append("organizer.url")
    types = {l["@type"] for l in (locations if isinstance(locations, list) else [locations])}
    mode = event.get("eventAttendanceMode", "").rsplit("/", 1)[-1]
    expected = {
        "OnlineEventAttendanceMode": {"VirtualLocation"},
        "OfflineEventAttendanceMode": {"Place"},
        "MixedEventAttendanceMode": {"Place", "VirtualLocation"},
    }.get(mode)
    if types != expected:
        missing.append(f"location {sorted(types)} for {mode}")
    return missing


@pytest.mark.parametrize(
    "path, mode, locations",
    [
        ("/2020/07/bimtek/", "Online", ["VirtualLocation"]),
        ("/en/2022/02/lomba/", "Offline", ["Place"]),
        ("/2021/09/pojok-baca/", "Mixed", ["Place", "VirtualLocation"]),
    ],
)
def test_json_ld_of_online_offline_and_mixed_events(bilingual_site, path, mode, locations):
    graph = json_ld(bilingual_site.html(path))
    event = graph["Event"]
    assert event["eventAttendanceMode"] == f"https://schema.org/{mode}EventAttendanceMode"
    found = event["location"] if isinstance(event["location"], list) else [event["location"]]
    assert [location["@type"] for location in found] == locations
    problems = google_event_problems(event, graph.values())
    if mode == "Offline":  # the English translation names its organiser without a link
        assert problems == ["organizer.url"]
    else:
        assert problems == []
    if mode == "Mixed":
        place, online = found
        assert place["address"]["streetAddress"] == "Jl. Merdeka, Desa Kampung Delima, Curup Timur"
        assert online == {
            "@type": "VirtualLocation",
            "url": "https://www.youtube.com/live/pojokbaca",
        }


def test_event_card_in_both_languages(bilingual_site):
    card = bilingual_site.html("/2020/07/bimtek/").select_one(".event-card")
    text = card.get_text(" ", strip=True)
    assert (
        "27–29 Juli 2020" in text and "Tempat Zoom" in text and "Perpustakaan Nasional RI" in text
    )
    assert "Tautan khusus untuk peserta." in text  # the meeting link is private
    assert card.select_one("dd a")["href"] == "https://www.perpusnas.go.id"  # the organiser
    assert "3 peserta" in text
    assert [li.get_text() for li in card.select(".participants li")] == [
        "Esnalianti",
        "Dra. Hj. Nurhayati, M.Pd.",
        "Sumarto",
    ]
    add = card.select_one('a[type="text/calendar"]')
    assert add.get_text() == "Tambahkan ke kalender"
    assert add["href"] == SITEURL + "/2020/07/bimtek/bimtek.ics"
    en = bilingual_site.html("/en/2022/02/lomba/").select_one(".event-card")
    text = en.get_text(" ", strip=True)
    assert "12 March 2021" not in text and "12 March 2022, 08:00–13:00 WIB" in text
    assert 'Folk "Tale" & Stories <5 minutes' in text  # escaped, shown as written
    assert "In person" in text and "2 participants" in text
    assert en.select_one(".event-address").get_text() == "Jl. S. Sukowati No. 1, Curup"
    add = en.select_one('a[type="text/calendar"]')
    assert add.get_text() == "Add to calendar"
    assert add["href"] == SITEURL + "/en/2022/02/lomba/lomba.ics"
    mixed = bilingual_site.html("/2021/09/pojok-baca/").select_one(".event-card")
    link = mixed.select_one(".event-link a")
    assert link["href"] == "https://www.youtube.com/live/pojokbaca"
    assert mixed.select_one(".event-link").get_text(" ", strip=True) == (
        "Ikuti secara daring (youtube.com)"
    )
    assert "Tempat Desa Kampung Delima dan daring Jl. Merdeka" in mixed.get_text(" ", strip=True)


def test_a_private_meeting_link_is_in_no_public_file(bilingual_site):
    for path, text in bilingual_site.public_texts():  # pages, feeds, calendars, search index
        assert "81234567890" not in text and "RahasiaBimtek" not in text, path


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
    # The meeting link is private: the page that says how to take part stands for it.
    assert event["location"] == {"@type": "VirtualLocation", "name": "Zoom", "url": url}
    assert event["organizer"] == {
        "@type": "Organization",
        "name": "Perpustakaan Nasional RI",
        "url": "https://www.perpusnas.go.id",
    }
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
    assert event["location"] == {
        "@type": "Place",
        "name": "Aula Perpustakaan Daerah, Curup",
        "address": {
            "@type": "PostalAddress",
            "streetAddress": "Jl. S. Sukowati No. 1, Curup",
            "addressCountry": "ID",
        },
    }


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
        ("/agenda/", "Kegiatan mendatang", "Kegiatan yang sudah berlangsung"),
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
        calendar_file = SITEURL + prefix + "/agenda.ics"
        assert page.select_one('link[type="text/calendar"]')["href"] == calendar_file
        subscribe = page.select(".subscribe a")
        assert [a["href"] for a in subscribe] == [
            "webcal://perpustakaan.example.id" + prefix + "/agenda.ics",
            calendar_file,
        ]
        assert subscribe[1]["type"] == "text/calendar"
    assert (
        "12 Maret 2022, 08.00–13.00 WIB"
        in bilingual_site.html("/agenda/").select_one(".agenda-item").get_text()
    )


@pytest.mark.parametrize("prefix, lang", [("", "id"), ("/en", "en")])
def test_agenda_ics_per_language(bilingual_site, prefix, lang):
    data = bilingual_site.path(prefix + "/agenda.ics").read_bytes()
    cal, strict = parse_calendar(data)
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
    assert str(lomba["LOCATION"]) == "Aula Perpustakaan Daerah, Curup, Jl. S. Sukowati No. 1, Curup"
    assert str(lomba["URL"]) in str(lomba["DESCRIPTION"])
    # Subscribed calendars: who publishes it, what it is, how often to fetch it again.
    assert strict.refresh_interval == timedelta(hours=12)
    assert b"X-PUBLISHED-TTL:PT12H" in data
    assert str(cal["X-WR-CALNAME"]).startswith("Agenda – ")
    assert str(cal["SOURCE"]) == f"{SITEURL}{prefix}/agenda.ics"
    assert str(cal["X-WR-TIMEZONE"]) == "Asia/Jakarta"


@pytest.mark.parametrize("prefix", ["", "/en"])
def test_each_event_has_its_own_calendar_file(bilingual_site, prefix):
    agenda, _strict = parse_calendar(bilingual_site.path(prefix + "/agenda.ics").read_bytes())
    in_agenda = {str(e["UID"]): e for e in agenda.walk("VEVENT")}
    files = sorted(p for p in (bilingual_site.output / prefix.lstrip("/")).glob("[0-9]*/*/*/*.ics"))
    assert len(files) == len(in_agenda)
    for file in files:
        url = "/" + file.relative_to(bilingual_site.output).as_posix()
        article = url.rsplit("/", 1)[0] + "/"
        card = bilingual_site.html(article).select_one(".event-card")
        assert card.select_one('a[type="text/calendar"]')["href"] == SITEURL + url
        cal, _strict = parse_calendar(file.read_bytes())
        [event] = cal.walk("VEVENT")
        assert event.to_ical() == in_agenda[str(event["UID"])].to_ical()  # the same event
        for name in ("NAME", "X-WR-CALNAME", "REFRESH-INTERVAL", "X-PUBLISHED-TTL"):
            assert name not in cal, (file, name)  # a file to add, not a calendar to follow


def test_calendars_are_the_same_in_every_build(bilingual_site, tmp_path):
    again = build(bilingual_site.content, tmp_path / "output", WARTA_TODAY=TODAY)

    def calendars(site):
        return {
            p.relative_to(site.output).as_posix(): p.read_bytes()
            for p in site.output.rglob("*.ics")
        }

    first = calendars(bilingual_site)
    assert len(first) == 2 + 7 and calendars(again) == first


# --- Every mix of dates and times, in a local build ---------------------------

MIXES = {
    # slug: (Event_start, Event_end or None, the card and agenda, DTEND, endDate)
    "jam-lalu-tanggal": (
        "2022-03-20 09:00",
        "2022-03-22",
        f"20 Maret 2022, 09.00 WIB{THIN}–{THIN}22 Maret 2022",
        at(date(2022, 3, 23), 0),
        "2022-03-22T23:59:00+07:00",
    ),
    "jam-lalu-hari-sama": (
        "2022-03-25 09:00",
        "2022-03-25",
        "25 Maret 2022, 09.00 WIB",
        at(date(2022, 3, 26), 0),
        "2022-03-25T23:59:00+07:00",
    ),
    "tanggal-lalu-jam": (
        "2022-04-01",
        "2022-04-02 12:00",
        "1–2 April 2022, sampai 12.00 WIB",
        date(2022, 4, 3),
        "2022-04-02T12:00:00+07:00",
    ),
    "jam-saja": (
        "2022-04-05 10:00",
        None,
        "5 April 2022, 10.00 WIB",
        at(date(2022, 4, 5), 10),
        "2022-04-05T10:00:00+07:00",
    ),
    "tanggal-saja": ("2022-04-07", None, "7 April 2022", date(2022, 4, 8), "2022-04-07"),
}


@pytest.fixture(scope="module")
def mixes_site(tmp_path_factory):
    """The fixture site with an event for each mix of dates and times, at the library
    (its address from the settings), one of them cancelled; built locally, as
    `invoke build` does: relative links, no address."""
    import shutil

    content = tmp_path_factory.mktemp("mixes") / "content"
    shutil.copytree(FIXTURES / "bilingual_site", content)
    for slug, (start, end, *_expected) in MIXES.items():
        lines = [
            f"Title: Kegiatan {slug}",
            "Date: 2022-02-25 10:00",
            f"Slug: {slug}",
            "Category: kegiatan",
            f"Summary: Kegiatan {slug}.",
            f"Event: Kegiatan {slug}",
            f"Event_start: {start}",
            *([f"Event_end: {end}"] if end else []),
            "Event_location: Perpustakaan Daerah Rejang Lebong",
            *(
                # cancelled, and it could have been followed online
                ["Event_attendance: mixed", "Event_url: https://zoom.us/j/123"]
                + ["Event_status: cancelled"]
                if slug == "jam-saja"
                else ["Event_attendance: offline"]
            ),
        ]
        (content / "articles" / f"{slug}.md").write_text("\n".join(lines) + "\n\nIsi.\n")
    site = build(
        content,
        tmp_path_factory.mktemp("mixes-site") / "output",
        SITEURL="",
        RELATIVE_URLS=True,
        WARTA_TODAY=TODAY,
    )
    assert site.returncode == 0, site.log
    assert "PERINGATAN" not in site.log, site.log  # the library's address is the address
    return site


@pytest.mark.parametrize("slug", MIXES)
def test_a_mix_of_dates_and_times_keeps_its_end_everywhere(mixes_site, slug):
    start, end, shown, dtend, end_date = MIXES[slug]
    page = mixes_site.html(f"/2022/02/{slug}/")
    card = page.select_one(".event-card")
    assert card.select_one("time").get_text() == shown
    item = [
        li for li in mixes_site.html("/agenda/").select(".agenda-item") if slug in li.a["href"]
    ][0]
    assert item.select_one("time").get_text() == shown
    blocks = page.find_all("script", type="application/ld+json")
    event = [g for g in json.loads(blocks[0].string)["@graph"] if g["@type"] == "Event"][0]
    assert event["endDate"] == end_date
    place = event["location"] if isinstance(event["location"], dict) else event["location"][0]
    address = place["address"]  # at the library: WARTA_LIBRARY's whole address
    assert (address["streetAddress"], address["postalCode"]) == ("Jl. S. Sukowati No. 1", "39114")
    own, _strict = parse_calendar(mixes_site.path(f"/2022/02/{slug}/{slug}.ics").read_bytes())
    agenda, _strict = parse_calendar(mixes_site.path("/agenda.ics").read_bytes())
    for cal in (own, agenda):
        [vevent] = [e for e in cal.walk("VEVENT") if str(e["UID"]).startswith(slug + ".")]
        assert vevent["DTEND"].dt == dtend
        assert "URL" not in vevent  # a local build has no address to give
    if slug == "jam-saja":
        assert event["eventStatus"] == "https://schema.org/EventCancelled"
        assert card.select_one(".event-status").get_text() == "Dibatalkan"
        assert "Dibatalkan" in item.get_text()
        assert str(vevent["STATUS"]) == "CANCELLED"
        assert not card.select(".event-link")  # no invitation to join a cancelled event


def test_a_local_build_offers_the_calendar_file_but_no_subscription(mixes_site):
    page = mixes_site.html("/agenda/")
    assert [a["href"] for a in page.select(".subscribe a")] == ["../agenda.ics"]
    assert "webcal:" not in mixes_site.path("/agenda/").read_text()
    card = mixes_site.html("/2022/02/jam-saja/").select_one(".event-card")
    href = card.select_one('a[type="text/calendar"]')["href"]
    assert not href.startswith(("/", "http")), href  # relative to the page, like every link
    assert (mixes_site.path("/2022/02/jam-saja/").parent / href).resolve() == (
        mixes_site.path("/2022/02/jam-saja/jam-saja.ics").resolve()
    )
