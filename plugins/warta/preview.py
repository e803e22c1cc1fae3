"""Preview: drafts shown with a "DRAF" banner, in the preview (`make serve`) only.

Drafts (``Status: draft``, and articles dated in the future) never reach the
public build: ``DRAFT_SAVE_AS`` is empty there. With ``WARTA_PREVIEW_DRAFTS``
(set only by the preview task, which builds into ``preview/``, never into
``output/``) they are listed and written like published articles, marked so
every template can show the banner. Without it, the files only drafts link (a
report not yet announced) stay off the public site too.
"""

from pelican import signals
from pelican.utils import order_content

from warta.multilingual import every_content


def publish_drafts_for_preview(generator):
    if not generator.settings.get("WARTA_PREVIEW_DRAFTS"):
        return
    for draft in generator.drafts + generator.drafts_translations:
        draft.preview_draft = True
        draft.status = "published"
    generator.articles = order_content(
        generator.articles + generator.drafts, generator.settings["ARTICLE_ORDER_BY"]
    )
    generator.translations += generator.drafts_translations
    generator.drafts, generator.drafts_translations = [], []


def keep_drafts_files_private(generator):
    """A file linked only from drafts (a PDF report not yet announced) is not copied to
    the public site either. Links of published content, counted across the article and
    page generators in turn, are kept."""
    if generator.settings.get("WARTA_PREVIEW_DRAFTS"):
        return
    everything = every_content(generator) or []
    published = generator.context.setdefault("warta_published_links", set())
    drafts = set()
    for content in everything:
        (drafts if content.status == "draft" else published).update(content.get_static_links())
    generator.context["static_links"].difference_update(drafts - published)


def register():
    # On `article_generator_pretaxonomy`, before tags, categories and i18n_subsites
    # sort the articles, so drafts land in every listing and language like the rest.
    signals.article_generator_pretaxonomy.connect(publish_drafts_for_preview)
    # On `…_generator_finalized`: each generator has added its static links; the static
    # generator, which copies them, runs after both.
    signals.article_generator_finalized.connect(keep_drafts_files_private)
    signals.page_generator_finalized.connect(keep_drafts_files_private)
