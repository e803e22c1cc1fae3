"""The shipped server configurations, in real servers: Debian's nginx including
server/nginx.conf, Debian's Apache reading server/.htaccess (which the build put at
the site's root), both serving a production build of the fixture site on a free
port, unprivileged. Checked over HTTP: statuses, types, encodings, caching, security
headers, the 404 pages; then Chromium, under nginx and its Content-Security-Policy,
loads pages and searches without a single violation.

Each server's configuration is written by the test into a temporary folder and
points at the shipped files themselves, never at a copy of their contents."""

import gzip
import http.client
import os
import grp
import pwd
import re
import shutil
import socket
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import brotli
import pytest

from conftest import ROOT, free_port

pytestmark = pytest.mark.slow  # real servers and Chromium: `pytest -m 'not slow'` skips them

NGINX = "/usr/sbin/nginx"
APACHE = "/usr/sbin/apache2"
PAGE = "text/html; charset=utf-8"
CSS = "text/css; charset=utf-8"
ATOM = "application/atom+xml; charset=utf-8"
RSS = "application/rss+xml; charset=utf-8"
CALENDAR = "text/calendar; charset=utf-8"
YEAR = "public, max-age=31536000, immutable"
SHORT = "public, max-age=300"


def need(program, package):
    if not os.path.exists(program):
        message = (
            f"NO SERVER: {program} is missing, so the server tests cannot run. "
            f"Install it with `apt-get install {package}` (.ci/run does)."
        )
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)


def running_user():
    """The directives that make a server started as root serve as nobody (an
    unprivileged server ignores them, or has none)."""
    if os.geteuid() != 0:
        return None
    nobody = pwd.getpwnam("nobody")
    return nobody.pw_name, grp.getgrgid(nobody.pw_gid).gr_name


@dataclass
class Running:
    base: str  # http://127.0.0.1:port
    folder: Path  # its configuration and logs


def start(command, port, folder):
    """Start a server in the foreground and wait until it answers on ``port``."""
    log = open(folder / "server.out", "wb")
    process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT)
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline:
        if process.poll() is not None:
            break
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return process
        except OSError:
            time.sleep(0.05)
    process.kill()
    logs = "\n".join(p.read_text(errors="replace") for p in folder.glob("*.log"))
    pytest.fail(f"{command[0]} did not start:\n{(folder / 'server.out').read_text()}\n{logs}")


def stop(process):
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


@pytest.fixture(scope="module")
def server_folder():
    """Where the servers' configurations, logs and pid files go: readable by nobody."""
    folder = Path(tempfile.mkdtemp(prefix="warta-servers-"))
    folder.chmod(0o755)
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


def nginx_command(folder, output, port):
    """The command that runs nginx as Debian sets it up (its modules, mime.types and
    gzip) in the foreground, with a server block for ``output`` on ``port`` that
    includes the shipped server/nginx.conf and the build's redirect rules; its
    configuration, logs and temporary files in ``folder``."""
    user = running_user()
    config = folder / "nginx.conf"
    config.write_text(
        f"""
pid {folder}/nginx.pid;
error_log {folder}/error.log;
{f"user {user[0]} {user[1]};" if user else ""}
include /etc/nginx/modules-enabled/*.conf;
events {{}}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    sendfile on;
    gzip on;
    access_log {folder}/access.log;
    client_body_temp_path {folder}/body;
    proxy_temp_path {folder}/proxy;
    fastcgi_temp_path {folder}/fastcgi;
    uwsgi_temp_path {folder}/uwsgi;
    scgi_temp_path {folder}/scgi;
    server {{
        listen 127.0.0.1:{port};
        root {output};
        include {ROOT / "server" / "nginx.conf"};
        include {output / ".warta" / "redirects.nginx.conf"};
    }}
}}
"""
    )
    return [NGINX, "-c", str(config), "-e", str(folder / "error.log"), "-g", "daemon off;"]


@pytest.fixture(scope="module")
def nginx(production_site, server_folder):
    """nginx serving the production build (``nginx_command``)."""
    need(NGINX, "nginx libnginx-mod-http-brotli-static")
    folder = server_folder / "nginx"
    folder.mkdir()
    command = nginx_command(folder, production_site.output, production_site.port)
    test = subprocess.run([*command[:-2], "-t"], capture_output=True, text=True)
    assert test.returncode == 0, test.stderr
    assert "[warn]" not in test.stderr, test.stderr  # the shipped file is clean too
    process = start(command, production_site.port, folder)
    yield Running(production_site.base, folder)
    stop(process)


@pytest.fixture(scope="module")
def apache(production_site, server_folder):
    """Apache as Debian sets it up (its enabled modules, mime.types, mod_deflate), plus
    mod_rewrite and mod_headers as on cPanel, with the site's folder allowing .htaccess
    files (AllowOverride All, as cPanel does): the build put server/.htaccess there."""
    need(APACHE, "apache2")
    shipped = (ROOT / "server" / ".htaccess").read_text()
    before, _, after = shipped.partition("# warta:redirects\n")  # the old addresses go there
    published = (production_site.output / ".htaccess").read_text()
    assert after and published.startswith(before) and published.endswith(after)
    folder = server_folder / "apache"
    folder.mkdir()
    port = free_port()
    user = running_user()
    config = folder / "apache2.conf"
    config.write_text(
        f"""
ServerRoot /etc/apache2
ServerName 127.0.0.1
Listen 127.0.0.1:{port}
PidFile {folder}/apache2.pid
DefaultRuntimeDir {folder}
Mutex file:{folder} default
ErrorLog {folder}/error.log
LogLevel warn
{f"User {user[0]}" if user else ""}
{f"Group {user[1]}" if user else ""}
IncludeOptional /etc/apache2/mods-enabled/*.load
IncludeOptional /etc/apache2/mods-enabled/*.conf
<IfModule !rewrite_module>
    LoadModule rewrite_module /usr/lib/apache2/modules/mod_rewrite.so
</IfModule>
<IfModule !headers_module>
    LoadModule headers_module /usr/lib/apache2/modules/mod_headers.so
</IfModule>
LogFormat "%r %>s" short
CustomLog {folder}/access.log short
AccessFileName .htaccess
<Directory />
    AllowOverride None
    Require all denied
</Directory>
<FilesMatch "^\\.ht">
    Require all denied
</FilesMatch>
DocumentRoot {production_site.output}
<Directory {production_site.output}>
    Options Indexes FollowSymLinks
    AllowOverride All
    Require all granted
</Directory>
"""
    )
    command = [APACHE, "-f", str(config), "-DFOREGROUND"]
    test = subprocess.run([APACHE, "-f", str(config), "-t"], capture_output=True, text=True)
    assert test.returncode == 0, test.stderr
    process = start(command, port, folder)
    yield Running(f"http://127.0.0.1:{port}", folder)
    stop(process)
    errors = (folder / "error.log").read_text()
    assert not re.search(r":(alert|crit|emerg)\]", errors), errors  # e.g. a bad .htaccess line


@pytest.fixture(scope="module", params=["nginx", "apache"])
def server(request):
    """The address of each server in turn."""
    return request.getfixturevalue(request.param).base


def get(base, path, accept_encoding=None):
    """(status, headers, body as sent) of a GET, without following redirects or
    decoding anything."""
    host, port = base.removeprefix("http://").split(":")
    connection = http.client.HTTPConnection(host, int(port), timeout=10)
    headers = {"Accept-Encoding": accept_encoding} if accept_encoding else {}
    connection.request("GET", path, headers=headers)
    response = connection.getresponse()
    body = response.read()
    connection.close()
    return response.status, response.headers, body


def published(site, pattern):
    """The public path of the one published file matching ``pattern`` (a glob)."""
    [path] = [p for p in site.output.glob(pattern) if p.suffix not in (".gz", ".br")]
    return "/" + path.relative_to(site.output).as_posix()


@pytest.fixture(scope="module")
def addresses(production_site):
    """The addresses checked, by kind."""
    site = production_site
    return {
        "stylesheet": published(site, "theme/css/style.*.css"),
        "script": published(site, "theme/js/search.*.js"),
        "icon": published(site, "theme/favicon.*.svg"),
        "webp": published(site, "images/kunjungan/ponsel-*-640.webp"),
        "avif": published(site, "images/kunjungan/ponsel-*-640.avif"),
    }


TYPES = [
    ("/", PAGE),
    ("/en/", PAGE),
    ("/2022/01/laporan/", PAGE),
    ("/en/2020/07/bimtek/", PAGE),
    ("/cari/", PAGE),
    ("/feeds/all.atom.xml", ATOM),
    ("/feeds/all.rss.xml", RSS),
    ("/en/feeds/all.atom.xml", ATOM),
    ("/en/feeds/all.rss.xml", RSS),
    ("/feeds/tag/kemitraan.atom.xml", ATOM),
    ("/en/feeds/category/berita.rss.xml", RSS),
    ("/agenda.ics", CALENDAR),
    ("/en/agenda.ics", CALENDAR),
    ("/2020/07/bimtek/bimtek.ics", CALENDAR),  # an event's own calendar file
    ("/sitemap.xml", "application/xml"),
    ("/en/sitemap.xml", "application/xml"),
    ("/robots.txt", "text/plain; charset=utf-8"),
    ("stylesheet", CSS),
    ("script", "javascript; charset=utf-8"),
    ("icon", "image/svg+xml"),
    ("webp", "image/webp"),
    ("avif", "image/avif"),
    ("/images/logo.png", "image/png"),
    ("/pagefind/pagefind.js", "javascript; charset=utf-8"),
    ("/en/pagefind/pagefind-entry.json", "application/json"),
]


@pytest.mark.parametrize("path, expected", TYPES)
def test_status_and_type(server, addresses, path, expected):
    status, headers, _ = get(server, addresses.get(path, path))
    assert status == 200
    kind = headers["Content-Type"]
    if expected == "application/xml":  # the sitemap: a charset may follow
        assert kind.split(";")[0] == expected
    elif expected.startswith("javascript"):  # application/ or text/, both right
        assert re.fullmatch(r"(application|text)/" + re.escape(expected), kind), kind
    else:
        assert kind == expected


COMPRESSED = [
    "/",
    "/en/2020/07/bimtek/",
    "/feeds/all.atom.xml",
    "/en/agenda.ics",
    "stylesheet",
    "script",
]


@pytest.mark.parametrize("path", COMPRESSED)
def test_precompressed_files_are_sent_to_those_who_accept_them(
    server, production_site, addresses, path
):
    path = addresses.get(path, path)
    file = production_site.path(path)
    original = file.read_bytes()
    kind = get(server, path)[1]["Content-Type"]
    for accept, encoding, decode in [
        ("gzip, deflate, br", "br", brotli.decompress),
        ("gzip, deflate", "gzip", gzip.decompress),
        (None, None, lambda body: body),
    ]:
        status, headers, body = get(server, path, accept)
        assert status == 200
        assert headers.get("Content-Encoding") == encoding, (path, accept)
        assert decode(body) == original, (path, accept)
        assert headers["Content-Type"] == kind  # the file's type, not gzip's
        if encoding:
            assert "Accept-Encoding" in headers.get("Vary", ""), (path, accept)
            # The very bytes the build wrote: compressed once, by the build.
            suffix = {"br": ".br", "gzip": ".gz"}[encoding]
            assert body == file.with_name(file.name + suffix).read_bytes()


def test_pagefind_index_files_are_sent_as_pagefind_wrote_them(server, production_site):
    [wasm] = production_site.output.glob("pagefind/wasm.id.pagefind")
    status, headers, body = get(server, "/pagefind/wasm.id.pagefind", "gzip, br")
    assert status == 200 and "Content-Encoding" not in headers
    assert body == wasm.read_bytes()  # gzip data that Pagefind's script unpacks itself


@pytest.mark.parametrize(
    "path, expected",
    [
        ("stylesheet", YEAR),
        ("script", YEAR),
        ("icon", YEAR),
        ("webp", "public, max-age=2592000"),
        ("/", SHORT),
        ("/en/2020/07/bimtek/", SHORT),
        ("/feeds/all.atom.xml", SHORT),
        ("/agenda.ics", SHORT),
        ("/2020/07/bimtek/bimtek.ics", SHORT),
        ("/images/logo.png", SHORT),  # no hash in its name
        ("/pagefind/pagefind-entry.json", SHORT),
    ],
)
def test_caching(server, addresses, path, expected):
    for accept in ("br", None):
        status, headers, _ = get(server, addresses.get(path, path), accept)
        assert status == 200
        assert headers.get_all("Cache-Control") == [expected], (path, accept)


CSP = (
    "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; object-src 'none'; "
    "base-uri 'self'; form-action 'self'; frame-ancestors 'self'"
)


@pytest.mark.parametrize(
    "path", ["/", "/en/2020/07/bimtek/", "/cari/", "stylesheet", "script", "/agenda.ics", "/nope/"]
)
def test_security_headers_on_every_answer(server, addresses, path):
    _, headers, _ = get(server, addresses.get(path, path), "br")
    assert headers.get_all("Content-Security-Policy") == [CSP]
    assert headers.get_all("X-Content-Type-Options") == ["nosniff"]
    assert headers.get_all("Referrer-Policy") == ["strict-origin-when-cross-origin"]


def test_both_servers_send_the_same_policy():
    """The policy checked above, in both shipped files: one edit cannot miss the other."""
    nginx_conf = (ROOT / "server" / "nginx.conf").read_text()
    htaccess = (ROOT / "server" / ".htaccess").read_text()
    assert f'Content-Security-Policy "{CSP}"' in nginx_conf
    assert f'Content-Security-Policy "{CSP}"' in htaccess


@pytest.mark.parametrize(
    "path, lang, heading",
    [
        ("/tidak-ada/", "id", "Halaman tidak ditemukan"),
        ("/2020/07/tidak-ada", "id", "Halaman tidak ditemukan"),
        ("/feeds/", "id", "Halaman tidak ditemukan"),  # a folder without a page
        ("/en/no-such-page/", "en", "Page not found"),
        ("/en/feeds/tag/nothing.atom.xml", "en", "Page not found"),
        ("/en/feeds/", "en", "Page not found"),
    ],
)
def test_not_found_in_the_right_language(server, path, lang, heading):
    for accept in ("gzip, br", None):
        status, headers, body = get(server, path, accept)
        assert status == 404
        assert headers["Content-Type"] == PAGE
        if headers.get("Content-Encoding") == "br":
            body = brotli.decompress(body)
        elif headers.get("Content-Encoding") == "gzip":
            body = gzip.decompress(body)
        text = body.decode("utf-8")
        assert f'<html lang="{lang}">' in text
        assert f"<h1>{heading}</h1>" in text


def test_the_server_files_themselves_are_not_served(server):
    status, _, body = get(server, "/.htaccess")
    assert status in (403, 404) and b"RewriteEngine" not in body


def test_a_folder_address_without_its_slash_is_redirected(server):
    status, headers, _ = get(server, "/tentang")
    assert status == 301 and headers["Location"].endswith("/tentang/")


# --- Old addresses (content/redirects.csv, warta.redirects) --------------------

BIMTEK = "/2020/07/bimtek/"


@pytest.mark.parametrize(
    "path, location",
    [
        ("/2020/07/30/bimtek-transformasi-perpustakaan/", BIMTEK),
        ("/2020/07/30/bimtek-transformasi-perpustakaan", BIMTEK),  # no slash: one hop
        ("/2020/07/30/bimtek-%e2%80%93-inklusi-sosial/", BIMTEK),  # as WordPress wrote it
        ("/2020/07/30/bimtek-%E2%80%93-inklusi-sosial/", BIMTEK),
        ("/?p=123", BIMTEK),
        ("/?p=123&utm_source=whatsapp", BIMTEK),
        ("/?page_id=7", "/tentang/"),
        ("/?cat=5", "/kategori/kegiatan/"),
        ("/feed/", "/feeds/all.atom.xml"),  # feed readers follow a 301, not a page
        ("/feed", "/feeds/all.atom.xml"),
        ("/category/kegiatan/", "/kategori/kegiatan/"),
        ("/en/2020/07/30/training-on-library-transformation/", "/en" + BIMTEK),
        ("/author/admin", "/"),
    ],
)
def test_old_addresses_are_moved_permanently(server, production_site, path, location):
    status, headers, _ = get(server, path)
    assert status == 301, (path, status)
    assert headers["Location"] == production_site.base + location


@pytest.mark.parametrize("path", ["/", "/?p=999", "/?utm_source=whatsapp", "/?cat=5x"])
def test_the_home_page_is_still_the_home_page(server, path):
    status, headers, body = get(server, path)
    assert status == 200 and headers["Content-Type"] == PAGE
    assert b'http-equiv="refresh"' not in body and b"<h1" in body


# --- Chromium, under nginx and the shipped Content-Security-Policy -------------

# The script on every page (before the page's own) records what the policy blocks.
RECORD_VIOLATIONS = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__violations.push(`${event.violatedDirective} ${event.blockedURI}`);
});
"""


@pytest.fixture
def watched_page(browser):
    """A page that keeps every console message, error and policy violation, its
    workers' included."""
    context = browser.new_context(viewport={"width": 360, "height": 800})
    page = context.new_page()
    page.add_init_script(RECORD_VIOLATIONS)
    page.messages = []
    page.on("console", lambda m: page.messages.append(f"{m.type}: {m.text}"))
    page.on("pageerror", lambda error: page.messages.append(f"pageerror: {error}"))
    page.workers_seen = []
    page.on("worker", lambda worker: page.workers_seen.append(worker.url))
    yield page
    context.close()


def no_violation(page, not_found=False):
    violations = page.evaluate("window.__violations")
    complaints = [m for m in page.messages if not m.startswith(("log:", "debug:", "info:"))]
    if not_found:  # the page itself, answered with its 404 status
        complaints.remove(
            "error: Failed to load resource: the server responded with a status of 404 (Not Found)"
        )
    assert violations == [] and complaints == [], (violations, complaints)


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/en/",
        "/2022/01/laporan/",  # a table with aligned columns
        "/en/2022/02/kunjungan-perpustakaan-keliling/",  # photos, a gallery
        "/agenda/",
        "/2020/07/bimtek/",  # an event card: its calendar file, the organiser's link
        "/tidak-ada/",
    ],
)
def test_pages_load_under_the_policy_without_violation(watched_page, nginx, path):
    response = watched_page.goto(nginx.base + path)
    watched_page.wait_for_load_state("networkidle")
    assert response.headers["content-security-policy"] == CSP
    assert watched_page.evaluate(  # the stylesheet applies
        "[...document.styleSheets].some((sheet) => sheet.href && sheet.cssRules.length > 0)"
    )
    if path == "/2022/01/laporan/":
        assert (
            watched_page.evaluate(
                "getComputedStyle(document.querySelector('td.align-right')).textAlign"
            )
            == "right"
        )
    no_violation(watched_page, not_found=response.status == 404)


@pytest.mark.parametrize(
    "path, expected",
    [
        ("/cari/?q=Esnalianti", "/2020/07/bimtek/"),
        ("/en/search/?q=Esnalianti", "/en/2020/07/bimtek/"),
    ],
)
def test_search_works_under_the_policy(watched_page, nginx, production_site, path, expected):
    watched_page.goto(nginx.base + path)
    watched_page.wait_for_selector(".search-results li", timeout=15000)
    links = [a.get_attribute("href") for a in watched_page.query_selector_all(".search-results a")]
    assert production_site.base + expected in links or expected in links, links
    watched_page.wait_for_load_state("networkidle")
    # Pagefind searched in its web worker (with its WebAssembly), not in a fallback.
    assert any(url.endswith("/pagefind-worker.js") for url in watched_page.workers_seen)
    no_violation(watched_page)
    access = (nginx.folder / "access.log").read_text()
    assert re.search(r'"GET /(en/)?pagefind/wasm\.\w+\.pagefind HTTP/1\.1" 200', access)
