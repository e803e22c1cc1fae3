"""Tasks for building and serving the site: ``invoke --list``."""

import shutil
import sys
from pathlib import Path

from invoke import task

ROOT = Path(__file__).resolve().parent
CONTENT = ROOT / "content"
OUTPUT = ROOT / "output"
THEME = ROOT / "theme"
HOST, PORT = "127.0.0.1", 8000  # SITEURL in pelicanconf.py says the same


def pelican(c, settings="pelicanconf.py", *args):
    # A fresh process per build: i18n_subsites keeps module-level state between runs.
    c.run(" ".join([sys.executable, "-m", "pelican", str(CONTENT), "-s", settings, *args]), pty=False)


@task
def clean(c):
    """Remove the generated site and Pelican's cache."""
    for path in (OUTPUT, ROOT / "cache"):
        shutil.rmtree(path, ignore_errors=True)


@task
def build(c):
    """Build the site with the local settings into output/."""
    pelican(c)


@task
def publish(c):
    """Build the site with the production settings (publishconf.py) into output/."""
    pelican(c, "publishconf.py")


@task
def serve(c):
    """Build, then serve output/ on http://127.0.0.1:8000 (rebuilds on change, no browser reload)."""
    pelican(c, "pelicanconf.py", "--autoreload", "--listen", "--bind", HOST, "--port", str(PORT))


@task
def livereload(c):
    """Build, serve on http://127.0.0.1:8000, rebuild and reload the browser on every change."""
    from livereload import Server

    def rebuild():
        pelican(c)

    rebuild()
    server = Server()
    for pattern in (
        "pelicanconf.py",
        "content/**/*.md",
        "content/images/*",
        "plugins/**/*.py",
        "theme/templates/**/*.html",
        "theme/static/**/*",
        "theme/translations/*/LC_MESSAGES/*.po",
    ):
        server.watch(str(ROOT / pattern), rebuild)
    server.serve(host=HOST, port=PORT, root=str(OUTPUT))


@task
def translations(c):
    """Refresh theme/messages.pot from the templates and merge it into every catalog."""
    with c.cd(str(THEME)):
        c.run(
            f"{sys.executable} -m babel.messages.frontend extract -F babel.cfg -o messages.pot"
            " --no-location --sort-output --project 'Warta Perpustakaan' -k _ -k ngettext:1,2 ."
        )
        c.run(f"{sys.executable} -m babel.messages.frontend update -i messages.pot -d translations")
