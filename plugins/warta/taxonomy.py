"""Principles and categories: canonical slugs, localised names, their own pages.

An editor writes ``Tags: Kemitraan, pembelajaran sepanjang hayat, openness``
and ``Category: berita``. Pelican would make tags from these strings as
written, in one language. Here each principle and category becomes one
canonical term (its slug the same in both languages) named in the language of
the site being built, so pages, headings, breadcrumbs and feeds all show
"Partnership" on ``/en/`` and "Kemitraan" on ``/``.

Every principle and category has its page and feeds in every language, even
before an article carries it, so a subscriber's feed never 404s. The
principles overview (``/asas/``, ``/en/principles/``) shows each principle's
short explanation, which editors keep as Markdown under ``content/principles/``.
"""

import logging
from types import SimpleNamespace

from pelican import signals
from pelican.contents import Page
from pelican.generators import Generator
from pelican.urlwrappers import Category, Tag

from warta import facts
from warta.multilingual import every_article, section_path, write_page

log = logging.getLogger(__name__)


def localised(wrapper, term, lang, settings):
    """A Pelican Tag or Category for ``term``: named in ``lang``, with the canonical slug."""
    canonical = wrapper(term.name(lang), settings)
    canonical.slug = term.slug
    return canonical


def canonical_tags(tags, principles, lang, settings, named=None):
    """Tags with each principle replaced by its canonical, localised tag; no duplicates.
    ``named`` remembers which principle a tag's name names, across calls (a site has
    a few dozen tag names and thousands of tags)."""
    named = {} if named is None else named
    result = {}
    for tag in tags:
        if tag.name not in named:
            named[tag.name] = facts.match_term(tag.name, principles)
        principle = named[tag.name]
        if principle:
            tag = localised(Tag, principle, lang, settings)
        result.setdefault(tag.slug, tag)
    return list(result.values())


def canonical_category(category, categories, lang, settings):
    term = facts.match_term(category.name, categories)
    return category if term is None else localised(Category, term, lang, settings)


def canonicalize(generator):
    """Give every article canonical, localised principles and category."""
    settings = generator.settings
    lang = settings["DEFAULT_LANG"]
    principles = facts.principles(settings)
    principle_slugs = {p.slug for p in principles}
    categories = facts.categories(settings)
    named = {}
    for article in every_article(generator):
        tags = getattr(article, "tags", [])
        article.tags = canonical_tags(tags, principles, lang, settings, named)
        article.principles = [t for t in article.tags if t.slug in principle_slugs]
        if hasattr(article, "category"):
            article.category = canonical_category(article.category, categories, lang, settings)

    # Which tag pages exist in which language, for hreflang and the language
    # switcher. Read now, while this site still holds every language's
    # articles (i18n_subsites removes the others right after this handler).
    tag_langs = {lang: set(principle_slugs) for lang in settings["WARTA_LANGUAGES"]}
    for article in generator.articles + generator.translations:
        tag_langs.setdefault(article.lang, set()).update(t.slug for t in article.tags)
    generator.context["warta_tag_langs"] = tag_langs


class PrinciplesGenerator(Generator):
    """The principles overview, and the pages and feeds of principles and
    categories that no article carries yet."""

    def generate_context(self):
        lang = self.settings["DEFAULT_LANG"]
        tagged = {tag.slug: articles for tag, articles in self.context["tags"]}
        self.principles = []
        for term in facts.principles(self.settings):
            self.principles.append(
                SimpleNamespace(
                    slug=term.slug,
                    name=term.name(lang),
                    tag=localised(Tag, term, lang, self.settings),
                    explanation=self.read_explanation(term.slug, lang),
                    articles=tagged.get(term.slug, []),
                )
            )
        self.context["principles"] = self.principles

    def read_explanation(self, slug, lang):
        path = self.settings["WARTA_PRINCIPLES_TEXT_PATH"].format(lang=lang, slug=slug)
        try:
            text = self.readers.read_file(base_path=self.path, path=path, content_class=Page)
        except FileNotFoundError:
            log.warning(
                "warta.taxonomy: no explanation for principle %r in %r (%s)", slug, lang, path
            )
            return ""
        return text.content

    def generate_output(self, writer):
        settings = self.settings
        lang = settings["DEFAULT_LANG"]
        write_page(self, writer, "principles", section_path(settings, lang, "principles"))
        written = {cat.slug for cat, _ in self.context["categories"]}
        for term in facts.categories(settings):
            if term.slug not in written:
                self.write_empty(writer, "category", localised(Category, term, lang, settings))
        for principle in self.principles:
            if not principle.articles:
                self.write_empty(writer, "tag", principle.tag)

    def write_empty(self, writer, kind, term):
        """The page and feeds a term with no article yet would have, empty."""
        writer.write_file(
            term.save_as,
            self.get_template(kind),
            self.context,
            **{kind: term},
            url=term.url,
            articles=[],
            dates=[],
            template_name=kind,
            page_name=term.page_name,
        )
        prefix = kind.upper()
        for feed_type in ("atom", "rss"):
            path = self.settings.get(f"{prefix}_FEED_{feed_type.upper()}")
            if path:
                writer.write_feed(
                    [],
                    self.context,
                    str(path).format(slug=term.slug),
                    str(self.settings.get(f"{prefix}_FEED_{feed_type.upper()}_URL", path)).format(
                        slug=term.slug
                    ),
                    feed_type=feed_type,
                    feed_title=term.name,
                )


def get_generators(pelican):
    return PrinciplesGenerator


def register():
    # On `article_generator_pretaxonomy`: articles are read and linked to their
    # translations, but not yet grouped into tag and category pages.
    signals.article_generator_pretaxonomy.connect(canonicalize)
    # A generator of our own, so the overview is written like any Pelican page.
    signals.get_generators.connect(get_generators)
