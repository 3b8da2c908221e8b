"""Claim-status blocks: a passage whose kind of claim differs from the page's default.

    /// status | interpretation
    Robert Service argues that a Trotsky-led Soviet Union would not have differed
    fundamentally from Stalin's [@service2009].
    ///

The block renders as a group named by its marker: a paragraph with an icon and the
status's label ("Historians' interpretation"), so the marker never relies on colour. The
page's default comes from its front matter and is shown under the track badge
(overrides/divergence/claim-status.html). The kind of some passages shows in their form,
and they are marked without a block: editor's notes (``!!! editor``) and the italic
introduction under the page's H1 are editorial notes, commentary boxes
(``!!! commentary``) counterfactual speculation; their titles or italics are their marker.

``data-divergence-status`` on each marked passage is what the reader's filter
(docs/assets/javascripts/claims.js) reads. An unknown or missing status is rendered
without a marker and reported by rule BL002.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree

from markdown.treeprocessors import Treeprocessor
from pymdownx.blocks import BlocksExtension
from pymdownx.blocks.block import Block

from divergence.markdown.blocks import UnclosedBlocks, add_label, next_id, report
from divergence.site.claims import BOX_STATUSES, STATUSES
from divergence.site.diagnostics import did_you_mean


class StatusBlock(Block):
    """A passage of one kind of claim, opened by its marker."""

    NAME = "status"
    # Optional for the parser, so that a missing status is reported rather than shown as text.
    ARGUMENT = None

    def on_create(self, parent: etree.Element) -> etree.Element:
        passage = etree.SubElement(parent, "div", {"class": "dv-status"})
        status = STATUSES.get(self.argument or "")
        if status is None:
            if self.argument:
                problem = f"unknown claim status '{self.argument}'"
                problem += did_you_mean(self.argument, STATUSES)
            else:
                problem = "the status block names no status: write '/// status | speculation'"
            report(passage, self, f"{problem}; use one of: {', '.join(STATUSES)}")
            return passage
        label_id = next_id(self, "dv-status")
        passage.set("role", "group")
        passage.set("aria-labelledby", label_id)
        passage.set("data-divergence-status", status.id)
        add_label(passage, status.id, status.label, **{"class": "dv-claim", "id": label_id})
        return passage


class KnownKinds(Treeprocessor):
    """Marks the passages whose form shows their kind: the two kinds of box, the introduction."""

    def run(self, root: etree.Element) -> None:
        for element in root.iter():
            classes = set((element.get("class") or "").split())
            if element.tag != "details" and "admonition" not in classes:
                continue
            for kind in classes & BOX_STATUSES.keys():
                element.set("data-divergence-status", BOX_STATUSES[kind])
        introduction = _introduction(root)
        if introduction is not None:
            introduction.set("data-divergence-status", "editorial")


def _introduction(root: etree.Element) -> etree.Element | None:
    """The paragraph right after the H1 if it is all in italics (the editors' introduction)."""
    children = list(root)
    for index, child in enumerate(children[:-1]):
        if child.tag == "h1":
            paragraph = children[index + 1]
            only = list(paragraph)
            if (
                paragraph.tag == "p"
                and not (paragraph.text or "").strip()
                and len(only) == 1
                and only[0].tag == "em"
                and not (only[0].tail or "").strip()
            ):
                return paragraph
            return None
    return None


class StatusExtension(BlocksExtension):
    """Registers the status block and the marking of boxes and introductions."""

    def extendMarkdownBlocks(self, md, block_mgr) -> None:
        block_mgr.register(StatusBlock, self.getConfigs())
        # After inline processing (20), so the introduction's italics are elements already.
        md.treeprocessors.register(KnownKinds(md), "divergence-status-kinds", 18)
        md.treeprocessors.register(
            UnclosedBlocks(md, (StatusBlock,)), "divergence-status-unclosed", 18
        )


def makeExtension(*args, **kwargs):
    """Return the extension (Python-Markdown loads it by module name)."""
    return StatusExtension(*args, **kwargs)
