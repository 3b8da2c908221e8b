"""Find links, images, citations and raw HTML in Markdown source, with 1-based positions.

Code is not prose: fenced blocks are skipped and inline code spans are blanked out (same
length, so columns stay true) before any pattern is looked for.
"""

from __future__ import annotations

import functools
import html
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import TypeVar

from divergence.checks.project import Page
from divergence.site.markdown_syntax import CITATION_BLOCK, CITATION_KEY, FENCE, INLINE_CODE

# [text](target "title") and ![alt](src); the target may be wrapped in <...>.
_INLINE_LINK = re.compile(
    r"(?P<bang>!?)\[(?P<text>(?:[^\[\]]|\[[^\]]*\])*)\]\(\s*<?(?P<target>[^)\s>]*)>?"
    r"(?:\s+(?:\"[^\"]*\"|'[^']*'))?\s*\)"
)
# [label]: target; a footnote definition ([^label]: text) is not a link.
_REFERENCE_DEFINITION = re.compile(
    r"^\s{0,3}\[(?P<text>[^\]^][^\]]*)\]:\s*<?(?P<target>\S+?)>?(?:\s|$)"
)
_AUTOLINK = re.compile(r"<(?P<target>[a-zA-Z][a-zA-Z0-9+.-]*:[^\s<>]+)>")
_HTML_URL_ATTRIBUTE = re.compile(r"\b(?:href|src)\s*=\s*[\"']?(?P<target>[^\"'\s>]+)", re.I)

T = TypeVar("T")


@dataclass(frozen=True)
class Link:
    line: int
    col: int
    target: str
    text: str
    image: bool = False
    # Column of the link's first character ('!' or '[' for Markdown links).
    start: int = 0


@dataclass(frozen=True)
class Citation:
    line: int
    col: int
    key: str


def _kept(scan: Callable[[Page], Iterator[T]]) -> Callable[[Page], tuple[T, ...]]:
    """``scan(page)`` run once per page and kept: several rules read the same lines."""

    @functools.wraps(scan)
    def kept(page: Page) -> tuple[T, ...]:
        found = page.scans.get(scan.__name__)
        if found is None:
            found = page.scans[scan.__name__] = tuple(scan(page))
        return found

    return kept


@_kept
def prose_lines(page: Page) -> Iterator[tuple[int, str]]:
    """(line number, text) of each body line outside fenced code, inline code blanked."""
    fence: str | None = None
    for index in range(page.body_start, len(page.lines)):
        line = page.lines[index]
        match = FENCE.match(line)
        if fence:
            if match and match.group(1)[0] == fence[0] and len(match.group(1)) >= len(fence):
                fence = None
            continue
        if match:
            fence = match.group(1)
            continue
        yield index + 1, INLINE_CODE.sub(lambda m: " " * len(m.group()), line)


@_kept
def links(page: Page) -> Iterator[Link]:
    """Every link and image target of the page: Markdown, reference definitions, HTML."""
    for number, line in prose_lines(page):
        for match in _INLINE_LINK.finditer(line):
            yield Link(
                number,
                match.start("target") + 1,
                match.group("target"),
                match.group("text"),
                image=bool(match.group("bang")),
                start=match.start() + 1,
            )
        if match := _REFERENCE_DEFINITION.match(line):
            yield Link(number, match.start("target") + 1, match.group("target"), match["text"])
        for pattern in (_AUTOLINK, _HTML_URL_ATTRIBUTE):
            for match in pattern.finditer(line):
                yield Link(number, match.start("target") + 1, match.group("target"), "")


@_kept
def citations(page: Page) -> Iterator[Citation]:
    """Every citation key of the page, where it is written."""
    for number, line in prose_lines(page):
        for block in CITATION_BLOCK.finditer(line):
            for key in CITATION_KEY.finditer(block.group(1)):
                yield Citation(number, block.start(1) + key.start("key"), key.group("key"))


# Markup around the words of a line, removed in this order to leave its text.
_MARKUP = (
    (re.compile(r"<!--.*?-->"), ""),
    (re.compile(r"!\[[^\]]*\]\([^)]*\)"), ""),  # images
    (re.compile(r"\s*\[\^[^\]]+\](?!:)"), ""),  # footnote references
    (re.compile(r"\s*\[[^\[\]]*@[^\[\]]*\](?!\()"), ""),  # citations
    (re.compile(r"\[([^\[\]]*)\](?:\([^)]*\)|\[[^\]]*\])"), r"\1"),  # links
    (re.compile(r"\{[:#.][^}]*\}"), ""),  # attribute lists
    (re.compile(r"<[^>]+>"), ""),  # inline HTML
    (re.compile(r"(?<!\w)[*_]{1,3}|[*_]{1,3}(?!\w)"), ""),  # emphasis
)
# What opens a line: a heading's hashes, a quote's '>', a list item's marker.
_LINE_MARKERS = re.compile(r"^\s*(?:#{1,6}\s+|>\s*|[-*+]\s+|\d+[.)]\s+)+")
_HEADING = re.compile(r"^#{1,6}\s+(?P<text>.*?)(?:\s+#+)?\s*$")
_HEADING_ID = re.compile(r"\{[^}]*#(?P<id>[\w-]+)[^}]*\}\s*$")
_WRITTEN_ID = re.compile(r"""(?:\sid=["']|\{[^}\n]*#)(?P<id>[\w:-]+)""")


def plain(line: str, *, markers: bool = True) -> str:
    """The text of one line of Markdown, its markup (and, with ``markers``, what opens
    the line: a heading's hashes, a list marker) taken away."""
    if markers:
        line = _LINE_MARKERS.sub("", line)
    for pattern, replacement in _MARKUP:
        line = pattern.sub(replacement, line)
    return html.unescape(line).replace("\\", "")


@_kept
def anchor_ids(page: Page) -> Iterator[str]:
    """The ids a link can point at in the page, from its Markdown: each heading's id as
    Python-Markdown's toc makes it (the same slug, '_1' for a repeated one), and the ids
    written with attribute lists or in HTML."""
    from markdown.extensions.toc import slugify

    seen: set[str] = set()
    for number, line in prose_lines(page):
        # A heading's code keeps its words in the slug ("Cause before effect: `after`").
        if heading := _HEADING.match(INLINE_CODE.sub(r"\2", page.lines[number - 1])):
            if written := _HEADING_ID.search(heading["text"]):
                seen.add(written["id"])
                yield written["id"]
                continue
            slug = base = slugify(" ".join(plain(heading["text"], markers=False).split()), "-")
            number = 0
            while slug in seen:
                number += 1
                slug = f"{base}_{number}"
            seen.add(slug)
            yield slug
        for written in _WRITTEN_ID.finditer(line):
            yield written["id"]
