"""Warta Perpustakaan's own Pelican plugins, one module per concern.

- ``facts``: the things the site is about (languages, principles, categories),
  declared once with their defaults and checked once at start-up;
- ``multilingual``: what each language site needs beyond i18n_subsites
  (catalogs, localised dates, clean cross-language URLs, hreflang);
- ``taxonomy``: canonical principle tags and categories, localised names,
  the principles overview and a page and feed for every principle.

Each plugin module has its handlers at module level and ``register()`` at the
bottom; ``PLUGINS`` in ``pelicanconf.py`` lists them in the order they run.
"""
