"""Reading a WordPress export (WXR, "Tools > Export"): its posts, pages, attachments,
terms and Polylang translation groups, as plain data."""

import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

NS = {
    "wp": "http://wordpress.org/export/1.2/",
    "content": "http://purl.org/rss/1.0/modules/content/",
    "excerpt": "http://wordpress.org/export/1.2/excerpt/",
    "dc": "http://purl.org/dc/elements/1.1/",
}
IMPORTED_TYPES = ("post", "page")


class WordPressError(Exception):
    """Why nothing was imported: a key of ``warta.wordpress.messages`` and its values."""

    def __init__(self, key, **values):
        super().__init__(key)
        self.key, self.values = key, values


@dataclass
class Item:
    id: int
    type: str
    status: str
    title: str
    link: str
    name: str  # post_name, as WordPress stores it (percent-encoded UTF-8)
    author: str
    login: str  # the author's login: /author/<login>/
    body: str
    excerpt: str
    date: str
    date_gmt: str
    modified: str
    modified_gmt: str
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
    """The export at ``path``. An export is a file from elsewhere: external entities are
    never read (``resolve_entities=False``, ``no_network``: no XXE), and an entity bomb
    ("billion laughs") is refused by libxml2 itself, whose limit on entity amplification
    holds even with ``huge_tree`` (which only lifts the limits on big documents and text
    nodes that a big export needs): it reads as a broken export (tests check both)."""
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
                "parent": _text(element, "wp:category_parent") or _text(element, "wp:term_parent"),
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
                login=creator,
                body=_text(element, "content:encoded"),
                excerpt=_text(element, "excerpt:encoded"),
                date=_text(element, "wp:post_date"),
                date_gmt=_text(element, "wp:post_date_gmt"),
                modified=_text(element, "wp:post_modified"),
                modified_gmt=_text(element, "wp:post_modified_gmt"),
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
