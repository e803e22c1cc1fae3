"""Events and people: the event an article reports, the agenda and its calendar.

Editors write ``Event_start: 2020-07-27`` or ``2020-07-27 09:00`` (Asia/Jakarta
time) and ``Participants: Dra. Hj. Nurhayati, M.Pd.; Sunarsih`` (semicolons,
since names carry commas). Pelican keeps unknown metadata as strings; this
module turns them into dates and a list of names, writes them the local way
("27–29 Juli 2020"), and builds the agenda (``/agenda/``, ``/en/agenda/``), its
iCalendar file (``/agenda.ics``, ``/en/agenda.ics``) and one per event, beside
its article (``WARTA_EVENT_CALENDAR_URL``), for "Add to calendar".

Where an event is: ``Event_location`` names the place or platform ("Zoom",
"Aula Perpustakaan Daerah, Curup"), ``Event_address`` is the place's street
address (the library's own, from ``WARTA_LIBRARY``, when the place is written
as the library's name), ``Event_url`` the meeting or stream link: public unless
``Event_url_public: no``, and then it is never written anywhere on the site.

``pelican-events`` is not used: it wants other field names, exports future
events only, mixes languages under i18n_subsites and writes relative UIDs.
"""

import functools
import logging
import re
from datetime import date, datetime, timedelta
from itertools import groupby
from pathlib import Path
from urllib.parse import urlparse
from zoneinfo import ZoneInfo

import icalendar
from babel import Locale
from babel.dates import format_date, format_interval, format_time
from jinja2 import pass_context
from pelican import signals
from pelican.generators import Generator

from warta import addresses, facts, incremental
from warta.library import read_library
from warta.multilingual import (
    absolute_url,
    date_locale,
    plain,
    section_path,
    theme_gettext,
    write_page,
)

log = logging.getLogger(__name__)


@functools.lru_cache(maxsize=4096)
def parse_when(text, timezone):
    """The contract's two date formats, and no other: ``2020-07-27`` -> date;
    ``2020-07-27 09:00`` -> datetime in ``timezone``; anything else: ValueError.
    Remembered (its values are immutable): every article's dates are parsed again
    by every language site and on every preview rebuild, and ``strptime`` is slow."""
    text = text.strip()
    try:
        return datetime.strptime(text, "%Y-%m-%d").date()
    except ValueError:
        moment = datetime.strptime(text, "%Y-%m-%d %H:%M")
    return moment.replace(tzinfo=ZoneInfo(timezone))


def parse_participants(text):
    """'A, M.Pd.; B;  C ' -> ['A, M.Pd.', 'B', 'C'] (empty entries dropped)."""
    return [name.strip() for name in text.split(";") if name.strip()]


def _full_months(pattern):
    """CLDR's interval patterns abbreviate the month ('d MMM y'); news writes it in full."""
    return re.sub(r"(?<!M)MMM(?!M)", "MMMM", pattern)


def date_range(start, end, locale):
    """'27–29 Juli 2020', '30 Juli – 2 Agustus 2020', '30 Desember 2020 – 2 Januari 2021'.

    Babel's own format_interval knows which parts to repeat in each language
    but has no full-month skeleton, so its CLDR patterns are used with MMMM.
    """
    if end is None or end == start:
        return format_date(start, "long", locale=locale)
    field = "y" if start.year != end.year else "M" if start.month != end.month else "d"
    first, second = Locale.parse(locale).interval_formats["yMMMd"][field]
    return format_date(start, _full_months(first), locale=locale) + format_date(
        end, _full_months(second), locale=locale
    )


def event_range(start, end, locale, timezone_label, until=lambda time: f"until {time}"):
    """When an event happens, the local way, its end kept whatever mix of dates and
    times the editor wrote.

    Dates alone: see ``date_range``. With times: '12 Maret 2021, 08.00–13.00 WIB',
    '12 March 2021, 08:00–13:00 WIB', or both days in full across midnight. A timed
    start with a date-only end: '27 Juli 2020, 09.00 WIB – 29 Juli 2020' (on the
    start day itself the day is its end). A date-only start with a timed end:
    '27–29 Juli 2020, sampai 12.00 WIB'; ``until`` words that ('until %(time)s' in
    the theme's catalog).
    """
    if not isinstance(start, datetime):
        days = date_range(start, day_of(end), locale)
        if isinstance(end, datetime):
            return f"{days}, {until(format_time(end, 'short', locale=locale))} {timezone_label}"
        return days
    day = format_date(start, "long", locale=locale)
    at = f"{day}, {format_time(start, 'short', locale=locale)} {timezone_label}"
    if end is None or end == start or (not isinstance(end, datetime) and end <= start.date()):
        return at
    if not isinstance(end, datetime):
        return f"{at}\u2009–\u2009{format_date(end, 'long', locale=locale)}"
    if end.date() == start.date():
        hours = format_interval(start.time(), end.time(), "Hm", locale=locale)
        return f"{day}, {hours} {timezone_label}"
    return "{}, {}\u2009–\u2009{}, {} {}".format(
        day,
        format_time(start, "short", locale=locale),
        format_date(end, "long", locale=locale),
        format_time(end, "short", locale=locale),
        timezone_label,
    )


def read_event(content):
    """Turn the event fields of an article into dates, a list of names, its
    public link and its address."""
    metadata = content.metadata
    timezone = content.settings["TIMEZONE"]
    for key in ("event_start", "event_end"):
        if isinstance(metadata.get(key), str):
            try:
                value = parse_when(metadata[key], timezone)
            except ValueError:  # warta.contract reports it, in the editor's language
                log.debug(
                    "warta.events: %s: %s %r is not a date (YYYY-MM-DD or YYYY-MM-DD HH:MM)",
                    content.relative_source_path,
                    key.capitalize(),
                    metadata[key],
                )
                continue
            metadata[key] = value
            setattr(content, key, value)
    if isinstance(metadata.get("participants"), str):
        content.participants = metadata["participants"] = parse_participants(
            metadata["participants"]
        )
    if "event" not in metadata:
        return
    # The link as the site may show it: a private one is kept off every attribute a
    # template reads (it stays in the source file only).
    link = str(metadata.get("event_url", "")).strip()
    public = str(metadata.get("event_url_public", "")).strip().lower() != "no"
    content.event_url = link if link and public else None
    content.event_url_private = bool(link) and not public
    address = str(metadata.get("event_address", "")).strip()
    location = str(metadata.get("event_location", "")).strip()
    # At the library itself: its address, unless the editor wrote another.
    content.event_at_library = at_library(location, content.settings) and not address
    if content.event_at_library:
        address = read_library(content.settings).address.one_line()
    content.event_address = address or None
    content.event_organizer_url = str(metadata.get("event_organizer_url", "")).strip() or None
    status = str(metadata.get("event_status", "")).strip().lower()
    content.event_status = status if status in STATUSES and status != "scheduled" else None


# Event_status: as planned (the default), called off, or put off to a date not yet known.
STATUSES = ("scheduled", "cancelled", "postponed")
ICAL_STATUS = {"cancelled": "CANCELLED", "postponed": "TENTATIVE"}  # else CONFIRMED


def same_name(one, other):
    return " ".join(one.casefold().split()) == " ".join(other.casefold().split())


def looks_like_url(text):
    """'https://zoom.us/j/1', 'zoom.us/j/1', 'www.x.id': a web address, not a place."""
    text = str(text or "").strip()
    return bool(re.match(r"^([a-z][a-z0-9+.-]*://|www\.)|^[\w-]+(\.[\w-]+)+/\S*$", text, re.I))


def attendance(article):
    return getattr(article, "event_attendance", None)


def at_library(location, settings):
    """Whether the place written is the library itself (its name, in any case)."""
    return bool(location) and same_name(location, read_library(settings).name)


def has_place(article):
    """Whether people go somewhere: offline, mixed, or not said (the old default)."""
    return attendance(article) in (None, "offline", "mixed")


def is_online(article):
    return attendance(article) in ("online", "mixed")


def place_name(article):
    """The place or platform as written; never a web address (the contract refuses
    one, and a link is no place)."""
    where = getattr(article, "event_location", None)
    return where if where and not looks_like_url(where) else None


def ical_end(start, end):
    """DTEND for any mix of date and time: RFC 5545 wants it of DTSTART's type, and
    exclusive for dates. A date-only end after a timed start ends at midnight after
    that day; a timed start without an end lasts no time (what a missing DTEND means
    anyway, written out so every calendar has one)."""
    if isinstance(start, datetime):
        if end is None:
            return start
        if isinstance(end, datetime):
            return end
        return datetime.combine(end + timedelta(days=1), datetime.min.time(), start.tzinfo)
    return day_of(end or start) + timedelta(days=1)


def schema_end(start, end):
    """endDate for schema.org, as ISO 8601: the end as written, a date-only end after a
    timed start as the last minute of its day (a date beside a time reads as its
    midnight), the start when there is no end (a day-long event; a timed one with
    no known end: the calendar's DTEND says the same)."""
    if end is None:
        return start.isoformat()
    if isinstance(start, datetime) and not isinstance(end, datetime):
        last_minute = datetime.max.time().replace(second=0, microsecond=0)
        return datetime.combine(end, last_minute, start.tzinfo).isoformat()
    return end.isoformat()


def day_of(moment):
    return moment.date() if isinstance(moment, datetime) else moment


def ends(article):
    """The day an article's event ends (its start day when it has no end)."""
    return day_of(getattr(article, "event_end", None) or article.event_start)


def has_event(article):
    return isinstance(getattr(article, "event_start", None), (date, datetime))


@pass_context
def event_when(context, article):
    """The event's dates (and times) in the page's language."""
    _ = theme_gettext(context)
    return event_range(
        article.event_start,
        getattr(article, "event_end", None),
        date_locale(context),
        context["WARTA_TIMEZONE_LABEL"],
        until=lambda time: _("until %(time)s") % {"time": time},
    )


@pass_context
def event_days(context, article):
    """Just the days of the event, for the date badge in listings."""
    return date_range(day_of(article.event_start), ends(article), date_locale(context))


def agenda(articles, today):
    """(upcoming events, soonest first; [(year, past events, latest first)])."""
    events = [a for a in articles if has_event(a)]
    upcoming = sorted((a for a in events if ends(a) >= today), key=lambda a: day_of(a.event_start))
    past = sorted(
        (a for a in events if ends(a) < today), key=lambda a: day_of(a.event_start), reverse=True
    )
    by_year = [
        (year, list(group)) for year, group in groupby(past, key=lambda a: a.event_start.year)
    ]
    return upcoming, by_year


def is_absolute(url):
    return bool(urlparse(str(url)).scheme)


def vevent(article, *, domain, url, _):
    """One event for a calendar: the same UID (slug, language, the site's domain) and
    DTSTAMP (the article's last change) in every build and in every file it is in.

    Date-only events are all-day events with the exclusive DTEND RFC 5545 asks for;
    timed events carry their TZID. ``url`` is the article's (left out when the
    build is local and has no address); ``_`` the language site's gettext.
    """
    event = icalendar.Event()
    event.add("uid", f"{article.slug}.{article.lang}@{domain}")
    stamp = (getattr(article, "modified", None) or article.date).astimezone(ZoneInfo("UTC"))
    event.add("dtstamp", stamp)
    event.add("last-modified", stamp)
    event.add("summary", article.event)  # event fields are plain text already
    event.add("dtstart", article.event_start)
    event.add("dtend", ical_end(article.event_start, getattr(article, "event_end", None)))
    status = getattr(article, "event_status", None)
    event.add("status", ICAL_STATUS.get(status, "CONFIRMED"))
    name, address, link = place_name(article), getattr(article, "event_address", None), None
    if is_online(article) and getattr(article, "event_url", None):
        link = article.event_url
        label = {"LABEL": name} if name and not has_place(article) else {}  # the platform
        event.add("conference", link, parameters={"VALUE": "URI", "FEATURE": "VIDEO", **label})
    if has_place(article) and (name or address):
        event.add("location", ", ".join(p for p in (name, address) if p))
    elif link or name:  # online: the link, where calendars make it one to tap
        event.add("location", link or name)
    if url:
        event.add("url", url)
    lines = [plain(getattr(article, "summary", "")).strip()]
    if link:
        lines.append(_("Join online: %(url)s") % {"url": link})
    if url:
        lines.append(url)
    event.add("description", "\n\n".join(line for line in lines if line))
    return event


def calendar(
    articles,
    *,
    lang,
    siteurl,
    url_of,
    _=str,
    name=None,
    description=None,
    timezone=None,
    source=None,
    refresh=None,
):
    """An iCalendar (METHOD:PUBLISH) of every event in ``articles``, soonest first, as
    bytes: the agenda's, with its ``name``, ``description``, ``timezone``, ``source``
    (its own absolute URL) and ``refresh`` hint (a timedelta: how often a subscribed
    calendar should fetch it again); or one event's, which has none of them (some
    calendar apps make a new calendar of a file that has a name)."""
    domain = urlparse(siteurl).hostname or "localhost"
    cal = icalendar.Calendar()
    cal.add("prodid", "-//Warta Perpustakaan//agenda//" + lang.upper())
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    if name:
        cal.add("name", name)
        cal.add("x-wr-calname", name)
    if timezone:
        cal.add("x-wr-timezone", timezone)
    if description:
        cal.add("description", description)
        cal.add("x-wr-caldesc", description)
    if source and is_absolute(source):
        cal.add("source", source, parameters={"VALUE": "URI"})
    if refresh:
        cal.add("refresh-interval", refresh, parameters={"VALUE": "DURATION"})
        cal.add("x-published-ttl", icalendar.vDuration(refresh))
    for article in sorted(
        filter(has_event, articles), key=lambda a: (day_of(a.event_start), a.slug)
    ):
        url = url_of(article)
        url = url if is_absolute(url) else None
        cal.add_component(vevent(article, domain=domain, url=url, _=_))
    # Before the events, as icalendar's add_missing_timezones puts them, made once.
    for tzid in sorted(cal.get_missing_tzids(), reverse=True):
        cal.subcomponents.insert(0, vtimezone(tzid))
    return cal.to_ical()


@functools.lru_cache(maxsize=8)
def vtimezone(tzid):
    """The VTIMEZONE of ``tzid``: icalendar works it out from the tz database in 40 ms,
    once per calendar file; every event's own file needs it (the site's one zone)."""
    return icalendar.Timezone.from_tzid(tzid)


def event_calendar_path(settings, article):
    """Where an event's own calendar file is, relative to its language site."""
    return addresses.address(settings["WARTA_EVENT_CALENDAR_URL"], article)


class AgendaGenerator(Generator):
    """The agenda page and calendar file of this language, and each event's own file."""

    def generate_context(self):
        self.upcoming, self.past_by_year = agenda(
            self.context["articles"], facts.today(self.settings)
        )
        # The home page highlights what is coming (index.html); every generator's
        # context is filled before any page is written.
        self.context["upcoming_events"] = self.upcoming

    def generate_output(self, writer):
        settings = self.settings
        write_page(
            self,
            writer,
            "agenda",
            section_path(settings, settings["DEFAULT_LANG"], "agenda"),
            upcoming=self.upcoming,
            past_by_year=self.past_by_year,
            warta_shows=(self.upcoming, [a for _, articles in self.past_by_year for a in articles]),
        )
        _ = theme_gettext(settings)
        events = [a for a in self.context["articles"] if has_event(a)]
        common = {
            "lang": settings["DEFAULT_LANG"],
            "siteurl": settings["SITEURL"],
            "url_of": lambda article: absolute_url(self.context, article.url),
            "_": _,
        }
        if incremental.needed(writer, "agenda.ics", events):
            ics = calendar(
                events,
                name=_("Agenda – %(library)s") % {"library": settings["WARTA_LIBRARY"]["name"]},
                description=settings["SITESUBTITLE"],
                timezone=settings["TIMEZONE"],
                source=absolute_url(self.context, "agenda.ics"),
                refresh=timedelta(hours=settings["WARTA_CALENDAR_REFRESH_HOURS"]),
                **common,
            )
            self._write(ics, "agenda.ics")
        for article in events:
            path = event_calendar_path(settings, article)
            if incremental.needed(writer, path, [article]):
                self._write(calendar([article], **common), path)

    def _write(self, ics, path):
        target = Path(self.output_path) / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(ics)


@pass_context
def event_calendar_url(context, article):
    """The URL of an event's own calendar file ("Add to calendar"), as this page links it."""
    return absolute_url(context, event_calendar_path(context, article))


def webcal(url):
    """The ``webcal:`` address calendar apps subscribe to, for an absolute http(s) URL;
    None for a local build's relative one (a subscription needs an address)."""
    parsed = urlparse(str(url))
    if parsed.scheme not in ("http", "https"):
        return None
    return "webcal:" + str(url)[len(parsed.scheme) + 1 :]


def url_host(url):
    """'https://www.youtube.com/live/x' -> 'youtube.com': where a link leads, in short."""
    host = urlparse(str(url)).hostname or ""
    return host.removeprefix("www.")


def add_template_helpers(generator):
    generator.env.filters.update(
        event_when=event_when,
        event_days=event_days,
        event_calendar_url=event_calendar_url,
        webcal=webcal,
        url_host=url_host,
    )
    generator.env.globals.update(has_event=has_event)


def get_generators(pelican):
    return AgendaGenerator


def register():
    # On `content_object_init`: every article and page, as soon as it is built
    # from its metadata, whichever generator reads it.
    signals.content_object_init.connect(read_event)
    # On `generator_init`: every generator's Jinja env exists by then.
    signals.generator_init.connect(add_template_helpers)
    signals.get_generators.connect(get_generators)
