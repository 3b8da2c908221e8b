"""Claim-status blocks: a passage whose kind of claim differs from the page's default.

    /// status | interpretation
    Robert Service argues that a Trotsky-led Soviet Union would not have differed
    fundamentally from Stalin's [@service2009].
    ///

The block renders as a group named by its marker: a paragraph with an icon and the
status's label ("Historians' interpretation"), so the marker never relies on colour. The
page's default comes from its front matter and is shown under the track badge
(overrides/divergence/claim-status.html). The kind of some passages shows in their form,
and they are marked without a block: the italic introduction under the page's H1 is an
editorial note, commentary boxes (``!!! commentary``) counterfactual speculation.

Whose voice and what kind of claim are kept apart. An editor's note (``!!! editor``)
speaks in the editors' voice; when it cites its sources its facts are documented
history, and without a citation it is the editors' own (editorial) judgement.
The essay's passage right before it is what the note corrects or qualifies: it is marked
so where it stands ("see the editor's note below", a link to the note) and is never
shown as plain documented history; the reader's filter treats it as its own kind.

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
from divergence.site.claims import BOX_STATUSES, BOX_VOICES, QUALIFIED, STATUSES
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
        notes = 0
        for parent in list(root.iter()):
            children = list(parent)
            for index, element in enumerate(children):
                classes = set((element.get("class") or "").split())
                if element.tag != "details" and "admonition" not in classes:
                    continue
                for kind in classes & BOX_STATUSES.keys():
                    status = BOX_STATUSES[kind]
                    if kind in BOX_VOICES:
                        element.set("data-divergence-voice", BOX_VOICES[kind])
                        # A note that cites nothing (that no source is known, say) is
                        # the editors' own judgement, not documented history.
                        if not _cites(element):
                            status = "editorial"
                    element.set("data-divergence-status", status)
                if "editor" in classes and index > 0:
                    notes += 1
                    _mark_qualified(children[index - 1], element, f"editor-note-{notes}")
        introduction = _introduction(root)
        if introduction is not None:
            introduction.set("data-divergence-status", "editorial")


def _cites(element: etree.Element) -> bool:
    """Whether ``element`` cites a source: a footnote (mkdocs-bibtex turns each citation
    into one) or, without mkdocs-bibtex, a citation still written as ``[@key]``."""
    for child in element.iter():
        if child.tag == "sup" and (child.get("id") or "").startswith("fnref"):
            return True
        if "[@" in (child.text or "") or "[@" in (child.tail or ""):
            return True
    return False


# What an editor's note can follow and qualify: the essay's own prose.
_PASSAGES = {"p", "ul", "ol", "blockquote"}


def _mark_qualified(passage: etree.Element, note: etree.Element, note_id: str) -> None:
    """Mark ``passage`` as corrected or qualified by ``note``, with a link to it."""
    if passage.tag not in _PASSAGES or passage.get("data-divergence-status"):
        return
    note.set("id", note.get("id") or note_id)
    passage.set("data-divergence-status", QUALIFIED)
    # At the end of the passage's last paragraph or item, after its citations.
    last = passage
    while last.tag in {"ul", "ol", "blockquote"} and len(last):
        last = last[-1]
    marker = etree.SubElement(last, "span", {"class": "dv-qualified"})
    marker.text = " ("
    link = etree.SubElement(marker, "a", {"href": f"#{note.get('id')}"})
    link.text = "see the editor's note below"
    link.tail = ")"


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
