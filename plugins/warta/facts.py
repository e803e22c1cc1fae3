"""The facts the site is about, declared once and read everywhere.

The seven principles come from Law No. 43 of 2007 on Libraries, article 2
(UU 43/2007 pasal 2), so they are the same for every Indonesian library and
have their defaults here. Languages and categories belong to the library and
are declared in ``pelicanconf.py``. ``check_settings`` runs once at start-up
(from ``multilingual.initialize``) so that a mistake in these settings stops
the build with a clear message instead of surfacing in a template.
"""

import functools
import logging
import re
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from pelican.utils import slugify

from warta.library import read_library

PRINCIPLES = {
    "pembelajaran-sepanjang-hayat": {
        "id": "Pembelajaran Sepanjang Hayat",
        "en": "Lifelong Learning",
    },
    "demokrasi": {"id": "Demokrasi", "en": "Democracy"},
    "keadilan": {"id": "Keadilan", "en": "Justice"},
    "keprofesionalan": {"id": "Keprofesionalan", "en": "Professionalism"},
    "keterbukaan": {"id": "Keterbukaan", "en": "Openness"},
    "keterukuran": {"id": "Keterukuran", "en": "Measurability"},
    "kemitraan": {"id": "Kemitraan", "en": "Partnership"},
}

DEFAULTS = {
    "WARTA_PRINCIPLES": PRINCIPLES,
    # Where each principle's short explanation lives, per language, inside content/.
    "WARTA_PRINCIPLES_TEXT_PATH": "principles/{lang}/{slug}.md",
    # The browser's bar on phones: the theme's accent colour.
    "WARTA_THEME_COLOR": "#005a8d",
    # How often (hours) a subscribed calendar should fetch the agenda again.
    "WARTA_CALENDAR_REFRESH_HOURS": 12,
}

# The content contract: the header keys an editor writes (lower case, as Pelican stores them).
EVENT_FIELDS = (
    "event",
    "event_start",
    "event_end",
    "event_organizer",
    "event_organizer_url",
    "event_location",
    "event_address",
    "event_attendance",
    "event_url",
    "event_url_public",
    "event_status",
    "participants",
)
# The lead photo: a path like the body's images, its description, its caption.
IMAGE_FIELDS = ("image", "image_alt", "image_caption")
CONTRACT_KEYS = (
    "title",
    "date",
    "lang",
    "slug",
    "category",
    "tags",
    "author",
    "summary",
    "status",
    *IMAGE_FIELDS,
    *EVENT_FIELDS,
)

# Files that may sit beside articles and pages besides their photos (warta.imaging's
# PHOTO_SUFFIXES): documents libraries publish as they are, linked with {static}.
DOCUMENTS = {".pdf", ".doc", ".docx", ".xls", ".xlsx", ".ppt", ".pptx", ".odt", ".ods", ".odp"}

# At most this many characters in a title: a headline, and a slug a file system accepts.
TITLE_MAX = 200

# The URL words every language must define (see WARTA_LANGUAGES in pelicanconf.py).
SECTIONS = ("category", "principles", "page", "agenda", "search", "archive")


class WartaError(Exception):
    """A problem with the content or the settings, explained to the editor: the
    build stops with ``exitcode`` (Pelican exits with it) and no traceback (the
    contract's log filter drops Pelican's report of it). A bug in our code stays an
    ordinary exception, with its traceback."""

    exitcode = 1

    def __init__(self, message, exitcode=1):
        super().__init__(message)
        self.exitcode = exitcode


class ExplainedErrors(logging.Filter):
    """Drops Pelican's CRITICAL log of a WartaError: the editor has read the report
    (or the settings message) already, and a traceback would only frighten."""

    def filter(self, record):
        error = record.exc_info[1] if record.exc_info else None
        return not isinstance(error, WartaError)


class SaidByTheContract(logging.Filter):
    """Drops Pelican's English messages about content that ``warta.contract``
    reports itself, in the editor's language. (LOG_FILTER cannot: Pelican never
    filters errors.)"""

    TEMPLATES = {
        "Unknown status '%s' for file %s, skipping it. (Not in %s)",  # Status: publish
        "Skipping %s: could not find information about '%s'",  # an .html file as an article
        "Cannot get modification stamp for %s\n\t%s",  # a {static} link to no file
    }

    def filter(self, record):
        return record.msg not in self.TEMPLATES


# The loggers each filter goes on: a logger's filters see only its own records.
QUIETED = {
    "pelican": ExplainedErrors,
    "pelican.contents": SaidByTheContract,
    "pelican.cache": SaidByTheContract,
}


def explain_errors_plainly():
    """Install the filters above on Pelican's loggers, once per process."""
    for name, kind in QUIETED.items():
        log = logging.getLogger(name)
        if not any(isinstance(f, kind) for f in log.filters):
            log.addFilter(kind())


class SettingsError(WartaError, ValueError):
    """A WARTA_* setting is missing or inconsistent."""


@dataclass(frozen=True)
class Term:
    """A principle or a category: a canonical slug with a name per language."""

    slug: str
    names: dict

    def name(self, lang):
        return self.names[lang]


def settings_with_defaults(settings):
    """Fill in the WARTA_* defaults that the settings file did not override."""
    for key, value in DEFAULTS.items():
        settings.setdefault(key, value)
    # An event's own calendar file lives beside its article, wherever ARTICLE_URL puts it.
    settings.setdefault("WARTA_EVENT_CALENDAR_URL", settings["ARTICLE_URL"] + "{slug}.ics")
    return settings


def check_settings(settings):
    """Raise SettingsError naming the first WARTA_* setting that is wrong."""
    languages = settings.get("WARTA_LANGUAGES")
    if not languages:
        raise SettingsError("WARTA_LANGUAGES is missing: declare the site's languages")
    if settings["DEFAULT_LANG"] not in languages:
        raise SettingsError(f"DEFAULT_LANG {settings['DEFAULT_LANG']!r} is not in WARTA_LANGUAGES")
    for lang, language in languages.items():
        for key in ("name", "locale", "date_locale", "sections"):
            if key not in language:
                raise SettingsError(f"WARTA_LANGUAGES[{lang!r}] has no {key!r}")
        missing = set(SECTIONS) - set(language["sections"])
        if missing:
            raise SettingsError(f"WARTA_LANGUAGES[{lang!r}]['sections'] lacks {sorted(missing)}")
    for setting in ("WARTA_PRINCIPLES", "WARTA_CATEGORIES"):
        for slug, names in settings.get(setting, {}).items():
            missing = set(languages) - set(names)
            if missing:
                raise SettingsError(f"{setting}[{slug!r}] has no name in {sorted(missing)}")
            if slug != slugify(slug):
                raise SettingsError(f"{setting}: {slug!r} is not a slug")
    if not settings.get("WARTA_CATEGORIES"):
        raise SettingsError("WARTA_CATEGORIES is missing: declare the categories")
    for setting in ("DEFAULT_CATEGORY", "WARTA_EVENT_CATEGORY"):
        if settings.get(setting) and settings[setting] not in settings["WARTA_CATEGORIES"]:
            raise SettingsError(f"{setting} {settings[setting]!r} is not in WARTA_CATEGORIES")
    try:
        read_library(settings)
    except ValueError as error:
        raise SettingsError(str(error)) from None
    color = settings.get("WARTA_THEME_COLOR")
    if color and not re.fullmatch(r"#[0-9a-fA-F]{6}", color):
        raise SettingsError(f"WARTA_THEME_COLOR {color!r} is not a colour like '#005a8d'")


def today(settings):
    """The day it is where the library is (its ``TIMEZONE``), whatever the clock of the
    machine that builds: what "upcoming" means for the agenda and the contract alike.
    ``WARTA_TODAY`` (an ISO date) fixes it, for tests."""
    fixed = settings.get("WARTA_TODAY")
    if fixed:
        return date.fromisoformat(str(fixed))
    return datetime.now(ZoneInfo(settings.get("TIMEZONE") or "UTC")).date()


def photo_folder(article):
    """Where an article's photos go: the folder beside it named like it
    (articles/2020/bimtek.md and bimtek.en.md: articles/2020/bimtek/)."""
    article = Path(article)
    return article.with_name(article.name.split(".")[0])


# At most this many characters in a slug: an address people can still read and share.
SLUG_MAX = 80


def slug_of(text, limit=SLUG_MAX):
    """A slug as the contract wants it: lowercase ASCII letters, digits and hyphens, at
    most ``limit`` characters, cut after a whole word ("...-inklusi", never "...-inklusi-sos")
    unless a single word is longer than that."""
    slug = slugify(
        text, regex_subs=[(r"[^\w-]+", "-"), (r"_", "-"), (r"-{2,}", "-"), (r"^-|-$", "")]
    )
    if len(slug) > limit:
        head = slug[: limit + 1]  # a hyphen just after the limit ends a whole word
        slug = head.rsplit("-", 1)[0] if "-" in head else slug[:limit]
    return slug.strip("-")


def principles(settings):
    return [Term(slug, names) for slug, names in settings["WARTA_PRINCIPLES"].items()]


def categories(settings):
    return [Term(slug, names) for slug, names in settings["WARTA_CATEGORIES"].items()]


SEPARATORS = re.compile(r"[\s_\-]+")


@functools.lru_cache(maxsize=4096)  # a few hundred distinct tags, thousands of articles
def term_key(text):
    """Fold case and separators: 'Pembelajaran  Sepanjang_Hayat' -> 'pembelajaran-sepanjang-hayat'."""
    return SEPARATORS.sub("-", text.strip().casefold()).strip("-")


def match_term(text, terms):
    """The term that ``text`` names: its slug or its name in any language, in any case."""
    key = term_key(text)
    for term in terms:
        if key == term.slug or any(key == term_key(name) for name in term.names.values()):
            return term
    return None


def message(catalog, lang, fallback, key, /, **values):
    """The message ``key`` of ``catalog`` ({lang: {key: text}}) in ``lang``, or in
    ``fallback`` for a language without messages, filled with ``values``: the lookup of
    the staff's messages of the tasks (tasks.message, warta.wordpress.messages)."""
    return catalog.get(lang, catalog[fallback])[key].format(**values)
