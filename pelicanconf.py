"""Settings for Warta Perpustakaan: what a library changes to make the site its own.

Build with ``pelican content -s pelicanconf.py`` (or ``invoke build``);
``publishconf.py`` overrides what production changes.
"""

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent
# publishconf.py imports this file, and Pelican imports our plugins from here.
sys.path.insert(0, str(ROOT))

# --- The library ----------------------------------------------------------
SITENAME = "Warta Perpustakaan"
# The library as every page's footer shows it and search engines read it (a schema.org
# Library on the home page). Only "name" is required; leave out what you do not have.
# EXAMPLES TO REPLACE: the postal code, phone, WhatsApp, e-mail, map position and link below were
# made up for the sample site; the opening hours are the ones its "About us" page gives.
WARTA_LIBRARY = {
    "name": "Perpustakaan Daerah Rejang Lebong",
    # The name in the site's other languages, where {library} below stands for it.
    "names": {"en": "Rejang Lebong Regional Library"},
    "address": {
        "street": "Jl. S. Sukowati No. 1",
        "locality": "Curup",  # town or city
        "region": "Bengkulu",  # province
        "postal_code": "39114",  # EXAMPLE
        "country": "ID",  # two letters (ISO 3166)
    },
    "phone": "+62 732 21234",  # EXAMPLE; with the country code, as a mobile phone dials it
    "email": "perpustakaan@rejanglebongkab.go.id",  # EXAMPLE
    "whatsapp": "+62 812 7100 0000",  # EXAMPLE; the number readers chat with, country code first
    # Days (Mo Tu We Th Fr Sa Su, a range with "-", several with ",") and the 24-hour
    # opening and closing times, in the site's time zone; one line per set of hours.
    # Days not listed are closed days.
    "opening_hours": ["Mo-Fr 08:00-16:00", "Sa 08:00-12:00"],
    "geo": (-3.4716, 102.5269),  # EXAMPLE: (latitude, longitude) of the entrance
    # EXAMPLE: a link to the library on a map
    "map": "https://www.openstreetmap.org/?mlat=-3.4716&mlon=102.5269#map=18/-3.4716/102.5269",
    # Square, at least 180 x 180 px: search engines' publisher logo, and the site's icons
    # (/favicon.ico, the home-screen icon of phones) are made from it.
    "logo": "images/logo.png",
    # The page (by its Slug, which its translation shares) that shows all of the above:
    # address, phone, WhatsApp, e-mail, opening hours and map, under the page's own text.
    "about_page": "tentang",
}
AUTHOR = WARTA_LIBRARY["name"]  # an article's author when it names none
# The details marked EXAMPLE above were made up for the sample site: while this is True,
# `invoke deploy` and `invoke gh-pages` refuse to put the site online (builds, `invoke
# publish` and the preview are unaffected). Set it to False once they are your library's,
# and SITEURL and WARTA_DEPLOY in publishconf.py are yours.
WARTA_SAMPLE_DETAILS = True
# The picture a shared link shows when the article has none (1200 x 630); what it shows
# is "share_image_alt" in WARTA_LANGUAGES below.
WARTA_SHARE_IMAGE = "images/share.png"
# The colour phones give the browser's address bar (the theme's accent colour).
WARTA_THEME_COLOR = "#005a8d"
# No address in local builds: every link is relative to its page ("../../tag/x/"), so the
# preview works on any port, from a phone on the office Wi-Fi, and in a sub-folder of any
# server. publishconf.py sets the public address (and absolute URLs).
SITEURL = ""
RELATIVE_URLS = True
TIMEZONE = "Asia/Jakarta"
WARTA_TIMEZONE_LABEL = "WIB"  # written after event times: "08.00–13.00 WIB"

# --- Languages ------------------------------------------------------------
# Each language the site is published in. The default language lives at the
# site root, every other under /<lang>/. To add a language: add it here, give
# every principle and category a name in it, and add its catalog under
# theme/translations/. "locale" is for Open Graph, "date_locale" is the Babel
# locale dates and times are written in; "sections" are the URL words of its
# section pages; "share_image_alt" says what WARTA_SHARE_IMAGE shows. In "subtitle" and
# "share_image_alt", {library} is the library's name in that language (WARTA_LIBRARY).
DEFAULT_LANG = "id"
WARTA_LANGUAGES = {
    "id": {
        "name": "Bahasa Indonesia",
        "locale": "id_ID",
        "date_locale": "id",
        "subtitle": "Berita {library}",
        "share_image_alt": "Buku terbuka dan tulisan Warta Perpustakaan, {library}",
        "sections": {
            "category": "kategori",
            "principles": "asas",
            "page": "halaman",
            "agenda": "agenda",
            "search": "cari",
            "archive": "arsip",
        },
    },
    "en": {
        "name": "English",
        "locale": "en_US",
        "date_locale": "en_GB",  # "30 July 2020", not "July 30, 2020"
        "subtitle": "News from the {library}",
        "share_image_alt": "An open book and the words Warta Perpustakaan, {library}",
        "sections": {
            "category": "category",
            "principles": "principles",
            "page": "page",
            "agenda": "agenda",
            "search": "search",
            "archive": "archive",
        },
    },
}

# The three categories: canonical slug, then its name in each language.
WARTA_CATEGORIES = {
    "berita": {"id": "Berita", "en": "News"},
    "kegiatan": {"id": "Kegiatan", "en": "Activities"},
    "kisah-literasi": {"id": "Kisah Literasi", "en": "Literacy Stories"},
}
DEFAULT_CATEGORY = "berita"  # what `invoke new` starts an article with
WARTA_EVENT_CATEGORY = "kegiatan"  # ... and an activity report (`invoke new --event`)
# `invoke import-wordpress` (plugins/warta/wordpress/): a WordPress category's name or slug
# (any case) -> one of WARTA_CATEGORIES above; None: no category of its own, the post gets
# DEFAULT_CATEGORY without a question. A WordPress category or tag that names one of the seven
# principles becomes that principle by itself; any other category is kept as a tag and listed
# in the import's report, never guessed.
WARTA_WORDPRESS_CATEGORIES = {
    "berita": "berita",
    "news": "berita",
    "pengumuman": "berita",
    "informasi": "berita",
    "kegiatan": "kegiatan",
    "agenda": "kegiatan",
    "acara": "kegiatan",
    "events": "kegiatan",
    "artikel": "kisah-literasi",  # essays and stories, not news
    "literasi": "kisah-literasi",
    "cerita": "kisah-literasi",
    "uncategorized": None,  # WordPress's default category
    "tanpa kategori": None,
}
# The seven principles of UU 43/2007 pasal 2 are built in (plugins/warta/facts.py);
# WARTA_PRINCIPLES here would override their names.

# --- Content ----------------------------------------------------------------
# The language of the messages editors get when content breaks the contract.
WARTA_MESSAGES_LANG = "id"
WITH_FUTURE_DATES = False  # an article dated in the future waits for a build on or after its date
PATH = "content"
ARTICLE_PATHS = ["articles"]
PAGE_PATHS = ["pages"]
# Nothing is copied as it is: photos (and the logo and share picture below) are
# published by warta.photos in processed versions, never the phone's original.
STATIC_PATHS = []
USE_FOLDER_AS_CATEGORY = False
TYPOGRIFY = True
TYPOGRIFY_DASHES = "oldschool"  # "09.00--15.00" becomes the en dash Indonesian ranges use
# Not widont: its no-break space between a title's last two words makes "Perpustakaan
# Daerah" one 19-letter word that a 360 px phone breaks inside ("Daera-h"); the
# stylesheet's `text-wrap: balance` keeps headings from ending on a lone word instead.
TYPOGRIFY_OMIT_FILTERS = ["widont"]
DEFAULT_PAGINATION = 10
SUMMARY_MAX_LENGTH = 40
# Pelican's own text of a date (``locale_date``), which the theme does not show: it
# writes dates per language with Babel. Numbers only, the quickest for Pelican to make.
DEFAULT_DATE_FORMAT = "%Y-%m-%d"
# The old site's addresses and where each now goes (README, "Old addresses"), inside
# content/; written by `invoke import-wordpress`, editable by hand. No file, no redirects.
WARTA_REDIRECTS = "redirects.csv"

# --- URLs: a public contract (feed readers and search engines keep them) -----
ARTICLE_URL = "{date:%Y}/{date:%m}/{slug}/"
ARTICLE_SAVE_AS = ARTICLE_URL + "index.html"
PAGE_URL = "{slug}/"
PAGE_SAVE_AS = PAGE_URL + "index.html"
TAG_URL = "tag/{slug}/"
TAG_SAVE_AS = TAG_URL + "index.html"
# An event's own calendar file ("Add to calendar"), beside its article.
WARTA_EVENT_CALENDAR_URL = ARTICLE_URL + "{slug}.ics"
# Category and principles URLs are per language: see "sections" above.
INDEX_URL = ""  # the home page is "/", not "/index.html"
DIRECT_TEMPLATES = ["index"]
AUTHOR_SAVE_AS = AUTHORS_SAVE_AS = CATEGORIES_SAVE_AS = TAGS_SAVE_AS = ARCHIVES_SAVE_AS = ""
# Drafts never reach the public site.
DRAFT_SAVE_AS = DRAFT_LANG_SAVE_AS = DRAFT_PAGE_SAVE_AS = DRAFT_PAGE_LANG_SAVE_AS = ""

# Feeds, one language each (i18n_subsites' "all" feeds would mix languages).
FEED_ATOM = "feeds/all.atom.xml"
FEED_RSS = "feeds/all.rss.xml"
FEED_ALL_ATOM = FEED_ALL_RSS = None
TRANSLATION_FEED_ATOM = TRANSLATION_FEED_RSS = None
AUTHOR_FEED_ATOM = AUTHOR_FEED_RSS = None
TAG_FEED_ATOM = "feeds/tag/{slug}.atom.xml"
TAG_FEED_RSS = "feeds/tag/{slug}.rss.xml"
CATEGORY_FEED_ATOM = "feeds/category/{slug}.atom.xml"
CATEGORY_FEED_RSS = "feeds/category/{slug}.rss.xml"
RSS_FEED_SUMMARY_ONLY = False
# How often (hours) a calendar app subscribed to the agenda (/agenda.ics) fetches it again.
WARTA_CALENDAR_REFRESH_HOURS = 12
# Each feed carries the newest 20 whole articles: a reader fetches all of it again after
# every new article (README, "Public URLs").
FEED_MAX_ITEMS = 20

# --- Theme and plugins ------------------------------------------------------
THEME = str(ROOT / "theme")
THEME_STATIC_DIR = "theme"
JINJA_ENVIRONMENT = {
    "extensions": ["jinja2.ext.i18n"],
    "autoescape": True,
    "trim_blocks": True,
    "lstrip_blocks": True,
    # A build reads each template once: Jinja need not look at the file's date again on
    # every {% include %} (17,000 times at 1,000 articles). The preview builds anew.
    "auto_reload": False,
}
PLUGIN_PATHS = [str(ROOT / "plugins")]
PLUGINS = [
    "warta.addresses",  # article and page addresses worked out faster than Pelican does, the same
    "warta.multilingual",  # checks WARTA_* settings, derives each language's settings
    "warta.library",  # the library's address, phone and hours (WARTA_LIBRARY), for the footer
    "warta.contract",  # checks every file against the content contract; stops before writing
    "warta.photos",  # photos: figures, galleries, lead photo, versions for phones
    "warta.preview",  # drafts with a DRAF banner, in `invoke serve --drafts` only
    "warta.incremental",  # the preview's quick rebuild: only the pages a save touches
    "warta.events",  # event dates and participants, the agenda and its calendar
    "warta.structured_data",  # JSON-LD and social previews
    "warta.summaries",  # a card's text without Summary: the body's first paragraph
    "warta.related",  # reading time, share links, previous/next and related articles
    "warta.taxonomy",  # canonical principles and categories, before i18n filters languages
    "warta.feeds",  # feeds that name their language, page and subject; valid for the W3C validator
    "warta.archive",  # every article by year and month, per language (/arsip/, /en/archive/)
    "warta.sitemap",  # a sitemap per language with hreflang alternates, and robots.txt
    "warta.search",  # the search pages, and the Pagefind index once everything is written
    "warta.publishing",  # published builds: theme files named by content, the server's files
    "warta.redirects",  # old addresses (redirects.csv): redirect pages, and the servers' 301 rules
    "pelican.plugins.i18n_subsites",  # builds /en/ and installs the gettext catalogs
]
I18N_TEMPLATES_LANG = "en"  # template strings are written in English; id gets the catalog
I18N_UNTRANSLATED_ARTICLES = "remove"  # "hide" would write them as drafts under /en/drafts/
I18N_UNTRANSLATED_PAGES = "remove"

# Pelican's own messages that say nothing to us.
import logging  # noqa: E402

LOG_FILTER = [
    (logging.WARNING, "Docutils has no localization for '%s'. Using 'en' instead."),
    # Duplicate slugs: warta.contract names both files and stops the build.
    (logging.WARNING, 'There are %s items "%s" with lang %s: \n%s\n%s'),
    (logging.WARNING, "There are %s original (not translated) items %s: \n%s\n%s"),
    # Local builds name no address on purpose; publishconf.py gives the feeds theirs.
    (
        logging.WARNING,
        "Feeds generated without SITEURL or FEED_DOMAIN set properly may not be valid",
    ),
    # An image without a description: warta.contract stops the build, in the editor's language.
    (logging.WARNING, "Empty alt attribute for image %s in %s"),
]
