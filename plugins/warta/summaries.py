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
is never touched, and ``'summary' in article.metadata`` still tells the templates
whether the editor wrote one. Pelican has no setting or signal for how it makes a
summary (``all_generators_finalized`` can only set one, whose links Pelican then
resolves once for the whole site, wrong for a page two folders down in a local
build), so ``register`` replaces ``Content.get_summary``.
"""

import re

from lxml import html as lxml_html
from pelican.contents import Content
from pelican.utils import memoized, truncate_html_words

LEFT_OUT = ("img", "picture", "figure", "script", "style")
SPACES = re.compile(r"[ \t\n]{2,}")


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
        inner = SPACES.sub(" ", inner).strip()  # where an image stood between words
        if inner:
            return truncate_html_words(inner, words, suffix) if words else inner
    return ""


# Pelican's own, for an editor's Summary (a ``memoized`` descriptor: taken from the
# class's dict, and bound to each content when called).
pelican_get_summary = Content.__dict__["get_summary"]


@memoized  # as Pelican's own: listings, feeds and previews ask for the same summary
def get_summary(self, siteurl):
    """``Content.get_summary``: the editor's ``Summary`` as Pelican gives it, else the
    body's first paragraph. Worked out from ``self.content`` as Pelican's own summary
    is, each time a page asks: its links are then relative to that page in a local
    build (a listing two folders down links ``../../2021/01/...``)."""
    if "summary" in self.metadata:
        return pelican_get_summary.__get__(self, type(self))(siteurl)
    settings = self.settings
    return first_paragraph(
        self.content, settings.get("SUMMARY_MAX_LENGTH"), settings["SUMMARY_END_SUFFIX"]
    )


def register():
    Content.get_summary = get_summary
