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


class Related:
    """The related articles of any article among ``candidates`` (newest first).

    Candidates are grouped once by their set of principles and their category: all
    of a group share as many principles with a given article, and its category or
    not, so only each group's newest few can be among an article's related ones.
    A site has a few dozen groups, so each article costs the same however many
    articles the site has (comparing every pair cost 0.7 s at 1,000 articles and
    grew with the square), and articles with the same principles and category
    share one ranking."""

    def __init__(self, candidates):
        groups = {}
        for position, other in enumerate(candidates):
            principles = frozenset(tag.slug for tag in getattr(other, "principles", ()))
            key = (principles, other.category.slug)  # slugs: comparing Categories is slow
            groups.setdefault(key, []).append((position, other))
        # Only a group's newest RELATED_COUNT can be chosen, and one more in case the
        # article itself is among them.
        self.groups = [
            (principles, category, members[: RELATED_COUNT + 1])
            for (principles, category), members in groups.items()
        ]
        self.cache = {}

    def of(self, article):
        """Up to RELATED_COUNT that share a principle or the category with
        ``article``: most shared principles first, then the same category, the
        newest first among equals; never the article itself."""
        mine = frozenset(tag.slug for tag in getattr(article, "principles", ()))
        ranked = self.ranked(mine, article.category.slug)
        others = [o for o in ranked if o is not article and o.slug != article.slug]
        return others[:RELATED_COUNT]

    def ranked(self, principles, category):
        """The RELATED_COUNT + 1 best for any article with these principles and this
        category (the one more: the article itself may be among them), worked out
        once for all the articles that share them."""
        key = (principles, category)
        if key not in self.cache:
            scored = []
            for theirs, their_category, members in self.groups:
                shared = len(principles & theirs)
                same_category = their_category == category
                if shared or same_category:
                    scored += [(-shared, not same_category, p, o) for p, o in members]
            scored.sort(key=lambda item: item[:3])
            self.cache[key] = [other for *_, other in scored[: RELATED_COUNT + 1]]
        return self.cache[key]


def related_to(article, candidates):
    """``Related(candidates).of(article)``, for one article."""
    return Related(candidates).of(article)


def link_articles(generator):
    """Give every article of this language site its neighbours and related articles."""
    lang = generator.settings["DEFAULT_LANG"]
    articles = [a for a in generator.articles if a.lang == lang]  # newest first
    published = [a for a in articles if not is_draft(a)]
    related = Related(published)
    newer_published = 0  # how many published articles come before this one
    for article in articles:
        # A draft (preview only) is placed among the published articles by its date.
        draft = is_draft(article)
        index = newer_published
        article.warta_newer = published[index - 1] if index > 0 else None
        after = index if draft else index + 1
        article.warta_older = published[after] if after < len(published) else None
        if not draft:
            newer_published += 1
        article.warta_related = related.of(article)
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
