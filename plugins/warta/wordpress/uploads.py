"""The copy of ``wp-content/uploads`` an import reads its photos and documents from:
which upload a URL names, the original behind a resized copy, and copying it beside
the article without ever overwriting what an editor has (files written whole or not at all)."""

import os
import re
import shutil
import tempfile
from collections import defaultdict
from pathlib import Path, PurePosixPath
from urllib.parse import quote, unquote, urlsplit

from warta import facts, imaging

RESIZED = re.compile(r"^(?P<stem>.+?)-(?:(?P<w>\d+)x(?P<h>\d+)|scaled)(?P<ext>\.\w+)$")
# What the site publishes beside an article, declared once for the contract and the
# importer: photos (the photo pipeline's) and documents. Any other upload (a .zip, a
# video) is not copied, and the report says so.
PHOTO_SUFFIXES = imaging.PHOTO_SUFFIXES
DOCUMENTS = facts.DOCUMENTS
UNSAFE_NAME = re.compile(r"[\s()\[\]<>\"'#?%{}]+")


def upload_key(url, site):
    """The path under wp-content/uploads/ of ``url``, if it is one of ``site``'s uploads."""
    parts = urlsplit(url.strip())
    site = urlsplit(site)
    if parts.netloc and parts.netloc.removeprefix("www.") != site.netloc.removeprefix("www."):
        return None
    found = re.search(r"/wp-content/uploads/(.+)$", parts.path)
    return unquote(found.group(1)) if found else None


class Uploads:
    """The uploads folder of one import run and what the run copied from it."""

    def __init__(self, root, content, force=False, site=""):
        self.root, self.content, self.force = root, Path(content), force
        self.listed = {}  # folder -> its files by original (copies)
        self.url = site.rstrip("/") + "/wp-content/uploads/"  # where WordPress served them
        self.base = root.resolve() if root is not None else None
        self.photos = 0
        self.files = 0  # documents (PDF, DOCX...) linked from bodies
        self.copied_here = set()  # (folder, name) this run wrote: --force overwrites only once

    def refused(self, key):
        """Whether ``key`` (from a URL in the export, a file from elsewhere) reaches out of
        the uploads folder: an absolute path, a ``..``, a backslash, or a symlink whose
        target is outside. Such a key is never read; the editor gets a to-do."""
        if key.startswith("/") or "\\" in key or ".." in PurePosixPath(key).parts:
            return True
        return (
            self.root is not None
            and self.safe(self.root / key) is None
            and ((self.root / key).is_symlink() or (self.root / key).exists())
        )

    def safe(self, path):
        """``path`` resolved, if it is a file inside the uploads folder, else None."""
        try:
            resolved = Path(path).resolve(strict=True)
        except (OSError, RuntimeError):
            return None
        return resolved if resolved.is_relative_to(self.base) and resolved.is_file() else None

    def file(self, key):
        """The file ``key`` names in the uploads folder, if there is one (and it is in it)."""
        if self.root is None or self.refused(key):
            return None
        return self.safe(self.root / key)

    def original_file(self, key):
        """The uploaded file behind ``key``: the original of a resized copy
        (foto-1024x768.jpg -> foto.jpg), else the biggest copy present."""
        if self.root is None or self.refused(key):
            return None
        path = self.root / key
        resized = RESIZED.match(path.name)
        if resized:
            stem, ext = resized["stem"], resized["ext"]
            for candidate in (path.with_name(stem + ext), path.with_name(f"{stem}-scaled{ext}")):
                if found := self.safe(candidate):
                    return found
            copies = []
            listed = self.copies(path.parent) if path.parent.is_dir() else {}
            for candidate in listed.get((stem, ext), ()):
                size = RESIZED.match(candidate.name)
                if size and size["w"] and (found := self.safe(candidate)):
                    copies.append((int(size["w"]) * int(size["h"]), found))
            if copies:
                return max(copies)[1]
        return self.safe(path)

    def old_addresses(self, photos, address):
        """[(old address, path in content/)] of ``photos`` [(URL shown, uploaded file,
        path in content/)]: the URL a post showed, its original upload and every resized
        copy of it in the uploads folder (foto-300x225.jpg, foto-scaled.jpg), each as
        ``address`` (links.redirect_address) writes it."""
        found = []
        for url, source, target in photos:
            found.append((address(url), target))
            resized = RESIZED.match(source.name)
            stem = resized["stem"] if resized else source.stem
            for copy in [source, *self.copies(source.parent).get((stem, source.suffix), [])]:
                if self.safe(copy) is not None:
                    key = copy.relative_to(self.base).as_posix()
                    found.append((address(self.url + quote(key)), target))
        return list(dict.fromkeys(found))

    def copies(self, folder):
        """{(stem, suffix): [files]} of a folder of the uploads copy: the original and the
        resized copies WordPress made of it. Listed once per folder (a folder of a big
        site holds thousands of files, and each photo asks)."""
        if folder not in self.listed:
            index = defaultdict(list)
            for path in sorted(folder.iterdir()):
                resized = RESIZED.match(path.name)
                index[(resized["stem"] if resized else path.stem, path.suffix)].append(path)
            self.listed[folder] = index
        return self.listed[folder]

    def copy(self, source, folder, tally="photos"):
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


def same_file(a, b):
    return a.stat().st_size == b.stat().st_size and a.read_bytes() == b.read_bytes()


def file_mode(path):
    """The mode a file written at ``path`` gets: an existing file's own, else what any
    new file gets (0o666 less the umask; mkstemp's 0600 would hide it from the web
    server and the other editors)."""
    try:
        return path.stat().st_mode & 0o7777
    except FileNotFoundError:
        return 0o666 & ~imaging.UMASK


def atomic_write(path, content):
    """Write ``content`` to ``path`` whole or not at all (a temporary file renamed)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as out:
            out.write(content)
        os.chmod(temporary, file_mode(path))
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def atomic_copy(source, target):
    handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=".", suffix=".tmp")
    os.close(handle)
    try:
        shutil.copyfile(source, temporary)
        os.chmod(temporary, file_mode(target))
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
