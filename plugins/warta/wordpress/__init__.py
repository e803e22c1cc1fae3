"""Moving a library's WordPress site in: ``invoke import-wordpress EXPORT.xml``.

Reads a WordPress export (WXR, "Tools > Export") and writes articles and pages into
``content/`` that follow the content contract, copies their photos from a copy of
``wp-content/uploads`` beside them, pairs Polylang translations by a shared Slug,
adds the old addresses to ``content/redirects.csv`` (read by the redirects plugin at
build time) and writes a report of what the editor still has to decide.

Why our own importer rather than ``pelican-import``: it knows nothing of the contract
(alt texts, principles, categories), of Polylang, of the uploads folder or of redirects.

The package, one module per concern: ``export`` reads the WXR file, ``uploads`` the
photos and documents, ``terms`` maps categories and tags, ``body`` converts HTML to
Markdown, ``links`` points links at the new site, ``addresses`` writes redirects.csv,
``suggest`` finds event data, ``report`` writes the report, ``messages`` says it all
in the staff's language. Here: one run of the import (``Importer``) and the task's entry.
"""

import re
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from urllib.parse import unquote, urlsplit
from zoneinfo import ZoneInfo

from bs4 import BeautifulSoup

from warta.facts import TITLE_MAX, principles, slug_of
from warta.contract import reserved_slugs
from warta.wordpress.addresses import extend_redirects, redirects
from warta.wordpress.body import Body, plain
from warta.wordpress.export import (
    IMPORTED_TYPES,
    Item,
    WordPressError,
    language_of,
    read_export,
    translation_groups,
)
from warta.wordpress.links import Links
from warta.wordpress.messages import text
from warta.wordpress.report import keep_previous, write_report
from warta.wordpress.suggest import suggest_event
from warta.wordpress.terms import TermMap, check_table
from warta.wordpress.uploads import Uploads, atomic_write, upload_key

__all__ = ["WordPressError", "import_wordpress", "read_export"]

REPORT_NAME = "impor-wordpress-laporan.md"
PROGRESS_EVERY = 100
SUFFIX = {"post": "tulisan", "page": "halaman"}  # after a slug that is a reserved word


def when(text):
    """A WordPress date ("2020-07-30 10:00:00"), or None for its "0000-00-00 00:00:00"."""
    return datetime.fromisoformat(text) if text and not text.startswith("0000") else None


def local_date(item, zone, now=None):
    """(the post's date in the site's time zone, where it came from). From the GMT date
    when WordPress has it, else the local one read as the site's zone; a draft never
    scheduled has neither (0000-00-00): its last change, else the time of the import."""
    for gmt, local, source in (
        (item.date_gmt, item.date, "date"),
        (item.modified_gmt, item.modified, "modified"),
    ):
        if when(gmt):
            return when(gmt).replace(tzinfo=timezone.utc).astimezone(zone), source
        if when(local):
            return when(local).replace(tzinfo=zone), source
    return (now or datetime.now(zone)).replace(second=0, microsecond=0), "now"


def zone_mismatch(items, zone):
    """(WordPress's offset, ours) when a post's local and GMT dates differ by another
    offset than TIMEZONE has at that date: the export does not name WordPress's zone,
    but each post shows its offset. None when they agree."""
    for item in items:
        local, gmt = when(item.date), when(item.date_gmt)
        if local is None or gmt is None:
            continue
        theirs = local - gmt
        ours = local.replace(tzinfo=zone).utcoffset()
        if theirs != ours:
            return offset_text(theirs), offset_text(ours)
    return None


def offset_text(delta):
    minutes = int(delta.total_seconds() // 60)
    sign = "+" if minutes >= 0 else "-"
    return f"UTC{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"


def wanted_slug(item, reserved):
    """The post's slug, percent-decoded and folded to the contract's form; its title's when
    WordPress has none (drafts). Never a section word or a number (pages)."""
    name = slug_of(unquote(item.name))
    if name == str(item.id):  # WordPress's own fallback for a title without letters
        name = ""
    slug = name or slug_of(plain(item.title)) or f"tulisan-{item.id}"
    if slug in reserved or slug.isdigit():
        slug = f"{slug}-{SUFFIX.get(item.type, 2)}"
    return slug


@dataclass
class Written:
    item: Item
    kind: str  # "article" | "page"
    path: Path  # relative to content/
    slug: str
    lang: str
    status: str  # publish | draft | future
    date: datetime
    original: "Written" = None
    category: str = None
    documents: list = field(default_factory=list)  # (old address, path in content/)
    photos: list = field(default_factory=list)  # (old address, path in content/)
    principles: list = field(default_factory=list)
    notes: list = field(default_factory=list)
    suggestions: list = field(default_factory=list)


class Importer:
    """One run of the import: what it wrote, copied and would report."""

    def __init__(self, export, content, settings, uploads=None, force=False, say=print):
        self.export, self.content, self.settings = export, Path(content), settings
        self.force, self.say = force, say
        self.uploads = Uploads(uploads, content, force, export.site or export.home or "")
        self.lang = settings.get("WARTA_MESSAGES_LANG", "id")
        self.default_lang = settings["DEFAULT_LANG"]
        self.zone = ZoneInfo(settings.get("TIMEZONE") or "UTC")
        self.principles = principles(settings)
        self.attachments = {i.id: i for i in export.items if i.type == "attachment"}
        self.children = defaultdict(list)  # post id -> its attachments
        self.by_url = {}
        for attachment in self.attachments.values():
            self.children[attachment.parent].append(attachment)
            key = self.upload_key(attachment.attachment_url)
            if key:
                self.by_url[key] = attachment
        self.links = Links(self)
        self.written, self.private, self.existing = [], [], []
        self.before = []  # articles in content/ before the import that it does not write
        self.todo = []  # (key, values)
        self.unmapped = defaultdict(list)  # WordPress category -> files it became a tag in
        self.term_map = TermMap(export, settings)
        self.reserved = reserved_slugs(settings)
        self.foreign = []  # (item, language) of posts in a language the site does not have

    @property
    def photos(self):
        return self.uploads.photos

    @property
    def files(self):
        return self.uploads.files

    @property
    def missing(self):
        return sum(key == "todo_missing" for w in self.written for key, _values in w.notes)

    def upload_key(self, url):
        return upload_key(url, self.export.site)

    def t(self, key, **values):
        return text(self.lang, key, **values)

    def terms_of(self, item, lang, original=None):
        """(category, tags, principle slugs, unmapped category names) of a post, as the
        TermMap decides each of its WordPress terms."""
        category, tags, found_principles, unmapped = None, [], [], []
        for domain, nicename, name in item.terms:
            if domain not in ("category", "post_tag"):
                continue
            mapped = self.term_map(domain, nicename, name)
            if mapped.kind == "principle":
                if mapped.slug not in found_principles:
                    found_principles.append(mapped.slug)
            elif mapped.kind == "category":
                category = category or mapped.slug
            elif mapped.name:
                tags.append(mapped.name)
                if mapped.unmapped:
                    unmapped.append(mapped.name)
        if original is not None:  # a translation carries its original's principles (contract)
            found_principles = list(original.principles)
        names = [
            next(p for p in self.principles if p.slug == slug).names.get(lang, slug)
            for slug in found_principles
        ]
        unique = list(dict.fromkeys(names + tags))
        return category or self.settings.get("DEFAULT_CATEGORY"), unique, found_principles, unmapped

    def header(self, written, category, tags, image):
        item = written.item
        title = plain(item.title) or self.t("untitled")
        lines = [
            f"Title: {title[:TITLE_MAX]}",
            f"Date: {written.date:%Y-%m-%d %H:%M}",
            f"Lang: {written.lang}",
            f"Slug: {written.slug}",
        ]
        if written.kind == "article":
            lines.append(f"Category: {category}")
            if tags:
                lines.append(f"Tags: {', '.join(tags)}")
        if item.author:
            lines.append(f"Author: {plain(item.author)}")
        summary = plain(item.excerpt)
        if summary:
            lines.append(f"Summary: {summary}")
        if image:
            lines += image
        if written.status == "draft":
            lines.append("Status: draft")
        return "\n".join(lines)

    def run(self):
        export = self.export
        posts = [i for i in export.items if i.type in IMPORTED_TYPES]
        groups = translation_groups(export)
        for item in posts:
            if item.status == "private":
                self.private.append(item)
        wanted = [i for i in posts if i.status in ("publish", "draft", "pending", "future")]
        wanted_ids = {i.id for i in wanted}
        for item in posts:
            if item.id not in wanted_ids and item.status != "private":
                export.skipped[f"{item.type}/{item.status}"] += 1
        # Polylang's language slug becomes part of a file name: only the site's languages.
        languages = self.settings["WARTA_LANGUAGES"]
        self.foreign = [
            (item, language_of(item, self.default_lang))
            for item in wanted
            if language_of(item, self.default_lang) not in languages
        ]
        wanted = [i for i in wanted if language_of(i, self.default_lang) in languages]
        for item, _lang in self.foreign:
            export.hidden[item.id] = (item.link, item.name)
        by_id = {i.id: i for i in wanted}

        # Originals first (Indonesian, or untranslated), so translations can take their slug.
        def order(item):
            return (language_of(item, self.default_lang) != self.default_lang, item.id)

        taken = self.existing_slugs()
        planned = {}
        ours = set()  # (lang, slug) this run gives: never twice, even on the same day
        for item in sorted(wanted, key=order):
            lang = language_of(item, self.default_lang)
            group = groups.get(item.id, {})
            original_id = group.get(self.default_lang)
            original = planned.get(original_id) if original_id != item.id else None
            if original is None and lang != self.default_lang and original_id in by_id:
                original = planned.get(original_id)
            kind = "article" if item.type == "post" else "page"
            date, source = local_date(item, self.zone)
            status = {"draft": "draft", "pending": "draft", "future": "future"}.get(
                item.status, "publish"
            )
            record = []
            if source != "date":
                record.append((f"todo_date_{source}", {"date": f"{date:%Y-%m-%d %H:%M}"}))
            if original is not None:
                slug = original.slug
                path = original.path.parent / self.file_name(slug, lang)  # beside it
            else:
                base = wanted_slug(item, self.reserved)
                slug, number = base, 2
                while (lang, slug) in ours or (
                    (lang, slug) in taken
                    and taken[(lang, slug)] != self.target(kind, date, slug, lang)
                ):
                    slug = f"{base}-{number}"
                    number += 1
                if slug != base:
                    record.append(("todo_slug", {"wanted": base, "slug": slug}))
                path = self.target(kind, date, slug, lang)
            written = Written(item, kind, path, slug, lang, status, date, original)
            taken[(lang, slug)] = written.path
            ours.add((lang, slug))
            planned[item.id] = written
            written.notes = record
        self.links.plan(planned, self.private)
        mismatch = zone_mismatch(wanted, self.zone)
        if mismatch:
            self.todo.append(
                (
                    "todo_timezone",
                    {"theirs": mismatch[0], "ours": mismatch[1], "zone": self.zone.key},
                )
            )
        ours_paths = {w.path for w in planned.values()}
        self.before = [path for path in self.before if path not in ours_paths]
        if self.before:
            self.todo.append(
                (
                    "todo_before",
                    {
                        "count": len(self.before),
                        "files": ", ".join(f"`{p.as_posix()}`" for p in self.before),
                    },
                )
            )
        total = len(planned)
        for done, written in enumerate(planned.values(), 1):
            self.write(written)
            if total >= PROGRESS_EVERY and done % PROGRESS_EVERY == 0:
                self.say(self.t("progress", done=done, total=total))
        for name, paths in sorted(self.unmapped.items()):
            self.todo.append(
                (
                    "todo_category",
                    {
                        "name": name,
                        "count": len(paths),
                        "default": self.settings.get("DEFAULT_CATEGORY"),
                        "tag": name,
                        "files": ", ".join(f"`{p.as_posix()}`" for p in paths),
                    },
                )
            )
        return self

    def target(self, kind, date, slug, lang):
        """Where an imported article (by its year) or page goes, in content/."""
        folder = Path("articles") / f"{date:%Y}" if kind == "article" else Path("pages")
        return folder / self.file_name(slug, lang)

    def file_name(self, slug, lang):
        return f"{slug}.md" if lang == self.default_lang else f"{slug}.{lang}.md"

    def existing_slugs(self):
        """{(lang, slug): path} of the articles and pages already in content/."""
        found = {}
        for top in ("articles", "pages"):
            for path in sorted((self.content / top).rglob("*.md")):
                if top == "articles":
                    self.before.append(path.relative_to(self.content))
                header = {}
                with path.open(encoding="utf-8") as lines:
                    for line in lines:
                        if not line.strip():
                            break
                        key, _, value = line.partition(":")
                        header[key.strip().lower()] = value.strip()
                lang = header.get("lang") or (
                    path.name.split(".")[1] if path.name.count(".") == 2 else self.default_lang
                )
                slug = header.get("slug") or path.name.split(".")[0]
                found[(lang, slug)] = path.relative_to(self.content)
        return found

    def lead_photo(self, item, body):
        """``Image:`` header lines for the post's featured image. The theme shows Image:
        above the text unless the body opens with it, and without Image: the body's first
        photo leads: so a featured image that is the body's first photo (in any of
        WordPress's sizes) gets no Image:, or it would be shown twice."""
        thumbnail = self.attachments.get(int(item.meta.get("_thumbnail_id") or 0))
        if thumbnail is None:
            return []
        key = self.upload_key(thumbnail.attachment_url)
        source = self.uploads.original_file(key) if key else None
        if source is not None and body.sources and body.sources[0] == source:
            return []
        soup = BeautifulSoup("", "html.parser")
        img = soup.new_tag("img", src=thumbnail.attachment_url)
        img["alt"] = thumbnail.meta.get("_wp_attachment_image_alt", "")
        line = body.image_line(img, plain(thumbnail.excerpt))
        found = re.match(r'^!\[(.*?)\]\((\S+)(?: "(.*)")?\)$', line)
        if not found:
            return []
        image = [f"Image: {found[2]}", f"Image_alt: {found[1]}"]
        if found[3]:
            image.append(f"Image_caption: {found[3]}")
        return image

    def write(self, written):
        item = written.item
        target = self.content / written.path
        if target.exists() and not self.force:
            self.existing.append(written)
            return
        record = written.notes
        category, tags, found, unmapped = self.terms_of(item, written.lang, written.original)
        for name in unmapped:
            self.unmapped[name].append(written.path)
        theirs = written.original and (
            written.original.category
            or self.terms_of(written.original.item, written.original.lang)[0]
        )
        if theirs and theirs != category:
            # One category for a pair (the contract warns otherwise): the original's.
            record.append(("todo_pair_category", {"theirs": category, "ours": theirs}))
            category = theirs
        written.principles, written.category = found, category
        if written.kind == "article" and not found and written.original is None:
            record.append(("todo_no_principle", {}))
        body = Body(self, written.path.parent, written.slug, item.id)
        markdown = body.convert(item.body)
        image = self.lead_photo(item, body)
        record.extend(body.todo)
        written.documents = body.documents
        written.photos = self.uploads.old_addresses(body.photos, self.links.redirect_address)
        header = self.header(written, category, tags, image)
        atomic_write(target, f"{header}\n\n{markdown}")
        written.suggestions = suggest_event(plain(item.body, dashes=True))
        self.written.append(written)


def import_wordpress(
    export_path,
    content,
    settings,
    uploads=None,
    force=False,
    report=None,
    say=print,
    site_url=None,
):
    """Import ``export_path`` into ``content`` (a site's content/ folder): the Importer,
    its redirects and its report. ``site_url``: the production SITEURL (publishconf.py),
    which must become the old site's address for its links to keep working. Raises
    WordPressError before writing anything when the input is wrong."""
    lang = settings.get("WARTA_MESSAGES_LANG", "id")
    content = Path(content)
    if not content.is_dir():
        raise WordPressError("no_content", path=content)
    wrong = check_table(settings)
    if wrong:
        choices = ", ".join(settings["WARTA_CATEGORIES"])
        name, value = wrong[0]
        raise WordPressError("bad_category_table", name=name, value=value, choices=choices)
    if uploads is not None:
        uploads = Path(uploads)
        if not uploads.is_dir():
            raise WordPressError("no_uploads", path=uploads)
    say(text(lang, "reading", path=export_path))
    export = read_export(export_path)
    importer = Importer(export, content, settings, uploads=uploads, force=force, say=say).run()
    redirects_path = content / settings.get("WARTA_REDIRECTS", "redirects.csv")
    added, kept, conflicts = extend_redirects(
        redirects_path, redirects(importer), text(lang, "redirects_header")
    )
    importer.todo += [
        (
            "todo_redirect_taken",
            {"old": old, "theirs": theirs, "ours": ours, "csv": redirects_path.name},
        )
        for old, theirs, ours in conflicts
    ]
    own = own_address_todo(export, settings, site_url)
    if own:
        importer.todo.insert(0, own)
    about = about_page_todo(content, settings, importer)
    if about:
        importer.todo.append(about)
    report = Path(report) if report else content.parent / REPORT_NAME
    previous = keep_previous(report)
    todo = write_report(importer, report, redirects_path, added, kept, previous)
    articles = [w for w in importer.written if w.kind == "article"]
    say(
        text(
            lang,
            "summary",
            articles=len(articles),
            drafts=sum(w.status == "draft" for w in articles),
            future=sum(w.status == "future" for w in articles),
            pages=sum(w.kind == "page" for w in importer.written),
            pairs=sum(w.original is not None for w in importer.written),
            photos=importer.photos,
            files=importer.files,
        )
    )
    say(
        text(
            lang,
            "summary_skipped",
            private=len(importer.private),
            existing=len(importer.existing),
            other=sum(export.skipped.values()),
        )
    )
    say(text(lang, "summary_redirects", added=added, path=redirects_path))
    if kept:
        same = kept - len(conflicts)
        say(text(lang, "summary_redirects_kept", kept=kept, same=same, other=len(conflicts)))
    if importer.before:
        examples = ", ".join(p.as_posix() for p in importer.before[:3])
        say(text(lang, "summary_before", count=len(importer.before), examples=examples))
    if own:
        say(text(lang, "summary_own_address", **own[1]))
    if previous:
        say(text(lang, "summary_previous", previous=previous))
    say(text(lang, "summary_todo", todo=todo, report=report))
    say(text(lang, "next"))
    return importer


def own_address_todo(export, settings, site_url):
    """The to-do of making the site the library's own, while it is still the sample's
    (WARTA_SAMPLE_DETAILS) or its production address is not the old site's (the old
    links reach the new site only at the old address)."""
    old = export.site or export.home
    host = urlsplit(old).netloc.removeprefix("www.")
    ours = urlsplit(site_url or "").netloc.removeprefix("www.")
    if not settings.get("WARTA_SAMPLE_DETAILS") and (not site_url or ours == host):
        return None
    return ("todo_own_address", {"old": old, "siteurl": site_url or ""})


def page_slugs(content):
    """The Slug of every page in ``content``/pages (its file name's without one)."""
    slugs = set()
    for path in (Path(content) / "pages").rglob("*.md"):
        head = path.read_text(encoding="utf-8", errors="replace").split("\n\n", 1)[0]
        found = re.search(r"(?mi)^slug:\s*(\S+)", head)
        slugs.add(found[1] if found else path.name.split(".")[0])
    return slugs


def about_page_todo(content, settings, run):
    """The to-do of WARTA_LIBRARY["about_page"] naming a page content/ does not have (the
    sample's "tentang", deleted in the guide's step 0): the page with the library's
    details then shows nowhere. The imported pages are the likely candidates."""
    slug = (settings.get("WARTA_LIBRARY") or {}).get("about_page", "")
    if not slug or slug in page_slugs(content):
        return None
    pages = [w.slug for w in run.written + run.existing if w.kind == "page"]
    choices = ", ".join(f"`{p}`" for p in dict.fromkeys(pages)) or "-"
    return ("todo_about_page", {"slug": slug, "pages": choices})
