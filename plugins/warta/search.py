"""Search in both languages: Pagefind indexes the built site, one bundle per language.

Each language site has its own bundle (``/pagefind/``, ``/en/pagefind/``), made by
its own Pagefind run over its own pages, so ``/cari/`` only finds Indonesian
pages and ``/en/search/`` English ones, and a run holds one language in memory. Only
article and page bodies (``data-pagefind-body`` in the templates) are indexed,
not listings. The search page is written per language like any section page;
its script is the only JavaScript on the site.
"""

from pelican import signals
from pelican.generators import Generator

from warta.indexing import index_site
from warta.multilingual import is_main_site, section_path, write_page


def index_when_built(pelican):
    """With ``pelican`` alone: index once the last language site is written. `invoke`
    builds index after Pelican has finished instead (``WARTA_SEARCH_INDEX = False``),
    so that Pagefind does not run beside a Python process holding the whole site."""
    settings = pelican.settings
    if not is_main_site(settings):
        return  # a subsite finishes before the main site writes; index once, at the end
    if settings.get("WARTA_SEARCH_INDEX", True):
        index_site(settings["OUTPUT_PATH"], settings["DEFAULT_LANG"], settings["WARTA_LANGUAGES"])


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
    signals.finalized.connect(index_when_built)
