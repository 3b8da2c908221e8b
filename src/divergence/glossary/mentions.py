"""A Python-Markdown extension that links the first mention of each term or person per section.

The link carries the entry's short definition as its title, which
docs/assets/javascripts/tooltips.js shows on hover and on keyboard focus (the browser's
own tooltip without JavaScript); a tap follows the link to the full entry. Headings, code,
links, abbreviations and footnotes are left alone, and a section (the text from one ``h2``
to the next) marks each entry once, so the text stays readable when a name recurs in every
sentence.
"""

from __future__ import annotations

import posixpath
import re
import xml.etree.ElementTree as etree
from dataclasses import dataclass, field

from markdown import Extension
from markdown.treeprocessors import Treeprocessor

from divergence.glossary.model import Entry

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
}
# Labels that are ours, not prose: a claim-status marker, a contrast's title and labels.
_SKIP_CLASSES = {
    "footnote",
    "admonition-title",
    "dv-track",
    "dv-claim",
    "dv-contrast__title",
    "dv-contrast__label",
}


@dataclass
class Mention:
    """Where a page mentions an entry: the section heading's id and text (or the page)."""

    entry_id: str
    section_id: str | None
    section_title: str | None


class Matcher:
    """Finds the names of all entries in text: longest first, whole words only."""

    def __init__(self, entries: list[Entry]) -> None:
        self._exact: dict[str, Entry] = {}
        self._folded: dict[str, Entry] = {}
        parts = []
        names = sorted(((n, e) for e in entries for n in e.names), key=lambda p: -len(p[0]))
        for name, entry in names:
            if entry.kind.case_sensitive:
                self._exact.setdefault(name, entry)
                parts.append(re.escape(name))
            else:
                self._folded.setdefault(name.casefold(), entry)
                parts.append(f"(?i:{re.escape(name)})")
        # Whole words, and not part of a hyphenated compound: "anti-Bolshevik" is not a
        # mention of the Bolsheviks, nor "Molotov-Ribbentrop" of Molotov.
        self._pattern = re.compile(rf"(?<![\w-])(?:{'|'.join(parts)})(?![\w-])") if parts else None

    def find(self, text: str):
        """Yield (start, end, entry) for each name in ``text``."""
        if self._pattern is None:
            return
        for match in self._pattern.finditer(text):
            name = match.group()
            entry = self._exact.get(name) or self._folded.get(name.casefold())
            if entry is not None:
                yield match.start(), match.end(), entry


@dataclass
class PageState:
    """Set by the plugin before each page: where it is, and what it mentions."""

    src_uri: str = ""
    enabled: bool = True
    mentions: list[Mention] = field(default_factory=list)


class MentionsTreeprocessor(Treeprocessor):
    def __init__(self, md, matcher: Matcher, state: PageState) -> None:
        super().__init__(md)
        self.matcher = matcher
        self.state = state

    def run(self, root: etree.Element) -> None:
        if not self.state.enabled:
            return
        self._section: tuple[str | None, str | None] = (None, None)
        self._seen: set[str] = set()
        for child in list(root):
            if child.tag == "h2":
                self._section = (child.get("id"), _heading_text(child))
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
            self.state.mentions.append(Mention(entry.id, *self._section))
            link = etree.Element(
                "a",
                {
                    "href": self._href(entry),
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

    def _href(self, entry: Entry) -> str:
        # A link to the .md source: MkDocs turns it into the page URL and validates the anchor.
        here = posixpath.dirname(self.state.src_uri)
        return f"{posixpath.relpath(entry.kind.page, here or '.')}#{entry.id}"


def _heading_text(heading: etree.Element) -> str:
    """A heading's text without the permalink that the toc extension appends."""
    parts = [heading.text or ""]
    for child in heading:
        if "headerlink" not in (child.get("class") or ""):
            parts.append("".join(child.itertext()))
        parts.append(child.tail or "")
    return "".join(parts).strip()


class MentionsExtension(Extension):
    """Registered by the divergence/glossary plugin with the entries and the page state."""

    def __init__(self, matcher: Matcher, state: PageState) -> None:
        super().__init__()
        self.matcher = matcher
        self.state = state

    def extendMarkdown(self, md) -> None:
        # After inline processing (20) and attr_list (8), before MkDocs' link rewriting (0).
        md.treeprocessors.register(
            MentionsTreeprocessor(md, self.matcher, self.state), "divergence-mentions", 4
        )
