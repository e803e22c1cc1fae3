"""Tasks for editors and developers: ``invoke --list``.

Builds go into a staging folder that replaces ``output/`` only when the whole
build succeeded, so a failed build never leaves half a site.
"""

import os
import shlex
import shutil
import sys
import tempfile
from contextlib import contextmanager
from pathlib import Path

from invoke import Exit, task

ROOT = Path(__file__).resolve().parent
CONTENT = ROOT / "content"
OUTPUT = ROOT / "output"
PREVIEW = ROOT / "preview"  # drafts included: never the public output
THEME = ROOT / "theme"
PLUGINS = ROOT / "plugins"
HOST, PORT = "127.0.0.1", 8000  # SITEURL in pelicanconf.py says the same

sys.path.insert(0, str(PLUGINS))

# What the tasks say, in the language of WARTA_MESSAGES_LANG (pelicanconf.py), like the contract.
MESSAGES = {
    "id": {
        "waiting": "Pembangunan lain sedang berjalan untuk folder yang sama; menunggu sampai selesai…",
        "failed": "Pembangunan gagal: {target}/ tidak diubah.",
        "new": "Artikel baru: {path} (Status: draft). Simpan fotonya di {folder}/.",
    },
    "en": {
        "waiting": "Another build of the same folder is running; waiting for it to finish…",
        "failed": "The build failed: {target}/ was not changed.",
        "new": "New article: {path} (Status: draft). Put its photos in {folder}/.",
    },
}


def message(key, **values):
    from pelicanconf import WARTA_MESSAGES_LANG

    return MESSAGES.get(WARTA_MESSAGES_LANG, MESSAGES["en"])[key].format(**values)


def pelican(c, settings="pelicanconf.py", output=OUTPUT, overrides=(), warn=False, content=CONTENT):
    # A fresh process per build: i18n_subsites keeps module-level state between runs.
    command = [
        sys.executable,
        "-m",
        "pelican",
        str(content),
        "-s",
        str(ROOT / settings),
        "-o",
        str(output),
    ]
    if overrides:
        command += ["-e", *overrides]
    return c.run(shlex.join(command), warn=warn, pty=False, in_stream=False)


def exchange(a, b):
    """Swap two folders in one step (Linux renameat2 RENAME_EXCHANGE): no moment
    without a site. False where the system cannot."""
    import ctypes

    try:
        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    at_fdcwd, rename_exchange = -100, 2
    return renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), rename_exchange) == 0


def swap_in(staging, target):
    """Replace ``target`` with ``staging``: never a mix of old and new, and never no
    site (an atomic exchange; elsewhere two renames that ``recover`` can finish)."""
    if target.exists() and exchange(staging, target):
        shutil.rmtree(staging, ignore_errors=True)  # now the old site
        return
    old = target.with_name(f".{target.name}.old")
    shutil.rmtree(old, ignore_errors=True)
    if target.exists():
        os.rename(target, old)
    os.rename(staging, target)
    shutil.rmtree(old, ignore_errors=True)


def recover(target):
    """A swap stopped between its two renames leaves the old site aside: put it back."""
    old = target.with_name(f".{target.name}.old")
    if not target.exists() and old.exists():
        os.rename(old, target)


@contextmanager
def one_build_at_a_time(target):
    """A lock per target folder: a second build waits for the first (livereload's
    rebuild while `invoke build` runs, or two terminals), instead of mixing sites."""
    import fcntl

    target.parent.mkdir(parents=True, exist_ok=True)
    with open(target.with_name(f".{target.name}.lock"), "w") as lock:
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            print(message("waiting"), file=sys.stderr, flush=True)
            fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def staged_build(c, settings="pelicanconf.py", target=OUTPUT, overrides=(), content=CONTENT):
    """Build into a staging folder of its own; swap it in only if the whole build succeeded."""
    with one_build_at_a_time(target):
        recover(target)
        staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.staging-", dir=target.parent))
        try:
            result = pelican(c, settings, staging, overrides, warn=True, content=content)
            if result.ok:
                swap_in(staging, target)
            return result.ok
        finally:
            shutil.rmtree(staging, ignore_errors=True)


@task
def clean(c):
    """Remove the generated site, the preview and Pelican's cache."""
    for path in (OUTPUT, PREVIEW, ROOT / "cache"):
        shutil.rmtree(path, ignore_errors=True)


@task
def build(c):
    """Build the site with the local settings into output/ (only if the build succeeds)."""
    if not staged_build(c):
        raise Exit(message("failed", target=OUTPUT.name), code=1)


@task
def publish(c):
    """Build the site with the production settings (publishconf.py) into output/."""
    if not staged_build(c, "publishconf.py"):
        raise Exit(message("failed", target=OUTPUT.name), code=1)


@task
def check(c):
    """Check every article and page against the content contract without building; list what is left to do."""
    with tempfile.TemporaryDirectory() as scratch:
        result = pelican(c, output=Path(scratch), overrides=["WARTA_CHECK_ONLY=true"], warn=True)
    if not result.ok:
        raise Exit(code=result.exited)


@task
def new(c, title, event=False, translation_of=None, lang="en"):
    """Start a new article (a draft) under content/articles/YYYY/: invoke new "Judul artikel" [--event] [--translation-of SLUG]."""
    from pelicanconf import AUTHOR, DEFAULT_LANG, TIMEZONE
    from warta.scaffold import ScaffoldError, new_article, now_in

    try:
        path = new_article(
            CONTENT / "articles",
            title,
            now=now_in(TIMEZONE),
            author=AUTHOR,
            main_lang=DEFAULT_LANG,
            event=event,
            translation_of=translation_of,
            lang=lang,
        )
    except ScaffoldError as error:
        raise Exit(str(error), code=1) from None
    folder = path.with_suffix("") if not translation_of else path.with_name(path.name.split(".")[0])
    print(message("new", path=path.relative_to(ROOT), folder=folder.relative_to(ROOT)))


def serve_with_livereload(target, overrides=()):
    """Build into ``target``, serve it, rebuild and reload the browser on every change."""
    from invoke import Context
    from livereload import Server

    c = Context()

    def rebuild():
        staged_build(
            c, target=target, overrides=overrides
        )  # a failed build keeps the last good one

    rebuild()
    server = Server()
    for pattern in (
        "pelicanconf.py",
        "content/**/*",  # articles, pages, and the photos beside them
        "plugins/**/*.py",
        "theme/templates/**/*.html",
        "theme/static/**/*",
        "theme/translations/*/LC_MESSAGES/*.po",
    ):
        server.watch(str(ROOT / pattern), rebuild)
    server.serve(host=HOST, port=PORT, root=str(target))


@task
def livereload(c, drafts=False):
    """Build, serve on http://127.0.0.1:8000, rebuild and reload the browser on every change (--drafts: preview drafts)."""
    if drafts:
        serve_with_livereload(PREVIEW, ["WARTA_PREVIEW_DRAFTS=true"])
    else:
        serve_with_livereload(OUTPUT)


@task
def serve(c, drafts=False):
    """Build, then serve on http://127.0.0.1:8000 (--drafts: preview drafts, built into preview/, never output/)."""
    target, overrides = (PREVIEW, ["WARTA_PREVIEW_DRAFTS=true"]) if drafts else (OUTPUT, [])
    if not staged_build(c, target=target, overrides=overrides):
        raise Exit(message("failed", target=target.name), code=1)
    c.run(
        f"{sys.executable} -m pelican -s pelicanconf.py --listen --bind {HOST} --port {PORT} -o {target}",
        pty=False,
    )


@task
def translations(c):
    """Refresh the message catalogs (theme and plugins) and merge them into every language."""
    frontend = f"{sys.executable} -m babel.messages.frontend"
    keywords = "-k _ -k ngettext:1,2"
    with c.cd(str(THEME)):
        c.run(
            f"{frontend} extract -F babel.cfg -o messages.pot --no-location --sort-output"
            f" --project 'Warta Perpustakaan' {keywords} ."
        )
        c.run(f"{frontend} update -i messages.pot -d translations")
    with c.cd(str(PLUGINS / "warta")):
        c.run(
            f"{frontend} extract -o translations/contract.pot --no-location --sort-output"
            f" --project 'Warta Perpustakaan' -k _ contract.py"
        )
        c.run(f"{frontend} update -D contract -i translations/contract.pot -d translations")
