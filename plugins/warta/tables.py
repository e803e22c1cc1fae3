"""Markdown tables aligned by class, not by a ``style`` attribute.

Python-Markdown writes a column aligned with ``|---:|`` as ``<td style="text-align:
right;">``; the published site's Content-Security-Policy (``server/``) allows no
inline style, so the browser would ignore it. The cells get ``class="align-right"``
instead (the theme's stylesheet aligns them), and the page keeps no inline style.
(Markdown's own ``use_align_attribute`` writes ``align=``, which HTML5 made obsolete.)
"""

import re

from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

ALIGN_STYLE = re.compile(r"^text-align: (left|center|right);$")


class AlignByClass(Treeprocessor):
    def run(self, root):
        for cell in root.iter():
            if cell.tag not in ("th", "td"):
                continue
            found = ALIGN_STYLE.match(cell.get("style", ""))
            if found:
                del cell.attrib["style"]
                classes = cell.get("class", "").split()
                cell.set("class", " ".join([*classes, f"align-{found[1]}"]))


class AlignedTables(Extension):
    def extendMarkdown(self, md):
        # Any priority: every treeprocessor runs after the block parser has built the tables.
        md.treeprocessors.register(AlignByClass(md), "warta_table_align", 30)
