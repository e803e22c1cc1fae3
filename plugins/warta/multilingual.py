"""What each language site needs beyond pelican-i18n-subsites.

i18n_subsites builds the ``/en/`` subsite and installs the gettext catalogs in
Jinja. This plugin, listed before it in ``PLUGINS``:

- derives each language site's settings from ``WARTA_LANGUAGES`` (URL words,
  subtitle, its own ``FEED_DOMAIN`` so a feed's ``rel="self"`` is its own),
- compiles the theme's ``.po`` catalogs with Babel so ``.mo`` files are never stale,
- gives templates localised dates (Babel: the machines have no ``id_ID`` OS
  locale), plain-text titles, clean absolute URLs (i18n_subsites writes
  cross-language links as ``/en/../``) and the hreflang alternates of a page.
"""

import datetime
import functools
import gettext
import os
import posixpath
import sys
from pathlib import Path
from urllib.parse import urljoin, urlparse

from babel import Locale
from babel.dates import format_date
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from jinja2 import pass_context
from markupsafe import Markup
from pelican import signals
from pelican.paginator import PaginationRule

from warta import facts, reading


def section_path(settings, lang, section, slug=None):
    """The URL, relative to a language's site root, of a section page: ``kategori/berita/``."""
    word = settings["WARTA_LANGUAGES"][lang]["sections"][section]
    return f"{word}/{slug}/" if slug else f"{word}/"


def every_article(generator):
    """Every article a language site has read, in every language and status. Call it
    before i18n_subsites removes the other languages' articles (on pretaxonomy)."""
    return (
        generator.articles
        + generator.translations
        + generator.drafts
        + generator.drafts_translations
        + generator.hidden_articles
        + generator.hidden_translations
    )


def every_page(generator):
    """Every page a language site has read, in every language and status."""
    return (
        generator.pages
        + generator.translations
        + generator.hidden_pages
        + generator.hidden_translations
        + generator.draft_pages
        + generator.draft_translations
    )


def every_content(generator):
    """Everything an article or page generator read, in every language and status
    (articles as ``contract`` kept them before i18n_subsites removed other languages');
    None for any other generator."""
    from pelican.generators import ArticlesGenerator, PagesGenerator

    if isinstance(generator, ArticlesGenerator):
        return generator.warta_everything
    if isinstance(generator, PagesGenerator):
        return every_page(generator)
    return None


def main_lang(settings):
    """The main language (set as every site's default `Lang` in ``initialize``)."""
    return settings["DEFAULT_METADATA"]["lang"]


def write_page(generator, writer, template, url, save_as=None, **values):
    """Write one of our own pages (principles overview, agenda, search, 404) the way
    Pelican writes its direct templates; ``save_as`` defaults to ``url`` + index.html."""
    writer.write_file(
        save_as or url + "index.html",
        generator.get_template(template),
        generator.context,
        url=url,
        relative_urls=generator.settings["RELATIVE_URLS"],
        template_name=template,
        page_name=url.removesuffix("/").removesuffix(".html"),
        **values,
    )


def is_main_site(settings):
    """Whether these settings are the main language site's (not an i18n subsite's)."""
    return settings["DEFAULT_LANG"] == main_lang(settings)


def initialize(pelican):
    """Check the WARTA_* settings and derive this language site's own settings."""
    facts.explain_errors_plainly()
    settings = facts.settings_with_defaults(pelican.settings)
    try:
        facts.check_settings(settings)
    except facts.SettingsError as error:
        print(f"pelicanconf.py: {error}", file=sys.stderr)
        raise
    lang = settings["DEFAULT_LANG"]
    language = settings["WARTA_LANGUAGES"][lang]
    if "lang" not in settings.get("DEFAULT_METADATA", {}):  # the main site: a new build
        reading.forget()
    reading.take_over_typogrify(settings)
    # The main site declares the subsites; i18n_subsites copies this dict into each.
    settings.setdefault(
        "I18N_SUBSITES", {other: {} for other in settings["WARTA_LANGUAGES"] if other != lang}
    )
    # Content without `Lang` is in the main language, on every language site
    # (Pelican would take each subsite's own DEFAULT_LANG). A new dict: the
    # default one is shared by every build in this process.
    settings["DEFAULT_METADATA"] = {"lang": lang, **settings.get("DEFAULT_METADATA", {})}
    category = section_path(settings, lang, "category", "{slug}")
    settings["CATEGORY_URL"] = category
    settings["CATEGORY_SAVE_AS"] = category + "index.html"
    page = language["sections"]["page"]
    settings["PAGINATION_PATTERNS"] = [
        PaginationRule(1, "{url}", "{save_as}"),
        PaginationRule(
            2, f"{{base_name}}/{page}/{{number}}/", f"{{base_name}}/{page}/{{number}}/index.html"
        ),
    ]
    from warta.library import library_text

    subtitle = language.get("subtitle", settings.get("SITESUBTITLE", ""))
    settings["SITESUBTITLE"] = library_text(settings, subtitle, lang)
    # Files shared by every language (photos) live at the main site's root; the
    # main site sets this first, and i18n_subsites copies it into each subsite.
    settings.setdefault("WARTA_MAIN_SITEURL", settings["SITEURL"])
    if not is_main_site(settings):
        # Files linked with {static} (a PDF report) are published once, by the main
        # site; a subsite links there. Pelican asks for STATIC_LANG_* here, since the
        # files' language (the main one) is not the subsite's: without them, KeyError.
        here = urlparse(settings["SITEURL"]).path or "/"
        root = urlparse(settings["WARTA_MAIN_SITEURL"]).path or "/"
        settings["STATIC_LANG_URL"] = posixpath.relpath(root, here) + "/{path}"
        settings["STATIC_LANG_SAVE_AS"] = settings["STATIC_SAVE_AS"]
    # Without its own FEED_DOMAIN a subsite's feeds claim the main site's feed as rel="self".
    settings["FEED_DOMAIN"] = settings["SITEURL"]
    compile_catalogs(Path(settings["THEME"]) / "translations")


def theme_gettext(settings):
    """The theme's gettext for this language site, for words our Python writes (dates,
    feed titles, calendars): the catalog i18n_subsites installs in the templates,
    found the same way (gettext keeps each catalog it has read)."""
    lang = settings["DEFAULT_LANG"]
    if lang == settings.get("I18N_TEMPLATES_LANG"):
        return gettext.NullTranslations().gettext
    localedir = settings.get("I18N_GETTEXT_LOCALEDIR") or os.path.join(
        settings["THEME"], "translations"
    )
    domain = settings.get("I18N_GETTEXT_DOMAIN", "messages")
    return _catalog(localedir, domain, lang).gettext


@functools.lru_cache(maxsize=16)
def _catalog(localedir, domain, lang):
    return gettext.translation(domain, localedir, [lang], fallback=True)


def compile_catalogs(translations_dir):
    """Write each ``.mo`` from its ``.po`` when the .po is newer."""
    for po_path in translations_dir.glob("*/LC_MESSAGES/*.po"):
        mo_path = po_path.with_suffix(".mo")
        if mo_path.exists() and mo_path.stat().st_mtime >= po_path.stat().st_mtime:
            continue
        with po_path.open("rb") as po_file:
            catalog = read_po(po_file, locale=po_path.parent.parent.name)
        tmp_path = mo_path.with_suffix(".mo.tmp")
        with tmp_path.open("wb") as mo_file:
            write_mo(mo_file, catalog)
        os.replace(tmp_path, mo_path)  # atomic: a parallel build never reads half a catalog


@functools.lru_cache(maxsize=65536)  # the same few thousand links, on page after page
def join_url(base, url):
    """``url`` (relative to a site root) under ``base``, that root's address, with no
    ``/en/../`` left. ``base`` is absolute ("https://…/en"), site-rooted, or relative
    to the page ("../.."), where urljoin would drop the "..": joined as paths then."""
    url = str(url)
    base = base or "/"  # no address, not relative (RELATIVE_URLS gives pages ".")
    if urlparse(base).scheme or base.startswith("/"):
        return urljoin(base.rstrip("/") + "/", url)
    path, _, rest = url.partition("#")
    joined = posixpath.normpath(posixpath.join(base, path))
    if path.endswith("/") or not path:
        joined += "/"
    return joined + ("#" + rest if rest else "")


@pass_context
def absolute_url(context, url):
    """``url`` relative to this language's site, as a clean URL: absolute in a
    published build, relative to the page in a local one."""
    return join_url(context["SITEURL"], url)


@pass_context
def site_root(context, lang=None):
    """The root of ``lang``'s site (the main one's by default) as this page links it:
    absolute in a published build, relative to the page in a local one
    (RELATIVE_URLS), so the preview works in any folder of any server."""
    lang = lang or main_lang(context)
    return absolute_url(context, context["relpath_to_site"](context["DEFAULT_LANG"], lang) + "/")


# Where HTML made before any page is written (a body's photos) links the main site's
# root: Pelican keeps a file's HTML once for every page it appears on (the article,
# listings' summaries, feeds), so the root is put in as each page is written.
SITE_ROOT = "/.warta-root/"


@pass_context
def rooted(context, html):
    """``html`` with the main site's root put in for ``SITE_ROOT``, as this page links it."""
    return Markup(str(html).replace(SITE_ROOT, site_root(context)))


@pass_context
def site_file_url(context, path):
    """A static file's URL (images, the search bundle): they live once, at the main site's root."""
    return join_url(site_root(context), path)


@pass_context
def local_date(context, value, lang=None):
    """A date written the way the page's language writes it: '30 Juli 2020', '30 July 2020'."""
    if isinstance(value, datetime.datetime):
        value = value.date()  # what format_date writes of it
    return long_date(value, date_locale(context, lang))


@functools.lru_cache(maxsize=4096)
def long_date(day, locale):
    """Babel parses the locale's pattern on every call: 10,000 dates at 1,000 articles
    (cards on every listing) are a few hundred days."""
    return format_date(day, "long", locale=locale)


def date_locale(context, lang=None):
    """The Babel locale the page's language writes dates in."""
    return context["WARTA_LANGUAGES"][lang or context["DEFAULT_LANG"]]["date_locale"]


def plain(text):
    """Text without markup (typogrify's ``<span class="caps">``), entities or
    typogrify's non-breaking spaces, for ``<title>``, ``alt``, meta tags and JSON;
    autoescape escapes it again on output."""
    return Markup(str(text)).striptags().replace("\xa0", " ")


@pass_context
def alternates(context, kind, key=None, page=None):
    """[(lang, absolute URL)] of this page in every language it exists in, own first.

    ``kind`` is ``content`` (key: the article or page), ``home``, ``principles``,
    ``agenda``, ``search``, ``not_found``, ``category`` or ``tag`` (key: the slug), or
    ``archive`` (key: a year, or None for the overview).
    ``page`` is a listing's page: from page 2 on, a listing has no translation.
    """
    if page is not None and page.number > 1:
        return [(context["DEFAULT_LANG"], absolute_url(context, page.url))]
    if kind == "content":
        own = [(key.lang, absolute_url(context, key.url))]
        return own + [
            (t.lang, absolute_url(context, t.url))
            for t in sorted(key.translations, key=lambda t: t.lang)
        ]
    result = []
    for lang in context["lang_siteurls"]:
        root = site_root(context, lang)
        if kind == "home":
            path = ""
        elif kind in ("principles", "category", "agenda", "search"):
            path = section_path(context, lang, kind, key)
        elif kind == "archive" and key is not None:
            if int(key) not in context["warta_archive_years"].get(lang, ()):
                continue
            path = section_path(context, lang, kind, str(key))
        elif kind == "archive":
            path = section_path(context, lang, kind)
        elif kind == "not_found":
            path = "404.html"
        elif kind == "tag":
            if key not in context["warta_tag_langs"].get(lang, ()):
                continue
            path = context["TAG_URL"].format(slug=key)
        else:
            raise ValueError(f"unknown page kind {kind!r}")
        result.append((lang, join_url(root, path)))
    own = context["DEFAULT_LANG"]
    return sorted(result, key=lambda pair: pair[0] != own)


@pass_context
def hreflang_links(context, links):
    """[(hreflang, URL)] that announce a page's languages, from its ``alternates``: each
    language's version, and ``x-default`` (the main language's) for readers in any
    other; nothing for a page in one language. The page heads and the sitemaps both
    write these, so they never disagree."""
    if len(links) < 2:
        return []
    main = main_lang(context)
    return [*links, *(("x-default", url) for lang, url in links if lang == main)]


@pass_context
def section_url(context, section, slug=None):
    """The absolute URL of a section page in this page's language."""
    return absolute_url(context, section_path(context, context["DEFAULT_LANG"], section, slug))


@pass_context
def language_name(context, lang):
    """A language's name in the page's language: 'Inggris' on /, 'Indonesian' on /en/."""
    return Locale.parse(context["DEFAULT_LANG"]).languages[lang]


def leave_static_files_to_the_main_site(generator):
    """A subsite writes no static file: the main site does, once (see ``initialize``)."""
    if not is_main_site(generator.settings):
        generator.staticfiles = []
        generator.context["staticfiles"] = []


def add_template_helpers(generator):
    """Give every generator's Jinja environment the helpers above."""
    generator.env.filters.update(
        absolute_url=absolute_url,
        local_date=local_date,
        plain=plain,
        site_file_url=site_file_url,
        rooted=rooted,
    )
    generator.env.globals.update(
        alternates=alternates,
        hreflang_links=hreflang_links,
        section_url=section_url,
        language_name=language_name,
        site_root=site_root,
    )


def register():
    # On `initialized`: it fires for the main site and again for each subsite
    # i18n_subsites creates, before any generator reads the settings.
    signals.initialized.connect(initialize)
    # On `static_generator_finalized`: the subsite's links to them are resolved by then.
    signals.static_generator_finalized.connect(leave_static_files_to_the_main_site)
    # On `generator_init`: every generator (ours too) has its env by then.
    signals.generator_init.connect(add_template_helpers)
