"""An article's card text when its editor wrote no ``Summary``: its first paragraph.

Pelican's own summary is the body's first ``SUMMARY_MAX_LENGTH`` words with their
markup, whatever they are: a body that opens with a heading, a photo, a gallery or
a list (WordPress posts often do, and they rarely have an excerpt) fills the home
page's cards with them, and a card's photo comes twice. Here the summary is the
first paragraph of the body's own text (not one inside a figure, a quotation or
a table), without its images, cut to ``SUMMARY_MAX_LENGTH`` words as Pelican
cuts (``truncate_html_words``, with ``SUMMARY_END_SUFFIX``). A body with no
paragraph has no summary: the card shows its title alone.

The listings, feeds' descriptions, search results and link previews all read
``summary``, so they all get the paragraph. A ``Summary:`` written by the editor
is never touched.
"""

from lxml import html as lxml_html
from pelican import signals
from pelican.contents import Article, Page
from pelican.utils import truncate_html_words

LEFT_OUT = ("img", "picture", "figure", "script", "style")


def first_paragraph(content, words, suffix):
    """The first top-level ``<p>`` of ``content`` with text, as HTML, cut to ``words``."""
    if not content or "<p" not in content:
        return ""
    body = lxml_html.fragment_fromstring(content, create_parent="div")
    for paragraph in body.iterfind("p"):
        for element in list(paragraph.iterdescendants(*LEFT_OUT)):
            element.drop_tree()
        inner = (paragraph.text or "") + "".join(
            lxml_html.tostring(child, encoding="unicode") for child in paragraph
        )
        if inner.strip():
            return truncate_html_words(inner.strip(), words, suffix) if words else inner.strip()
    return ""


def contents_of(generators):
    """Every article and page this language site shows, drafts and translations too."""
    for generator in generators:
        for name in (
            "articles",
            "translations",
            "drafts",
            "drafts_translations",
            "hidden_articles",
            "hidden_translations",
            "pages",
            "hidden_pages",
            "draft_pages",
        ):
            yield from getattr(generator, name, ())


def summarise(generators):
    """On ``all_generators_finalized``: every article and page without ``Summary``
    gets its first paragraph as one. Not sooner: the body's links to other files
    (``{filename}``) are resolved only once every generator has read."""
    for content in contents_of(generators):
        if not isinstance(content, (Article, Page)) or "summary" in content.metadata:
            continue
        settings = content.settings
        content.metadata["summary"] = first_paragraph(
            content.content, settings.get("SUMMARY_MAX_LENGTH"), settings["SUMMARY_END_SUFFIX"]
        )


def register():
    signals.all_generators_finalized.connect(summarise)
