"""Warta Perpustakaan's own Pelican plugins, one module per concern.

Pelican plugins (listed in ``PLUGINS`` in ``pelicanconf.py``, in the order they run):

- ``addresses``: every article's and page's ``url`` and ``save_as`` from
  only the fields its pattern names (Pelican copies all the metadata on each
  of the 30,000 times templates ask at 1,000 articles); the same addresses;
- ``multilingual``: what each language site needs beyond i18n_subsites
  (settings derived from ``WARTA_LANGUAGES``, catalogs, localised dates,
  clean cross-language URLs, hreflang alternates);
- ``library``: the library itself (``WARTA_LIBRARY``: address, phone, hours),
  read and checked once, for the footer and the structured data;
- ``contract``: every file checked against the content contract as Pelican
  reads it; the build stops with clear messages before writing anything;
- ``photos``: figures, galleries and the lead photo; every photo published in
  sizes and formats for phones, once, at the main site's root;
- ``preview``: drafts with a "DRAF" banner, in the preview build only;
- ``incremental``: the preview's quick rebuild, writing only the files a save
  touches (and the record of what each file shows that this needs);
- ``events``: event dates and participants, the agenda and its iCalendar;
- ``structured_data``: JSON-LD (WebSite, Library, NewsArticle, Event,
  BreadcrumbList) and social previews;
- ``summaries``: without a ``Summary``, an article's first paragraph is
  its card text (not the first words, headings, photos and lists and all);
- ``related``: an article page's reading time, share links, previous and
  next article and related articles, in its language;
- ``taxonomy``: canonical principle tags and categories, localised names,
  the principles overview and a page and feed for every principle;
- ``feeds``: every feed names its language, page and subject, keeps stable
  ids and dates, and is valid for the W3C Feed Validation Service;
- ``archive``: every article of a language by year and month (an overview
  and a page per year);
- ``sitemap``: a sitemap per language and robots.txt;
- ``search``: the search pages, the 404 pages, and the Pagefind index;
- ``publishing``: what a published build adds for the web server (theme files
  named by their content, ``server/.htaccess`` at the root);
- ``redirects``: the old site's addresses (``content/redirects.csv``) kept
  working: checked like the content, a redirect page at each old path, and
  301 rules for nginx and Apache in published builds.

Helpers: ``facts`` (the languages, principles and categories, declared once
and checked at start-up), ``reading`` (each source read and typogrified once
for every language site), ``imaging`` (Pillow and the photo cache),
``indexing`` (Pagefind, one run per language, without Pelican),
``compressing`` (the published site's ``.gz`` and ``.br`` files, after
Pagefind), ``tables`` (Markdown table alignment as classes), ``serve``
(the preview server, its watcher and error page), ``scaffold`` (new
articles, for ``invoke new``), ``deploy`` (``invoke deploy``, ``rollback``
and ``gh-pages``: releases over rsync and SSH, GitHub Pages) and
``deploy_messages`` (what those say, in the staff's language) and the package
``wordpress`` (``invoke import-wordpress``: a WordPress export into content/, photos,
Polylang pairs, redirects.csv and a report; ``wordpress.messages`` says what it says).

Each plugin module has its handlers at module level and ``register()`` at the
bottom.
"""
