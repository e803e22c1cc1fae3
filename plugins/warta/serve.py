"""The editor's preview loop, for ``make serve``: build, serve, rebuild on every save.

Editors watch the browser, not the terminal. So a save always reloads the page
(livereload skips a reload within 3 s of the last one unless told otherwise),
and a build that fails puts an error page in place of every page, in the
editor's language and styled like the site, naming each problem with its file,
field and fix; the next good build takes it away and the page comes back.
The server is livereload's (it injects the reload script into every page);
ours are its file handler, to answer with that error page, its watcher
(``SaveWatcher``: told of a save at once, and of which files), and
``run_forked``, which runs a quick rebuild (``warta.incremental``) in a child of
the server, where Pelican is imported already. The loop itself is
``preview_loop`` in tasks.py.
"""

import gc
import html
import os
import posixpath
import re
import socket
import subprocess
import sys
import tempfile
import threading
import traceback
from pathlib import Path

import watchfiles
from livereload import Server
from livereload.handlers import LiveReloadHandler, StaticFileHandler
from livereload.watcher import Watcher
from tornado.web import HTTPError

# A line of the contract's report: "path: KESALAHAN: Field: message".
REPORT_LINE = re.compile(r"^(?P<path>[^\s:][^:]*): (?P<label>[A-Z]+): (?P<text>.*)$")

PAGE = """<!DOCTYPE html>
<html lang="{lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>{title}</title>
<link rel="stylesheet" href="/theme/css/style.css">
</head>
<body>
<main id="main" class="wrap build-error">
<h1>{title}</h1>
<p class="lead">{intro}</p>
<ul class="problems">
{items}
</ul>
<p>{outro}</p>
</main>
</body>
</html>
"""


def error_page(log, words, lang):
    """The page shown while the site cannot be built: every line of the report
    (or, for a bug in our code, the end of the traceback)."""
    found = []
    for line in log.splitlines():
        match = REPORT_LINE.match(line.strip())
        if match and match.group("label") in words["labels"]:
            found.append(match)
    errors_first = sorted(found, key=lambda m: m.group("label") != words["labels"][0])
    items = [
        '<li class="{}"><span class="label">{}</span> <strong>content/{}</strong><br>{}</li>'.format(
            "error" if match.group("label") == words["labels"][0] else "warning",
            html.escape(match.group("label")),
            html.escape(match.group("path")),
            html.escape(match.group("text")),
        )
        for match in errors_first
    ]
    if not items:  # not a content problem: show what the build said last
        tail = "\n".join(log.strip().splitlines()[-25:])
        items.append(f"<li><pre>{html.escape(tail)}</pre></li>")
    return PAGE.format(
        lang=lang,
        title=html.escape(words["title"]),
        intro=html.escape(words["intro"]),
        items="\n".join(items),
        outro=html.escape(words["outro"]),
    )


# A link of a page to another file of the site, relative to the page: src="theme/…",
# href="./", srcset="a.png 1x, b.png 2x" (not "#main", "/", "https:", "mailto:").
RELATIVE_LINK = re.compile(r'\b(href|src|srcset|action)="(?![a-zA-Z][a-zA-Z0-9+.-]*:|/|#)([^"]*)"')


def rebase(html_text, here, there):
    """A page written in folder ``there`` (of the site), with its relative links made
    to work from folder ``here``: the preview answers a missing /2023/05/ with the
    404 page of the root, whose links (a local build's are relative) would otherwise
    lead to /2023/05/theme/css/… A published build's links are absolute."""
    up = posixpath.relpath(there or ".", here or ".")
    if up == ".":
        return html_text
    start = up + "/"

    def moved(match):
        attribute, value = match.groups()
        if attribute == "srcset":
            value = ", ".join(start + item.strip() for item in value.split(",") if item.strip())
        else:
            value = start + value
        return f'{attribute}="{value}"'

    return RELATIVE_LINK.sub(moved, html_text)


class PreviewFiles(StaticFileHandler):
    """The preview's files, or the error page while the last build failed; for an
    address with no page (an article whose date just changed), the site's own
    404 page in its language, which reloads with the next save like any page."""

    error_page = None  # a Path, set by ``PreviewServer``

    async def get(self, path, include_body=True):
        page = self.error_page
        wants_page = path == "" or path.endswith(("/", ".html"))
        if page is not None and page.exists() and wants_page:
            return self.answer(500, page)
        try:
            await super().get(path, include_body)
        except HTTPError as error:
            not_found = self.not_found_page(path)
            if error.status_code != 404 or not wants_page or not_found is None:
                raise
            here = posixpath.dirname(path)
            there = posixpath.dirname(not_found.relative_to(self.root).as_posix())
            self.answer(404, not_found, rebase(not_found.read_text("utf-8"), here, there))

    def answer(self, status, page, text=None):
        self.clear()
        self.set_status(status)
        self.set_header("Content-Type", "text/html; charset=utf-8")
        self.set_header("Cache-Control", "no-store")
        self.finish(page.read_bytes() if text is None else text.encode("utf-8"))

    def not_found_page(self, path):
        root = Path(self.root)
        for folder in (path.split("/", 1)[0], ""):  # /en/…: the English one
            candidate = root / folder / "404.html"
            if candidate.is_file():
                return candidate
        return None


class SaveWatcher(Watcher):
    """Tells the preview of every save at once, whatever the site's size.

    livereload's own watcher looks at every file's date each 0.8 s: on average
    0.4 s lost per save before the rebuild starts, and with thousands of files,
    each look costs more. watchfiles (the operating system's notifications,
    already a dependency of Pelican) reports a save within 20 to 40 ms (once 20 ms
    have passed without another change: an editor's save, a write and a rename, takes
    a millisecond), and says which files changed: the preview needs to know (see
    ``warta.incremental``).
    ``on_change(paths)`` runs in the server's loop, as livereload runs its tasks.
    """

    def __init__(self, roots, wanted, on_change):
        super().__init__()
        self.roots = [str(root) for root in roots]
        self.wanted = wanted  # path -> whether a change of it matters
        self.on_change = on_change
        self.changed = set()
        self.lock = threading.Lock()

    def start(self, callback):
        from tornado import ioloop

        loop = ioloop.IOLoop.current()

        def watch():
            for changes in watchfiles.watch(*self.roots, debounce=1600, step=20):
                paths = {path for _, path in changes if self.wanted(path)}
                if paths:
                    with self.lock:
                        self.changed |= paths
                    loop.add_callback(callback)

        threading.Thread(target=watch, daemon=True, name="warta-watch").start()
        callback()  # livereload's own first message (see ``examine``)
        return True  # livereload does not poll

    def examine(self):
        if self._changes:  # livereload's own first message
            return self._changes.pop()
        with self.lock:
            paths, self.changed = self.changed, set()
        if not paths:
            return None, None
        self.on_change(paths)
        # livereload.js reloads only the stylesheets for a .css path and only the
        # images for a photo's: a photo that fixes a build must reload the page.
        styles = [path for path in paths if path.endswith(".css")]
        self.filepath = styles[0] if len(styles) == len(paths) else "index.html"
        return self.filepath, None


def run_forked(argv):
    """Run ``pelican argv`` in a child of this process, which has Pelican and the
    plugins imported already (a new interpreter spends 0.4 s importing them);
    returns (exit code, what it printed). The child's state dies with it, as
    i18n_subsites needs (its module state is meant for one run)."""
    import pelican
    from pelican.log import console

    server = os.getpid()
    with tempfile.TemporaryFile() as log:
        sys.stdout.flush()
        sys.stderr.flush()
        # The child's garbage collector leaves this process's objects (everything
        # imported) alone, and collects its own young objects less often: it lives a
        # second, and collecting spent 0.15-0.2 s of it at 1,000 articles.
        gc.freeze()
        try:
            pid = os.fork()
        finally:
            if os.getpid() == server:  # this process lives on: it collects all of them again
                gc.unfreeze()
        if pid == 0:  # the child: never returns
            code = 1
            gc.set_threshold(50_000, 20, 20)
            try:
                os.dup2(log.fileno(), 1)
                os.dup2(log.fileno(), 2)
                # Pelican's console was made when this process imported Pelican, for the
                # terminal: colours, links and the terminal's width. Its output goes to
                # the log (and the error page) now: plain text, as a new Pelican writes it.
                console.__init__(force_terminal=False, no_color=True, width=80)
                pelican.main(argv)
                code = 0
            except SystemExit as exit:
                code = exit.code if isinstance(exit.code, int) else 1
            except BaseException:
                traceback.print_exc()
            finally:
                sys.stdout.flush()
                sys.stderr.flush()
                os._exit(code)
        _, status = os.waitpid(pid, 0)
        log.seek(0)
        return os.waitstatus_to_exitcode(status), log.read().decode("utf-8", "replace")


def warm_up(settings_path):
    """Load in this process what each quick rebuild's child would otherwise load or
    compile again, and lose with it: every language's Babel data (a pickle per
    locale), the Markdown extensions, the regular expressions Markdown, typogrify
    and the log's highlighter compile on first use (Python keeps them in ``re``'s
    cache). About 0.1 s of every rebuild at 1,000 articles."""
    from babel import Locale
    from markdown import Markdown
    from pelican.log import console
    from pelican.settings import read_settings

    from warta import reading

    try:
        settings = read_settings(str(settings_path))
        for language in settings["WARTA_LANGUAGES"].values():
            locale = Locale.parse(language["date_locale"])
            locale.date_formats, locale.time_formats, locale.interval_formats  # noqa: B018
        reading.take_over_typogrify(settings)
        typogrify = reading.typogrifier(settings) or (lambda text: text)
        sample = '# Judul\n\nKalimat "pertama" -- **tebal**, [tautan](https://example.id/) & DAN.\n'
        typogrify(Markdown(**settings["MARKDOWN"]).convert(sample))
        with console.capture():
            console.log("Done: Processed 1 article in 0.10 seconds. /tmp/x.html")
    except Exception:  # noqa: BLE001 - a mistake in the settings: the build shows it, in words
        pass


class PreviewServer(Server):
    def __init__(self, error_page, watcher=None):
        super().__init__(watcher=watcher)
        self.SFH = type("Files", (PreviewFiles,), {"error_page": error_page})
        # Every save reloads: a rebuild takes a second anyway, so reloads never pile up.
        LiveReloadHandler.DEFAULT_RELOAD_TIME = 0


def port_is_free(host, port):
    """Whether the preview can listen on ``port``: no server listens there. As the
    server binds (tornado sets SO_REUSEADDR), so that the connections a preview
    just stopped leaves waiting (TIME_WAIT, a minute) do not count as busy."""
    with socket.socket() as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host, port))
        except OSError:
            return False
    return True


def addresses(host, port):
    """The addresses to type: this computer's, and for 0.0.0.0 the network's."""
    if host not in ("0.0.0.0", "::"):
        return [f"http://{host}:{port}/"]
    found = {"127.0.0.1"}
    try:  # this computer's addresses on its networks (Linux: `ip`; the host name elsewhere)
        listing = subprocess.run(
            ["ip", "-4", "-o", "addr", "show", "scope", "global"],
            capture_output=True,
            text=True,
            timeout=5,
        ).stdout
        found.update(re.findall(r"\binet (\d+\.\d+\.\d+\.\d+)/", listing))
    except (OSError, subprocess.SubprocessError):
        pass
    try:
        for info in socket.getaddrinfo(socket.gethostname(), None, socket.AF_INET):
            found.add(info[4][0])
    except OSError:
        pass
    return [f"http://{ip}:{port}/" for ip in sorted(found, key=lambda ip: ip.startswith("127."))]


def write_error_page(path, log, words, lang):
    part = Path(str(path) + ".part")
    part.write_text(error_page(log, words, lang), encoding="utf-8")
    part.replace(path)
