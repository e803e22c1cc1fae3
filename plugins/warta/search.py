"""Search in both languages: Pagefind indexes the built site, one index per language.

Pagefind reads ``<html lang>`` and keeps a separate index for each language, so
``/cari/`` only finds Indonesian pages and ``/en/search/`` English ones. Only
article and page bodies (``data-pagefind-body`` in the templates) are indexed,
not listings. The search page is written per language like any section page;
its script is the only JavaScript on the site.
"""

import subprocess
import sys

from pelican import signals
from pelican.generators import Generator

from warta.multilingual import is_main_site, section_path, write_page


def index_site(pelican):
    """Index the whole output (every language site) once, after the last one is written."""
    if not is_main_site(pelican.settings):
        return  # a subsite finishes before the main site writes; index once, at the end
    if not pelican.settings.get("WARTA_SEARCH_INDEX", True):
        return  # the preview's quick rebuild: `invoke serve` indexes after the reload
    output = pelican.settings["OUTPUT_PATH"]
    result = subprocess.run(
        [sys.executable, "-m", "pagefind", "--site", output, "--silent"],
        capture_output=True,
        text=True,
    )
    if result.returncode != 0:
        raise RuntimeError(f"warta.search: Pagefind could not index {output}:\n{result.stderr}")


class SearchPagesGenerator(Generator):
    """The search page of this language, and its "not found" page, which offers a search."""

    def generate_output(self, writer):
        write_page(
            self,
            writer,
            "search",
            section_path(self.settings, self.settings["DEFAULT_LANG"], "search"),
        )
        write_page(self, writer, "404", "404.html", save_as="404.html")


def get_generators(pelican):
    return SearchPagesGenerator


def register():
    signals.get_generators.connect(get_generators)
    # On `finalized` of the main site: by then the subsites are written too.
    signals.finalized.connect(index_site)
