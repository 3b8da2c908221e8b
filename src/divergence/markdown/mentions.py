"""A Python-Markdown extension that links the first mention of each term or person per section.

The link carries the entry's short definition as its title, which
docs/assets/javascripts/tooltips.js shows on hover and on keyboard focus (the browser's
own tooltip without JavaScript); a tap follows the link to the full entry. Headings, code,
links, abbreviations and footnotes are left alone, and a section (the text from one ``h2``
to the next) marks each entry once, so the text stays readable when a name recurs in every
sentence.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree

from markdown import Extension
from markdown.treeprocessors import Treeprocessor

from divergence.site import load_site
from divergence.site.names import Matcher

# A page that holds this comment (the Glossary and People pages, which define the
# entries, and the Bibliography, which lists titles) gets no links: it would link each
# entry to itself.
NO_MENTIONS = "<!-- divergence:no-mentions -->"

_SKIP_TAGS = {
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "a",
    "code",
    "pre",
    "abbr",
    "sup",
    "script",
    "style",
    "kbd",
    "time",
    # Titles of works, in italics (*Stalin: A Biography*): a title is not a mention.
    "em",
    "cite",
    # The divergence chart names events, not mentions.
    "svg",
}
# Labels that are ours, not prose: a claim-status marker, a contrast's title and labels.
_SKIP_CLASSES = {
    "footnote",
    "admonition-title",
    "dv-track",
    "dv-claim",
    "dv-contrast__title",
    "dv-contrast__label",
    # The timeline and the comparison name events, not mentions.
    "dv-timeline",
}


class MentionsTreeprocessor(Treeprocessor):
    def __init__(self, md, root: str) -> None:
        super().__init__(md)
        self.root = root

    def run(self, root: etree.Element) -> None:
        if any(NO_MENTIONS in str(block) for block in self.md.htmlStash.rawHtmlBlocks):
            return
        # Read on first use, not when the extension is set up: MkDocs sets one up to
        # validate mkdocs.yml before the plugin says where the project is.
        self.matcher: Matcher = load_site(self.root).matcher
        self._seen: set[str] = set()
        for child in list(root):
            if child.tag == "h2":
                self._seen = set()
            self._walk(child)

    def _walk(self, element: etree.Element) -> None:
        if element.tag in _SKIP_TAGS or _SKIP_CLASSES & set((element.get("class") or "").split()):
            return
        if element.text:
            element.text = self._mark(element, 0, element.text)
        for child in list(element):
            self._walk(child)
            if child.tail:
                child.tail = self._mark(element, list(element).index(child) + 1, child.tail)

    def _mark(self, parent: etree.Element, index: int, text: str) -> str:
        """Link unseen mentions in ``text``, which sits before child ``index`` of ``parent``."""
        pieces: list[etree.Element] = []
        kept, position = text, 0
        for start, end, entry in self.matcher.find(text):
            if entry.id in self._seen:
                continue
            self._seen.add(entry.id)
            link = etree.Element(
                "a",
                {
                    # Docs-relative: MkDocs makes it relative to the page and checks the
                    # anchor (validation.links.absolute_links: relative_to_docs).
                    "href": f"/{entry.kind.page}#{entry.id}",
                    "title": f"{entry.title}: {entry.short}",
                    "class": f"dv-term dv-term--{entry.kind.name}",
                    "data-divergence-entry": entry.id,
                },
            )
            link.text = text[start:end]
            if pieces:
                pieces[-1].tail = text[position:start]
            else:
                kept = text[:start]
            pieces.append(link)
            position = end
        if not pieces:
            return text
        pieces[-1].tail = text[position:]
        for offset, piece in enumerate(pieces):
            parent.insert(index + offset, piece)
        return kept


class MentionsExtension(Extension):
    """``divergence.markdown.mentions``: reads the entries from the project at ``root``."""

    def __init__(self, **kwargs) -> None:
        self.config = {
            "root": [".", "The project folder, which holds data/glossary.yml and data/people.yml"]
        }
        super().__init__(**kwargs)

    def extendMarkdown(self, md) -> None:
        # After inline processing (20) and attr_list (8), before MkDocs' link rewriting (0).
        md.treeprocessors.register(
            MentionsTreeprocessor(md, self.getConfig("root")), "divergence-mentions", 4
        )


def makeExtension(**kwargs):
    return MentionsExtension(**kwargs)
