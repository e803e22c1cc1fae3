"""A sitemap per language (``/sitemap.xml``, ``/en/sitemap.xml``) and ``/robots.txt``.

``pelican-sitemap`` lists main-language URLs twice under i18n_subsites, writes
``../`` alternates and has a ``ref=`` typo, so the site writes its own: every
public page of the language, each with its ``hreflang`` alternates and
``x-default`` (the same ones its ``<head>`` carries: ``multilingual.hreflang_links``
of ``multilingual.alternates``). Drafts are never in it: only what the site
publishes is listed.
"""

from pelican import signals
from pelican.generators import Generator

from warta import facts
from warta.archive import archive_years
from warta.multilingual import alternates, is_main_site


class SitemapGenerator(Generator):
    def entries(self):
        """(alternates, last modified or None) of every public page of this language."""
        context = self.context
        for article in context["articles"]:
            modified = getattr(article, "modified", None) or article.date
            yield alternates(context, "content", article), modified
        for page in context["pages"]:
            yield alternates(context, "content", page), None
        yield alternates(context, "home"), None
        for kind in ("principles", "agenda", "archive"):
            yield alternates(context, kind), None
        for year in context["warta_archive_years"].get(self.settings["DEFAULT_LANG"], ()):
            yield alternates(context, "archive", year), None
        for term in facts.categories(self.settings):
            yield alternates(context, "category", term.slug), None
        for tag, _ in context["tags"]:
            yield alternates(context, "tag", tag.slug), None
        for principle in context["principles"]:
            if not principle.articles:
                yield alternates(context, "tag", principle.slug), None

    def listed(self):
        """Every article and page the sitemap lists, with their translations."""
        contents = self.context["articles"] + self.context["pages"]
        return [item for content in contents for item in (content, *content.translations)]

    def tag_languages(self):
        """Which tags each language has: a tag page's alternates (warta.incremental)."""
        tag_langs = self.context.get("warta_tag_langs", {})
        return tuple(sorted((lang, tuple(sorted(tags))) for lang, tags in tag_langs.items()))

    def generate_output(self, writer):
        writer.write_file(
            "sitemap.xml",
            self.env.get_template("sitemap.xml"),
            self.context,
            entries=self.entries(),  # made only if the file is written (warta.incremental)
            template_name="sitemap",
            warta_shows=[self.listed()],
            warta_depends=(self.tag_languages(), archive_years(self.context)),
        )
        if is_main_site(self.settings):
            sitemaps = [
                url.rstrip("/") + "/sitemap.xml" for url in self.context["lang_siteurls"].values()
            ]
            writer.write_file(
                "robots.txt",
                self.env.get_template("robots.txt"),
                self.context,
                sitemaps=sitemaps,
                template_name="robots",
            )


def get_generators(pelican):
    return SitemapGenerator


def register():
    signals.get_generators.connect(get_generators)
