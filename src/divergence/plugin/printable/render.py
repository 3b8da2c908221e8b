"""One page's converted HTML made into a part of the single page.

Every id takes the part's prefix, so that footnotes (`fn:1`), citations and per-page
counters of two pages never collide; every link is re-pointed (model.Addresses); headings
move down a level or two under the single page's title; and each top-level passage carries
its claim status, which on its own page it took from the page's default. Mentions linked
to the glossary and people (divergence.markdown.mentions) become plain text: the single
page is for paper, where such links are only underlines, and their definitions would add
a tenth to the page's weight.

Python-Markdown and our plugins write well-formed HTML whose text never holds a raw '<'
and whose attribute values never hold a raw '>', so rewriting the tags one by one is safe.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from dataclasses import dataclass

_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9-]*)([^>]*)>")
_ATTR = re.compile(r"""([^\s"'>/=]+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s"'=<>`]+))?""")
# A tag worth parsing: it names an id, refers to one, or links (most tags do none of these).
_REFERS = re.compile(
    r"\s(?:id|for|href|src|headers|aria-(?:labelledby|describedby|controls|owns))="
)
_HEADINGS = {f"h{level}" for level in range(1, 7)}
_VOID = {"area", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}
# Attributes naming one id, and those naming a space-separated list of ids.
_ID = {"id", "for"}
_IDS = {"aria-labelledby", "aria-describedby", "aria-controls", "aria-owns", "headers"}
_URL = {"href", "src"}
# The blocks that claims.js treats as passages taking the page's default status.
_PASSAGE_TAGS = {"p", "ul", "ol", "dl", "blockquote", "pre", "table", "details"}
_PASSAGE_CLASSES = {"highlight", "admonition", "grid"}
_MAYBE_PASSAGE = {*_PASSAGE_TAGS, "div"}
STATUS = "data-divergence-status"
# A linked mention as divergence.markdown.mentions writes it: its text is never marked up.
_MENTION = re.compile(r'<a [^>]*\bclass="dv-term\b[^"]*"[^>]*>([^<]*)</a>')


# What a page has for reading on screen, which the single page (the essay on paper)
# leaves out: the questions for study and the list of the page's timeline events, whose
# links lead away from the essay, and the divergence chart, which is a map to click.
SCREEN_ONLY_SECTIONS = ("questions-for-discussion", "on-the-timeline")
_NOTES = '<div class="footnote">'
# Elements that hold one screen-only part whole (the events list is a section of its own).
_SCREEN_ONLY = re.compile(
    r'<figure class="dv-chart-figure">.*?</figure>'
    r'|<section class="dv-page-events"[^>]*>.*?</section>',
    re.DOTALL,
)


# The home page's ways into the essay (its "Start reading" button, the parts as cards):
# on the single page the essay itself follows.
_WAY_IN = re.compile(r'<(\w+)\b[^>]*\bclass="[^"]*\bdv-home__way\b[^"]*"[^>]*>')


def _without_elements(content: str, opening: re.Pattern) -> str:
    """``content`` without each element whose opening tag ``opening`` matches, whole."""
    while match := opening.search(content):
        tag = match.group(1)
        depth, position = 1, match.end()
        nested = re.compile(rf"<(/?){tag}\b[^>]*>")
        while depth and (inner := nested.search(content, position)):
            depth += -1 if inner.group(1) else 1
            position = inner.end()
        content = content[: match.start()] + content[position:]
    return content


def for_paper(content: str) -> str:
    """``content`` without what a page has only for reading on screen."""
    content = _without_elements(_SCREEN_ONLY.sub("", content), _WAY_IN)
    # The questions: from their heading to the next one, or to the page's notes.
    for section in SCREEN_ONLY_SECTIONS:
        start = content.find(f'<h2 id="{section}"')
        if start < 0:
            continue
        # To the next section, or to the page's notes (footnotes), which stay.
        ends = [i for i in (content.find("<h2", start + 1), content.find(_NOTES, start)) if i >= 0]
        content = content[:start] + (content[min(ends) :] if ends else "")
    return content


@dataclass(frozen=True)
class Rewritten:
    """A part's HTML: its first heading apart, so that the part's label can follow it."""

    heading: str
    heading_id: str | None
    body: str


def rewrite(
    content: str,
    *,
    prefix: str,
    link: Callable[[str], str],
    shift: int,
    status: str | None,
) -> Rewritten:
    """Rewrite ``content`` as the part ``prefix``: ids, links, heading levels, statuses."""
    content = _MENTION.sub(r"\1", content)
    out: list[str] = []
    depth = 0
    position = 0
    heading_end = None
    heading_id = None
    for match in _TAG.finditer(content):
        closing, name, attributes = match.groups()
        self_closing = attributes.endswith("/")
        if self_closing:
            attributes = attributes[:-1]
        name = name.lower()
        if name in _HEADINGS:
            name = f"h{min(int(name[1]) + shift, 6)}"
        out.append(content[position : match.start()])
        position = match.end()
        if closing:
            depth -= 1
            out.append(f"</{name}>")
            if heading_end is None and name in _HEADINGS and depth == 0:
                heading_end = len(out)
            continue
        passage = depth == 0 and status and name in _MAYBE_PASSAGE
        if not passage and not _REFERS.search(attributes):
            out.append(f"<{name}{attributes}{'/' if self_closing else ''}>")
            if not self_closing and name not in _VOID:
                depth += 1
            continue
        pairs = _attributes(attributes)
        for index, (key, value) in enumerate(pairs):
            if value is None:
                continue
            if key in _ID:
                value = f"{prefix}--{value}"
            elif key in _IDS:
                value = " ".join(f"{prefix}--{v}" for v in value.split())
            elif key in _URL:
                value = link(value)
            pairs[index] = (key, value)
        if depth == 0 and status and _is_passage(name, pairs):
            pairs.append((STATUS, status))
        if heading_end is None and heading_id is None and name in _HEADINGS:
            heading_id = dict(pairs).get("id")
        out.append(f"<{name}{_serialise(pairs)}{' /' if self_closing else ''}>")
        if not self_closing and name not in _VOID:
            depth += 1
    out.append(content[position:])
    if heading_end is None or not "".join(out[:heading_end]).lstrip().startswith("<h"):
        return Rewritten("", None, "".join(out))
    return Rewritten("".join(out[:heading_end]), heading_id, "".join(out[heading_end:]))


def _attributes(text: str) -> list[tuple[str, str | None]]:
    pairs = []
    for key, raw in _ATTR.findall(text):
        value = None
        if raw:
            value = html.unescape(raw[1:-1] if raw[0] in "\"'" else raw)
        pairs.append((key.lower(), value if raw else None))
    return pairs


def _serialise(pairs: list[tuple[str, str | None]]) -> str:
    return "".join(
        f" {key}" if value is None else f' {key}="{html.escape(value)}"' for key, value in pairs
    )


def _is_passage(name: str, pairs: list[tuple[str, str | None]]) -> bool:
    values = dict(pairs)
    if STATUS in values:
        return False
    if name in _PASSAGE_TAGS:
        return True
    return name == "div" and bool(_PASSAGE_CLASSES & set((values.get("class") or "").split()))
