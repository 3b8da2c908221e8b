"""Contrast blocks: what actually happened and what the essay imagines, side by side.

    //// contrast | Who leads the party
    /// actual
    Stalin, General Secretary since 1922, ...
    ///

    /// alternate
    Trotsky, with Zinoviev and Kamenev, ...
    ///
    ////

The contrast's fences are one slash longer than its sides', because pymdownx blocks nest
only when their fences differ in length. It renders as a ``section`` named by its title (a
paragraph, not a heading, so the page's outline stays the essay's) holding two groups,
each named by a visible label with an icon: "Actual history", documented history, and "In
the alternate timeline", the essay's speculation. The stylesheet puts them side by side on
wide screens and one above the other on narrow ones.

A missing title, a missing or repeated side, text outside the sides, and a side outside a
contrast are rendered as written and reported by rule BL002.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree

from pymdownx.blocks import BlocksExtension
from pymdownx.blocks.block import Block

from divergence.markdown.blocks import UnclosedBlocks, add_label, next_id, report


class ContrastBlock(Block):
    """The contrast: a titled section holding the actual side, then the alternate side."""

    NAME = "contrast"
    # Optional for the parser, so that a missing title is reported rather than shown as text.
    ARGUMENT = None

    def on_create(self, parent: etree.Element) -> etree.Element:
        title_id = next_id(self, "dv-contrast")
        section = etree.SubElement(parent, "section", {"class": "dv-contrast"})
        section.set("aria-labelledby", title_id)
        title = etree.SubElement(section, "p", {"class": "dv-contrast__title", "id": title_id})
        title.text = self.argument or ""
        if not self.argument:
            fence = "/" * self.length
            report(
                section,
                self,
                f"the contrast has no title; write it after a bar: '{fence} "
                "contrast | Who leads the party'",
            )
        return section

    def on_end(self, block: etree.Element) -> None:
        sides = [child.get("data-divergence-side") for child in block[1:]]
        fence = "/" * self.length
        if None in sides:
            report(
                block,
                self,
                "the contrast has text outside its sides; move it into a side, "
                f"or below the contrast's closing '{fence}'",
            )
        sides = [side for side in sides if side]
        if sides != ["actual", "alternate"]:
            message = (
                "the contrast needs an 'actual' side, then an 'alternate' side "
                f"(found: {', '.join(sides) or 'none'}); open each with '/// actual' or "
                "'/// alternate' and close it with '///'"
            )
            if self.length <= 3:
                # Equal fences do not nest: the first '///' closes the contrast too.
                message += ", and give the contrast four slashes: '//// contrast | Title'"
            report(block, self, message)


class SideBlock(Block):
    """One side of a contrast; subclasses set which history it tells and how it is labelled."""

    ARGUMENT = None
    STATUS = ""
    LABEL = ""

    def on_create(self, parent: etree.Element) -> etree.Element:
        inside = parent.tag == "section" and "dv-contrast" in (parent.get("class") or "").split()
        prefix = parent.get("aria-labelledby") if inside else next_id(self, "dv-side")
        label_id = f"{prefix}-{self.NAME}"
        side = etree.SubElement(
            parent, "div", {"class": f"dv-contrast__side dv-contrast__side--{self.NAME}"}
        )
        side.set("role", "group")
        side.set("aria-labelledby", label_id)
        side.set("data-divergence-side", self.NAME)
        side.set("data-divergence-status", self.STATUS)
        add_label(side, self.STATUS, self.LABEL, **{"class": "dv-contrast__label", "id": label_id})
        if not inside:
            report(
                side,
                self,
                f"'/// {self.NAME}' is outside a contrast; put both sides "
                "inside '//// contrast | Title' ... '////'",
            )
        if self.argument:
            report(
                side,
                self,
                f"a side takes no title (its label is '{self.LABEL}'); "
                f"write '/// {self.NAME}' alone",
            )
        return side


class ActualBlock(SideBlock):
    NAME = "actual"
    STATUS = "documented"
    LABEL = "Actual history"


class AlternateBlock(SideBlock):
    NAME = "alternate"
    STATUS = "speculation"
    LABEL = "Alternate history"


class ContrastExtension(BlocksExtension):
    """Registers the contrast and its two sides."""

    def extendMarkdownBlocks(self, md, block_mgr) -> None:
        blocks = (ContrastBlock, ActualBlock, AlternateBlock)
        for block in blocks:
            block_mgr.register(block, self.getConfigs())
        # After pymdownx's own end-of-block work (19.99), before the glossary's links (4).
        md.treeprocessors.register(UnclosedBlocks(md, blocks), "divergence-contrast-unclosed", 18)


def makeExtension(*args, **kwargs):
    """Return the extension (Python-Markdown loads it by module name)."""
    return ContrastExtension(*args, **kwargs)
