"""Links inside bodies that point at the old site, pointed at the new one: an imported
post or page by its file (``{filename}``), an archive by its category or tag, a document
from the uploads copied beside the article (``{static}``). What cannot move keeps its
address and is a to-do: the old site goes away after the move."""

import re
from pathlib import Path
from urllib.parse import parse_qsl, unquote, urlsplit

from warta.wordpress.body import plain
from warta.wordpress.uploads import DOCUMENTS, PHOTO_SUFFIXES

ARCHIVE = re.compile(r"^(?:/[a-z]{2})?/(category|tag)/(?:.+/)?([^/]+)$")


def address_keys(path, query=""):
    """The ways ``path?query`` is looked up: decoded, without its trailing slash, in
    lower case; WordPress's query forms by their one parameter."""
    keys = [
        f"?{'p' if name == 'preview_id' else name}={value.lower()}"
        for name, value in parse_qsl(query)
        if name in ("p", "page_id", "attachment_id", "cat", "tag", "preview_id")
    ]
    return keys or [unquote(path).rstrip("/").lower() or "/"]


class Links:
    """The old addresses of one import (``plan``) and the relinking of bodies."""

    def __init__(self, run):
        self.run = run
        self.export = run.export
        self.targets, self.hidden = {}, {}  # old address -> Written / why it is not here

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

    def redirect_address(self, url):
        """The old address of ``url`` as a line of redirects.csv has it: the path from
        where WordPress lives, encoded as WordPress wrote it; a query link (plain
        permalinks, with Polylang's ``&lang=en``) as its one id parameter."""
        address = self.old_address(url)
        if address is None:
            return urlsplit(url).path or "/"
        path, query, _fragment = address
        for name, value in parse_qsl(query):
            if name in ("p", "page_id", "attachment_id"):
                return f"/?{name}={value}"
        return path

    def plan(self, planned, private):
        """Every old address of what this import writes (and of what it does not), for
        the links inside bodies; the redirects file gets its own list (``redirects``)."""

        def add(url_or_path, written, table):
            address = (
                self.old_address(url_or_path)
                if "://" in url_or_path
                else (url_or_path.partition("?")[0] or "/", url_or_path.partition("?")[2], "")
            )
            if address:
                for key in address_keys(address[0], address[1]):
                    table.setdefault(key, written)

        children = self.run.children
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
        skipped = [(i.id, i.link, i.name, "private") for i in private]
        skipped += [(i, link, name, "skipped") for i, (link, name) in self.export.hidden.items()]
        for post_id, link, name, why in skipped:
            for key in (f"?p={post_id}", f"?page_id={post_id}"):
                self.hidden.setdefault(key, why)
            if link:
                add(link, why, self.hidden)
            if name:
                add(f"/{name}/", why, self.hidden)

    def archive_link(self, path, query):
        """``{category}``/``{tag}`` of an old archive address (``?cat=5``, ``?tag=x``,
        ``/category/parent/child/``, ``/tag/x/``); None if it is not one."""
        terms = self.run.term_map
        for name, value in parse_qsl(query):
            if name == "cat" and terms.category_by_id(value):
                return terms.link("category", terms.category_by_id(value))
            if name == "tag":
                return terms.link("post_tag", value)
        found = ARCHIVE.match(unquote(path).rstrip("/").lower())
        if found:
            domain = "category" if found[1] == "category" else "post_tag"
            for taxonomy, nicename in self.export.terms:
                if taxonomy == domain and unquote(nicename).lower() == found[2]:
                    return terms.link(domain, nicename)
        return None

    def relink(self, anchor, body):
        """Point ``anchor`` (in ``body``, a warta.wordpress.body.Body) at the new site."""
        run = self.run
        href = anchor.get("href", "")
        address = self.old_address(href)
        if address is None:
            return
        path, query, fragment = address
        key = run.upload_key(href) if "/wp-content/uploads/" in path else None
        if key is not None and run.uploads.refused(key):
            body.todo.append(("todo_unsafe_upload", {"url": href, "folder": body.folder}))
            return
        if key is not None:
            suffix = Path(key).suffix.lower()
            if suffix in PHOTO_SUFFIXES and any(text in body.marks for text in anchor.strings):
                anchor.unwrap()  # "link to media file": the photo is shown, and enlarged, here
                return
            if suffix in DOCUMENTS:
                source = run.uploads.file(key)
                if source is not None:
                    name = run.uploads.copy(source, body.folder, tally="files")
                    anchor["href"] = "{static}" + f"{body.folder_name}/{name}"
                    body.documents.append((self.redirect_address(href), f"{body.folder}/{name}"))
                    return
                body.todo.append(("todo_missing_file", {"url": href, "folder": body.folder}))
                return
            if suffix not in PHOTO_SUFFIXES:
                body.todo.append(("todo_unpublished", {"name": Path(key).name, "url": href}))
                return
            body.todo.append(("todo_old_link", {"url": href}))
            return
        keys = address_keys(path, query)
        written = next((self.targets[k] for k in keys if k in self.targets), None)
        if written is not None:
            new = "{filename}/" + written.path.as_posix() + (f"#{fragment}" if fragment else "")
            if anchor.get_text(strip=True) in (href, href.rstrip("/")):
                anchor.string = plain(written.item.title) or new
            anchor["href"] = new
            return
        why = next((self.hidden[k] for k in keys if k in self.hidden), None)
        if why is not None:
            body.todo.append(("todo_hidden_link", {"url": href, "why": run.t(f"why_{why}")}))
            return
        archive = self.archive_link(path, query)
        if archive is not None:
            anchor["href"] = archive
            return
        if keys == ["/"]:
            anchor["href"] = "{index}"
            return
        body.todo.append(("todo_old_link", {"url": href}))
