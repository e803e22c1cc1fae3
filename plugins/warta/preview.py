"""Preview: drafts shown with a "DRAF" banner, for `invoke serve --drafts` only.

Drafts (``Status: draft``, and articles dated in the future) never reach the
public build: ``DRAFT_SAVE_AS`` is empty there. With ``WARTA_PREVIEW_DRAFTS``
(set only by the preview task, which builds into ``preview/``, never into
``output/``) they are listed and written like published articles, marked so
every template can show the banner.
"""

from pelican import signals
from pelican.utils import order_content


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


def register():
    # On `article_generator_pretaxonomy`, before tags, categories and i18n_subsites
    # sort the articles, so drafts land in every listing and language like the rest.
    signals.article_generator_pretaxonomy.connect(publish_drafts_for_preview)
