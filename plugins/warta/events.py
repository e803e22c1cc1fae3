"""Events and people: the event an article reports, the agenda and its calendar.

Editors write ``Event_start: 2020-07-27`` or ``2020-07-27 09:00`` (Asia/Jakarta
time) and ``Participants: Dra. Hj. Nurhayati, M.Pd.; Sunarsih`` (semicolons,
since names carry commas). Pelican keeps unknown metadata as strings; this
module turns them into dates and a list of names, writes them the local way
("27–29 Juli 2020"), and builds the agenda (``/agenda/``, ``/en/agenda/``) and
its iCalendar file (``/agenda.ics``, ``/en/agenda.ics``).

``pelican-events`` is not used: it wants other field names, exports future
events only, mixes languages under i18n_subsites and writes relative UIDs.
"""

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

from warta import incremental
from warta.multilingual import absolute_url, date_locale, plain, section_path, write_page

log = logging.getLogger(__name__)


def parse_when(text, timezone):
    """The contract's two date formats, and no other: ``2020-07-27`` -> date;
    ``2020-07-27 09:00`` -> datetime in ``timezone``; anything else: ValueError."""
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


def event_range(start, end, locale, timezone_label):
    """When an event happened, the local way.

    Dates alone: see ``date_range``. With times: '12 Maret 2021, 08.00–13.00 WIB',
    '12 March 2021, 08:00–13:00 WIB', or both days in full across midnight.
    """
    if not isinstance(start, datetime):
        return date_range(start, day_of(end), locale)
    day = format_date(start, "long", locale=locale)
    if end is None or not isinstance(end, datetime) or end == start:
        return f"{day}, {format_time(start, 'short', locale=locale)} {timezone_label}"
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
    """Turn the event fields of an article into dates and a list of names."""
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
    return event_range(
        article.event_start,
        getattr(article, "event_end", None),
        date_locale(context),
        context["WARTA_TIMEZONE_LABEL"],
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


def calendar(articles, *, name, lang, siteurl, timezone, url_of):
    """An iCalendar of every event in ``articles``, as bytes.

    Date-only events are all-day events with the exclusive DTEND RFC 5545 asks
    for; timed events carry their TZID. The UID (slug, language and the
    site's domain) is the same in every build and unique to this calendar.
    """
    domain = urlparse(siteurl).hostname or "localhost"
    cal = icalendar.Calendar()
    cal.add("prodid", "-//Warta Perpustakaan//agenda//" + lang.upper())
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", name)
    cal.add("x-wr-timezone", timezone)
    for article in sorted(
        filter(has_event, articles), key=lambda a: (day_of(a.event_start), a.slug)
    ):
        event = icalendar.Event()
        event.add("uid", f"{article.slug}.{article.lang}@{domain}")
        stamp = getattr(article, "modified", None) or article.date
        event.add("dtstamp", stamp.astimezone(ZoneInfo("UTC")))
        event.add("summary", article.event)  # event fields are plain text already
        event.add("dtstart", article.event_start)
        end = getattr(article, "event_end", None)
        if isinstance(article.event_start, datetime):
            if isinstance(end, datetime):
                event.add("dtend", end)
        else:
            event.add("dtend", day_of(end or article.event_start) + timedelta(days=1))
        if getattr(article, "event_location", None):
            event.add("location", article.event_location)
        url = url_of(article)
        event.add("url", url)
        summary = plain(getattr(article, "summary", "")).strip()
        event.add("description", f"{summary}\n\n{url}" if summary else url)
        cal.add_component(event)
    cal.add_missing_timezones()
    return cal.to_ical()


class AgendaGenerator(Generator):
    """The agenda page and the calendar file of this language."""

    def generate_context(self):
        today = (
            self.settings.get("WARTA_TODAY")
            or datetime.now(ZoneInfo(self.settings["TIMEZONE"])).date()
        )
        if isinstance(today, str):  # from `pelican -e WARTA_TODAY=...` in tests
            today = date.fromisoformat(today)
        self.upcoming, self.past_by_year = agenda(self.context["articles"], today)

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
        events = [a for a in self.context["articles"] if has_event(a)]
        if not incremental.needed(writer, "agenda.ics", events):
            return
        ics = calendar(
            self.context["articles"],
            name=f"{settings['SITENAME']} – {settings['SITESUBTITLE']}",
            lang=settings["DEFAULT_LANG"],
            siteurl=settings["SITEURL"],
            timezone=settings["TIMEZONE"],
            url_of=lambda article: absolute_url(self.context, article.url),
        )
        target = Path(self.output_path) / "agenda.ics"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(ics)


def add_template_helpers(generator):
    generator.env.filters.update(event_when=event_when, event_days=event_days)
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
