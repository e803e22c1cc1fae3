"""Page-weight budget: what a first visit to each kind of page transfers.

Builds the sample site (content/) as published into a temporary folder and, for one page of
each kind, adds up the HTML and every stylesheet, script, font and icon it
loads (article images apart). For the search pages it adds the Pagefind
runtime and the language's index metadata they fetch before the first query.
Prints bytes uncompressed and gzipped. Target: an article page without photos
under 40 KB uncompressed, with no JavaScript.

Then, in Debian's Chromium (if installed), it opens the pages with photos as a
phone would (360x740 CSS px, device pixel ratio 2) and counts every byte the
browser fetched before the reader scrolls: HTML, CSS and the images it chose
from each srcset (lazy images far below stay unloaded). Target: the Bimtek
report with its gallery under 200 KB.

    .venv/bin/python scripts/budget.py
"""

import gzip
import subprocess
import sys
import tempfile
from pathlib import Path
from urllib.parse import urljoin, urlparse

from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parent.parent
# Measured as published (publishconf.py: absolute URLs); no request leaves the machine:
# Chromium's requests for this address are answered from the build.
SITEURL = "https://perpustakaan.rejanglebongkab.go.id"
PAGES = {
    "home": "/",
    "article without photos": "/2022/01/laporan-kinerja-layanan-2021/",
    "article without photos, English": "/en/2022/01/laporan-kinerja-layanan-2021/",
    "article with gallery (Bimtek)": "/2020/07/bimtek-transformasi-perpustakaan-inklusi-sosial/",
    "article with gallery, English": "/en/2020/07/bimtek-transformasi-perpustakaan-inklusi-sosial/",
    "principle tag": "/tag/kemitraan/",
    "principles overview": "/asas/",
    "category": "/kategori/kegiatan/",
    "agenda": "/agenda/",
    "about": "/tentang/",
    "404": "/404.html",
    "search": "/cari/",
    "search, English": "/en/search/",
}
ARTICLE_BUDGET = 40 * 1024
# Pages with photos, opened in Chromium as on a phone.
PHONE_PAGES = {
    "article with gallery (Bimtek)": "/2020/07/bimtek-transformasi-perpustakaan-inklusi-sosial/",
    "article with gallery, English": "/en/2020/07/bimtek-transformasi-perpustakaan-inklusi-sosial/",
    "article with a lead photo (contest)": "/2021/03/lomba-bercerita-sd-2021/",
    "home (thumbnails)": "/",
}
PHONE_BUDGET = 200 * 1024
CHROMIUM = "/usr/bin/chromium"


def local_file(output, url):
    if url.startswith(SITEURL):
        url = url[len(SITEURL) :]
    if not url.startswith("/"):
        return None
    path = output / urlparse(url).path.lstrip("/")
    return path / "index.html" if url.endswith("/") else path


def assets(output, html_path, page_url):
    """The files a page loads: stylesheets, scripts and icons (not images in the text)."""
    soup = BeautifulSoup(html_path.read_text(encoding="utf-8"), "html.parser")
    urls = [link["href"] for link in soup.select('link[rel~="stylesheet"], link[rel~="icon"]')]
    urls += [script["src"] for script in soup.select("script[src]")]
    files = {"css": [], "js": [], "other": []}
    for url in urls:
        path = local_file(output, urljoin(SITEURL + page_url, url))  # links are page-relative
        if path and path.is_file():
            kind = {".css": "css", ".js": "js"}.get(path.suffix, "other")
            files[kind].append(path)
    if files["js"] and soup.select_one("#search"):
        lang = soup.html["lang"]
        bundle = output / ("" if lang == "id" else lang) / "pagefind"  # one per language
        files["js"] += [
            bundle / "pagefind.js",
            bundle / "pagefind-worker.js",
            bundle / "pagefind-entry.json",
            bundle / f"wasm.{lang}.pagefind",
        ]
        files["js"] += sorted(bundle.glob(f"pagefind.{lang}_*.pf_meta"))
        files["js"] += sorted((bundle / "filter").glob(f"{lang}_*.pf_filter"))
    return files


def size(paths, compress=False):
    return sum(len(gzip.compress(p.read_bytes())) if compress else p.stat().st_size for p in paths)


def phone_first_visits(output):
    """{page: {kind: bytes}} fetched by Chromium on a phone-sized screen before scrolling.
    Requests are answered from ``output`` (no server, nothing else on the network)."""
    from playwright.sync_api import sync_playwright

    sys.path.insert(0, str(ROOT / "tests"))
    from conftest import CHROMIUM_ARGS

    results = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for name, url in PHONE_PAGES.items():
            fetched = {"html": 0, "css": 0, "images": 0, "other": 0}
            context = browser.new_context(
                viewport={"width": 360, "height": 740}, device_scale_factor=2, is_mobile=True
            )
            page = context.new_page()

            def answer(route, request, fetched=fetched):
                path = local_file(output, request.url)
                if path is None or not path.is_file():
                    return route.abort()
                kind = {"document": "html", "stylesheet": "css", "image": "images"}.get(
                    request.resource_type, "other"
                )
                fetched[kind] += path.stat().st_size
                route.fulfill(path=str(path))

            page.route(SITEURL + "/**", answer)
            page.goto(SITEURL + url, wait_until="networkidle")
            page.wait_for_timeout(500)  # late lazy-load decisions
            results[name] = fetched
            context.close()
        browser.close()
    return results


def main():
    with tempfile.TemporaryDirectory() as scratch:
        output = Path(scratch) / "output"
        subprocess.run(
            [
                sys.executable,
                "-m",
                "pelican",
                str(ROOT / "content"),
                "-s",
                str(ROOT / "publishconf.py"),
                "-o",
                str(output),
                "-q",
            ],
            check=True,
            cwd=ROOT,
        )
        rows = []
        for name, url in PAGES.items():
            html = local_file(output, url)
            files = assets(output, html, url)
            everything = [html, *files["css"], *files["js"], *files["other"]]
            rows.append(
                (
                    name,
                    html.stat().st_size,
                    size(files["css"]),
                    size(files["js"]),
                    size(files["other"]),
                    size(everything),
                    size(everything, compress=True),
                )
            )
        visits = phone_first_visits(output) if Path(CHROMIUM).exists() else None
    header = ("page", "HTML", "CSS", "JS", "icon", "total", "gzipped")
    print("| " + " | ".join(header) + " |")
    print("|---" * len(header) + "|")
    for name, *numbers in rows:
        print(f"| {name} | " + " | ".join(f"{n / 1024:.1f} KB" for n in numbers) + " |")
    # The budget: "an article's first visit under 40 KB without photos". An
    # article with photos adds their markup (srcset, a gallery) as well as the photos;
    # its weight on a phone is the Chromium figure below.
    article = dict((r[0], r) for r in rows)["article without photos"]
    verdict = "within" if article[5] <= ARTICLE_BUDGET and article[3] == 0 else "OVER"
    print(
        f"\nArticle page: {article[5] / 1024:.1f} KB uncompressed, {article[3]} bytes of JavaScript: "
        f"{verdict} the 40 KB, no-JavaScript budget."
    )
    ok = verdict == "within"
    if visits is not None:
        print(
            "\nFirst visit on a phone (360x740, device pixel ratio 2, Chromium), before scrolling:\n"
        )
        print("| page | HTML | CSS | images | other | total |")
        print("|---|---|---|---|---|---|")
        for name, fetched in visits.items():
            total = sum(fetched.values())
            cells = [fetched["html"], fetched["css"], fetched["images"], fetched["other"], total]
            print(f"| {name} | " + " | ".join(f"{n / 1024:.1f} KB" for n in cells) + " |")
        gallery = sum(visits["article with gallery (Bimtek)"].values())
        within = gallery <= PHONE_BUDGET
        print(
            f"\nArticle with gallery: {gallery / 1024:.1f} KB on a phone's first screen: "
            f"{'within' if within else 'OVER'} the 200 KB budget."
        )
        ok = ok and within
    else:
        print(f"\n(No {CHROMIUM}: the phone first-visit figures need it.)")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
