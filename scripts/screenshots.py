"""What a reader sees first: screenshots of every kind of page, in both languages.

Builds the sample site (content/) as `invoke build` does (relative links, the search
index), serves it on a free local port, and opens each page in Debian's Chromium at a
phone's width (360x740) and a desktop's (1280x800). Each screenshot is the first
screen, before the reader scrolls, written to docs/screenshots/<page>-<lang>-<width>.png
(README, "What readers see"). Run it again after changing the theme:

    .venv/bin/python scripts/screenshots.py
"""

import functools
import http.server
import socket
import sys
import tempfile
import threading
from pathlib import Path

from PIL import Image
from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
OUT = ROOT / "docs" / "screenshots"
CHROMIUM = "/usr/bin/chromium"
WIDTHS = {360: 740, 1280: 800}
# Each kind of page: its Indonesian and English address (the English one under /en/).
PAGES = {
    "home": ("/", "/en/"),
    "article-photos-event": ("/2020/07/bimtek-transformasi-perpustakaan-inklusi-sosial/",) * 2,
    "article-lead-photo-event": ("/2021/03/lomba-bercerita-sd-2021/",) * 2,
    "article-upcoming-event": ("/2026/11/pendaftaran-lomba-bercerita-2027/",) * 2,
    "article-body-photo": ("/2021/01/jam-layanan-baru-2021/",) * 2,
    "article-no-photo": ("/2022/01/laporan-kinerja-layanan-2021/",) * 2,
    "principle": ("/tag/kemitraan/",) * 2,
    "archive": ("/arsip/", "/en/archive/"),
    "agenda": ("/agenda/",) * 2,
    "search": ("/cari/?q=perpustakaan", "/en/search/?q=library"),
    "about": ("/tentang/", "/en/about/"),
}


def address(page, lang):
    indonesian, english = PAGES[page]
    return indonesian if lang == "id" else ("/en" + english if english == indonesian else english)


def build(folder):
    import invoke
    import tasks

    if not tasks.staged_build(invoke.Context(), "pelicanconf.py", folder):
        sys.exit("The sample site did not build: see the messages above.")


class Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def serve(folder):
    handler = functools.partial(Quiet, directory=str(folder))
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{port}"


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as work:
        site = Path(work) / "site"
        build(site)
        base = serve(site)
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"]
            )
            for width, height in WIDTHS.items():
                page = browser.new_page(viewport={"width": width, "height": height})
                for name in PAGES:
                    for lang in ("id", "en"):
                        response = page.goto(base + address(name, lang))
                        if response.status != 200:
                            print(f"skipped {name} ({lang}): {response.status}")
                            continue
                        if name == "search":  # the results come from Pagefind, in the page
                            page.wait_for_selector(".search-results li", timeout=10_000)
                        page.wait_for_load_state("networkidle")
                        target = OUT / f"{name}-{lang}-{width}.png"
                        page.screenshot(path=target)
                        # 64 colours look the same for a flat theme: a quarter of the bytes.
                        Image.open(target).convert("RGB").quantize(64).save(target, optimize=True)
                        print(f"{target.relative_to(ROOT)}  {target.stat().st_size // 1024} KB")
            browser.close()


if __name__ == "__main__":
    main()
