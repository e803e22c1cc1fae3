"""Feeds that say what they are: valid for the W3C Feed Validation Service.

Pelican writes every feed (the site's, each tag's and each category's, Atom and
RSS, per language) with the same title (the site's name and the term), the same
link (the home page) and, in Atom, the same id (that link), and says no
language; its RSS ``<guid>`` is a ``tag:`` URI that the validator rejects
without ``isPermaLink="false"``. On ``feed_generated`` (every item is in the
feed, nothing is written yet) this plugin makes each feed its own:

- its language (``xml:lang`` in Atom, ``<language>`` in RSS);
- a title naming the site, the language and the principle, tag or category
  (``feed_title``, which the page heads use for their ``rel="alternate"`` links);
- a link to its own page (the tag's, the category's, the language's home) and,
  in Atom, its own URL as its id;
- RSS ``<guid isPermaLink="false">``: the ``tag:`` URIs stay as they are, since
  a feed reader that saw another id would show every article again;
- an ``<updated>`` that changes only when an entry does: a feed with no entry
  yet (a principle no article carries) is dated ``EMPTY_FEED_UPDATED``, never
  by the clock of the build;
- plain-text item titles and the site's root put into the HTML (see
  ``multilingual.SITE_ROOT``), so every link in an entry is absolute.

The lead photo of each entry is its enclosure: see ``photos.add_enclosures``.
"""

import functools
import re
from datetime import datetime, timezone

from jinja2 import pass_context
from pelican import signals

from warta import facts
from warta.multilingual import SITE_ROOT, join_url, plain, site_root, theme_gettext

# Atom needs an <updated> even before the first entry; a fixed instant, so
# that building again changes nothing a feed reader sees.
EMPTY_FEED_UPDATED = datetime(2000, 1, 1, tzinfo=timezone.utc)

# Each kind of feed: its settings (the patterns of its path), its title, and
# the page it belongs to. The titles are the theme's gettext strings.
KINDS = {
    "all": ("FEED_ATOM", "FEED_RSS"),
    "tag": ("TAG_FEED_ATOM", "TAG_FEED_RSS"),
    "category": ("CATEGORY_FEED_ATOM", "CATEGORY_FEED_RSS"),
}


def N_(message):
    """Marks a string for the theme's catalog (``invoke translations`` finds it)."""
    return message


TITLES = {
    "all": N_("%(site)s (%(language)s)"),
    "principle": N_("%(site)s: principle %(name)s (%(language)s)"),
    "tag": N_("%(site)s: tag %(name)s (%(language)s)"),
    "category": N_("%(site)s: category %(name)s (%(language)s)"),
}


def feed_title(settings, kind, name=None, slug=None):
    """The title of a feed, for the feed itself and for the page heads that link it."""
    lang = settings["DEFAULT_LANG"]
    if kind == "tag" and slug in {p.slug for p in facts.principles(settings)}:
        kind = "principle"
    message = theme_gettext(settings)(TITLES[kind])
    return message % {
        "site": settings["SITENAME"],
        "name": plain(name or ""),
        "language": settings["WARTA_LANGUAGES"][lang]["name"],
    }


@pass_context
def feed_title_helper(context, kind, term=None):
    """``feed_title`` for templates: ``feed_title('tag', tag)``."""
    return feed_title(context, kind, term.name if term else None, term.slug if term else None)


@functools.lru_cache
def _pattern(template):
    """A regular expression matching the paths a ``..._FEED_...`` setting makes."""
    return re.compile(re.escape(template).replace(re.escape("{slug}"), "(?P<slug>[^/]+)") + "$")


def identify(settings, path):
    """(kind, slug) of the feed written at ``path`` (relative to its language's site)."""
    for kind, keys in KINDS.items():
        for key in keys:
            template = settings.get(key)
            match = template and _pattern(str(template)).match(path)
            if match:
                return kind, match.groupdict().get("slug")
    return None, None


def term_name(context, kind, slug):
    """The name of the principle, tag or category ``slug`` in this language."""
    lang = context["DEFAULT_LANG"]
    terms = facts.principles(context) if kind == "tag" else facts.categories(context)
    for term in terms:
        if term.slug == slug:
            return term.name(lang)
    for tag, _articles in context.get("tags", ()):
        if tag.slug == slug:
            return tag.name
    return slug


def describe(context, feed):
    """Title, link, id and language of a feed (see the module's docstring)."""
    siteurl = context["SITEURL"]
    feed_url = feed.feed["feed_url"] or ""
    path = feed_url.removeprefix(siteurl).lstrip("/") if siteurl else feed_url
    kind, slug = identify(context, path)
    if kind is None:  # a feed of another plugin's: leave its title and link alone
        feed.feed["language"] = context["DEFAULT_LANG"]
        return
    name = term_name(context, kind, slug) if slug else None
    page = {
        "all": "",
        "tag": context.get("TAG_URL", "").format(slug=slug),
        "category": context.get("CATEGORY_URL", "").format(slug=slug),
    }[kind]
    feed.feed["title"] = feed_title(context, kind, name, slug)
    feed.feed["link"] = join_url(siteurl, page)
    feed.feed["id"] = feed_url
    feed.feed["language"] = context["DEFAULT_LANG"]


def finish_feed(context, feed):
    """Everything a feed needs before it is written (see the module's docstring)."""
    describe(context, feed)
    root = site_root(context)
    for item in feed.items:
        item["title"] = plain(item["title"])
        item["unique_id_is_permalink"] = False
        for key in ("description", "content"):
            if item.get(key):
                item[key] = item[key].replace(SITE_ROOT, root)
    if not feed.items:
        feed.latest_post_date = lambda: EMPTY_FEED_UPDATED


def add_template_helpers(generator):
    generator.env.globals["feed_title"] = feed_title_helper


def register():
    # On `feed_generated`: every item is in the feed, nothing is written yet.
    signals.feed_generated.connect(finish_feed)
    # On `generator_init`: every generator (ours too) has its env by then.
    signals.generator_init.connect(add_template_helpers)
