"""What an article page offers after the story: its reading time, plain share links,
the previous and next article and three related ones, all in the article's language.

Pelican gives an article's template the article alone (no previous or next; the
``neighbors`` plugin would also mix languages before i18n_subsites splits them).
So, once each language site's articles are final (i18n_subsites has removed the
other language's, and the preview has added its drafts), every article is given

- ``warta_newer`` / ``warta_older``: the next and previous article of its site;
- ``warta_related``: up to three others, those sharing the most principles
  first, then those of the same category, the newest first among equals;
- ``warta_shows``: those articles, for the preview's quick rebuild
  (``incremental.shows``): an article page shows their titles and dates, so it is
  written again when one of them changes face or the set changes.

A preview's draft never appears on another article's page (as on the public
site), though a draft's own page gets its neighbours.

Share links are plain links to each service's sharing address: no script, no
tracker, no picture from another site. They need the article's absolute address,
so a local build (``SITEURL = ""``, links relative to each page) has none.
"""

import math
import re
from urllib.parse import quote

from jinja2 import pass_context
from markupsafe import Markup
from pelican import signals

RELATED_COUNT = 3
WORDS_PER_MINUTE = 200  # a common reading speed for news in a second reading language too

# Each service's sharing address, from its own documentation: (name, address with the
# article's encoded {url} and {title}). The order is the order on the page: WhatsApp,
# which most readers in Indonesia use, first.
SHARE_SERVICES = (
    ("WhatsApp", "https://wa.me/?text={title}%20{url}"),
    ("Facebook", "https://www.facebook.com/sharer/sharer.php?u={url}"),
    ("Telegram", "https://t.me/share/url?url={url}&text={title}"),
    ("X", "https://x.com/intent/post?url={url}&text={title}"),
    ("email", "mailto:?subject={title}&body={url}"),
)

_TAG = re.compile(r"<[^>]+>")
# The body's first paragraph, when the body starts with one (a paragraph holds no other).
_FIRST_PARAGRAPH = re.compile(r"\A\s*(<p[\s>].*?</p>)", re.DOTALL)


def is_draft(article):
    return getattr(article, "preview_draft", False)


def related_to(article, candidates):
    """Up to RELATED_COUNT of ``candidates`` (newest first) that share a principle
    or the category with ``article``: most shared principles first, then the same
    category; never the article itself."""
    mine = {tag.slug for tag in getattr(article, "principles", ())}
    scored = []
    for other in candidates:
        if other is article or other.slug == article.slug:
            continue
        shared = len(mine & {tag.slug for tag in getattr(other, "principles", ())})
        same_category = other.category == article.category
        if shared or same_category:
            scored.append((-shared, not same_category, other))
    # sorted() is stable: among equals the newest (first in ``candidates``) stays first.
    scored.sort(key=lambda item: item[:2])
    return [other for *_, other in scored[:RELATED_COUNT]]


def link_articles(generator):
    """Give every article of this language site its neighbours and related articles."""
    lang = generator.settings["DEFAULT_LANG"]
    articles = [a for a in generator.articles if a.lang == lang]  # newest first
    published = [a for a in articles if not is_draft(a)]
    for article in articles:
        # A draft (preview only) is placed among the published articles by its date.
        line = [a for a in articles if a is article or not is_draft(a)]
        index = line.index(article)
        article.warta_newer = line[index - 1] if index > 0 else None
        article.warta_older = line[index + 1] if index + 1 < len(line) else None
        article.warta_related = related_to(article, published)
        neighbours = [a for a in (article.warta_newer, article.warta_older) if a is not None]
        article.warta_shows = (neighbours, article.warta_related)


def reading_minutes(article):
    """Minutes to read the article's body at WORDS_PER_MINUTE, at least 1."""
    words = len(_TAG.sub(" ", article.content).split())
    return max(1, math.floor(words / WORDS_PER_MINUTE + 0.5))  # rounded, half up


def split_lead(html):
    """(first paragraph, the rest) of an article's body, so the story starts before
    the event card; ("", the body) when the body does not start with a paragraph."""
    match = _FIRST_PARAGRAPH.match(html)
    if match is None:
        return Markup(""), Markup(html)
    return Markup(match.group(1)), Markup(html[match.end() :])


@pass_context
def share_links(context, article):
    """[(service, address)] to share ``article`` with, or [] in a local build, which
    knows no absolute address. The language site's own SITEURL (the writer replaces
    the context's with a relative path when RELATIVE_URLS is on)."""
    siteurl = context["WARTA_SHARE_SITEURL"]
    if not siteurl.startswith(("https://", "http://")):
        return []
    url = quote(f"{siteurl}/{article.url}", safe="")
    title = quote(Markup(article.title).striptags().replace("\xa0", " "), safe="")
    return [(name, address.format(url=url, title=title)) for name, address in SHARE_SERVICES]


def add_template_helpers(generator):
    generator.env.filters.update(reading_minutes=reading_minutes, split_lead=split_lead)
    generator.env.globals["share_links"] = share_links
    # The language site's address as configured, before any writer makes it relative.
    generator.context["WARTA_SHARE_SITEURL"] = (
        "" if generator.settings.get("RELATIVE_URLS") else generator.settings["SITEURL"]
    )


def register():
    # On `article_generator_finalized`: i18n_subsites has removed the other
    # language's articles (on `article_generator_pretaxonomy`) and Pelican has sorted
    # the rest, newest first.
    signals.article_generator_finalized.connect(link_articles)
    # On `generator_init`: every generator's Jinja env and context exist by then.
    signals.generator_init.connect(add_template_helpers)
