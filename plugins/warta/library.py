"""The library the site belongs to: its address, phone, e-mail and opening hours.

``WARTA_LIBRARY`` in ``pelicanconf.py`` is data a library fills in and nothing
else. ``read_library`` turns it into one frozen ``Library`` (and says what is wrong
with it, for ``facts.check_settings`` to stop the build at start-up); the
footer shows it in the page's language (``opening_hours``) and
``structured_data`` describes the same facts to search engines as a schema.org
``Library``, so what a reader sees and what a search engine reads never
disagree.

Opening hours are written the way schema.org's ``openingHours`` text is
("Mo-Fr 08:00-16:00"): short, language-free, and read by people who have seen
it on other sites; each line becomes one ``OpeningHoursSpecification``.
"""

import functools
import json
import re
from dataclasses import dataclass
from datetime import time

from babel.dates import format_interval, get_day_names
from jinja2 import pass_context
from pelican import signals

# schema.org's two-letter days, Monday first (Babel numbers days the same way).
DAYS = ("Mo", "Tu", "We", "Th", "Fr", "Sa", "Su")
DAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
HOURS = re.compile(
    r"^(?P<days>[A-Za-z,\- ]+?)\s+(?P<opens>\d{1,2}:\d{2})\s*-\s*(?P<closes>\d{1,2}:\d{2})$"
)
PHONE = re.compile(r"^\+?[0-9][0-9 ()-]{4,}[0-9]$")
EMAIL = re.compile(r"^[^@\s<>\"]+@[^@\s<>\"]+\.[a-z]{2,}$", re.IGNORECASE)
ADDRESS_KEYS = ("street", "locality", "region", "postal_code", "country")


@dataclass(frozen=True)
class Hours:
    """One line of opening hours: the days it covers and when the doors open and close."""

    days: tuple  # indexes into DAYS, Monday = 0, in the order written
    ranges: tuple  # the day ranges as written: ((0, 4), (5, 5)) for "Mo-Fr,Sa"
    opens: time
    closes: time


@dataclass(frozen=True)
class Address:
    street: str = ""
    locality: str = ""  # town or city
    region: str = ""  # province
    postal_code: str = ""
    country: str = ""  # ISO 3166 code: "ID"

    def one_line(self):
        """The address as one line: 'Jl. S. Sukowati No. 1, Curup, Bengkulu 39114'."""
        last = " ".join(part for part in (self.region, self.postal_code) if part)
        return ", ".join(part for part in (self.street, self.locality, last) if part)


@dataclass(frozen=True)
class Library:
    name: str
    address: Address
    logo: str = ""  # a path inside content/
    phone: str = ""
    email: str = ""
    hours: tuple = ()  # of Hours
    geo: tuple = ()  # (latitude, longitude)
    map: str = ""  # a link to the library on a map
    whatsapp: str = ""  # the number readers write to, with its country code
    about_page: str = ""  # the slug of the page (and its translations) that shows all of this
    names: tuple = ()  # (lang, name): the library's name in the site's other languages

    def name_in(self, lang):
        """The library's name as a page in ``lang`` writes it."""
        return dict(self.names).get(lang, self.name)

    @property
    def whatsapp_link(self):
        """A chat with the number: '+62 812-3456-7890' -> 'https://wa.me/6281234567890'."""
        return "https://wa.me/" + re.sub(r"[^0-9]", "", self.whatsapp) if self.whatsapp else ""

    @property
    def phone_link(self):
        """The phone as a ``tel:`` URI: '+62 732 21234' -> 'tel:+6273221234'."""
        return "tel:" + re.sub(r"[^0-9+]", "", self.phone) if self.phone else ""


def parse_hours(text):
    """'Mo-Fr 08:00-16:00' -> Hours; ValueError saying what is wrong."""
    match = HOURS.match(text.strip())
    if not match:
        raise ValueError(f"{text!r} is not like 'Mo-Fr 08:00-16:00'")
    ranges = []
    for part in match["days"].replace(" ", "").split(","):
        first, _, last = part.partition("-")
        for word in (first, last or first):
            if word.capitalize() not in DAYS:
                raise ValueError(f"{text!r}: {word!r} is not a day (write {' '.join(DAYS)})")
        ranges.append((DAYS.index(first.capitalize()), DAYS.index((last or first).capitalize())))
    days = []
    for first, last in ranges:
        if last < first:
            raise ValueError(f"{text!r}: write the days Monday first ({DAYS[last]}-{DAYS[first]}?)")
        days.extend(d for d in range(first, last + 1) if d not in days)
    try:
        opens, closes = (time.fromisoformat(match[key].zfill(5)) for key in ("opens", "closes"))
    except ValueError:
        raise ValueError(f"{text!r}: the hours are not times of day (00:00 to 23:59)") from None
    if closes <= opens:
        raise ValueError(f"{text!r}: the library closes before it opens")
    return Hours(tuple(days), tuple(ranges), opens, closes)


def read_library(settings):
    """The ``Library`` described by ``WARTA_LIBRARY``; ValueError naming the key that is wrong.
    Read once: articles, pages and templates ask for it many times per build."""
    return _library(json.dumps(settings.get("WARTA_LIBRARY") or {}, sort_keys=True, default=str))


@functools.lru_cache(maxsize=8)
def _library(setting):
    data = json.loads(setting)
    if not str(data.get("name", "")).strip():
        raise ValueError("WARTA_LIBRARY has no 'name'")
    address = data.get("address", {})
    if isinstance(address, str):  # one line, as older settings wrote it
        address = {"street": address}
    unknown = set(address) - set(ADDRESS_KEYS)
    if unknown:
        raise ValueError(
            f"WARTA_LIBRARY['address'] has {sorted(unknown)}:"
            f" its keys are {', '.join(ADDRESS_KEYS)}"
        )
    phone = data.get("phone", "")
    if phone and not PHONE.match(phone):
        raise ValueError(f"WARTA_LIBRARY['phone'] {phone!r} is not a phone number: '+62 732 21234'")
    email = data.get("email", "")
    if email and not EMAIL.match(email):
        raise ValueError(f"WARTA_LIBRARY['email'] {email!r} is not an e-mail address")
    hours = []
    for line in data.get("opening_hours", ()):
        try:
            hours.append(parse_hours(line))
        except ValueError as error:
            raise ValueError(f"WARTA_LIBRARY['opening_hours']: {error}") from None
    geo = tuple(data.get("geo", ()))
    if geo and not (
        len(geo) == 2
        and all(isinstance(n, (int, float)) for n in geo)
        and -90 <= geo[0] <= 90
        and -180 <= geo[1] <= 180
    ):
        raise ValueError(f"WARTA_LIBRARY['geo'] {geo!r} is not (latitude, longitude)")
    link = data.get("map", "")
    if link and not link.startswith("https://"):
        raise ValueError(f"WARTA_LIBRARY['map'] {link!r} is not an https:// link")
    whatsapp = data.get("whatsapp", "")
    if whatsapp and not (whatsapp.startswith("+") and PHONE.match(whatsapp)):
        raise ValueError(
            f"WARTA_LIBRARY['whatsapp'] {whatsapp!r} is not a number with its country code:"
            " '+62 812 3456 7890'"
        )
    names = data.get("names", {})
    if not isinstance(names, dict) or not all(
        isinstance(value, str) and value.strip() for value in names.values()
    ):
        raise ValueError(
            "WARTA_LIBRARY['names'] is the name in other languages:"
            ' {"en": "Rejang Lebong Regional Library"}'
        )
    return Library(
        name=data["name"].strip(),
        address=Address(**{key: str(value).strip() for key, value in address.items()}),
        logo=data.get("logo", ""),
        phone=phone,
        email=email,
        hours=tuple(hours),
        geo=geo,
        map=link,
        whatsapp=whatsapp,
        about_page=str(data.get("about_page", "")).strip(),
        names=tuple(sorted((lang, value.strip()) for lang, value in names.items())),
    )


@functools.lru_cache(maxsize=64)  # the same few lines in every page's footer
def hours_text(hours, locale, timezone_label):
    """'Senin–Jumat 08.00–16.00 WIB', 'Monday–Friday 08:00–16:00 WIB'."""
    names = get_day_names("wide", locale=locale)
    days = ", ".join(
        names[first] if first == last else f"{names[first]}–{names[last]}"
        for first, last in hours.ranges
    )
    when = format_interval(hours.opens, hours.closes, "Hm", locale=locale)
    return f"{days} {when} {timezone_label}".strip()


def library_text(settings, text, lang):
    """``text`` with ``{library}`` written as the library's name in ``lang`` (a
    language's subtitle and share-picture description name it: one place to change)."""
    if "{library}" not in (text or ""):
        return text
    try:
        name = read_library(settings).name_in(lang)
    except ValueError:  # the library plugin says what is wrong with the setting
        name = str((settings.get("WARTA_LIBRARY") or {}).get("name", ""))
    return text.replace("{library}", name)


@pass_context
def library_facts(context):
    """The library, for the footer."""
    return read_library(context)


@pass_context
def opening_hours(context):
    """Each line of the opening hours in the page's language, for the footer."""
    locale = context["WARTA_LANGUAGES"][context["DEFAULT_LANG"]]["date_locale"]
    label = context.get("WARTA_TIMEZONE_LABEL", "")
    return [hours_text(h, locale, label) for h in read_library(context).hours]


def add_template_helpers(generator):
    generator.env.globals.update(library_facts=library_facts, opening_hours=opening_hours)


def register():
    # On `generator_init`: every generator's Jinja env exists by then.
    signals.generator_init.connect(add_template_helpers)
