"""Warta Perpustakaan's own Pelican plugins, one module per concern.

Pelican plugins (listed in ``PLUGINS`` in ``pelicanconf.py``, in the order they run):

- ``multilingual``: what each language site needs beyond i18n_subsites
  (settings derived from ``WARTA_LANGUAGES``, catalogs, localised dates,
  clean cross-language URLs, hreflang alternates);
- ``contract``: every file checked against the content contract as Pelican
  reads it; the build stops with clear messages before writing anything;
- ``preview``: drafts with a "DRAF" banner, in the preview build only;
- ``events``: event dates and participants, the agenda and its iCalendar;
- ``structured_data``: JSON-LD (NewsArticle, Event) and social previews;
- ``taxonomy``: canonical principle tags and categories, localised names,
  the principles overview and a page and feed for every principle;
- ``sitemap``: a sitemap per language and robots.txt;
- ``search``: the search pages, the 404 pages, and the Pagefind index.

Helpers: ``facts`` (the languages, principles and categories, declared once
and checked at start-up) and ``scaffold`` (new articles, for ``invoke new``).

Each plugin module has its handlers at module level and ``register()`` at the
bottom.
"""
