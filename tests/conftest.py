"""Build real sites from fixture content and read what they write.

Each build runs Pelican in its own process, as `invoke build` does: the
i18n_subsites plugin keeps module-level state that one process must not
share between builds.
"""

import contextlib
import gzip
import hashlib
import json
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import feedparser
import pytest
from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SITEURL = "https://perpustakaan.example.id"
TODAY = "2022-03-01"  # the build date of the fixture sites: "upcoming" is relative to it


@dataclass
class Site:
    """A finished build: its output folder and what Pelican said."""

    output: Path
    returncode: int
    log: str

    def path(self, url_path):
        """The file behind a public URL path: '/en/tag/x/' -> output/en/tag/x/index.html."""
        path = self.output / url_path.lstrip("/")
        return path / "index.html" if url_path.endswith("/") else path

    def exists(self, url_path):
        return self.path(url_path).is_file()

    def html(self, url_path):
        return BeautifulSoup(self.path(url_path).read_text(encoding="utf-8"), "html.parser")

    def feed(self, url_path):
        parsed = feedparser.parse(self.path(url_path).read_bytes())
        assert not parsed.bozo, f"{url_path} is not a well-formed feed: {parsed.bozo_exception}"
        return parsed

    def url(self, url_path):
        return SITEURL + url_path

    def public_texts(self):
        """(path, text) of every file a reader or a search can see: pages, feeds,
        calendars, and the search index's page fragments (gzipped JSON)."""
        for path in sorted(self.output.rglob("*")):
            if path.suffix == ".pf_fragment":
                yield path, gzip.decompress(path.read_bytes()).decode("utf-8", "replace")
            elif path.suffix in (".html", ".xml", ".ics", ".json", ".js", ".css", ".txt"):
                yield path, path.read_text(encoding="utf-8")


def build(content, output, settings="pelicanconf.py", verbose=False, **overrides):
    """Run Pelican on `content` into `output`; the build's exit code is not checked here.
    ``verbose`` adds Pelican's (and our plugins') informational messages to the log."""
    # Each build its own photo cache, unless a test shares one on purpose.
    # An address, as published: absolute URLs (local builds are relative; see test_browser).
    extra = {
        "SITEURL": SITEURL,
        "RELATIVE_URLS": False,
        "WARTA_PHOTO_CACHE": str(output.parent / "photo-cache"),
        **overrides,
    }
    command = [
        sys.executable,
        "-m",
        "pelican",
        str(content),
        "-o",
        str(output),
        "-s",
        str(ROOT / settings),
    ]
    if verbose:
        command.append("--verbose")
    # One -e with every KEY=VALUE: Pelican keeps only the last -e it is given.
    command += ["-e", *(f"{key}={json.dumps(value)}" for key, value in extra.items())]
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=300)
    return Site(output=output, returncode=result.returncode, log=result.stdout + result.stderr)


def local_build(content, output, photo_cache):
    """A local build, as `invoke build` and the preview make it: no address, links
    relative to each page, the fixture sites' date, no search index."""
    return build(
        content,
        output,
        SITEURL="",
        RELATIVE_URLS=True,
        WARTA_TODAY=TODAY,
        WARTA_PHOTO_CACHE=str(photo_cache),
        WARTA_SEARCH_INDEX=False,
    )


def is_redirect_page(path):
    """Whether an HTML file is one of warta.redirects' pages for an old address, not a
    page of the site."""
    return b'<meta http-equiv="refresh"' in path.read_bytes()


def snapshot(folder):
    """{path: content hash} of every file under ``folder``: to show it did not change."""
    return {
        path.relative_to(folder).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


@pytest.fixture(scope="session")
def photo_cache(tmp_path_factory):
    """One photo cache for the session's builds of the fixture site: encoded once."""
    return tmp_path_factory.mktemp("photo-cache")


@pytest.fixture(scope="session")
def fixture_content(tmp_path_factory):
    """The bilingual fixture site with its photo articles and their photos, made once."""
    from photo_files import photo_content

    content = tmp_path_factory.mktemp("fixture") / "content"
    photo_content(content, FIXTURES, ROOT)
    return content


@pytest.fixture(scope="session")
def bilingual_site(tmp_path_factory, fixture_content, photo_cache):
    """The fixture site every bilingual test reads; built once per test session."""
    site = build(
        fixture_content,
        tmp_path_factory.mktemp("bilingual") / "output",
        WARTA_TODAY=TODAY,
        WARTA_PHOTO_CACHE=str(photo_cache),
    )
    assert site.returncode == 0, site.log
    site.content, site.cache = fixture_content, photo_cache
    return site


# --- A real browser: Playwright driving Debian's Chromium -----------------------

CHROMIUM = "/usr/bin/chromium"  # Debian's package; Playwright's own browser download fails here
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def free_port():
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def serve(folder, port):
    """Serve `folder` on 127.0.0.1:port in a thread, answering a missing page with its
    language's 404.html, as the production server is configured to."""
    import functools
    import threading
    from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

    class Handler(SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

        def send_error(self, code, message=None, explain=None):
            if code != 404:
                return super().send_error(code, message, explain)
            lang_404 = folder / ("en/404.html" if self.path.startswith("/en/") else "404.html")
            body = lang_404.read_bytes()
            self.send_response(404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(body)

    class Server(ThreadingHTTPServer):
        def handle_error(self, request, client_address):
            # The browser drops image downloads it no longer needs (it navigated on).
            if not isinstance(sys.exc_info()[1], ConnectionError):
                super().handle_error(request, client_address)

    server = Server(("127.0.0.1", port), functools.partial(Handler, directory=str(folder)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


@pytest.fixture(scope="session")
def served_site(tmp_path_factory, fixture_content, photo_cache):
    """The fixture site built for http://127.0.0.1:<port> and served there."""
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    site = build(
        fixture_content,
        tmp_path_factory.mktemp("served") / "output",
        SITEURL=url,
        WARTA_TODAY=TODAY,
        WARTA_PHOTO_CACHE=str(photo_cache),
    )
    assert site.returncode == 0, site.log
    server = serve(site.output, port)
    site.base = url
    yield site
    server.shutdown()


@pytest.fixture(scope="session")
def browser():
    """Chromium through Playwright. Without one the tests say so loudly; in CI they fail."""
    import os

    if not os.path.exists(CHROMIUM):
        message = (
            f"NO BROWSER: {CHROMIUM} is missing, so the real-browser tests cannot run. "
            "Install it with `apt-get install chromium` (.ci/run does)."
        )
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@contextlib.contextmanager
def screen(browser, width=360, height=800):
    """A page in a fresh browser context of this size, closed afterwards."""
    context = browser.new_context(viewport={"width": width, "height": height})
    try:
        yield context.new_page()
    finally:
        context.close()


@pytest.fixture
def page(browser):
    with screen(browser) as page:
        yield page


# --- The site as it goes online ------------------------------------------------


@pytest.fixture(scope="session")
def production_site(fixture_content, photo_cache):
    """The fixture site as `invoke publish` makes it (tasks.production_build:
    publishconf.py, the search index, the precompressed files), for
    http://127.0.0.1:<site.port>. In a folder every user can read: as root, the web
    servers' workers read it as nobody."""
    import shutil
    import tempfile

    folder = Path(tempfile.mkdtemp(prefix="warta-production-"))
    folder.chmod(0o755)
    port = free_port()
    overrides = production_overrides(port, photo_cache)
    output = production_build(fixture_content, folder / "output", overrides)
    site = Site(output=output, returncode=0, log="")
    site.port, site.base, site.overrides = port, f"http://127.0.0.1:{port}", overrides
    site.content = fixture_content
    yield site
    shutil.rmtree(folder, ignore_errors=True)


def production_overrides(port, photo_cache):
    return {
        "SITEURL": f"http://127.0.0.1:{port}",
        "WARTA_TODAY": TODAY,
        "WARTA_PHOTO_CACHE": str(photo_cache),
    }


def production_build(content, target, overrides):
    """`invoke publish`'s build of ``content`` into ``target``, with these settings."""
    from invoke import Context

    import tasks

    ok, log = tasks.production_build(
        Context(),
        target=target,
        overrides=[f"{key}={json.dumps(value)}" for key, value in overrides.items()],
        content=content,
        capture=True,
    )
    assert ok, log
    return target
