"""Markdown extension: name each task-list checkbox after its item.

pymdownx.tasklist puts the checkbox in an empty ``<label>`` before the item's text, so the
checkbox has no accessible name (axe rule ``label``). This gives it the item's text as
``aria-label``. Listed after ``pymdownx.tasklist`` in mkdocs.yml as
``divergence.markdown.tasklist``.
"""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as etree

from markdown import Extension
from markdown.treeprocessors import Treeprocessor
from markdown.util import ETX, STX

PLACEHOLDER = re.compile(f"{STX}wzxhzdk:(\\d+){ETX}")
TAG = re.compile(r"<[^>]*>")
# Where an item's own text ends: a nested list or another block belongs to other items.
BLOCKS = {"ul", "ol", "p", "div", "pre", "table", "blockquote", "dl"}


class TaskLabels(Treeprocessor):
    """Adds ``aria-label`` to the checkbox pymdownx.tasklist stashed at an item's start."""

    def run(self, root: etree.Element) -> None:
        stash = self.md.htmlStash.rawHtmlBlocks
        for item in root.iter("li"):
            if "task-list-item" not in item.get("class", "").split():
                continue
            # The checkbox opens the item's text, or its first paragraph's (a loose list).
            holder = item if PLACEHOLDER.match(item.text or "") else next(iter(item), None)
            found = PLACEHOLDER.match(holder.text or "") if holder is not None else None
            if found is None:
                continue
            index = int(found.group(1))
            name = html.escape(self._text(holder), quote=True)
            stash[index] = str(stash[index]).replace("<input ", f'<input aria-label="{name}" ', 1)

    def _text(self, holder: etree.Element) -> str:
        """The plain text of the item, up to its first block (a nested list)."""
        parts = [holder.text or ""]
        for child in holder:
            if child.tag in BLOCKS:
                break
            parts.extend([*child.itertext(), child.tail or ""])
        stash = self.md.htmlStash.rawHtmlBlocks
        # Inline HTML and entities sit in the stash; the checkbox itself becomes a tag.
        text = PLACEHOLDER.sub(lambda m: str(stash[int(m.group(1))]), "".join(parts))
        return " ".join(html.unescape(TAG.sub("", text)).split())


class TaskLabelsExtension(Extension):
    def extendMarkdown(self, md) -> None:
        # After pymdownx.tasklist (25) and the inline patterns (20), so links and code
        # in the item are elements whose text can be read.
        md.treeprocessors.register(TaskLabels(md), "divergence-task-labels", 15)


def makeExtension(**kwargs) -> TaskLabelsExtension:
    return TaskLabelsExtension(**kwargs)
