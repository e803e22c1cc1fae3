"""The content contract: every article and page checked while Pelican reads it.

Editors are library staff, not programmers. Pelican validates almost nothing
(an empty title writes a file named ``.html``; a bad date stops deep inside
with a traceback; a misspelt principle quietly becomes a new tag). This plugin
reads each Markdown header as the editor wrote it, collects every problem in
the whole site, and stops the build before anything is written, with messages
like a good compiler's: the file, the field, what is wrong and what to write
instead, in Indonesian by default (``WARTA_MESSAGES_LANG``).

- ``CheckedMarkdownReader`` (installed on ``readers_init``) checks each file's
  own header and links as Pelican reads it;
- ``check_site`` (on ``all_generators_finalized``) checks what needs every file
  at once (duplicate slugs, translations that disagree), then stops the build
  on any error, or, with ``WARTA_CHECK_ONLY``, prints the report and a to-do
  list and stops without writing (``invoke check``).
"""

import difflib
import gettext
import os
from html.parser import HTMLParser
import re
import sys
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path, PurePosixPath
from urllib.parse import urlsplit

from markdown import Markdown
from markdown.extensions import Extension
from markdown.preprocessors import Preprocessor
from pelican import signals
from pelican.readers import MarkdownReader
from pelican.utils import pelican_open

from warta import facts, incremental, photos, reading, redirects
from warta import events
from warta.tables import AlignedTables
from warta.events import parse_when
from warta.library import read_library
from warta.multilingual import (
    compile_catalogs,
    every_article,
    every_content,
    is_main_site,
    main_lang,
)

REPORT = "WARTA_REPORT"  # the settings key this build's Report lives under
LOCALEDIR = Path(__file__).parent / "translations"

# Keys Pelican knows besides the contract, lower case as Pelican stores them.
PELICAN_KEYS = {
    "modified",
    "authors",
    "url",
    "save_as",
    "template",
    "translation",
    "keywords",
}
# No HTML here: these reach <title>, meta tags, feeds and JSON-LD. (Summary is
# Markdown, so *emphasis* works, but raw tags are refused like the rest.)
PLAIN_TEXT_FIELDS = (
    "title",
    "summary",
    "author",
    "event",
    "event_organizer",
    "event_location",
    "event_address",
    "participants",
    "image_alt",
    "image_caption",
)
ATTENDANCE = ("online", "offline", "mixed")
HTML_TAG = re.compile(r"<\s*/?\s*[a-zA-Z!][^>]*>?")
LINK_TARGET = re.compile(r"\{(filename|static|attach)\}([^)\s\"'#?]+)")
MD_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
HTML_TAG_WITH_URL = re.compile(r"<(?:img|a|video|source|object)\b[^>]*>", re.IGNORECASE)
PHOTOS = photos.imaging.PHOTO_SUFFIXES
HTML_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)


def translator(lang):
    """gettext for the messages' language; English (the msgids) when it has no catalog."""
    return gettext.translation("contract", LOCALEDIR, [lang], fallback=True).gettext


@dataclass(frozen=True)
class Problem:
    path: str
    field: str | None
    message: str
    severity: str  # "error" or "warning"


@dataclass
class Report:
    """Every problem of one build, and the to-do list `invoke check` shows."""

    lang: str  # the messages' language (WARTA_MESSAGES_LANG)
    problems: list = field(default_factory=list)
    todo: list = field(default_factory=list)
    # What an earlier language site of this build printed already (every site reads
    # every file, so the /en/ site finds the same warnings again).
    told: frozenset = frozenset()
    # Every file read or taken from the cache: {path: (ReadRecord, its HTML)}; also
    # those Pelican then drops (an unknown Status), which no generator lists.
    read: dict = field(default_factory=dict)

    # Kept as a language, not a gettext function: Pelican's content cache pickles
    # the settings this report lives in.
    @property
    def translate(self):
        return translator(self.lang)

    @property
    def untold(self):
        return [p for p in self.problems if p not in self.told]

    def add(self, severity, path, key, message):
        problem = Problem(path, key, message, severity)
        if problem not in self.problems:  # every language site reads every file
            self.problems.append(problem)

    def error(self, path, key, message):
        self.add("error", path, key, message)

    def warning(self, path, key, message):
        self.add("warning", path, key, message)

    @property
    def errors(self):
        return [p for p in self.problems if p.severity == "error"]

    def render(self, problems=None):
        _ = self.translate
        problems = self.problems if problems is None else problems
        label = {"error": _("ERROR"), "warning": _("WARNING")}
        lines = []
        for p in sorted(problems, key=lambda p: (p.path, p.severity != "error")):
            where = f"{display_key(p.field)}: " if p.field else ""
            lines.append(f"{p.path}: {label[p.severity]}: {where}{p.message}")
        errors = [p for p in problems if p.severity == "error"]
        files = len({p.path for p in errors})
        summary = _("%(problems)d problems in %(files)d files") % {
            "problems": len(errors),
            "files": files,
        }
        warnings = len(problems) - len(errors)
        if warnings:
            summary += ", " + _("%(warnings)d warnings") % {"warnings": warnings}
        lines.append(summary)
        return "\n".join(lines)


def display_key(key):
    """'event_start' -> 'Event_start', as the contract spells it."""
    return key[:1].upper() + key[1:]


def nearest(word, choices, cutoff=0.75):
    found = difflib.get_close_matches(word, list(choices), n=1, cutoff=cutoff)
    return found[0] if found else None


def did_you_mean(suggestion, _):
    """' Did you mean 'x'?' to end a message with, or nothing without a suggestion."""
    return (
        " " + _("Did you mean '%(suggestion)s'?") % {"suggestion": suggestion} if suggestion else ""
    )


class Problems(list):
    """What a check found: (severity, key, message) tuples, as every check returns them."""

    def error(self, key, message):
        self.append(("error", key, message))

    def warning(self, key, message):
        self.append(("warning", key, message))


def check_header(path, header, kind, settings, _, repeated=()):
    """Problems in one file's header: [(severity, key, message)].

    ``header`` maps lower-case keys to the values as written (strings);
    ``kind`` is "article" or "page"; ``repeated`` names the keys written more than
    once (or over several lines).
    """
    problems = Problems()
    error, warning = problems.error, problems.warning

    title = header.get("title", "").strip()
    if not title:
        error(
            "title",
            _(
                "the title is missing or empty. Write one, e.g. 'Title: Bimtek Transformasi Perpustakaan'."
            ),
        )

    for key in PLAIN_TEXT_FIELDS:
        if key in header and HTML_TAG.search(header[key]):
            error(
                key,
                _(
                    "contains HTML (%(markup)s). This field is plain text: write it without < > tags."
                )
                % {"markup": HTML_TAG.search(header[key]).group(0)},
            )

    if kind == "article":
        if "date" not in header or not header["date"].strip():
            error(
                "date",
                _(
                    "the date is missing. Write 'Date: YYYY-MM-DD' or 'Date: YYYY-MM-DD HH:MM', e.g. 'Date: 2020-07-30 10:00'."
                ),
            )
        else:
            try:
                parse_when(header["date"], settings["TIMEZONE"])
            except ValueError:
                error(
                    "date",
                    _(
                        "'%(value)s' is not a real date. Write YYYY-MM-DD or YYYY-MM-DD HH:MM, e.g. 2020-07-30 or 2020-07-30 10:00."
                    )
                    % {"value": header["date"].strip()},
                )

    languages = settings["WARTA_LANGUAGES"]
    lang = header.get("lang", "").strip()
    if "lang" in header and lang not in languages:
        hint = nearest(lang.lower(), languages)
        message = _("'%(value)s' is not one of the site's languages (%(choices)s).") % {
            "value": lang,
            "choices": ", ".join(languages),
        }
        message += did_you_mean(hint, _)
        error("lang", message)

    if kind == "article" and header.get("category", "").strip():
        category = header["category"].strip()
        terms = facts.categories(settings)
        if not facts.match_term(category, terms):
            keys = {
                facts.term_key(name): t.slug for t in terms for name in (t.slug, *t.names.values())
            }
            hint = keys.get(nearest(facts.term_key(category), keys))
            message = _("'%(value)s' is not one of the categories (%(choices)s).") % {
                "value": category,
                "choices": ", ".join(t.slug for t in terms),
            }
            message += did_you_mean(hint, _)
            error("category", message)

    principles = facts.principles(settings)
    spellings = {
        facts.term_key(name): p.slug for p in principles for name in (p.slug, *p.names.values())
    }
    for tag in header.get("tags", "").split(","):
        if not tag.strip() or facts.match_term(tag, principles):
            continue
        hint = spellings.get(nearest(facts.term_key(tag), spellings, cutoff=0.85))
        if hint:
            error(
                "tags",
                _(
                    "'%(value)s' is not a principle. Did you mean '%(suggestion)s'? (If it is meant as an ordinary tag, spell it further from the principle's name.)"
                )
                % {"value": tag.strip(), "suggestion": hint},
            )

    problems += check_event(header, settings, _)
    problems += check_mistakes(header, kind, settings, _, repeated)

    known = set(facts.CONTRACT_KEYS) | PELICAN_KEYS
    for key in header:
        if key not in known:
            hint = nearest(key, known, cutoff=0.8)
            if hint:
                warning(
                    key,
                    _("this key is unknown and will be ignored. Did you mean '%(suggestion)s'?")
                    % {"suggestion": display_key(hint)},
                )
    return problems


STATUSES = ("published", "draft")
# Pelican's fields that would let a file write itself anywhere, or need a programmer.
NOT_EDITOR_FIELDS = ("save_as", "url", "template")
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
YEARS = range(1900, 2101)  # a date outside is a typo (and breaks Pelican's date handling)
# Names at the site root that are not pages (besides each language's section words).
# Words a page's slug must not be besides those of the URL settings (``reserved_slugs``):
# Pelican's own.
RESERVED_SLUGS = {"drafts", "404", "index"}
URL_SETTINGS = (
    "ARTICLE_URL",
    "PAGE_URL",
    "TAG_URL",
    "CATEGORY_URL",
    "DRAFT_URL",
    "FEED_ATOM",
    "FEED_RSS",
    "FEED_ALL_ATOM",
    "TAG_FEED_ATOM",
    "CATEGORY_FEED_ATOM",
)
DEGREE = re.compile(r"^\s*(?:[A-Z][A-Za-z]{0,4}\.){1,4}[A-Za-z]{0,4}\.?\s*$|^\s*[A-Z]{2,4}\s*$")


def placeholders():
    """The texts ``invoke new`` writes for the editor to replace."""
    from warta.scaffold import PLACEHOLDERS

    return PLACEHOLDERS


def check_mistakes(header, kind, settings, _, repeated=()):
    """The mistakes that used to pass in silence or do worse: [(severity, key, message)]."""
    problems = Problems()
    error = problems.error

    for key in sorted(repeated):
        error(
            key,
            _(
                "is written more than once (or over several lines). Write it once, on one line: Pelican would keep only part of it."
            ),
        )
    for key in NOT_EDITOR_FIELDS:
        if key in header and not (kind == "page" and key != "template"):
            error(
                key,
                _(
                    "is not a field for articles: it would change where the file is published or how. Remove this line."
                ),
            )
    if kind == "page" and ("url" in header or "save_as" in header):
        # A translated page's own address (/en/about/ for the page whose slug is
        # 'tentang'): a plain word and its index.html, never another page's place.
        url = header.get("url", "").strip()
        word = url.removesuffix("/")
        if not (SLUG.match(word) and url == word + "/") or word in reserved_slugs(settings):
            error(
                "url",
                _(
                    "'%(value)s' is not a page address. Write one word and a slash, e.g. 'Url: about/', that is not already a section of the site."
                )
                % {"value": url},
            )
        elif header.get("save_as", "").strip() != url + "index.html":
            error(
                "save_as",
                _("must be '%(expected)s', the file behind 'Url: %(url)s'.")
                % {"expected": url + "index.html", "url": url},
            )

    if kind == "article" and not header.get("category", "").strip():
        error(
            "category",
            _("the category is missing. Write one of: %(choices)s.")
            % {"choices": ", ".join(t.slug for t in facts.categories(settings))},
        )

    status = header.get("status", "").strip()
    if "status" in header and status not in STATUSES:
        message = _(
            "'%(value)s' is not a status. Write 'Status: draft' to keep it off the site, or remove the line to publish."
        ) % {"value": status}
        error("status", message + did_you_mean(nearest(status.lower(), STATUSES, cutoff=0.6), _))

    title = " ".join(header.get("title", "").split())
    if len(title) > facts.TITLE_MAX:
        error(
            "title",
            _("is %(length)d characters long; a title has at most %(most)d. Shorten it.")
            % {"length": len(title), "most": facts.TITLE_MAX},
        )

    if "slug" in header:
        slug = header["slug"].strip()
        if not SLUG.match(slug):
            error(
                "slug",
                _(
                    "'%(value)s' is not a slug: use lowercase letters, digits and hyphens only, e.g. '%(suggestion)s'."
                )
                % {"value": slug, "suggestion": facts.slug_of(slug) or "judul-artikel"},
            )
        elif kind == "page" and (slug in reserved_slugs(settings) or slug.isdigit()):
            error(
                "slug",
                _(
                    "'%(value)s' is already an address of the site (a section, a language or a file). Choose another slug."
                )
                % {"value": slug},
            )

    for key in ("date", "modified", "event_start", "event_end"):
        value = header.get(key, "").strip()
        try:
            moment = parse_when(value, settings["TIMEZONE"])
        except ValueError:
            if key == "modified" and value:  # Date and events say so already
                error(
                    key,
                    _(
                        "'%(value)s' is not a real date. Write YYYY-MM-DD or YYYY-MM-DD HH:MM, e.g. 2020-07-30 or 2020-07-30 10:00."
                    )
                    % {"value": value},
                )
            continue
        if moment.year not in YEARS:
            error(
                key,
                _("%(year)d is not a plausible year. Check the date.") % {"year": moment.year},
            )
        elif key == "date" and kind == "article" and status != "draft":
            # Pelican holds it back by the real date (WITH_FUTURE_DATES), so this does too.
            if moment.isoformat()[:10] > date.today().isoformat():
                problems.append(
                    (
                        "warning",
                        key,
                        _(
                            "is in the future (%(value)s): the article stays off the site until a build on or after that day. If this is a typo, correct the date."
                        )
                        % {"value": value},
                    )
                )

    names = header.get("participants", "")
    if names and ";" not in names and "," in names:
        parts = [part.strip() for part in names.split(",")]
        if not all(DEGREE.match(part) for part in parts[1:]):
            error(
                "participants",
                _(
                    "names are separated by commas. Separate them with semicolons, since names can hold commas: '%(suggestion)s'."
                )
                % {"suggestion": "; ".join(part for part in parts if part)},
            )

    for key, value in header.items():
        if any(text in value for text in placeholders()):
            problems.append(
                (
                    "warning" if status == "draft" else "error",
                    key,
                    _("still holds the example text 'invoke new' wrote. Replace it with your own."),
                )
            )
    return problems


def reserved_slugs(settings):
    """Slugs a page cannot take: the first folder of every URL setting (tag/, feeds/),
    the folders the site writes of its own (warta.redirects.FILE_FOLDERS), every
    language's code and section words. The importer keeps its slugs off them too."""
    words = RESERVED_SLUGS | set(redirects.FILE_FOLDERS)
    for name in URL_SETTINGS:
        first = (settings.get(name) or "").split("/", 1)[0]
        if first and "{" not in first and "." not in first:
            words.add(first)
    for lang, language in settings["WARTA_LANGUAGES"].items():
        words |= {lang, *language["sections"].values()}
    return words


def check_event(header, settings, _):
    problems = []
    has_event_fields = any(k.startswith("event_") or k == "participants" for k in header)
    if "event" not in header and not has_event_fields:
        return problems
    if "event" not in header or not header["event"].strip():
        problems.append(
            (
                "error",
                "event",
                _(
                    "event fields are given but not the event's name. Add 'Event: <name of the event>'."
                ),
            )
        )
    when = {}
    for key in ("event_start", "event_end"):
        if key in header:
            try:
                when[key] = parse_when(header[key], settings["TIMEZONE"])
            except ValueError:
                problems.append(
                    (
                        "error",
                        key,
                        _(
                            "'%(value)s' is not a real date. Write YYYY-MM-DD or YYYY-MM-DD HH:MM, e.g. 2020-07-27 or 2020-07-27 09:00."
                        )
                        % {"value": header[key].strip()},
                    )
                )
    if "event" in header and "event_start" not in header:
        problems.append(
            (
                "error",
                "event_start",
                _(
                    "the event has no start. Add 'Event_start: YYYY-MM-DD' (and 'Event_end:' if it lasts longer)."
                ),
            )
        )
    if len(when) == 2 and _as_moment(when["event_end"], end=True) < _as_moment(when["event_start"]):
        problems.append(
            (
                "error",
                "event_end",
                _("the event ends (%(end)s) before it starts (%(start)s). Check both dates.")
                % {"end": header["event_end"].strip(), "start": header["event_start"].strip()},
            )
        )
    if "event_attendance" in header:
        value = header["event_attendance"].strip()
        if value not in ATTENDANCE:
            hint = ATTENDANCE_WORDS.get(value.lower()) or nearest(
                value.lower(), ATTENDANCE, cutoff=0.6
            )
            message = _("'%(value)s' is not online, offline or mixed.") % {"value": value}
            message += did_you_mean(hint, _)
            problems.append(("error", "event_attendance", message))
    if header.get("participants", "").strip():  # left empty (as `invoke new` writes it): none
        names = header["participants"].split(";")
        if any(not name.strip() for name in names):
            problems.append(
                (
                    "error",
                    "participants",
                    _(
                        "has an empty name between semicolons. Separate names with one ';', e.g. 'Sunarsih; Feri Sutomo'."
                    ),
                )
            )
    problems += check_event_place(header, when, settings, _)
    return problems


# What editors write for a yes/no or a status in Indonesian, and what they mean.
YES_NO = {"ya": "yes", "tidak": "no", "true": "yes", "false": "no"}
STATUS_WORDS = {"batal": "cancelled", "dibatalkan": "cancelled", "ditunda": "postponed"}
ATTENDANCE_WORDS = {
    "daring": "online",
    "luring": "offline",
    "tatap muka": "offline",
    "campuran": "mixed",
    "hibrida": "mixed",
    "hybrid": "mixed",
    "luring dan daring": "mixed",
}
# A Zoom link with the meeting's passcode in it: whoever has the link is let in.
PASSCODE = re.compile(r"[?&]pwd=", re.IGNORECASE)


def web_address_problem(value, _):
    """A message if ``value`` is not a whole http(s) address, else None."""
    parts = urlsplit(value)
    if parts.scheme in ("http", "https") and parts.hostname and not re.search(r"\s", value):
        return None
    example = "https://" + value if not parts.scheme and events.looks_like_url(value) else None
    return _(
        "'%(value)s' is not a web address. Write the whole link, starting with https://, e.g. '%(example)s'."
    ) % {"value": value, "example": example or "https://zoom.us/j/81234567890"}


def check_event_place(header, when, settings, _):
    """Where an event is and how to join it: [(severity, key, message)]."""
    problems = Problems()
    error, warning = problems.error, problems.warning

    mode = header.get("event_attendance", "").strip()
    link = header.get("event_url", "").strip()
    public = header.get("event_url_public", "").strip().lower()
    location = header.get("event_location", "").strip()
    address = header.get("event_address", "").strip()
    for key in ("event_url", "event_organizer_url"):
        value = header.get(key, "").strip()
        if value and (message := web_address_problem(value, _)):
            error(key, message)
    if link and mode == "offline":
        error(
            "event_url",
            _(
                "an event attended only in person has no online link. Write 'Event_attendance: mixed' if it can also be followed online, or remove this line."
            ),
        )
    elif link and not mode:
        error(
            "event_url",
            _(
                "say how people take part: add 'Event_attendance: online', or 'mixed' if there is also a place to come to."
            ),
        )
    if "event_url_public" in header:
        if public not in ("yes", "no"):
            message = _(
                "'%(value)s' is not yes or no. Write 'Event_url_public: no' to keep the link off the site, or remove the line to show it."
            ) % {"value": header["event_url_public"].strip()}
            error("event_url_public", message + did_you_mean(YES_NO.get(public), _))
        elif not link:
            warning(
                "event_url_public",
                _("is given, but 'Event_url:' is missing. Add the link, or remove this line."),
            )
    if link and public != "no" and PASSCODE.search(link):
        warning(
            "event_url",
            _(
                "the link holds the meeting's passcode (pwd=), so anyone who reads the site can join. If only participants should have it, add 'Event_url_public: no'."
            ),
        )
    if location and events.looks_like_url(location):
        error(
            "event_location",
            _(
                "'%(value)s' is a web address, not a place. Write the link in 'Event_url:', and here the place or the platform, e.g. 'Zoom'."
            )
            % {"value": location},
        )
    if address and events.looks_like_url(address):
        error(
            "event_address",
            _(
                "'%(value)s' is a web address. Write the street address as on an envelope, e.g. 'Jl. S. Sukowati No. 1, Curup'."
            )
            % {"value": address},
        )
    elif address and mode == "online":
        error(
            "event_address",
            _(
                "an online event has no street address. Write 'Event_attendance: mixed' if people can also come in person, or remove this line."
            ),
        )
    if "event_status" in header:
        status = header["event_status"].strip().lower()
        if status not in events.STATUSES:
            message = _("'%(value)s' is not scheduled, cancelled or postponed.") % {
                "value": header["event_status"].strip()
            }
            hint = STATUS_WORDS.get(status) or nearest(status, events.STATUSES, cutoff=0.6)
            error("event_status", message + did_you_mean(hint, _))

    # Still to come: what search engines, maps and calendars need to show it.
    start = when.get("event_start")
    if start is None or any(text in location for text in placeholders()):
        return problems  # no date yet, or no place yet: other messages come first
    last_day = events.day_of(when.get("event_end") or start)
    if last_day < facts.today(settings):
        return problems
    library = read_library(settings).name
    at_library = events.at_library(location, settings)
    if mode != "online" and not location and not address:
        warning(
            "event_location",
            _(
                "the event is still to come but says neither where it takes place nor that it is online: the event card names no place and search engines do not show it. Add e.g. 'Event_location: Aula Perpustakaan Daerah', or 'Event_attendance: online'."
            ),
        )
    elif mode in ("offline", "mixed") and not address and not at_library:
        warning(
            "event_address",
            _(
                "the event is still to come and has no street address: search engines and maps show upcoming events with theirs. Add e.g. 'Event_address: Jl. S. Sukowati No. 1, Curup'. (At the library itself, write its name as the place, 'Event_location: %(library)s', and its address is used.)"
            )
            % {"library": library},
        )
    if mode in ("online", "mixed") and not link:
        warning(
            "event_url",
            _(
                "the event is still to come and can be followed online, but has no link. Add 'Event_url:' (and 'Event_url_public: no' if only participants should see it)."
            ),
        )
    return problems


def _as_moment(value, end=False):
    """Dates and times on one line: a date-only end lasts until the end of its day."""
    if isinstance(value, datetime):
        return value.replace(tzinfo=None)
    return datetime.combine(value, datetime.max.time() if end else datetime.min.time())


def link_targets(path, text, base):
    """(kind, target as written, the file it names) of every {filename}/{static}
    link in ``text``, the file at ``path`` inside ``base`` (content/)."""
    here = (base / path).parent
    for kind, target in LINK_TARGET.findall(text):
        yield kind, target, base / target.lstrip("/") if target.startswith("/") else here / target


def linked_files(path, source, base):
    """The files inside content/ that ``source``'s {filename}/{static} links name (paths
    relative to it, whether they exist or not): a link's URL comes from its target."""
    root = base.resolve()
    found = {
        resolved.resolve().relative_to(root).as_posix()
        for _kind, _target, resolved in link_targets(path, HTML_COMMENT.sub("", source), base)
        if resolved.resolve().is_relative_to(root)
    }
    return tuple(sorted(found))


def check_links(path, source, base, _):
    """Problems with {filename}/{static} links that point nowhere, and with images
    written as HTML (Markdown images are checked by ``photos`` as they are read)."""
    problems = []
    text = MD_IMAGE.sub("", HTML_COMMENT.sub("", source))
    for kind, target, resolved in link_targets(path, text, base):
        if not resolved.resolve().is_relative_to(base.resolve()):
            problems.append(
                (
                    "error",
                    None,
                    _(
                        "the link {%(kind)s}%(target)s leads outside the content folder. Link only files inside content/."
                    )
                    % {"kind": kind, "target": target},
                )
            )
        elif not resolved.exists():
            problems.append(
                (
                    "error",
                    None,
                    _("the link {%(kind)s}%(target)s points at a file that does not exist.")
                    % {"kind": kind, "target": target},
                )
            )
    for tag in HTML_TAG_WITH_URL.findall(text):
        src = re.search(r"\b(?:src|href|poster|data)\s*=\s*[\"']([^\"']+)", tag)
        if not src or photos.EXTERNAL.match(src.group(1)):
            continue
        path = urlsplit(photos.LINK_PREFIX.sub("", src.group(1))).path
        if tag.lower().startswith("<img") or PurePosixPath(path.lower()).suffix in PHOTOS:
            problems.append(
                (
                    "error",
                    None,
                    _(
                        'the image %(src)s is written as HTML, so it would be published unprocessed. Write it as Markdown: ![what the photo shows](%(src)s "Caption").'
                    )
                    % {"src": src.group(1)},
                )
            )
    return problems


SAFE_SCHEMES = ("http", "https", "mailto", "tel")
# Tags a news article never needs and that would run code or change the page around it.
FORBIDDEN_TAGS = {"script", "iframe", "object", "embed", "form", "style", "base", "meta", "link"}
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "data", "poster", "cite", "xlink:href"}


class UnsafeMarkup(HTMLParser):
    """What in rendered HTML could run code in a reader's browser or feed reader:
    forbidden tags, event-handler attributes (onclick=, also from Markdown's
    attribute lists), and links whose scheme is not http(s), mailto or tel. The
    parser decodes entities, so '&#106;avascript:' is seen as what it is."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found = []  # ("tag" | "attribute" | "link", what)

    def handle_starttag(self, tag, attrs):
        if tag in FORBIDDEN_TAGS:
            self.found.append(("tag", f"<{tag}>"))
        for name, value in attrs:
            if name.startswith("on"):
                self.found.append(("attribute", f"{name}="))
            elif name in URL_ATTRIBUTES or name == "srcset":
                urls = (
                    [c.split()[0] for c in (value or "").split(",") if c.split()]
                    if name == "srcset"
                    else [value or ""]
                )
                for url in urls:
                    plain = re.sub(r"[\x00-\x20]+", "", url)  # browsers drop these inside a scheme
                    scheme = re.match(r"^([a-zA-Z][a-zA-Z0-9+.-]*):", plain)
                    if scheme and scheme.group(1).lower() not in SAFE_SCHEMES:
                        self.found.append(("link", url))

    handle_startendtag = handle_starttag


def unsafe_markup(html):
    parser = UnsafeMarkup()
    parser.feed(html)
    parser.close()
    return parser.found


def check_body(source, content, summary, header, _):
    """The body and the Summary as rendered: nothing that runs code, no photo in the
    Summary (it is plain text in listings and previews), no example text left."""
    problems = []
    status = header.get("status", "").strip()
    for key, html in (("summary", summary), (None, content)):
        for kind, what in unsafe_markup(html):
            if kind == "link":
                message = _(
                    "the link '%(url)s' is not allowed. Links start with https://, http://, mailto: or tel:, or are a path on this site."
                ) % {"url": what[:80]}
            else:
                message = _(
                    "contains %(markup)s, which could run code in readers' browsers. Remove it; write plain Markdown."
                ) % {"markup": what}
            problems.append(("error", key, message))
    if "<img" in summary or "<picture" in summary:
        problems.append(
            (
                "error",
                "summary",
                _(
                    "holds a photo. The Summary is text only; put the photo in the article, or name it in 'Image:'."
                ),
            )
        )
    body = source.split("\n\n", 1)[1] if "\n\n" in source else ""
    if any(text in HTML_COMMENT.sub("", body) for text in placeholders()):
        problems.append(
            (
                "warning" if status == "draft" else "error",
                None,
                _(
                    "the text still holds the example text 'invoke new' wrote. Replace it with your own."
                ),
            )
        )
    return problems


def photo_problem(problem, _):
    """(severity, field, message) for a problem ``photos`` found with an image."""
    messages = {
        "missing": _("the image %(target)s does not exist."),
        "outside": _(
            "the image %(target)s is outside the content folder. Save it beside the article and link it from there."
        ),
        "no_alt": _(
            "the image %(target)s has no description. Write what the photo shows between the brackets, ![like this](%(target)s), for readers who cannot see it."
        ),
        "lead_no_alt": _(
            "the lead photo (Image: %(target)s) has no description. Add 'Image_alt:' saying what the photo shows, for readers who cannot see it."
        ),
        "lead_external": _(
            "'%(target)s' is a web address. The lead photo must be a photo saved beside the article, e.g. 'Image: bimtek/foto-1.jpg'."
        ),
        "lead_without_image": _(
            "is given, but 'Image:' is missing, so there is no lead photo to describe. Add 'Image: <the photo>' or remove this line."
        ),
        "not_image": _(
            "%(target)s is not an image that can be opened, even though its name says so. Open it on your computer; if it shows, save it again as JPEG or PNG."
        ),
        "unsupported": _(
            "%(target)s is not a photo format the site publishes. Save or export it as JPEG or PNG."
        ),
        "too_large": _(
            "%(target)s is too large to process (over 120 megapixels). Make it smaller with an image editor first."
        ),
        "broken": _(
            "%(target)s is damaged: it cannot be read to the end. Copy it again from the phone or camera."
        ),
        "large": _(
            "%(target)s is very large (%(detail)s). It is published in smaller sizes, but it slows the build; a phone photo is usually under 10 MB."
        ),
    }
    message = messages[problem.kind] % {"target": problem.target, "detail": problem.detail}
    if problem.kind == "missing" and problem.suggestion:
        message += " " + _(
            "Did you mean '%(suggestion)s'? On the web server, capitals and the extension (.jpg, .JPG, .jpeg) must match the file name exactly."
        ) % {"suggestion": problem.suggestion}
    elif problem.kind == "missing":
        message += " " + _(
            "Save the photo in this article's folder, %(folder)s/, and write it as %(example)s."
        ) % {
            "folder": f"content/{problem.folder}",
            "example": f"{PurePosixPath(problem.folder).name}/{PurePosixPath(problem.target).name}",
        }
    warnings = ("large", "lead_without_image")
    return ("warning" if problem.kind in warnings else "error"), problem.field, message


class EditorNotes(Extension):
    """An editor's notes (and the photo hint ``invoke new`` writes) are HTML comments:
    Markdown would publish them in the page source and every feed. They are dropped
    before Markdown reads the text."""

    class Drop(Preprocessor):
        def run(self, lines):
            return HTML_COMMENT.sub("", "\n".join(lines)).split("\n")

    def extendMarkdown(self, md):
        # Above Markdown's own HTML-block preprocessor (20), which would keep them.
        md.preprocessors.register(self.Drop(md), "warta_editor_notes", 25)


@dataclass
class ReadRecord:
    """What the contract needs of a file, kept in its metadata: Pelican's content
    cache keeps metadata, so a file served from the cache is checked (against the
    settings of this build) exactly like one read afresh."""

    path: str  # inside content/
    kind: str  # "article" or "page"
    header: dict  # lower-case key -> the value as written
    repeated: frozenset  # keys written more than once
    source: str
    summary: str  # the Summary as rendered (Markdown)
    photo_problems: tuple  # photos.Problem
    looked_at: tuple  # (image path, stamp) of every image the file names: the cache's key too
    links: tuple = ()  # the files its {filename}/{static} links name, inside content/
    stamp: tuple = ()  # (mtime_ns, size) of the file as read


class CheckedMarkdownReader(MarkdownReader):
    """Pelican's Markdown reader, with the photos extension, recording what the
    contract checks (``check_site`` does, once every file is read)."""

    def read(self, source_path):
        shared = reading.recall(source_path, self.process_metadata)
        if shared is not None:  # the main language site read it already, this build
            return shared
        content, metadata = self._read(source_path)
        typogrify = reading.typogrifier(self.settings)
        if typogrify and metadata.get("status") != "skip":
            content = typogrify(content)
            record = metadata.get("warta_read")
            if record:  # checked as published; no second copy of the body kept
                self.settings[REPORT].read[record.path] = (record, content)
            for name in ("title", "summary"):
                if name in metadata:
                    metadata[name] = typogrify(metadata[name])
            reading.remember(source_path, content, metadata, self._first_values)
        return content, metadata

    def _read(self, source_path):
        base = Path(self.settings["PATH"])
        path = Path(source_path).relative_to(base).as_posix()
        kind = self._kind(path)
        try:
            # Its stamp before reading it: a save while the build runs is seen next time.
            stat = os.stat(source_path)
            source = Path(source_path).read_text(encoding="utf-8")
        except UnicodeDecodeError as error:
            report = self.settings[REPORT]
            _ = report.translate
            report.error(
                path,
                None,
                _(
                    "the file is not valid UTF-8 (byte %(position)d). Open it and save it again as UTF-8."
                )
                % {"position": error.start},
            )
            return "", {"title": path, "status": "skip"}
        self._header, self._repeated, self._first_values = {}, set(), {}
        content, metadata, found = self._read_markdown(source_path)
        if kind is None:  # principle explanations and the like: Markdown only
            return content, metadata
        lead = found.lead(self._header)
        metadata["warta_read"] = ReadRecord(
            path,
            kind,
            self._header,
            frozenset(self._repeated),
            source,
            str(metadata.get("summary", "")),
            tuple(found.finder.problems),
            tuple(found.finder.looked_at.items()),
            linked_files(path, source, Path(self.settings["PATH"])),
            (stat.st_mtime_ns, stat.st_size),
        )
        metadata["photos"] = found.uses
        metadata["lead_photo"] = lead
        self.settings[REPORT].read[path] = (metadata["warta_read"], content)
        if kind == "article" and "date" not in metadata:
            metadata["date"] = datetime(1970, 1, 1)  # the build stops on the contract's error
        if not metadata.get("title"):
            metadata["title"] = path
        return content, metadata

    def _read_markdown(self, source_path):
        """Pelican's ``MarkdownReader.read``, with this file's photos extension: a
        Markdown extension is not told which file it reads, and photo paths are
        relative to the file. One Markdown for every file this reader reads, reset
        between them as Python-Markdown means it to be reused: Pelican makes a new one
        per file, loading its extensions and compiling their expressions again each
        time (0.4 s at 1,000 articles)."""
        self._source_path = source_path
        found = photos.PhotoExtension(source_path, self.settings)
        if getattr(self, "_markdown", None) is None:
            md = self._markdown = Markdown(**self.settings["MARKDOWN"])
            md.registerExtensions([EditorNotes(), AlignedTables()], {})
            # Pelican's _parse_metadata takes the header's preprocessor away (a Summary
            # has no header of its own); it is put back for the next file. Markdown's
            # registry says an item's priority only in its _priority list.
            self._meta = [
                (md.preprocessors[item.name], item.name, item.priority)
                for item in md.preprocessors._priority
                if item.name == "meta"
            ]
        self._md = self._markdown
        self._md.reset()
        for preprocessor, name, priority in self._meta:
            if name not in self._md.preprocessors:
                self._md.preprocessors.register(preprocessor, name, priority)
        found.extendMarkdown(self._md)  # replaces the previous file's, by its name
        with pelican_open(source_path) as text:
            content = self._md.convert(text)
        found.reading_body = False  # Summary is Markdown too: its images lead nothing
        metadata = self._parse_metadata(self._md.Meta) if hasattr(self._md, "Meta") else {}
        return content, metadata, found

    def _parse_metadata(self, meta):
        # The header as written, before Pelican parses it (and resets Markdown's Meta).
        self._header = {key.lower(): "\n".join(values) for key, values in meta.items()}
        self._repeated = {key.lower() for key, values in meta.items() if len(values) > 1}
        self._first_values = {key.lower(): values[0] for key, values in meta.items()}
        # Pelican gets the first of repeated values: the contract stops the build on
        # them, and a list where Pelican expects a string would crash it first.
        return super()._parse_metadata({key: values[:1] for key, values in meta.items()})

    def process_metadata(self, name, value):
        if name in ("date", "modified") and isinstance(value, str):
            try:
                parse_when(value, self.settings["TIMEZONE"])
            except ValueError:
                return datetime(1970, 1, 1)  # reported by check_header; the build stops
        return super().process_metadata(name, value)

    def _kind(self, path):
        def under(paths):
            return any(path == p or path.startswith(p.rstrip("/") + "/") for p in paths)

        if under(self.settings["ARTICLE_PATHS"]):
            return "article"
        if under(self.settings["PAGE_PATHS"]):
            return "page"
        return None


def start_report(pelican):
    """A fresh report for each build (and each language site of it)."""
    compile_catalogs(LOCALEDIR)
    settings = pelican.settings
    lang = settings.get("WARTA_MESSAGES_LANG", "id")
    earlier = settings.get(REPORT) if not is_main_site(settings) else None  # the main site's
    told = frozenset(earlier.problems) if earlier else frozenset()
    settings[REPORT] = Report(lang, told=told)


def keep_everything(generator):
    """Remember every article before i18n_subsites removes other languages' ones."""
    generator.warta_everything = every_article(generator)


def install_reader(readers):
    for extension in CheckedMarkdownReader.file_extensions:
        readers.reader_classes[extension] = CheckedMarkdownReader
    cached = readers.get_cached_data

    def get_cached_data(filename, default=None):
        # Pelican's cache knows only the .md file's date: a file that was not
        # readable, or whose photos changed since, is read again.
        content, metadata = cached(filename, default)
        if content is None or metadata.get("status") == "skip":
            return default
        record = metadata.get("warta_read")
        if record and any(photos.stamp(base, image) != was for image, was in record.looked_at):
            return default
        if record:
            readers.settings[REPORT].read[record.path] = (record, content)
        return content, metadata

    base = Path(readers.settings["PATH"])
    readers.get_cached_data = get_cached_data


def check_file(record, html, settings, _):
    """Every problem of one file: [(severity, key, message)]."""
    base = Path(settings["PATH"])
    problems = check_header(record.path, record.header, record.kind, settings, _, record.repeated)
    problems += [photo_problem(problem, _) for problem in record.photo_problems]
    problems += check_links(record.path, record.source, base, _)
    problems += check_body(record.source, html, record.summary, record.header, _)
    return problems


def check_site(generators):
    """Checks across files; then stop on errors (or in check-only mode) before writing."""
    from pelican.generators import ArticlesGenerator

    settings = generators[0].settings
    report = settings[REPORT]
    _ = report.translate
    base = Path(settings["PATH"])

    def rel(content):
        return Path(content.source_path).relative_to(base).as_posix()

    for generator in generators:
        everything = every_content(generator)
        if everything is None:
            continue
        by_slug = {}
        for content in everything:
            named = language_in_file_name(content, settings)
            if named and named != content.lang:
                # judul.en.md without 'Lang: en': read as a second Indonesian article
                # with its original's slug. Say that, not "give it its own slug".
                report.error(
                    rel(content),
                    "lang",
                    _(
                        "the file name says '%(named)s', but the article is read as '%(lang)s'. Add 'Lang: %(named)s' to its header."
                    )
                    % {"named": named, "lang": content.lang},
                )
                continue
            by_slug.setdefault((content.lang, content.slug), []).append(content)
        for (lang, slug), same in by_slug.items():
            if len(same) > 1:
                files = sorted(rel(c) for c in same)
                for name in files:
                    others = ", ".join(f for f in files if f != name)
                    report.error(
                        name,
                        "slug",
                        _(
                            "'%(slug)s' is also the slug of %(others)s in the same language (%(lang)s). Give each article its own slug."
                        )
                        % {"slug": slug, "others": others, "lang": lang},
                    )
        if isinstance(generator, ArticlesGenerator):
            check_translations(everything, report, rel, _)
            if settings.get("WARTA_CHECK_ONLY"):
                report.todo += todo_list(everything, settings, rel, _)

    if is_main_site(settings):  # every language site reads the same files: check them once
        for severity, path, message in check_files(settings, _):
            report.add(severity, path, None, message)
        for path, line, message in redirects.check(generators, settings, _):
            report.error(path, line and _("line %(number)d") % {"number": line}, message)
        incremental.note_sources([record for record, _html in report.read.values()], generators)
        for record, html in report.read.values():
            if incremental.unchanged(record):
                continue  # the preview's last good build checked it
            for severity, key, message in check_file(record, html, settings, _):
                report.add(severity, record.path, key, message)
        # Checked: what only the checks needed goes, before the next language site reads
        # (Pelican's content cache has saved it already, for the next preview build).
        for record, _html in report.read.values():
            record.source = ""
        report.read.clear()

        # Photos are encoded (into the cache, not the output) now, so that a damaged
        # one stops the build here, before anything is written; once, like the checks.
        def announce(count):
            print(
                _(
                    "Preparing %(count)d new photos for the web; this is done once, later builds reuse them…"
                )
                % {"count": count},
                file=sys.stderr,
            )

        for source_path, image, problem in photos.encode_all(generators, announce):
            severity, key, message = photo_problem(
                photos.Problem(problem.kind, image, detail=problem.detail), _
            )
            report.add(severity, Path(source_path).relative_to(base).as_posix(), key, message)

    # The report is the editors' interface, printed whole like a compiler's
    # diagnostics rather than logged (Pelican's log handler wraps long lines).
    if report.untold:
        print(report.render(report.untold), file=sys.stderr)
    if settings.get("WARTA_CHECK_ONLY"):
        print_todo(report)
        raise facts.WartaError("check only", exitcode=1 if report.errors else 0)
    if report.errors:
        stopped = _("the site was not built; nothing on it was changed.")
        print(stopped, file=sys.stderr)
        raise facts.WartaError(stopped)


def language_in_file_name(content, settings):
    """'en' for judul.en.md (a site language), else None."""
    parts = Path(content.source_path).name.split(".")
    return parts[-2] if len(parts) > 2 and parts[-2] in settings["WARTA_LANGUAGES"] else None


# Files that may sit beside articles and pages: their photos and linked documents.
DOCUMENTS = facts.DOCUMENTS
# Pelican reads these, or would if they were lower case: an article that skips the contract.
OTHER_MARKUP = {".html", ".htm", ".rst", ".markdown", ".mkd", ".mdown"}
# System files and editors' backups and lock files.
IGNORED = re.compile(r"^(\.|~\$|#.*#$|Thumbs\.db$|desktop\.ini$)|~$", re.IGNORECASE)


def check_files(settings, _):
    """Files in content/ that Pelican would skip without a word or read unchecked:
    [(severity, path, message)]. An article or page in the wrong form is an error;
    any other file nothing publishes is a warning."""
    base = Path(settings["PATH"])
    content_dirs = {*settings["ARTICLE_PATHS"], *settings["PAGE_PATHS"]}
    text_dir = settings["WARTA_PRINCIPLES_TEXT_PATH"].split("/")[0]
    problems = []
    for path in sorted(base.rglob("*")):
        relative = path.relative_to(base)
        if path.is_dir() or any(IGNORED.search(part) for part in relative.parts):
            continue
        if relative.as_posix() == settings.get("WARTA_REDIRECTS"):
            continue  # read by warta.redirects, which checks it
        top, suffix = relative.parts[0], path.suffix.lower()
        in_content = top in content_dirs or top == text_dir
        if in_content and path.suffix == ".md":
            continue
        if top in content_dirs and suffix in PHOTOS | DOCUMENTS:
            continue
        if top == "images" and suffix in PHOTOS:
            continue
        if in_content and suffix == ".md":
            problems.append(
                (
                    "error",
                    _("Pelican reads only names ending in .md (lowercase). Rename it to %(name)s.")
                    % {"name": path.with_suffix(".md").name},
                )
            )
        elif in_content and suffix in OTHER_MARKUP:
            problems.append(
                (
                    "error",
                    _(
                        "only Markdown files (.md) are read as articles and pages; this one would be skipped without a word, or skip the checks. Save it as .md."
                    ),
                )
            )
        elif suffix == ".md":
            problems.append(
                (
                    "warning",
                    _(
                        "is not read from here, so it is not published. Articles go in content/articles/ ('Status: draft' keeps one off the site), pages in content/pages/."
                    ),
                )
            )
        else:
            problems.append(
                (
                    "warning",
                    _(
                        "is not published: beside articles go their .md files, photos (JPEG, PNG, HEIC) and documents (PDF, Word, Excel); in content/images/ only photos."
                    ),
                )
            )
        problems[-1] = (problems[-1][0], relative.as_posix(), problems[-1][1])
    return problems


def check_translations(articles, report, rel, _):
    """A translation should share its original's category and principles (a warning)."""
    for original in articles:
        if original.lang != main_lang(original.settings):
            continue
        for translation in original.translations:
            if translation.lang == original.lang:
                continue  # a duplicate slug, reported as an error already
            mine = (
                getattr(original, "category", None),
                {t.slug for t in getattr(original, "principles", [])},
            )
            theirs = (
                getattr(translation, "category", None),
                {t.slug for t in getattr(translation, "principles", [])},
            )
            if mine[0] and theirs[0] and mine[0].slug != theirs[0].slug:
                report.warning(
                    rel(translation),
                    "category",
                    _(
                        "'%(theirs)s' differs from the category of its translation %(other)s ('%(mine)s')."
                    )
                    % {"theirs": theirs[0].slug, "mine": mine[0].slug, "other": rel(original)},
                )
            if mine[1] != theirs[1]:
                report.warning(
                    rel(translation),
                    "tags",
                    _(
                        "its principles (%(theirs)s) differ from those of its translation %(other)s (%(mine)s)."
                    )
                    % {
                        "theirs": ", ".join(sorted(theirs[1])) or "-",
                        "mine": ", ".join(sorted(mine[1])) or "-",
                        "other": rel(original),
                    },
                )


def todo_list(articles, settings, rel, _):
    """What is not wrong but still worth doing: translations and principles."""
    todo = []
    languages = set(settings["WARTA_LANGUAGES"])
    for article in articles:
        missing = languages - {article.lang} - {t.lang for t in article.translations}
        if missing:
            todo.append(
                (
                    rel(article),
                    _("no translation yet in: %(langs)s.") % {"langs": ", ".join(sorted(missing))},
                )
            )
        if not getattr(article, "principles", []):
            todo.append((rel(article), _("carries no principle: add one of the seven to Tags.")))
    return todo


def print_todo(report):
    _ = report.translate
    if report.todo:
        print(_("To do (does not stop the build):"), file=sys.stderr)
        for path, note in sorted(set(report.todo)):
            print(f"  {path}: {note}", file=sys.stderr)
    if not report.errors:
        print(_("No problems: the content follows the contract."), file=sys.stderr)


def register():
    # On `initialized`: every language site gets its own report before reading.
    signals.initialized.connect(start_report)
    # On `readers_init`: our reader replaces Pelican's for Markdown in every generator.
    signals.readers_init.connect(install_reader)
    # On `article_generator_pretaxonomy`, before i18n_subsites removes the other languages.
    signals.article_generator_pretaxonomy.connect(keep_everything)
    # On `all_generators_finalized`: everything is read, nothing is written yet.
    signals.all_generators_finalized.connect(check_site)
    signals.all_generators_finalized.connect(reading.site_has_read)
