"""Every compressible file of a published site also as ``.gz`` and ``.br``, which the
web server sends as they are (nginx's ``gzip_static`` and ``brotli_static``, the
rewrite rules of ``server/.htaccess``) instead of compressing each response again,
and at levels no server can afford per request.

The same file always gives the same bytes: gzip (level 6: level 9 costs 40% more
CPU for 0.5% fewer bytes) without a file name and
with time 0, Brotli (quality 8, 10 for stylesheets and scripts) from the pinned
``brotli`` package. Two builds of the same content are then identical, and a
deploy uploads only what changed.

`invoke publish` runs this after Pagefind, on the staging folder (tasks.py): the
search bundle's scripts and ``pagefind-entry.json`` are compressed like the pages;
its index files (``.pf_*``, ``wasm.*.pagefind``) are gzip data already and are left
as they are. Not a Pelican plugin, and not pelican-precompress (which runs at the
end of Pelican's run): the search index is written after Pelican has exited.
"""

import gzip
import os
import sys
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import brotli

# Text (and the icon, a bitmap): what compresses. Photos, PDFs and Pagefind's index are
# compressed already.
COMPRESSIBLE = {
    ".html",
    ".css",
    ".js",
    ".mjs",
    ".json",
    ".xml",
    ".ics",
    ".svg",
    ".txt",
    ".ico",
}
# Brotli's high qualities cost far more CPU for a few % fewer bytes: worth it for
# stylesheets and scripts (a few files, fetched on many pages and kept for a year), not
# for thousands of pages and feeds. Quality 11 everywhere took 66 s of CPU at 1,000
# articles (55 MB to compress, 2 cores); for the site's 1 MB of CSS and JavaScript
# (Pagefind's included) 11 takes 1.1 s, 10 takes 0.4 s for 2% more bytes, 8 is 9% more.
BEST = {".css", ".js", ".mjs"}


def gzipped(data: bytes) -> bytes:
    return gzip.compress(data, compresslevel=6, mtime=0)


def brotlied(data: bytes, quality: int = 8) -> bytes:
    return brotli.compress(data, quality=quality)


def compress_file(path: str) -> int:
    """Write ``path.gz`` and ``path.br`` beside ``path`` when they are smaller than it,
    dated like it (the server's Last-Modified). Returns the bytes written."""
    data = Path(path).read_bytes()
    stat = os.stat(path)
    quality = 10 if Path(path).suffix in BEST else 8
    written = 0
    for suffix, packed in ((".gz", gzipped(data)), (".br", brotlied(data, quality))):
        if len(packed) >= len(data):
            continue  # a tiny file: the server sends it as it is
        target = path + suffix
        with open(target, "wb") as file:
            file.write(packed)
        os.utime(target, ns=(stat.st_atime_ns, stat.st_mtime_ns))
        written += len(packed)
    return written


def compressible(output: Path) -> list[str]:
    return sorted(
        str(path)
        for path in Path(output).rglob("*")
        if path.suffix in COMPRESSIBLE and path.is_file()
    )


def precompress(output, workers: int | None = None) -> int:
    """Compress every compressible file under ``output`` on every core; returns the
    number of files."""
    paths = compressible(output)
    workers = workers or os.cpu_count() or 1
    if workers == 1 or len(paths) < 50:
        for path in paths:
            compress_file(path)
    else:
        with ProcessPoolExecutor(workers) as pool:
            list(pool.map(compress_file, paths, chunksize=32))
    return len(paths)


if __name__ == "__main__":  # python -m warta.compressing OUTPUT
    print(precompress(sys.argv[1]), "files compressed")
