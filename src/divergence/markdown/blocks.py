"""Our pymdownx blocks: contrasts (contrast.py) and claim status (status.py).

A block used wrongly is neither dropped nor left as literal text: it is rendered with a
``data-divergence-problem`` attribute that says what is wrong, and rule BL002 reports it
with the page and line (docs/contributing/checks.md).
"""

from __future__ import annotations

import xml.etree.ElementTree as etree

from markdown.treeprocessors import Treeprocessor
from pymdownx.blocks.block import Block

PROBLEM = "data-divergence-problem"
# The block's opening line, which BL002 looks for in the page to give the line number.
SOURCE = "data-divergence-source"


def opening_line(block: Block) -> str:
    """The block's opening line as the editor wrote it, spaces normalised."""
    line = f"{'/' * block.length} {block.NAME}"
    return f"{line} | {block.argument}" if block.argument else line


def report(element: etree.Element, block: Block, message: str) -> None:
    """Record a mistake on the block's element, for BL002 (one message per line)."""
    element.set(SOURCE, opening_line(block))
    found = element.get(PROBLEM)
    element.set(PROBLEM, f"{found}\n{message}" if found else message)


def next_id(block: Block, prefix: str) -> str:
    """A page-unique id for a label (the tracker lives as long as one page's conversion)."""
    block.tracker["count"] = block.tracker.get("count", 0) + 1
    return f"{prefix}-{block.tracker['count']}"


def add_label(parent: etree.Element, status: str, text: str, **attributes: str) -> etree.Element:
    """A paragraph that names what follows: an icon for sighted readers, then the words."""
    label = etree.SubElement(parent, "p", attributes)
    icon = etree.SubElement(label, "span", {"class": f"dv-icon dv-icon--{status}"})
    icon.set("aria-hidden", "true")
    icon.tail = text
    return label


class UnclosedBlocks(Treeprocessor):
    """Report blocks of ``kinds`` that were never closed (pymdownx closes them silently at
    the end of the page, so everything after the opening line ends up inside them)."""

    def __init__(self, md, kinds: tuple[type[Block], ...]) -> None:
        super().__init__(md)
        self.kinds = kinds

    def run(self, root: etree.Element) -> None:
        for entry in self.md.parser.blockprocessors["blocks"].stack:
            if isinstance(entry.block, self.kinds):
                fence = "/" * entry.block.length
                report(
                    entry.el,
                    entry.block,
                    f"'{opening_line(entry.block)}' is never closed; end it with a line of "
                    f"{entry.block.length} slashes: '{fence}'",
                )
