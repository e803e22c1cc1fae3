"""Moving a library's WordPress site in: ``invoke import-wordpress EXPORT.xml``.

Reads a WordPress export (WXR, "Tools > Export") and writes articles and pages into
``content/`` that follow the content contract, copies their photos from a copy of
``wp-content/uploads`` beside them, pairs Polylang translations by a shared Slug,
adds the old addresses to ``content/redirects.csv`` (read by the redirects plugin at
build time) and writes a report of what the editor still has to decide.

Why our own importer rather than ``pelican-import``: it knows nothing of the contract
(alt texts, principles, categories), of Polylang, of the uploads folder or of redirects.

HTML to Markdown is markdownify's (see requirements.txt for why that converter); what
is ours is only what WordPress adds to HTML: shortcodes, block markup, ``wpautop``'s
paragraphs (a PHP function, so no Python library has it) and its upload URLs.
"""

import csv
import io
import os
import re
import shutil
import tempfile
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from urllib.parse import parse_qsl, unquote, urlsplit
from zoneinfo import ZoneInfo

from bs4 import BeautifulSoup, Comment, NavigableString
from lxml import etree
from markdownify import MarkdownConverter

from warta.facts import TITLE_MAX, categories, match_term, principles, slug_of
from warta.wordpress_messages import text

NS = {
    "wp": "http://wordpress.org/export/1.2/",
    "content": "http://purl.org/rss/1.0/modules/content/",
    "excerpt": "http://wordpress.org/export/1.2/excerpt/",
    "dc": "http://purl.org/dc/elements/1.1/",
}
IMPORTED_TYPES = ("post", "page")
REPORT_NAME = "impor-wordpress-laporan.md"
PROGRESS_EVERY = 100
RESERVED = {"tag", "feeds", "images", "theme", "pagefind", "drafts", "404", "index"}


class WordPressError(Exception):
    """Why nothing was imported: a key of ``wordpress_messages`` and its values."""

    def __init__(self, key, **values):
        super().__init__(key)
        self.key, self.values = key, values


# --- Reading the export ----------------------------------------------------------------


@dataclass
class Item:
    id: int
    type: str
    status: str
    title: str
    link: str
    name: str  # post_name, as WordPress stores it (percent-encoded UTF-8)
    author: str
    body: str
    excerpt: str
    date: str
    date_gmt: str
    parent: int
    sticky: bool
    terms: list  # (domain, nicename, name)
    meta: dict
    comments: int
    attachment_url: str = ""


@dataclass
class Export:
    path: Path
    site: str  # wp:base_site_url
    home: str  # the channel's <link>: where permalinks start
    items: list
    terms: dict  # (taxonomy, nicename) -> {"id", "name", "description"}
    skipped: Counter = field(default_factory=Counter)
    hidden: dict = field(default_factory=dict)  # post id -> (link, post_name) not imported


def _text(element, path):
    found = element.find(path, NS)
    return (found.text or "") if found is not None else ""


def read_export(path):
    """The export at ``path``, parsed without network or entity expansion (an export is
    a file from elsewhere: no XXE, no billion laughs)."""
    path = Path(path)
    if not path.is_file():
        raise WordPressError("no_file", path=path)
    parser = etree.XMLParser(
        resolve_entities=False, no_network=True, huge_tree=True, load_dtd=False
    )
    try:
        root = etree.parse(str(path), parser).getroot()
    except etree.XMLSyntaxError as error:
        line = error.position[0] if error.position else "?"
        raise WordPressError("broken_xml", path=path, line=line, detail=error.msg) from None
    channel = root.find("channel")
    version = channel.find("wp:wxr_version", NS) if channel is not None else None
    if root.tag != "rss" or version is None:
        raise WordPressError("not_wxr", path=path)
    site = _text(channel, "wp:base_site_url").rstrip("/")
    home = (_text(channel, "link") or _text(channel, "wp:base_blog_url") or site).rstrip("/")
    site = site or home  # older exports and some plugins' have no base_site_url
    authors = {
        _text(a, "wp:author_login"): _text(a, "wp:author_display_name")
        for a in channel.findall("wp:author", NS)
    }
    terms = {}
    for kind, prefix in (("category", "category"), ("tag", "tag"), ("term", "term")):
        for element in channel.findall(f"wp:{kind}", NS):
            taxonomy = _text(element, "wp:term_taxonomy") or (
                "post_tag" if kind == "tag" else "category"
            )
            nicename = _text(
                element,
                {"category": "wp:category_nicename", "tag": "wp:tag_slug", "term": "wp:term_slug"}[
                    kind
                ],
            )
            name = _text(element, "wp:cat_name" if kind == "category" else f"wp:{prefix}_name")
            terms[(taxonomy, nicename)] = {
                "id": int(_text(element, "wp:term_id") or 0),
                "name": name,
                "description": _text(element, "wp:term_description")
                or _text(element, "wp:category_description")
                or _text(element, "wp:tag_description"),
            }
    export = Export(path=path, site=site, home=home, items=[], terms=terms)
    for element in channel.iterfind("item"):
        kind = _text(element, "wp:post_type")
        status = _text(element, "wp:status")
        if (
            kind not in (*IMPORTED_TYPES, "attachment")
            or status
            in (
                "trash",
                "auto-draft",
                "inherit",
            )
            and kind != "attachment"
        ):
            export.skipped[f"{kind}/{status}" if kind in IMPORTED_TYPES else kind] += 1
            if kind in IMPORTED_TYPES:
                post_id = int(_text(element, "wp:post_id") or 0)
                export.hidden[post_id] = (_text(element, "link"), _text(element, "wp:post_name"))
            continue
        meta = {
            _text(m, "wp:meta_key"): _text(m, "wp:meta_value")
            for m in element.findall("wp:postmeta", NS)
        }
        creator = _text(element, "dc:creator")
        export.items.append(
            Item(
                id=int(_text(element, "wp:post_id") or 0),
                type=kind,
                status=status,
                title=_text(element, "title"),
                link=_text(element, "link"),
                name=_text(element, "wp:post_name"),
                author=authors.get(creator) or creator,
                body=_text(element, "content:encoded"),
                excerpt=_text(element, "excerpt:encoded"),
                date=_text(element, "wp:post_date"),
                date_gmt=_text(element, "wp:post_date_gmt"),
                parent=int(_text(element, "wp:post_parent") or 0),
                sticky=_text(element, "wp:is_sticky") == "1",
                terms=[
                    (c.get("domain"), c.get("nicename") or "", c.text or "")
                    for c in element.findall("category")
                ],
                meta=meta,
                comments=sum(
                    1
                    for c in element.findall("wp:comment", NS)
                    if _text(c, "wp:comment_approved") == "1"
                ),
                attachment_url=_text(element, "wp:attachment_url"),
            )
        )
    return export


PHP_PAIR = re.compile(r's:\d+:"([^"]*)";i:(\d+);')


def translation_groups(export):
    """Polylang's pairs: {post id: {lang: post id}} from the ``post_translations`` terms,
    whose description is a serialized PHP array ``a:2:{s:2:"id";i:12;s:2:"en";i:34;}``."""
    groups = {}
    for (taxonomy, _nicename), term in export.terms.items():
        if taxonomy != "post_translations":
            continue
        group = {lang: int(post) for lang, post in PHP_PAIR.findall(term["description"])}
        for post in group.values():
            groups[post] = group
    return groups


def language_of(item, default):
    for domain, nicename, _name in item.terms:
        if domain == "language" and nicename:
            return nicename
    return default


# --- Dates, slugs, terms ----------------------------------------------------------------


def local_date(item, zone):
    """The post's date in the site's time zone: from the GMT date when WordPress has it
    (drafts have 0000-00-00), else the local one, read as the site's zone."""
    if item.date_gmt and not item.date_gmt.startswith("0000"):
        moment = datetime.fromisoformat(item.date_gmt).replace(tzinfo=timezone.utc)
        return moment.astimezone(zone)
    if item.date and not item.date.startswith("0000"):
        return datetime.fromisoformat(item.date).replace(tzinfo=zone)
    return datetime(2000, 1, 1, tzinfo=zone)


def wanted_slug(item, reserved):
    """The post's slug, percent-decoded and folded to the contract's form; its title's when
    WordPress has none (drafts). Never a section word or a number (pages)."""
    name = slug_of(unquote(item.name))
    if name == str(item.id):  # WordPress's own fallback for a title without letters
        name = ""
    slug = name or slug_of(plain(item.title)) or f"tulisan-{item.id}"
    if slug in reserved or slug.isdigit():
        slug = f"{slug}-{item.type}"
    return slug


def plain(html):
    """Text of ``html`` on one line (a Summary, a title), with straight quotes."""
    words = BeautifulSoup(html or "", "html.parser").get_text(" ")
    return " ".join(straighten(words).split())


SMART = str.maketrans(
    {
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u2018": "'",
        "\u2019": "'",
        "\u00a0": " ",
        "\u2026": "...",
        "\u2013": "--",
        "\u2014": "---",
    }
)


def straighten(words):
    """Typography back to plain keys: typogrify puts it back, consistently, at build."""
    return words.translate(SMART)


def principle_of(name, terms):
    """The principle a WordPress term names, in any case, either language, with or without
    "asas" / "principle"."""
    bare = re.sub(r"^\s*(asas|prinsip|principle(\s+of)?)[\s_-]+", "", name, flags=re.I)
    return match_term(bare, terms) or match_term(name, terms)


# --- The body ---------------------------------------------------------------------------

SHORTCODE = re.compile(r"\[(/?)([a-z_][\w-]*)([^\]]*)\]", re.I)
CAPTION = re.compile(r"\[caption([^\]]*)\](.*?)\[/caption\]", re.S | re.I)
GALLERY = re.compile(r"\[gallery([^\]]*)\]", re.I)
EMBED = re.compile(r"\[embed[^\]]*\](.*?)\[/embed\]", re.S | re.I)
BARE_URL = re.compile(r"^[ \t]*(https?://[^\s<>\"]+)[ \t]*$", re.M)
ATTRIBUTE = re.compile(r'(\w+)=["\']([^"\']*)["\']')
BLOCK_TAGS = re.compile(
    r"^\s*(?:<(?:p|div|h[1-6]|ul|ol|li|table|blockquote|figure|pre|hr|iframe|dl|address)\b|<!--)",
    re.I,
)
RESIZED = re.compile(r"^(?P<stem>.+?)-(?:(?P<w>\d+)x(?P<h>\d+)|scaled)(?P<ext>\.\w+)$")
BLOCK_COMMENT = re.compile(r"<!--\s*/?wp:.*?-->", re.S)
KNOWN_SHORTCODES = {"caption", "gallery", "embed"}
HEADING = re.compile(r"^h[1-6]$")
# Uploads that are not photos but that libraries publish (reports, forms, data): copied
# beside the article and linked with {static}, published as they are.
DOCUMENTS = {
    ".pdf",
    ".doc",
    ".docx",
    ".xls",
    ".xlsx",
    ".ppt",
    ".pptx",
    ".odt",
    ".ods",
    ".odp",
    ".rtf",
    ".csv",
    ".txt",
    ".zip",
    ".rar",
    ".7z",
    ".epub",
}
PHOTO_SUFFIXES = {
    ".jpg",
    ".jpeg",
    ".png",
    ".gif",
    ".webp",
    ".heic",
    ".heif",
    ".avif",
    ".bmp",
    ".tif",
    ".tiff",
}
UNSAFE_NAME = re.compile(r"[\s()\[\]<>\"'#?%{}]+")
ARCHIVE = re.compile(r"^(?:/[a-z]{2})?/(category|tag)/(?:.+/)?([^/]+)$")


def autop(html):
    """WordPress's ``wpautop`` for classic-editor posts: blank lines are paragraphs, single
    line breaks are <br>. Gutenberg blocks carry their own <p> and are left alone
    (a chunk that starts with a tag or a block comment)."""
    chunks = re.split(r"\n\s*\n", html.replace("\r\n", "\n"))
    out = []
    for chunk in chunks:
        chunk = chunk.strip()
        if not chunk:
            continue
        if BLOCK_TAGS.match(chunk):
            out.append(chunk)
        else:
            out.append("<p>" + chunk.replace("\n", "<br>\n") + "</p>")
    return "\n".join(out)


def expand_shortcodes(html):
    """[caption], [gallery] and [embed] as the HTML Gutenberg writes for them, so that one
    path converts both editors' posts; the unknown ones are returned to be reported."""

    def caption(match):
        inner = match.group(2)
        image = re.search(r"(<a\b[^>]*>\s*)?<img\b[^>]*>(\s*</a>)?", inner, re.S)
        if not image:
            return inner
        words = (inner[: image.start()] + inner[image.end() :]).strip()
        return f"<figure>{image.group(0)}<figcaption>{words}</figcaption></figure>"

    def gallery(match):
        ids = dict(ATTRIBUTE.findall(match.group(1))).get("ids", "")
        return f'<div data-warta-gallery="{ids}"></div>'

    def embed(match):
        url = match.group(1).strip()
        return f'<p><a href="{url}">{url}</a></p>'

    html = CAPTION.sub(caption, html)
    html = GALLERY.sub(gallery, html)
    html = EMBED.sub(embed, html)
    # WordPress's auto-embeds: a link alone on its line (a YouTube video, a tweet...).
    html = BARE_URL.sub(lambda m: f'<p><a href="{m.group(1)}">{m.group(1)}</a></p>', html)
    unknown = sorted(
        {m.group(2) for m in SHORTCODE.finditer(html) if m.group(2).lower() not in KNOWN_SHORTCODES}
        & {m.group(2) for m in SHORTCODE.finditer(html) if not m.group(1)}
    )
    return html, [f"[{code}]" for code in unknown]


BREAK = "WARTABREAK"


class Converter(MarkdownConverter):
    """markdownify with our house style: ATX headings, "-" bullets, no hard-wrap; and
    what Python-Markdown (Pelican's reader) needs: a list inside a list indented by four
    spaces (markdownify indents by the bullet's width, two, which Python-Markdown reads as
    one flat list), and <br> as a hard break that survives our trailing-space cleanup."""

    def __init__(self):
        super().__init__(heading_style="ATX", bullets="-", escape_underscores=False)

    def convert_li(self, el, text, parent_tags):
        item = super().convert_li(el, text, parent_tags)
        first, newline, rest = item.partition("\n")
        bullet = re.match(r"\S+ ", first)
        width = len(bullet.group(0)) if bullet else 0
        if width and width < 4 and rest.strip():
            rest = re.sub(rf"(?m)^ {{{width}}}(?=\S|\s*\S)", " " * 4, rest)
        return first + newline + rest

    def convert_br(self, el, text, parent_tags):
        if "_inline" in parent_tags:
            return " "
        return BREAK + "\n"


def title_text(words):
    """A Markdown image title: one line, no double quote (it ends the title)."""
    return " ".join(straighten(words).replace('"', "'").split())


def alt_text(words):
    return " ".join(straighten(words).replace("[", "(").replace("]", ")").split())


# --- Importing --------------------------------------------------------------------------


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
    principles: list = field(default_factory=list)
    notes: list = field(default_factory=list)
    suggestions: list = field(default_factory=list)


class Importer:
    """One run of the import: what it wrote, copied and would report."""

    def __init__(self, export, content, settings, uploads=None, force=False, say=print):
        self.export, self.content, self.settings = export, Path(content), settings
        self.uploads, self.force, self.say = uploads, force, say
        self.lang = settings.get("WARTA_MESSAGES_LANG", "id")
        self.default_lang = settings["DEFAULT_LANG"]
        self.zone = ZoneInfo(settings.get("TIMEZONE") or "UTC")
        self.principles = principles(settings)
        self.categories = categories(settings)
        self.category_table = {
            fold(key): value
            for key, value in settings.get("WARTA_WORDPRESS_CATEGORIES", {}).items()
        }
        self.attachments = {i.id: i for i in export.items if i.type == "attachment"}
        self.by_url = {}
        for attachment in self.attachments.values():
            key = self.upload_key(attachment.attachment_url)
            if key:
                self.by_url[key] = attachment
        self.written, self.private, self.existing = [], [], []
        self.before = []  # articles in content/ before the import that it does not write
        self.todo = []  # (key, values)
        self.unmapped = Counter()
        self.photos = 0
        self.files = 0  # documents (PDF, DOCX...) linked from bodies
        self.targets, self.hidden = {}, {}  # old address -> Written / why it is not here
        self.missing = 0
        self.marks = {}

    def t(self, key, **values):
        return text(self.lang, key, **values)

    # -- photos --

    def upload_key(self, url):
        """The path under wp-content/uploads/ of ``url``, if it is one of the site's uploads."""
        parts = urlsplit(url.strip())
        site = urlsplit(self.export.site)
        if parts.netloc and parts.netloc.removeprefix("www.") != site.netloc.removeprefix("www."):
            return None
        found = re.search(r"/wp-content/uploads/(.+)$", parts.path)
        return unquote(found.group(1)) if found else None

    def original_file(self, key):
        """The uploaded file behind ``key``: the original of a resized copy
        (foto-1024x768.jpg -> foto.jpg), else the biggest copy present."""
        if self.uploads is None:
            return None
        path = self.uploads / key
        resized = RESIZED.match(path.name)
        if resized:
            stem, ext = resized["stem"], resized["ext"]
            for candidate in (path.with_name(stem + ext), path.with_name(f"{stem}-scaled{ext}")):
                if candidate.is_file():
                    return candidate
            copies = []
            for candidate in path.parent.glob(f"{glob_escape(stem)}-*x*{ext}"):
                size = RESIZED.match(candidate.name)
                if size and size["stem"] == stem and size["w"]:
                    copies.append((int(size["w"]) * int(size["h"]), candidate))
            if copies:
                return max(copies)[1]
        return path if path.is_file() else None

    def copy_photo(self, source, folder, tally="photos"):
        """Copy ``source`` into ``folder`` (relative to content/); the name it has there
        (without spaces or brackets, which would end a Markdown link)."""
        target_dir = self.content / folder
        target_dir.mkdir(parents=True, exist_ok=True)
        name = UNSAFE_NAME.sub("-", source.name)
        target = target_dir / name
        counter = 2
        while target.exists() and not same_file(source, target):
            if self.force and (target_dir, name) not in self.copied_here:
                break
            target = target_dir / f"{Path(name).stem}-{counter}{Path(name).suffix}"
            counter += 1
        if not (target.exists() and same_file(source, target)):
            atomic_copy(source, target)
            setattr(self, tally, getattr(self, tally) + 1)
        self.copied_here.add((target_dir, target.name))
        return target.name

    # -- the body --

    def mark(self, soup, lines):
        """A placeholder paragraph for Markdown markdownify must not touch (figures,
        galleries), put back after conversion."""
        key = f"WARTAMARK{len(self.marks):06d}X"
        self.marks[key] = lines
        paragraph = soup.new_tag("p")
        paragraph.string = key
        return paragraph

    def image_line(self, img, caption, record, folder_name):
        """``![alt](folder/file.jpg "caption")`` for an <img>, or a comment if its file is
        missing, or a link if it is not the site's."""
        src = img.get("src", "")
        key = self.upload_key(src)
        attachment = self.by_url.get(key) if key else None
        found = re.search(r"wp-image-(\d+)", " ".join(img.get("class", [])))
        if found and int(found.group(1)) in self.attachments:
            attachment = self.attachments[int(found.group(1))]
        alt = alt_text(img.get("alt", ""))
        if not alt and attachment:
            alt = alt_text(attachment.meta.get("_wp_attachment_image_alt", ""))
        caption = title_text(caption or "")
        if key is None:
            if not src.startswith(("http://", "https://")):
                return ""
            record.append(("todo_external", {"url": src, "folder": self.folder_path(folder_name)}))
            return f"[{alt or src}]({src})"
        source = self.original_file(key)
        if source is None:
            self.missing += 1
            record.append(("todo_missing", {"url": src, "folder": self.folder_path(folder_name)}))
            return self.t("missing_comment", url=src.replace("--", "-"))
        name = self.copy_photo(source, self.folder_path(folder_name))
        if not alt:
            alt = alt_text(caption or (attachment.title if attachment else "")) or alt_text(
                Path(name).stem.replace("-", " ").replace("_", " ")
            )
            record.append(("todo_alt", {"photo": f"{folder_name}/{name}", "alt": alt}))
        title = f' "{caption}"' if caption else ""
        return f"![{alt}]({folder_name}/{name}{title})"

    def folder_path(self, folder_name):
        return (self.current_dir / folder_name).as_posix()

    def body(self, html, record, folder_name):
        """The post's HTML as our Markdown: figures and galleries in our syntax, photos
        copied, embeds as links, no styles, comments or empty paragraphs."""
        html = BLOCK_COMMENT.sub("", html)  # Gutenberg's block markers: its HTML stays
        html, unknown = expand_shortcodes(html)
        html = autop(html)
        record.extend(("todo_shortcode", {"code": code}) for code in unknown)
        soup = BeautifulSoup(html, "html.parser")
        for comment in soup.find_all(string=lambda s: isinstance(s, Comment)):
            comment.extract()
        for tag in soup.find_all(["script", "style", "form", "noscript"]):
            tag.decompose()
        for iframe in soup.find_all("iframe"):
            src = iframe.get("src", "")
            if src.startswith(("http://", "https://")):
                link = soup.new_tag("a", href=src)
                link.string = src
                paragraph = soup.new_tag("p")
                paragraph.append(link)
                iframe.replace_with(paragraph)
            else:
                iframe.decompose()
        for gallery in soup.find_all(attrs={"data-warta-gallery": True}):
            lines = []
            for number in re.findall(r"\d+", gallery["data-warta-gallery"]):
                attachment = self.attachments.get(int(number))
                if attachment is None:
                    continue
                img = soup.new_tag("img", src=attachment.attachment_url)
                img["alt"] = attachment.meta.get("_wp_attachment_image_alt", "")
                line = self.image_line(img, plain(attachment.excerpt), record, folder_name)
                lines.append(line)
            gallery.replace_with(self.mark(soup, lines))
        for figure in soup.find_all("figure"):
            if figure.parent is None or figure.find_parent("figure") is not None:
                continue
            classes = " ".join(figure.get("class", []))
            caption = figure.find("figcaption", recursive=False)
            caption_text = plain(str(caption)) if caption else ""
            if "wp-block-embed" in classes:
                url = plain(str(figure.find(class_="wp-block-embed__wrapper") or ""))
                link = soup.new_tag("a", href=url)
                link.string = caption_text or url
                paragraph = soup.new_tag("p")
                paragraph.append(link)
                figure.replace_with(paragraph)
                continue
            inner = figure.find_all("figure")
            images = inner or [figure]
            lines = []
            for one in images:
                img = one.find("img")
                if img is None:
                    continue
                one_caption = one.find("figcaption")
                lines.append(
                    self.image_line(
                        img, plain(str(one_caption)) if one_caption else "", record, folder_name
                    )
                )
            if inner and caption_text:  # a gallery's own caption: a line after it
                lines.append("")
                lines.append(caption_text)
            if lines:
                figure.replace_with(self.mark(soup, lines))
            else:  # a table block, a quote block: their content, without the wrapper
                figure.unwrap()
        for img in soup.find_all("img"):
            line = self.image_line(img, img.get("title", ""), record, folder_name)
            anchor = img.parent if img.parent and img.parent.name == "a" else None
            alone = anchor if anchor is not None and not anchor.get_text(strip=True) else img
            marker = self.mark(soup, [line])
            if (
                alone.parent is not None
                and alone.parent.name == "p"
                and not alone.parent.get_text(strip=True)
            ):
                alone.parent.replace_with(marker)
            else:
                key = marker.string
                alone.replace_with(NavigableString(key))
        levels = [int(h.name[1]) for h in soup.find_all(HEADING)]
        if levels and min(levels) < 2:  # the article's title is the page's h1
            for heading in soup.find_all(HEADING):
                heading.name = f"h{min(int(heading.name[1]) + 2 - min(levels), 6)}"
        for anchor in soup.find_all("a"):
            href = anchor.get("href", "")
            if not re.match(r"^(https?:|mailto:|tel:|/|#)", href) and href:
                anchor.unwrap()  # javascript: and the like: the contract would refuse it
                continue
            self.relink(anchor, record, folder_name)
        for node in soup.find_all(string=True):
            if not isinstance(node, Comment) and node.parent.name not in ("pre", "code"):
                node.replace_with(straighten(str(node)))
        markdown = Converter().convert_soup(soup)
        for key, lines in self.marks.items():
            block = "\n".join(lines)
            markdown = markdown.replace(key, block)
        self.marks.clear()
        markdown = re.sub(r"[ \t]+\n", "\n", markdown)
        markdown = re.sub(r"\n{3,}", "\n\n", markdown)
        markdown = re.sub(rf"{BREAK}(?:\n(?=\n)|\n?\Z)", "", markdown)  # a break ending a block
        markdown = markdown.replace(BREAK + "\n", "  \n").replace(BREAK, "  \n")
        return markdown.strip() + "\n"

    # -- links to the old site --

    def old_address(self, href):
        """(path, query, fragment) of ``href`` on the old site, the path relative to where
        WordPress lives (http or https, with or without www, or root-relative); None for a
        link elsewhere or relative to the page."""
        parts = urlsplit(href.strip())
        if parts.scheme not in ("", "http", "https"):
            return None
        if parts.netloc:
            ours = {
                urlsplit(url).netloc.lower().removeprefix("www.")
                for url in (self.export.site, self.export.home)
                if url
            }
            if parts.netloc.lower().removeprefix("www.") not in ours:
                return None
        elif not parts.path.startswith("/"):
            return None
        path = parts.path or "/"
        home = urlsplit(self.export.home).path.rstrip("/")
        if home and (path == home or path.startswith(home + "/")):
            path = path[len(home) :] or "/"
        return path, parts.query, parts.fragment

    @staticmethod
    def address_keys(path, query=""):
        """The ways ``path?query`` is looked up: decoded, without its trailing slash, in
        lower case; WordPress's query forms by their one parameter."""
        keys = [
            f"?{'p' if name == 'preview_id' else name}={value.lower()}"
            for name, value in parse_qsl(query)
            if name in ("p", "page_id", "attachment_id", "cat", "tag", "preview_id")
        ]
        return keys or [unquote(path).rstrip("/").lower() or "/"]

    def plan_links(self, planned):
        """Every old address of what this import writes (and of what it does not), for
        the links inside bodies; the redirects file gets its own list (``redirects``)."""

        def add(url_or_path, written, table):
            address = (
                self.old_address(url_or_path)
                if "://" in url_or_path
                else (url_or_path.partition("?")[0] or "/", url_or_path.partition("?")[2], "")
            )
            if address:
                for key in self.address_keys(address[0], address[1]):
                    table.setdefault(key, written)

        children = defaultdict(list)
        for attachment in self.attachments.values():
            children[attachment.parent].append(attachment)
        for written in planned.values():
            item = written.item
            table = self.targets if written.status == "publish" else self.hidden
            value = written if table is self.targets else written.status
            for key in (f"?p={item.id}", f"?page_id={item.id}"):
                table.setdefault(key, value)
            if item.link:
                add(item.link, value, table)
            if item.name:
                add(f"/{item.name}/", value, table)
            for attachment in children.get(item.id, ()):
                if table is self.targets:
                    self.targets.setdefault(f"?attachment_id={attachment.id}", written)
                    if attachment.link:
                        add(attachment.link, written, self.targets)
        skipped = [(i.id, i.link, i.name, "private") for i in self.private]
        skipped += [(i, link, name, "skipped") for i, (link, name) in self.export.hidden.items()]
        for post_id, link, name, why in skipped:
            for key in (f"?p={post_id}", f"?page_id={post_id}"):
                self.hidden.setdefault(key, why)
            if link:
                add(link, why, self.hidden)
            if name:
                add(f"/{name}/", why, self.hidden)

    def term_link(self, domain, nicename):
        """``{category}slug`` or ``{tag}slug`` for a WordPress archive, resolved by the
        build in the linking article's language; None for a term the export lacks."""
        term = self.export.terms.get((domain, nicename))
        if term is None:
            return None
        name = straighten(plain(term["name"])) or unquote(nicename)
        principle = principle_of(name, self.principles)
        if principle:
            return "{tag}" + principle.slug
        if domain == "category":
            for key in (fold(name), fold(unquote(nicename))):
                if key in self.category_table:
                    return "{category}" + (
                        self.category_table[key] or self.settings.get("DEFAULT_CATEGORY")
                    )
                ours = match_term(key, self.categories)
                if ours:
                    return "{category}" + ours.slug
        return "{tag}" + slug_of(name)

    def archive_link(self, path, query):
        for name, value in parse_qsl(query):
            if name == "cat":
                for (taxonomy, nicename), term in self.export.terms.items():
                    if taxonomy == "category" and str(term["id"]) == value:
                        return self.term_link("category", nicename)
            if name == "tag":
                return self.term_link("post_tag", value)
        found = ARCHIVE.match(unquote(path).rstrip("/").lower())
        if found:
            domain = "category" if found[1] == "category" else "post_tag"
            for (taxonomy, nicename), _term in self.export.terms.items():
                if taxonomy == domain and unquote(nicename).lower() == found[2]:
                    return self.term_link(domain, nicename)
        return None

    def relink(self, anchor, record, folder_name):
        """Point a link to the old site at the new one: an imported post or page by its
        file ({filename}), an archive by its category or tag, a document from the uploads
        copied beside the article ({static}). What cannot move keeps its address and is
        a to-do: the old site goes away after the move."""
        href = anchor.get("href", "")
        address = self.old_address(href)
        if address is None:
            return
        path, query, fragment = address
        folder = self.folder_path(folder_name)
        key = self.upload_key(href) if "/wp-content/uploads/" in path else None
        if key is not None:
            suffix = Path(key).suffix.lower()
            if suffix in PHOTO_SUFFIXES and any(text in self.marks for text in anchor.strings):
                anchor.unwrap()  # "link to media file": the photo is shown, and enlarged, here
                return
            if suffix in DOCUMENTS:
                source = self.uploads / key if self.uploads is not None else None
                if source is not None and source.is_file():
                    name = self.copy_photo(source, folder, tally="files")
                    anchor["href"] = "{static}" + f"{folder_name}/{name}"
                    return
                record.append(("todo_missing_file", {"url": href, "folder": folder}))
                return
            record.append(("todo_old_link", {"url": href}))
            return
        keys = self.address_keys(path, query)
        written = next((self.targets[k] for k in keys if k in self.targets), None)
        if written is not None:
            new = "{filename}/" + written.path.as_posix() + (f"#{fragment}" if fragment else "")
            if anchor.get_text(strip=True) in (href, href.rstrip("/")):
                anchor.string = straighten(plain(written.item.title)) or new
            anchor["href"] = new
            return
        why = next((self.hidden[k] for k in keys if k in self.hidden), None)
        if why is not None:
            record.append(("todo_hidden_link", {"url": href, "why": self.t(f"why_{why}")}))
            return
        archive = self.archive_link(path, query)
        if archive is not None:
            anchor["href"] = archive
            return
        if keys == ["/"]:
            anchor["href"] = "{index}"
            return
        record.append(("todo_old_link", {"url": href}))

    # -- one post --

    def terms_of(self, item, record, lang, original=None):
        """(category, tags) of a post: principles from any category or tag naming one, the
        category through WARTA_WORDPRESS_CATEGORIES, the rest as tags."""
        category, tags, found_principles = None, [], []
        for domain, nicename, name in item.terms:
            if domain not in ("category", "post_tag"):
                continue
            name = straighten(plain(name))
            principle = principle_of(name, self.principles) or principle_of(
                nicename, self.principles
            )
            if principle:
                if principle.slug not in found_principles:
                    found_principles.append(principle.slug)
                continue
            if domain == "category":
                for key in (fold(name), fold(unquote(nicename))):
                    if key in self.category_table:
                        mapped = self.category_table[key]
                        if mapped and category is None:
                            category = mapped
                        break
                    ours = match_term(key, self.categories)
                    if ours:
                        category = category or ours.slug
                        break
                else:
                    self.unmapped[name] += 1
                    tags.append(name)
                continue
            tags.append(name)
        if original is not None:  # a translation carries its original's principles (contract)
            found_principles = list(original.principles)
        self.last_principles = found_principles
        names = [
            next(p for p in self.principles if p.slug == slug).names.get(lang, slug)
            for slug in found_principles
        ]
        tags = [t.replace(",", " ").strip() for t in tags if t.strip()]
        unique = list(dict.fromkeys(names + tags))
        return category or self.settings.get("DEFAULT_CATEGORY"), unique, bool(found_principles)

    def header(self, written, category, tags, image):
        item = written.item
        title = straighten(plain(item.title)) or self.t("untitled")
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
        self.copied_here = set()
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
            date = local_date(item, self.zone)
            status = {"draft": "draft", "pending": "draft", "future": "future"}.get(
                item.status, "publish"
            )
            record = []
            if original is not None:
                slug = original.slug
                folder = original.path.parent
            else:
                base = wanted_slug(item, RESERVED | self.reserved_words())
                slug, number = base, 2
                while (lang, slug) in ours or (
                    (lang, slug) in taken
                    and taken[(lang, slug)] != self.target(kind, date, slug, lang)
                ):
                    slug = f"{base}-{number}"
                    number += 1
                if slug != base:
                    record.append(("todo_slug", {"wanted": base, "slug": slug}))
                folder = Path("articles") / f"{date:%Y}" if kind == "article" else Path("pages")
            name = f"{slug}.md" if lang == self.default_lang else f"{slug}.{lang}.md"
            written = Written(item, kind, folder / name, slug, lang, status, date, original)
            taken[(lang, slug)] = written.path
            ours.add((lang, slug))
            planned[item.id] = written
            written.notes = record
        self.plan_links(planned)
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
        for name, count in sorted(self.unmapped.items()):
            self.todo.append(
                (
                    "todo_category",
                    {
                        "name": name,
                        "count": count,
                        "default": self.settings.get("DEFAULT_CATEGORY"),
                        "tag": name,
                    },
                )
            )
        return self

    def target(self, kind, date, slug, lang):
        folder = Path("articles") / f"{date:%Y}" if kind == "article" else Path("pages")
        return folder / (f"{slug}.md" if lang == self.default_lang else f"{slug}.{lang}.md")

    def reserved_words(self):
        words = set(self.settings.get("WARTA_LANGUAGES", {}))
        for language in self.settings.get("WARTA_LANGUAGES", {}).values():
            words |= set(language.get("sections", {}).values())
        return words

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

    def write(self, written):
        item = written.item
        target = self.content / written.path
        if target.exists() and not self.force:
            self.existing.append(written)
            return
        record = written.notes
        self.current_dir = written.path.parent
        folder_name = written.slug
        category, tags, has_principle = self.terms_of(item, record, written.lang, written.original)
        written.principles = self.last_principles
        if written.kind == "article" and not has_principle and written.original is None:
            record.append(("todo_no_principle", {}))
        body = self.body(item.body, record, folder_name)
        image = []
        thumbnail = self.attachments.get(int(item.meta.get("_thumbnail_id") or 0))
        if thumbnail is not None and thumbnail.attachment_url not in item.body:
            soup = BeautifulSoup("", "html.parser")
            img = soup.new_tag("img", src=thumbnail.attachment_url)
            img["alt"] = thumbnail.meta.get("_wp_attachment_image_alt", "")
            line = self.image_line(img, plain(thumbnail.excerpt), record, folder_name)
            found = re.match(r'^!\[(.*?)\]\((\S+)(?: "(.*)")?\)$', line)
            if found:
                image = [f"Image: {found[2]}", f"Image_alt: {found[1]}"]
                if found[3]:
                    image.append(f"Image_caption: {found[3]}")
        header = self.header(written, category, tags, image)
        atomic_write(target, f"{header}\n\n{body}")
        written.suggestions = suggest_event(plain(item.body))
        self.written.append(written)

    # -- the report --

    def report(self, report_path, redirects_path, added):
        t = self.t
        articles = [w for w in self.written if w.kind == "article"]
        pages = [w for w in self.written if w.kind == "page"]
        pairs = [w for w in self.written if w.original is not None]
        lines = [
            t("report_title"),
            "",
            t(
                "report_intro",
                export=self.export.path.name,
                site=self.export.site,
                when=datetime.now(self.zone).strftime("%Y-%m-%d %H:%M"),
                redirects=redirects_path.name,
            ),
            "",
            t("h_summary"),
            "",
            "| | |",
            "|---|---:|",
        ]
        counts = {
            "c_articles": len(articles),
            "c_drafts": sum(w.status == "draft" for w in articles),
            "c_future": sum(w.status == "future" for w in articles),
            "c_pages": len(pages),
            "c_pairs": len(pairs),
            "c_photos": self.photos,
            "c_missing": self.missing,
            "c_files": self.files,
            "c_private": len(self.private),
            "c_existing": len(self.existing),
            "c_other": sum(self.export.skipped.values()),
            "c_redirects": added,
        }
        lines += [t("row", what=t(key), count=count) for key, count in counts.items()]
        lines += ["", t("h_todo"), ""]
        todo = [t(key, **values) for key, values in self.todo]
        for written in self.written:
            file = written.path.as_posix()
            todo += [t(key, file=file, **values) for key, values in written.notes]
        lines += [f"- {line}" for line in todo] or [t("no_todo")]
        lines += ["", t("h_skipped"), ""]
        lines += [t("private", title=plain(i.title), id=i.id) for i in self.private]
        lines += [t("existing", file=w.path.as_posix()) for w in self.existing]
        lines += [
            t("skipped_kind", count=count, kind=kind)
            for kind, count in sorted(self.export.skipped.items())
        ]
        lines += ["", t("h_articles"), ""]
        for written in self.written:
            item = written.item
            status = t(f"status_{written.status}", date=f"{written.date:%Y-%m-%d %H:%M}")
            lines.append(
                t(
                    "article_line",
                    title=plain(item.title) or t("untitled"),
                    file=written.path.as_posix(),
                    kind=t("kind_post" if item.type == "post" else "kind_page"),
                    id=item.id,
                    status=status,
                )
            )
            details = []
            if written.original is not None:
                details.append(t("translation_of", file=written.original.path.as_posix()))
            if item.sticky:
                details.append(t("sticky"))
            details.append(t("comments", count=item.comments))
            if written.suggestions:
                details.append(t("suggestions"))
                details += [t("suggestion", field=f, value=v) for f, v in written.suggestions]
            lines += ["", *details, ""]
        atomic_write(report_path, "\n".join(lines).rstrip() + "\n")
        return len(todo)

    # -- old addresses --

    def redirects(self):
        """[(comment, [(old, new)])]: every old address of what was imported."""
        groups = []
        home = urlsplit(self.export.home).path.rstrip("/")
        en = {
            lang for lang in self.settings.get("WARTA_LANGUAGES", {}) if lang != self.default_lang
        }

        def old(url):
            parts = urlsplit(url)
            path = parts.path
            if home and path.startswith(home):
                path = path[len(home) :] or "/"
            return path + (f"?{parts.query}" if parts.query else "")

        used_terms = defaultdict(set)  # (domain, nicename) -> languages of posts
        term_names = {}
        for written in self.written + self.existing:
            item = written.item
            if written.status != "publish":
                continue
            new = "{filename}" + written.path.as_posix()
            pairs = []
            if item.link:
                pairs.append((old(item.link), new))
            query = "p" if item.type == "post" else "page_id"
            pairs.append((f"/?{query}={item.id}", new))
            for attachment in self.attachments.values():
                if attachment.parent == item.id and attachment.link:
                    pairs.append((old(attachment.link), new))
                    pairs.append((f"/?attachment_id={attachment.id}", new))
            groups.append((self.t("redirects_post", id=item.id, title=plain(item.title)), pairs))
            for domain, nicename, _name in item.terms:
                if domain in ("category", "post_tag"):
                    used_terms[(domain, nicename)].add(written.lang)
                    term_names.setdefault((domain, nicename), _name)
        pairs = [("/feed/", "/feeds/all.atom.xml"), ("/comments/feed/", "/feeds/all.atom.xml")]
        for lang in sorted(en):
            pairs.append((f"/{lang}/feed/", f"/{lang}/feeds/all.atom.xml"))
        for (domain, nicename), langs in sorted(used_terms.items()):
            term = self.export.terms.get(
                (domain, nicename),
                {"name": term_names.get((domain, nicename)) or nicename, "id": 0},
            )
            name = straighten(plain(term["name"])) or unquote(nicename)
            principle = principle_of(name, self.principles)
            lang = self.default_lang if self.default_lang in langs else sorted(langs)[0]
            prefix = "" if lang == self.default_lang else f"/{lang}"
            if principle:
                new, slug, feed_kind = "{tag}" + principle.slug, principle.slug, "tag"
            elif domain == "category" and name not in self.unmapped:
                ours = self.mapped_category(name, nicename)
                new, slug, feed_kind = "{category}" + ours, ours, "category"
            else:
                slug = slug_of(name)
                new, feed_kind = "{tag}" + name, "tag"
            if lang != self.default_lang:  # the language's own page: a site path
                section = (
                    "tag"
                    if feed_kind == "tag"
                    else self.settings["WARTA_LANGUAGES"][lang]["sections"]["category"]
                )
                new = f"{prefix}/{section}/{slug}/"
            wp_base = "category" if domain == "category" else "tag"
            pairs.append((f"{prefix}/{wp_base}/{nicename}/", new))
            pairs.append(
                (
                    f"{prefix}/{wp_base}/{nicename}/feed/",
                    f"{prefix}/feeds/{feed_kind}/{slug}.atom.xml",
                )
            )
            if term.get("id") and domain == "category":
                pairs.append((f"/?cat={term['id']}", new))
            elif domain == "post_tag":
                pairs.append((f"/?tag={nicename}", new))
        groups.append((self.t("redirects_terms"), pairs))
        return groups

    def mapped_category(self, name, nicename):
        for key in (fold(name), fold(unquote(nicename))):
            if self.category_table.get(key):
                return self.category_table[key]
            ours = match_term(key, self.categories)
            if ours:
                return ours.slug
        return self.settings.get("DEFAULT_CATEGORY")


def fold(name):
    return " ".join(name.replace("-", " ").replace("_", " ").casefold().split())


def glob_escape(text):
    return re.sub(r"([*?\[])", r"[\1]", text)


def same_file(a, b):
    return a.stat().st_size == b.stat().st_size and a.read_bytes() == b.read_bytes()


def atomic_write(path, content):
    """Write ``content`` to ``path`` whole or not at all (a temporary file renamed)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as out:
            out.write(content)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def atomic_copy(source, target):
    handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=".", suffix=".tmp")
    os.close(handle)
    try:
        shutil.copyfile(source, temporary)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


# --- Event suggestions ------------------------------------------------------------------

MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("januari", "january", "jan"),
            ("februari", "february", "feb"),
            ("maret", "march", "mar"),
            ("april", "apr"),
            ("mei", "may"),
            ("juni", "june", "jun"),
            ("juli", "july", "jul"),
            ("agustus", "august", "agu", "aug"),
            ("september", "sep"),
            ("oktober", "october", "okt", "oct"),
            ("november", "nov"),
            ("desember", "december", "des", "dec"),
        ],
        1,
    )
    for name in names
}
MONTH = "(" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\b"
DATE_RANGE = re.compile(
    rf"(\d{{1,2}})(?:\s+{MONTH})?(?:\s+(\d{{4}}))?\s*(?:-{{1,3}}|s\.?\s?d\.?|sampai(?: dengan)?|hingga|to|until)\s*(\d{{1,2}})\s+{MONTH}\s+(\d{{4}})",
    re.I,
)
ONE_DATE = re.compile(rf"(?:tanggal|tgl\.?|pada|on)\s+(\d{{1,2}})\s+{MONTH}\s+(\d{{4}})", re.I)
PARTICIPANTS = re.compile(r"(?:peserta|participants)\s*[;:]\s*([^)\n]+?)(?:\)|\.\s|$)", re.I)
ONLINE = re.compile(
    r"(?:melalui|via|lewat|secara daring di|through)\s+(?:aplikasi\s+|platform\s+)?"
    r"(zoom|google meet|microsoft teams|youtube|webex|jitsi)",
    re.I,
)
PLACE = re.compile(r"\b(?:di|bertempat di)\s+((?:Aula|Gedung|Ruang|Balai|Hotel)\s[^,.;()]+)")
PLATFORMS = {
    "zoom": "Zoom",
    "google meet": "Google Meet",
    "microsoft teams": "Microsoft Teams",
    "youtube": "YouTube",
    "webex": "Webex",
    "jitsi": "Jitsi",
}


def suggest_event(words):
    """[(field, value)] an editor may copy into the header: found in the text, never
    written into the article (the editor decides)."""
    found = []
    match = DATE_RANGE.search(words)
    if match:
        day1, month1, year1, day2, month2, year2 = match.groups()
        month2, year2 = MONTHS[month2.lower()], int(year2)
        start_month = MONTHS[month1.lower()] if month1 else month2
        try:
            start = datetime(int(year1 or year2), start_month, int(day1)).date()
            end = datetime(year2, month2, int(day2)).date()
            found += [("Event_start", start.isoformat()), ("Event_end", end.isoformat())]
        except ValueError:
            pass
    else:
        match = ONE_DATE.search(words)
        if match:
            try:
                day = datetime(int(match[3]), MONTHS[match[2].lower()], int(match[1])).date()
                found.append(("Event_start", day.isoformat()))
            except ValueError:
                pass
    online = ONLINE.search(words)
    place = PLACE.search(words)
    if online:
        found += [("Event_location", PLATFORMS[online[1].lower()]), ("Event_attendance", "online")]
    elif place:
        found += [("Event_location", place[1].strip()), ("Event_attendance", "offline")]
    people = PARTICIPANTS.search(words)
    if people:
        names = [n.strip(" .") for n in re.split(r",|;|\bdan\b", people[1]) if n.strip(" .")]
        if names:
            found.append(("Participants", "; ".join(names)))
    return found


# --- The redirects file -----------------------------------------------------------------


def normal(old):
    path, _, query = old.partition("?")
    return (unquote(path).rstrip("/") or "/") + ("?" + query if query else "")


def extend_redirects(path, groups, header):
    """Add ``groups`` [(comment, [(old, new)])] to the CSV at ``path`` (the format of the
    redirects plugin: ``old,new``, ``#`` comments), keeping every line already there and
    never adding an ``old`` twice. Returns (added, already there, [(old, theirs, ours)]
    for the addresses the file already sent elsewhere, the sample site's for one)."""
    path = Path(path)
    existing = path.read_text(encoding="utf-8") if path.exists() else ""
    before = {}  # normal old -> new, as the file had it before this import
    for row in csv.reader(line for line in existing.splitlines() if not line.startswith("#")):
        if len(row) >= 2 and row[0] != "old":
            before.setdefault(normal(row[0]), row[1])
    known = set(before)
    conflicts = []  # (old, where the file sends it, where the import would)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    if not existing.strip():
        out.write(header + "\n")
        writer.writerow(["old", "new"])
    added = kept = 0
    for comment, pairs in groups:
        fresh = []
        for old, new in pairs:
            if normal(old) in known:
                kept += 1
                if normal(old) in before and before[normal(old)] != new:
                    conflicts.append((old, before[normal(old)], new))
                continue
            known.add(normal(old))
            fresh.append((old, new))
        if fresh:
            out.write("# " + comment.lstrip("# ").replace("\n", " ") + "\n")
            writer.writerows(fresh)
            added += len(fresh)
    if added or not existing:
        prefix = existing if not existing or existing.endswith("\n") else existing + "\n"
        atomic_write(path, prefix + out.getvalue())
    return added, kept, conflicts


# --- The whole run ----------------------------------------------------------------------


def import_wordpress(
    export_path, content, settings, uploads=None, force=False, report=None, say=print
):
    """Import ``export_path`` into ``content`` (a site's content/ folder): the Importer,
    its redirects and its report. Raises WordPressError before writing anything when the
    input is wrong."""
    lang = settings.get("WARTA_MESSAGES_LANG", "id")
    content = Path(content)
    if not content.is_dir():
        raise WordPressError("no_content", path=content)
    if uploads is not None:
        uploads = Path(uploads)
        if not uploads.is_dir():
            raise WordPressError("no_uploads", path=uploads)
    say(text(lang, "reading", path=export_path))
    export = read_export(export_path)
    importer = Importer(export, content, settings, uploads=uploads, force=force, say=say).run()
    redirects_path = content / settings.get("WARTA_REDIRECTS", "redirects.csv")
    added, kept, conflicts = extend_redirects(
        redirects_path, importer.redirects(), text(lang, "redirects_header")
    )
    importer.todo += [
        (
            "todo_redirect_taken",
            {"old": old, "theirs": theirs, "ours": ours, "csv": redirects_path.name},
        )
        for old, theirs, ours in conflicts
    ]
    report = Path(report) if report else content.parent / REPORT_NAME
    todo = importer.report(report, redirects_path, added)
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
    say(text(lang, "summary_redirects", added=added, kept=kept, path=redirects_path))
    if importer.before:
        examples = ", ".join(p.as_posix() for p in importer.before[:3])
        say(text(lang, "summary_before", count=len(importer.before), examples=examples))
    say(text(lang, "summary_todo", todo=todo, report=report))
    say(text(lang, "next"))
    return importer
