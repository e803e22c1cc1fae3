"""A post's body, WordPress HTML, as our Markdown: block comments removed, ``[caption]``
and image blocks as figures, ``[gallery]`` and gallery blocks as our gallery, embeds as
links, photos copied beside the article. HTML to Markdown is markdownify's (see
requirements.txt for why that converter); what is ours is only what WordPress adds to
HTML: shortcodes, block markup, ``wpautop``'s paragraphs (a PHP function, so no Python
library has it) and its upload URLs."""

import re
from pathlib import Path
from urllib.parse import urlsplit

from bs4 import BeautifulSoup, Comment, NavigableString
from markdownify import MarkdownConverter

from warta.wordpress.uploads import PHOTO_SUFFIXES

# A shortcode, not a Markdown link written as text ("[x](y)").
SHORTCODE = re.compile(r"\[(/?)([a-z_][\w-]*)([^\]]*)\](?!\()", re.I)
CAPTION = re.compile(r"\[caption([^\]]*)\](.*?)\[/caption\]", re.S | re.I)
GALLERY = re.compile(r"\[gallery([^\]]*)\]", re.I)
EMBED = re.compile(r"\[embed[^\]]*\](.*?)\[/embed\]", re.S | re.I)
BARE_URL = re.compile(r"^[ \t]*(https?://[^\s<>\"]+)[ \t]*$", re.M)
ATTRIBUTE = re.compile(r'(\w+)=["\']([^"\']*)["\']')
BLOCK_TAGS = re.compile(
    r"^\s*(?:</?(?:p|div|h[1-6]|ul|ol|li|table|thead|tbody|tfoot|tr|td|th|caption|blockquote"
    r"|figure|figcaption|pre|hr|iframe|dl|dt|dd|address|video|audio|source|section|form|script"
    r"|style)\b|<!--)",
    re.I,
)
BLOCK_COMMENT = re.compile(r"<!--\s*/?wp:.*?-->", re.S)
# The classic editor's "read more" and page breaks: a paragraph break, nothing more.
MORE = re.compile(r"<!--\s*(?:more|nextpage|noteaser)\b.*?-->", re.S | re.I)
# Where wpautop ends a paragraph without a blank line: around block-level tags.
BLOCK_OPEN = re.compile(r"(<(?:ol|ul|table|blockquote|h[1-6]|pre|figure|div|hr|dl)\b[^>]*>)", re.I)
BLOCK_CLOSE = re.compile(r"(</(?:ol|ul|table|blockquote|h[1-6]|pre|figure|div|dl)>)", re.I)
KNOWN_SHORTCODES = {"caption", "gallery", "embed"}
HEADING = re.compile(r"^h[1-6]$")


def autop(html):
    """WordPress's ``wpautop`` for classic-editor posts: blank lines are paragraphs, single
    line breaks are <br>. Gutenberg blocks carry their own <p> and are left alone
    (a chunk that starts with a tag or a block comment)."""
    html = MORE.sub("\n\n", html.replace("\r\n", "\n"))
    html = BLOCK_CLOSE.sub(r"\1\n\n", BLOCK_OPEN.sub(r"\n\n\1", html))
    chunks = re.split(r"\n\s*\n", html)
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
        # WordPress before 3.4 kept the caption in an attribute: [caption caption="..."].
        words = words or dict(ATTRIBUTE.findall(match.group(1))).get("caption", "")
        return f"<figure>{image.group(0)}<figcaption>{words}</figcaption></figure>"

    def gallery(match):
        # Without ids: every image attached to the post, as WordPress shows it.
        ids = dict(ATTRIBUTE.findall(match.group(1))).get("ids", "*")
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
        {
            m.group(2)
            for m in SHORTCODE.finditer(html)
            if not m.group(1) and m.group(2).lower() not in KNOWN_SHORTCODES
        }
    )
    return html, [f"[{code}]" for code in unknown]


BREAK = "WARTABREAK"


class Converter(MarkdownConverter):
    """markdownify with our house style: ATX headings, "-" bullets, no hard-wrap; and
    what Python-Markdown (Pelican's reader) needs: a list inside a list indented by four
    spaces (markdownify indents by the bullet's width, two, which Python-Markdown reads as
    one flat list), and <br> as a hard break that survives our trailing-space cleanup."""

    def __init__(self):
        # table_infer_header: a WordPress table has no <thead>; its first row is the header
        # (else markdownify writes an empty one, "|  |  |").
        super().__init__(
            heading_style="ATX", bullets="-", escape_underscores=False, table_infer_header=True
        )

    def convert_td(self, el, text, parent_tags):
        return super().convert_td(el, text.replace("|", "\\|"), parent_tags)

    def convert_th(self, el, text, parent_tags):
        return super().convert_th(el, text.replace("|", "\\|"), parent_tags)

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


def plain(html, dashes=False):
    """Text of ``html`` on one line (a Summary, a title), with straight quotes; its en and
    em dashes kept with ``dashes`` (a value the editor copies as it is: "III\u2013VI")."""
    words = BeautifulSoup(html or "", "html.parser").get_text(" ")
    if dashes:
        words = words.replace("\u2013", "\0").replace("\u2014", "\1")
        return " ".join(straighten(words).split()).replace("\0", "\u2013").replace("\1", "\u2014")
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


def split_paragraph(soup, paragraph, photo, marker):
    """A photo inside a paragraph of text (the classic editor's ``<img ...>Text``) as a
    figure of its own, between the paragraph's text before and after it: Markdown would
    otherwise glue ``![...](...)`` to the words."""
    after = soup.new_tag("p")
    for node in list(photo.next_siblings):
        after.append(node.extract())
    photo.extract()
    paragraph.insert_after(marker)
    marker.insert_after(after)
    for part, edge in ((paragraph, -1), (after, 0)):  # the line break next to the photo
        while part.contents and (
            getattr(part.contents[edge], "name", None) == "br"
            or (
                isinstance(part.contents[edge], NavigableString) and not part.contents[edge].strip()
            )
        ):
            part.contents[edge].extract()
        if not part.contents:
            part.decompose()


class Body:
    """One post's body being converted, and what it leaves to the editor: ``todo``
    [(key, values)], returned rather than written anywhere. ``run`` is the import run
    (its attachments, uploads, links and messages)."""

    def __init__(self, run, folder_dir, folder_name, post_id=None):
        self.run, self.post_id = run, post_id
        self.folder_name = folder_name  # the photo folder, as the article links it
        self.folder = (folder_dir / folder_name).as_posix()  # ... relative to content/
        self.todo = []
        self.marks = {}
        self.documents = []  # (old address, path in content/) of the documents copied
        self.sources = []  # the uploaded files of the photos shown, in order
        self.photos = []  # (the URL the post showed, the uploaded file, path in content/)

    def mark(self, soup, lines):
        """A placeholder paragraph for Markdown markdownify must not touch (figures,
        galleries), put back after conversion."""
        key = f"WARTAMARK{len(self.marks):06d}X"
        self.marks[key] = lines
        paragraph = soup.new_tag("p")
        paragraph.string = key
        return paragraph

    def image_line(self, img, caption):
        """``![alt](folder/file.jpg "caption")`` for an <img>, or a comment if its file is
        missing, or a link if it is not the site's."""
        run = self.run
        src = img.get("src", "")
        key = run.upload_key(src)
        attachment = run.by_url.get(key) if key else None
        found = re.search(r"wp-image-(\d+)", " ".join(img.get("class", [])))
        if found and int(found.group(1)) in run.attachments:
            attachment = run.attachments[int(found.group(1))]
        alt = alt_text(img.get("alt", ""))
        if not alt and attachment:
            alt = alt_text(attachment.meta.get("_wp_attachment_image_alt", ""))
        caption = title_text(caption or "")
        if key is None:
            if not src.startswith(("http://", "https://")):
                return ""
            self.todo.append(("todo_external", {"url": src, "folder": self.folder}))
            return f"[{alt or src}]({src})"
        if run.uploads.refused(key):
            self.todo.append(("todo_unsafe_upload", {"url": src, "folder": self.folder}))
            return run.t("missing_comment", url=src.replace("--", "-"))
        if Path(key).suffix.lower() not in PHOTO_SUFFIXES:
            self.todo.append(("todo_unpublished", {"name": Path(key).name, "url": src}))
            return f"[{alt or Path(key).name}]({src})"
        source = run.uploads.original_file(key)
        if source is None:
            where = "wp-content/uploads/" + key  # its place in the uploads copy, not its URL
            self.todo.append(("todo_missing", {"url": where, "folder": self.folder}))
            return run.t("missing_comment", url=src.replace("--", "-"))
        self.sources.append(source)
        name = run.uploads.copy(source, self.folder)
        self.photos.append((src, source, f"{self.folder}/{name}"))
        for candidate in img.get("srcset", "").split(","):  # the other sizes it offered
            url = candidate.split()[0] if candidate.split() else ""
            if url and run.upload_key(url):
                self.photos.append((url, source, f"{self.folder}/{name}"))
        if attachment is not None and attachment.attachment_url:  # the export's own address
            self.photos.append((attachment.attachment_url, source, f"{self.folder}/{name}"))
        if not alt:
            alt = alt_text(caption or (attachment.title if attachment else "")) or alt_text(
                Path(name).stem.replace("-", " ").replace("_", " ")
            )
            self.todo.append(("todo_alt", {"photo": f"{self.folder_name}/{name}", "alt": alt}))
        title = f' "{caption}"' if caption else ""
        return f"![{alt}]({self.folder_name}/{name}{title})"

    def media(self, soup):
        """Videos and audio (wp:video, wp:audio, <video>, <audio>): a link with its caption
        or file name; the site publishes neither, so the file is not copied (the link's
        to-do says so). A wp:file block: one link, its title, without the "Download" button."""
        for player in soup.find_all(["video", "audio"]):
            source = player.get("src") or (player.find("source") or {}).get("src", "")
            figure = player.find_parent("figure") or player
            caption = figure.find("figcaption") if figure.name == "figure" else None
            name = Path(urlsplit(source).path).name
            link = soup.new_tag("a", href=source)
            link.string = (plain(str(caption)) if caption else "") or name or source
            paragraph = soup.new_tag("p")
            paragraph.append(link)
            figure.replace_with(paragraph if source else "")
        for block in soup.find_all(class_="wp-block-file"):
            for button in block.find_all("a", class_="wp-block-file__button"):
                if len(block.find_all("a")) > 1:
                    button.decompose()
            block.name = "p"

    def convert(self, html):
        """The post's HTML as our Markdown: figures and galleries in our syntax, photos
        copied, embeds as links, no styles, comments or empty paragraphs."""
        run = self.run
        html = BLOCK_COMMENT.sub("", html)  # Gutenberg's block markers: its HTML stays
        html, unknown = expand_shortcodes(html)
        html = autop(html)
        self.todo.extend(("todo_shortcode", {"code": code}) for code in unknown)
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
        self.media(soup)
        for gallery in soup.find_all(attrs={"data-warta-gallery": True}):
            lines = []
            ids = gallery["data-warta-gallery"]
            if ids == "*":  # [gallery] alone: the post's images
                numbers = [
                    a.id
                    for a in run.children.get(self.post_id, ())
                    if Path(urlsplit(a.attachment_url).path).suffix.lower() in PHOTO_SUFFIXES
                ]
            else:
                numbers = [int(n) for n in re.findall(r"\d+", ids)]
            for number in numbers:
                attachment = run.attachments.get(number)
                if attachment is None:
                    self.todo.append(("todo_gallery_missing", {"id": number}))
                    continue
                img = soup.new_tag("img", src=attachment.attachment_url)
                img["alt"] = attachment.meta.get("_wp_attachment_image_alt", "")
                lines.append(self.image_line(img, plain(attachment.excerpt)))
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
                lines.append(self.image_line(img, plain(str(one_caption)) if one_caption else ""))
            if inner and caption_text:  # a gallery's own caption: a line after it
                lines.append("")
                lines.append(caption_text)
            if lines:
                figure.replace_with(self.mark(soup, lines))
            else:  # a table block, a quote block: their content, without the wrapper
                figure.unwrap()
        for img in soup.find_all("img"):
            line = self.image_line(img, img.get("title", ""))
            anchor = img.parent if img.parent and img.parent.name == "a" else None
            alone = anchor if anchor is not None and not anchor.get_text(strip=True) else img
            marker = self.mark(soup, [line])
            parent = alone.parent
            if parent is not None and parent.name == "p" and not parent.get_text(strip=True):
                parent.replace_with(marker)
            elif parent is not None and parent.name == "p":
                split_paragraph(soup, parent, alone, marker)
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
            run.links.relink(anchor, self)
        for listing in soup.find_all(["ul", "ol"]):  # indentation between items: no text
            for node in listing.find_all(string=True, recursive=False):
                if not node.strip():
                    node.extract()
        for node in soup.find_all(string=True):
            if not isinstance(node, Comment) and node.parent.name not in ("pre", "code"):
                # Text that reads like a tag (&lt;b&gt; in WordPress) stays text in Markdown.
                words = re.sub(r"&(?=#?\w+;)", "&amp;", straighten(str(node)))
                node.replace_with(words.replace("<", "&lt;"))
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
