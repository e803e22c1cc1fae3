"""Old addresses that keep working: the library's WordPress links, redirected.

Search engines, WhatsApp groups and other sites keep pointing at the old site's
addresses (``/2020/07/30/slug/``, ``/?p=123``, ``/category/berita/``, ``/feed/``).
``content/redirects.csv`` (``WARTA_REDIRECTS``; the WordPress importer writes it,
editors may edit it) says where each one goes now::

    old,new
    # WordPress post 123: Bimtek ...
    /2020/07/30/bimtek-slug/,{filename}articles/2020/bimtek.md
    /?p=123,{filename}articles/2020/bimtek.md
    /category/kegiatan/,{category}kegiatan
    /feed/,/feeds/all.atom.xml

``new`` is resolved by the build, in Pelican's own link syntax, so a later change
of slug or date cannot break a redirect: ``{filename}`` (an article or page of
any language), ``{category}``, ``{tag}``, ``{index}`` (those three in the language
of the old address: ``/en/...`` is English), ``{static}`` and a file (a document is
published where Pelican copies it, even unlinked; a photo goes to its largest
published version), a path of the new site (pages, feeds, copied documents, an
event's ``.ics``), or an ``https://`` address (refused with the servers' syntax in
it, and percent-encoded in the rules all the same). A mistake in the file is a content mistake: the contract
reports it with the file's line (``check``, called by ``contract.check_site``) and
the build stops before writing.

Every redirect is written once, by the main site (like photos), in two forms:

- a small page wherever the old path can hold a file (``2020/07/30/slug/index.html``,
  at the decoded path, where nginx and Apache look for a percent-encoded one): a
  meta refresh, ``rel=canonical`` and ``noindex``, and a link in the target's
  language, without inline script or style (the servers' Content-Security-Policy).
  Any static host (GitHub Pages, the preview) follows these;
- server rules with a real ``301``, which feed readers and search engines follow
  and which alone can match a query (``/?p=123``): in a published build
  (``WARTA_REDIRECT_RULES``), an nginx file the server block includes
  (``.warta/redirects.nginx.conf``, written even when empty so the include never
  fails) and rules put into the published ``.htaccess`` where it has the line
  ``# warta:redirects`` (before its rewrite rules), else at its end.

Pages are always written, in the preview's quick rebuilds too (they are few, and
their target may have moved); they are outputs like any other, so a line removed
from the file removes its page. Sitemaps list content, not these pages; Pagefind
indexes only ``data-pagefind-body``, which they lack.
"""

import csv
import posixpath
import re
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from urllib.parse import parse_qsl, quote, unquote, urlsplit

import jinja2
from pelican import signals
from pelican.generators import Generator

from warta import facts, imaging, incremental, photos
from warta.events import event_calendar_path, has_event
from warta.multilingual import (
    every_content,
    is_main_site,
    join_url,
    main_lang,
    section_path,
    theme_gettext,
)

# Where the old path holds a file: a folder (its index.html) or a page of these kinds.
PAGE_SUFFIXES = (".html", ".htm")
# Namespaces of the new site's files (not pages): a redirect's `old` must not take them.
FILE_FOLDERS = ("theme", "images", "pagefind")
# Characters the servers' configuration syntax would need escaped: refused in an `old`.
UNSAFE = re.compile(r'["\\$;{}<>`\x00-\x1f\x7f]')
WHITESPACE = re.compile(r"\s")
# What an external target keeps as it is; anything else is percent-encoded, so that no
# character of the servers' configuration syntax ever reaches their rules.
URL_SAFE = ":/?#[]@!&'()*+,=-._~%"
FRAGMENT = re.compile(r"[A-Za-z0-9_.-]+")  # what a target's #fragment may be
QUERY_KEY = re.compile(r"^[A-Za-z0-9_]+$")  # an nginx $arg_ name
MARKER = "# warta:redirects"


@dataclass(frozen=True)
class Redirect:
    """One line of redirects.csv, resolved."""

    line: int
    old: str  # as written
    path: str  # the old path, percent-decoded, from the root: "/2020/07/30/slug/"
    query: tuple | None  # ("p", "123") for /?p=123
    lang: str  # the language the target is in
    target: str  # a path from the new site's root ("en/2020/07/slug/", "arsip/2020/#2020-07"), or an https:// URL

    @property
    def external(self):
        return "://" in self.target

    @property
    def page(self):
        """Where the page that redirects goes (under the site's root), or None: a query
        is no file, nor is a path that names a file of another kind (.php, .jpg)."""
        if self.query is not None:
            return None
        name = PurePosixPath(self.path).name
        if self.path.endswith("/") or "." not in name:
            return self.path.strip("/") + "/index.html"
        if name.lower().endswith(PAGE_SUFFIXES):
            return self.path.lstrip("/")
        return None


def is_photo(name):
    return PurePosixPath(name.lower()).suffix in imaging.PHOTO_SUFFIXES


def static_targets(settings):
    """The files inside content/ that lines of redirects.csv name with {static}, as the
    file has them (mistakes are the contract's to report, later)."""
    name = settings.get("WARTA_REDIRECTS")
    path = Path(settings["PATH"]) / name if name else None
    if path is None or not path.is_file():
        return set()
    try:
        rows = read_lines(path)
    except (UnicodeDecodeError, csv.Error):
        return set()
    found = set()
    for _number, fields in rows[1:]:
        if len(fields) == 2 and fields[1].startswith("{static}"):
            found.add(static_name(fields[1]))
    return found


def static_name(target):
    """The file in content/ a ``{static}`` target names: percent-decoded, normalised."""
    return posixpath.normpath(unquote(target.removeprefix("{static}")).lstrip("/"))


def cannot_carry(new, _):
    return _(
        "'%(new)s' holds a character a web server's rules cannot carry: quotes, backslashes, $ ; { } < > or a space. Copy the address from the browser's address bar (a space is written %%20)."
    ) % {"new": new}


def publish_static_targets(generator):
    """A document an old address is sent to is published even if no article links it
    any more (Pelican copies only linked files: STATIC_PATHS is empty). Photos are not:
    their originals are never published (warta.photos)."""
    settings = generator.settings
    if not is_main_site(settings):
        return
    base = Path(settings["PATH"])
    for name in static_targets(settings):
        if not name.startswith("../") and not is_photo(name) and (base / name).is_file():
            generator.context["static_links"].add(name)


def key(path):
    """One address with or without its trailing slash: "/x/" and "/x" are the same."""
    return path.rstrip("/") or "/"


def read_lines(path):
    """[(line number, [fields])] of redirects.csv, the header first (``check`` checks
    it); comments and blank lines are left out."""
    rows = []
    with open(path, encoding="utf-8-sig", newline="") as file:
        reader = csv.reader(file)
        for fields in reader:
            number = reader.line_num
            if not fields or not "".join(fields).strip():
                continue
            if fields[0].lstrip().startswith("#"):
                continue
            rows.append((number, [f.strip() for f in fields]))
    return rows


def language_of(path, settings):
    """The language of an address of the old site: /en/... is English (Polylang)."""
    first = path.lstrip("/").split("/", 1)[0]
    if first in settings["WARTA_LANGUAGES"] and first != main_lang(settings):
        return first
    return main_lang(settings)


def prefix(lang, settings):
    return "" if lang == main_lang(settings) else f"{lang}/"


class Site:
    """What the new site publishes, as far as redirects need it: every article and
    page by its source file, the tags of each language, and every address it writes
    (from its root, folders with their slash: "en/tag/bimtek/")."""

    def __init__(self, generators, settings):
        from pelican.generators import ArticlesGenerator

        self.settings = settings
        self.base = Path(settings["PATH"])
        self.contents = {}  # source path relative to PATH -> content
        self.tags = {}  # lang -> tag slugs
        self.years = {}  # lang -> years with articles
        for generator in generators:
            everything = every_content(generator)
            if everything is None:
                continue
            kind = "ARTICLE" if isinstance(generator, ArticlesGenerator) else "PAGE"
            for content in everything:
                relative = Path(content.source_path).relative_to(self.base).as_posix()
                self.contents[relative] = (kind, content)
            if isinstance(generator, ArticlesGenerator):
                for lang, slugs in generator.context.get("warta_tag_langs", {}).items():
                    self.tags.setdefault(lang, set()).update(slugs)
        self.addresses = self._addresses()
        self.photos = self._photos()
        self.files = self._files(generators)

    def _photos(self):
        """{source inside content/: the largest version published} of every photo a
        published article or page shows (a photo is published only in versions)."""
        found = {}
        for _kind, content in self.contents.values():
            if not self.published(content):
                continue
            lead = getattr(content, "lead_photo", None)
            for use in [*getattr(content, "photos", []), *([lead] if lead else [])]:
                photo = use.photo
                found[photo.source] = photos.published_path(
                    photo, photos.largest(photo, photo.fallback)
                )
        return found

    def _files(self, generators):
        """The files, not pages, the main site publishes from its root: what Pelican
        copies ({static} documents: a PDF report) and each event's calendar file."""
        from pelican.generators import StaticGenerator

        found = set()
        for generator in generators:
            if isinstance(generator, StaticGenerator):
                found |= {static.save_as for static in generator.staticfiles}
        calendar = self.settings.get("WARTA_EVENT_CALENDAR_URL")
        for kind, content in self.contents.values():
            if calendar and kind == "ARTICLE" and self.published(content) and has_event(content):
                found.add(
                    prefix(content.lang, self.settings)
                    + event_calendar_path(self.settings, content)
                )
        return found

    def files_in_content(self):
        return [
            path.relative_to(self.base).as_posix()
            for path in self.base.rglob("*")
            if path.is_file() and not path.name.startswith(".")
        ]

    def published_file(self, name):
        """Where the site publishes the file ``name`` (inside content/), or None: a photo
        at its largest version (an old link to an image still gets the image), any other
        file where Pelican copies it."""
        if is_photo(name):
            return self.photos.get(name)
        save_as = self.settings["STATIC_SAVE_AS"].format(path=name)
        return save_as if save_as in self.files else None

    def url(self, kind, content):
        """The address of a published article or page, from the main site's root."""
        return prefix(content.lang, self.settings) + self.settings[f"{kind}_URL"].format(
            **content.url_format
        )

    def published(self, content):
        return getattr(content, "status", "published") == "published"

    def _addresses(self):
        settings = self.settings
        found = {"robots.txt"}
        for kind, content in self.contents.values():
            if self.published(content):
                found.add(self.url(kind, content))
                if kind == "ARTICLE":
                    self.years.setdefault(content.lang, set()).add(content.date.year)
        for lang in settings["WARTA_LANGUAGES"]:
            root = prefix(lang, settings)
            found |= {root, root + "404.html", root + "sitemap.xml", root + "agenda.ics"}
            for section in ("principles", "agenda", "search", "archive"):
                found.add(root + section_path(settings, lang, section))
            for year in self.years.get(lang, ()):
                found.add(root + section_path(settings, lang, "archive", str(year)))
            for feed in ("FEED_ATOM", "FEED_RSS"):
                if settings.get(feed):
                    found.add(root + settings[feed])
            for slug in settings["WARTA_CATEGORIES"]:
                found.add(root + section_path(settings, lang, "category", slug))
                for feed in ("CATEGORY_FEED_ATOM", "CATEGORY_FEED_RSS"):
                    if settings.get(feed):
                        found.add(root + settings[feed].format(slug=slug))
            for slug in self.tags.get(lang, ()):
                found.add(root + settings["TAG_URL"].format(slug=slug))
                for feed in ("TAG_FEED_ATOM", "TAG_FEED_RSS"):
                    if settings.get(feed):
                        found.add(root + settings[feed].format(slug=slug))
        return {key("/" + address) for address in found}

    def is_address(self, path):
        """Whether the new site writes something at ``path`` (decoded, from the root):
        one of its addresses, anything in the theme's, photos' and search's folders, or
        below a page of a section (a listing's later pages: ``/kategori/berita/2/``).
        An old address beside them (WordPress's ``/en/category/activities/``) is free."""
        if key(path) in self.addresses:
            return True
        lang = language_of(path, self.settings)
        parts = path.strip("/").split("/")
        if parts[0] in FILE_FOLDERS:
            return True
        words = self.settings["WARTA_LANGUAGES"][lang]["sections"]
        sections = {words[s] for s in ("category", "principles", "archive", "agenda", "search")}
        depth = 1 if prefix(lang, self.settings) else 0  # /en/ comes before the section
        if len(parts) <= depth or parts[depth] not in sections:
            return False
        return any(
            key("/" + "/".join(parts[:end])) in self.addresses
            for end in range(depth + 1, len(parts))
        )


def resolve(new, old_path, site, _):
    """(lang, target) for the ``new`` of a line, or (None, message) when it points nowhere."""
    from warta.contract import did_you_mean, nearest  # the contract imports this module

    settings = site.settings
    lang = language_of(old_path, settings)
    if new.startswith("{filename}"):
        name = new.removeprefix("{filename}").lstrip("/")
        found = site.contents.get(name)
        if found is None:
            return None, _("%(new)s: there is no file %(name)s in content/.") % {
                "new": new,
                "name": name,
            } + did_you_mean(nearest(name, site.contents), _)
        kind, content = found
        if not site.published(content):
            return None, _(
                "%(new)s is not published (Status: %(status)s): readers would be sent to a page that does not exist."
            ) % {"new": new, "status": content.status}
        return content.lang, site.url(kind, content)
    if new.startswith("{static}"):
        name = static_name(new)
        if name.startswith("../") or not (site.base / name).is_file():
            return None, _("%(new)s: there is no file %(name)s in content/.") % {
                "new": new,
                "name": name,
            } + did_you_mean(nearest(name, site.files_in_content()), _)
        published = site.published_file(name)
        if published is None and is_photo(name):
            return None, _(
                "%(new)s: no published article or page shows this photo, so the site does not publish it. Send readers to the article: {filename} and its file."
            ) % {"new": new}
        if published is None:
            return None, _(
                "%(new)s is not a file the site publishes (an article's or page's own file is not). Write {filename} and the file."
            ) % {"new": new}
        return lang, published
    if new.startswith("{category}"):
        name = new.removeprefix("{category}")
        term = facts.match_term(name, facts.categories(settings))
        if term is None:
            return None, _("'%(value)s' is not one of the categories (%(choices)s).") % {
                "value": name,
                "choices": ", ".join(settings["WARTA_CATEGORIES"]),
            }
        return lang, prefix(lang, settings) + section_path(settings, lang, "category", term.slug)
    if new.startswith("{tag}"):
        name = new.removeprefix("{tag}")
        slug = facts.slug_of(name)
        if slug not in site.tags.get(lang, ()):
            return None, _(
                "no article in %(lang)s carries the tag '%(name)s', so it has no page to send readers to."
            ) % {"lang": lang, "name": name}
        return lang, prefix(lang, settings) + settings["TAG_URL"].format(slug=slug)
    if new == "{index}":
        return lang, prefix(lang, settings)
    if new.startswith("/"):
        path = unquote(new.split("#")[0].split("?")[0])
        if key(path) not in site.addresses and path.lstrip("/") not in site.files:
            return None, _(
                "the new site has no address %(new)s. Write an address it publishes, or {filename} and the article's file."
            ) % {"new": new}
        # A #fragment (a month of the archive's year page, "/arsip/2023/#2023-05") is kept:
        # only letters, digits and - _ . reach the servers' rules.
        fragment = urlsplit(new).fragment
        if fragment and not FRAGMENT.fullmatch(fragment):
            return None, cannot_carry(new, _)
        target = path.lstrip("/") + (f"#{fragment}" if fragment else "")
        return language_of(path, settings), target
    if urlsplit(new).scheme in ("http", "https") and urlsplit(new).netloc:
        if UNSAFE.search(new) or WHITESPACE.search(new):
            # Pasted into the servers' rules, a quote or a brace would end the rule and
            # start configuration of its own: refused, as in an `old`.
            return None, cannot_carry(new, _)
        return lang, new
    return None, _(
        "'%(new)s' is not a place to send readers to: write {filename} and a file in content/, {category}, {tag}, {index}, an address of the site starting with /, or an https:// address."
    ) % {"new": new}


def parse_old(old, _):
    """(decoded path, query or None) of an ``old``, or (None, message)."""
    parts = urlsplit(old)
    if parts.scheme or parts.netloc or not old.startswith("/") or old.startswith("//"):
        suggestion = parts.path + (f"?{parts.query}" if parts.query else "")
        if parts.netloc and suggestion.startswith("/"):
            hint = " " + _("Write only its path: %(path)s") % {"path": suggestion}
        else:
            hint = ""
        return None, _(
            "'%(old)s' is not a path of the old site: it must start with / (for example /2020/07/30/judul/).%(hint)s"
        ) % {"old": old, "hint": hint}
    path = unquote(parts.path, errors="strict") if parts.path else "/"
    segments = path.split("/")
    if UNSAFE.search(path) or ".." in segments or "." in segments or parts.fragment:
        return None, _(
            "'%(old)s' is not a path the web server can match: no quotes, backslashes, $ ; { } < >, '..' or '#'."
        ) % {"old": old}
    query = None
    if parts.query:
        pairs = parse_qsl(parts.query, keep_blank_values=True)
        if len(pairs) != 1 or not QUERY_KEY.match(pairs[0][0]) or UNSAFE.search(parts.query):
            return None, _(
                "'%(old)s': an old address with a question mark may carry one value, like /?p=123."
            ) % {"old": old}
        name, _value = parts.query.split("=", 1) if "=" in parts.query else (parts.query, "")
        query = (name, _value)
    return (path, query), None


def check(generators, settings, _):
    """Read and resolve redirects.csv: [(file, line or None, message)] of its mistakes.
    What resolves is kept (``settings[FOUND]``) for the writers."""
    settings[FOUND] = ()
    name = settings.get("WARTA_REDIRECTS")
    if not name:
        return []
    path = Path(settings["PATH"]) / name
    if not path.is_file():
        return []
    problems = []
    try:
        rows = read_lines(path)
    except (UnicodeDecodeError, csv.Error) as error:
        return [(name, None, _("cannot be read as UTF-8 CSV text: %(error)s") % {"error": error})]
    if rows and semicolons(rows[0][1]):
        return [
            (name, rows[0][0], _("the first line must be the header old,new.") + " " + excel(_))
        ]
    if not rows or [f.lower() for f in rows[0][1]] != ["old", "new"]:
        line = rows[0][0] if rows else None
        return [(name, line, _("the first line must be the header old,new."))]
    site = Site(generators, settings)
    seen = {}
    found = []
    for number, fields in rows[1:]:
        where = (name, number)
        if len(fields) != 2 or not all(fields):
            message = _(
                "a line has two values, the old address and the new one, separated by a comma; this one has %(count)d: %(line)s"
            ) % {"count": len([f for f in fields if f]), "line": ",".join(fields)}
            if semicolons(fields):
                message += " " + excel(_)
            problems.append((*where, message))
            continue
        # Every mistake of a line at once: an editor fixes a line in one go.
        mistakes = line_mistakes(*fields, number, seen, site, _)
        if mistakes is None:
            continue  # the old address is the new one (WordPress's /tag/x/): nothing to do
        if isinstance(mistakes, Redirect):
            found.append(mistakes)
            continue
        problems += [(*where, message) for message in mistakes]
    settings[FOUND] = tuple(found)
    return problems


def semicolons(fields):
    """Whether a line's values are separated by ';' (Excel's CSV where a comma is the
    decimal mark, as in Indonesian settings)."""
    return len(fields) == 1 and ";" in fields[0]


def excel(_):
    return _(
        'The values must be separated by a comma, not a semicolon (;). In Excel, save the file as "CSV UTF-8 (Comma delimited)".'
    )


def line_mistakes(old, new, number, seen, site, _):
    """The Redirect of a line; None for a line that changes nothing; else the list of
    its mistakes, the old address's and the new one's."""
    mistakes = []
    try:
        parsed, message = parse_old(old, _)
    except UnicodeDecodeError:
        parsed, message = None, _("'%(old)s' is not a path of the old site.") % {"old": old}
    if parsed is None:
        mistakes.append(message)
        old_path, query = urlsplit(old).path or "/", None  # for the target's language only
    else:
        old_path, query = parsed
        same = (key(old_path), query)
        if same in seen:
            mistakes.append(
                _("%(old)s is redirected already on line %(line)d. Keep one of the two lines.")
                % {"old": old, "line": seen[same]}
            )
        else:
            seen[same] = number
    lang, target = resolve(new, old_path, site, _)
    if parsed is not None and query is None:
        if not mistakes and lang is not None and key("/" + target) == key(old_path):
            return None
        if site.is_address(old_path):
            mistakes.append(
                _(
                    "%(old)s is an address of the new site: a redirect would hide its page. Remove this line."
                )
                % {"old": old}
            )
    if lang is None:
        mistakes.append(target)
    if mistakes:
        return mistakes
    return Redirect(number, old, old_path, query, lang, target)


FOUND = "WARTA_REDIRECTS_FOUND"  # the settings key this build's resolved redirects live under


# --- The pages ---------------------------------------------------------------


def target_url(redirect, settings, page=None):
    """The target as a link: absolute in a published build, relative to ``page`` (a
    file's path under the root) in a local one, and site-rooted without a page."""
    if redirect.external:
        return quote(redirect.target, safe=URL_SAFE)
    target, _hash, fragment = redirect.target.partition("#")
    fragment = f"#{fragment}" if fragment else ""  # checked by resolve (FRAGMENT)
    path = quote(target, safe="/-._~%!&'()*+,=:@")
    if settings.get("RELATIVE_URLS") and page is not None:
        here = posixpath.dirname(page)
        relative = posixpath.relpath("/" + path, "/" + here)
        if path.endswith("/") or not path:
            relative = "./" if relative == "." else relative + "/"
        return relative + fragment
    return join_url(settings["SITEURL"] or "/", path) + fragment


def page_template(settings, lang):
    """The theme's redirect.html with the theme's words in ``lang``: a small Jinja
    environment of its own, since the site's speaks the language of the site being
    built, and an English article's old address is on the main site."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(Path(settings["THEME"]) / "templates")),
        extensions=["jinja2.ext.i18n"],
        autoescape=True,
    )
    ui = theme_gettext({**settings, "DEFAULT_LANG": lang})
    env.install_gettext_callables(
        ui, lambda one, many, n: ui(one if n == 1 else many), newstyle=True
    )
    return env.get_template("redirect.html")


def redirect_page(redirect, settings, page, template):
    url = target_url(redirect, settings, page)
    # The link's text: the address as a reader would type it (a local build has no host).
    shown = target_url(redirect, {**settings, "RELATIVE_URLS": False})
    return template.render(lang=redirect.lang, url=url, shown=shown)


class RedirectsGenerator(Generator):
    """The redirect pages: written by the main site only, once for every language."""

    def generate_context(self):
        pass

    def generate_output(self, writer):
        if not is_main_site(self.settings):
            return
        templates = {}
        for redirect in self.settings.get(FOUND, ()):
            page = redirect.page
            if page is None:
                continue
            incremental.needed(writer, page)  # an output: removed once its line goes
            if redirect.lang not in templates:
                templates[redirect.lang] = page_template(self.settings, redirect.lang)
            target = Path(self.output_path) / page
            target.parent.mkdir(parents=True, exist_ok=True)
            text = redirect_page(redirect, self.settings, page, templates[redirect.lang])
            target.write_text(text, encoding="utf-8")


def get_generators(pelican):
    return RedirectsGenerator


# --- The server rules ----------------------------------------------------------


def nginx_rules(redirects, settings):
    """The nginx file: an exact ``location`` per old path (with and without its slash),
    the queries of a path tested inside its location, before the path's own redirect."""
    by_path = {}
    for r in redirects:
        by_path.setdefault(key(r.path), []).append(r)
    lines = [
        "# Written by `invoke publish` from content/redirects.csv (warta.redirects): the old",
        "# site's addresses, with a permanent redirect. Included by the server block after",
        "# server/nginx.conf; nginx reads it again on `systemctl reload nginx`.",
    ]
    for path, group in sorted(by_path.items()):
        queries = sorted((r for r in group if r.query), key=lambda r: r.line)
        plain = [r for r in group if not r.query]
        folder = path != "/" and (
            any(r.path.endswith("/") for r in group) or not PurePosixPath(path).suffix
        )
        forms = [path, path + "/"] if folder else [path]
        for form in forms:
            lines.append(f'location = "{form}" {{')
            for r in queries:
                name, value = r.query
                lines.append(f'    if ($arg_{name} = "{value}") {{')
                lines.append(f'        return 301 "{target_url(r, settings)}";')
                lines.append("    }")
            for r in plain:
                lines.append(f'    return 301 "{target_url(r, settings)}";')
            # Without a matching query (and a redirect of its own), the address is
            # served as nginx would anyway: the home page for "/".
            lines.append("}")
    return "\n".join(lines) + "\n"


def apache_pattern(path):
    """A RewriteRule pattern (the path without its leading slash, as .htaccess sees it)
    matching ``path`` with or without its trailing slash."""
    bare = key(path).lstrip("/")
    escaped = re.escape(bare).replace("\\ ", "\\x20").replace(" ", "\\x20")
    if not bare:
        return "^$"
    folder = path.endswith("/") or not PurePosixPath(bare).suffix
    return f"^{escaped}/?$" if folder else f"^{escaped}$"


def apache_rules(redirects, settings):
    lines = [
        "# Old addresses (content/redirects.csv; `invoke publish` wrote these): permanent redirects.",
        "<IfModule mod_rewrite.c>",
        "    RewriteEngine On",
    ]
    for r in sorted(redirects, key=lambda r: (r.query is None, r.line)):
        target = target_url(r, settings).replace("%", "\\%").replace("$", "\\$")
        if r.query:
            name, value = r.query
            condition = f"(?:^|&){re.escape(name)}={re.escape(value)}(?:&|$)"
            lines.append(f'    RewriteCond %{{QUERY_STRING}} "{condition}"')
            lines.append(f'    RewriteRule "{apache_pattern(r.path)}" "{target}" [R=301,L,NE,QSD]')
        else:
            lines.append(f'    RewriteRule "{apache_pattern(r.path)}" "{target}" [R=301,L,NE]')
    lines.append("</IfModule>")
    return "\n".join(lines) + "\n"


def write_rules(pelican):
    """In a published build: the nginx file, and the rules in the published .htaccess."""
    settings = pelican.settings
    if not is_main_site(settings) or not settings.get("WARTA_REDIRECT_RULES"):
        return
    redirects = settings.get(FOUND, ())
    output = Path(settings["OUTPUT_PATH"])
    nginx = output / settings["WARTA_REDIRECT_RULES"]
    nginx.parent.mkdir(parents=True, exist_ok=True)
    nginx.write_text(nginx_rules(redirects, settings), encoding="utf-8")
    htaccess = output / ".htaccess"
    if htaccess.is_file() and redirects:
        text = htaccess.read_text(encoding="utf-8")
        rules = apache_rules(redirects, settings)
        if MARKER in text:
            text = text.replace(MARKER, rules.rstrip("\n"), 1)
        else:
            text += "\n" + rules
        htaccess.write_text(text, encoding="utf-8")


def register():
    signals.get_generators.connect(get_generators)
    # On `page_generator_finalized`: articles and pages have added their static links,
    # and the static generator, which runs next, has not read them yet.
    signals.page_generator_finalized.connect(publish_static_targets)
    # On `finalized` of the main site, after warta.publishing has copied .htaccess
    # (listed before this plugin in PLUGINS); the subsites finish before it.
    signals.finalized.connect(write_rules)
