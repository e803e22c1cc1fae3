"""Tasks for editors and developers: ``invoke --list``.

Builds go into a staging folder that replaces ``output/`` only when the whole
build succeeded, so a failed build never leaves half a site.
"""

import os
import shlex
import shutil
import sys
import tempfile
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


def swap_in(staging, target):
    """Replace ``target`` with ``staging``: two renames, never a mix of old and new."""
    old = target.with_name(f".{target.name}.old")
    shutil.rmtree(old, ignore_errors=True)
    if target.exists():
        os.rename(target, old)
    os.rename(staging, target)
    shutil.rmtree(old, ignore_errors=True)


def staged_build(c, settings="pelicanconf.py", target=OUTPUT, overrides=(), content=CONTENT):
    """Build into a staging folder; swap it in only if the whole build succeeded."""
    staging = target.with_name(f".{target.name}.staging")
    shutil.rmtree(staging, ignore_errors=True)
    result = pelican(c, settings, staging, overrides, warn=True, content=content)
    if not result.ok:
        shutil.rmtree(staging, ignore_errors=True)
        return False
    swap_in(staging, target)
    return True


@task
def clean(c):
    """Remove the generated site, the preview and Pelican's cache."""
    for path in (OUTPUT, PREVIEW, ROOT / "cache"):
        shutil.rmtree(path, ignore_errors=True)


@task
def build(c):
    """Build the site with the local settings into output/ (only if the build succeeds)."""
    if not staged_build(c):
        raise Exit("Build gagal: output/ tidak diubah.", code=1)


@task
def publish(c):
    """Build the site with the production settings (publishconf.py) into output/."""
    if not staged_build(c, "publishconf.py"):
        raise Exit("Build gagal: output/ tidak diubah.", code=1)


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
    print(f"Artikel baru: {path.relative_to(ROOT)} (Status: draft)")


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
        raise Exit("Build gagal: tidak ada yang diubah.", code=1)
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
