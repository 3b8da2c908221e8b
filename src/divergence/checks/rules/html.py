"""Raw HTML in pages: what can run code or load content (HT001), images without alt
text (IM001)."""

from __future__ import annotations

import re

from divergence.checks import scan
from divergence.checks.registry import rule
from divergence.site.diagnostics import Diagnostic

_ELEMENT = re.compile(r"<\s*(script|iframe|object|embed|style|frame|frameset|applet)\b", re.I)
_EVENT_ATTRIBUTE = re.compile(r"<[a-zA-Z][^>]*?\s(on[a-zA-Z]+)\s*=", re.I)
_JAVASCRIPT_URL = re.compile(r"\bjavascript\s*:", re.I)
_IMG = re.compile(r"<img\b[^>]*>", re.I)
_ALT = re.compile(r"""\salt\s*=\s*(["'])(.*?)\1""", re.I | re.S)


@rule("HT001", "raw-html-unsafe", "Raw HTML that can run code or load content.")
def unsafe(project):
    """Anything active would run in every reader's browser and could load from another
    origin, which this site never does."""
    # The Markdown linter's "inline HTML" at the same place is this finding again (ST001).
    reported = project.reported.setdefault("html-lines", set())
    for page in project.pages:
        for number, line in scan.prose_lines(page):
            if _ELEMENT.search(line) or _EVENT_ATTRIBUTE.search(line):
                reported.add((page.path, number))
            for match in _ELEMENT.finditer(line):
                yield _unsafe(page, number, match.start() + 1, f"raw <{match.group(1).lower()}>")
            for match in _EVENT_ATTRIBUTE.finditer(line):
                what = f"event attribute '{match.group(1)}='"
                yield _unsafe(page, number, match.start(1) + 1, what)
            for match in _JAVASCRIPT_URL.finditer(line):
                yield _unsafe(page, number, match.start() + 1, "a 'javascript:' URL")


def _unsafe(page, line, col, what):
    return Diagnostic(
        page.path,
        line,
        col,
        "HT001",
        f"{what} can run code or load content in readers' browsers; remove it "
        "(write Markdown; layout belongs in overrides/)",
    )


@rule("IM001", "image-alt", "An image has no alt text.")
def image_alt(project):
    for page in project.pages:
        for link in scan.links(page):
            if link.image and not link.text.strip():
                yield _no_alt(page, link.line, link.start, link.target)
        for number, line in scan.prose_lines(page):
            for match in _IMG.finditer(line):
                alt = _ALT.search(match.group())
                if not alt or not alt.group(2).strip():
                    yield _no_alt(page, number, match.start() + 1, "<img>")


def _no_alt(page, line, col, what):
    return Diagnostic(
        page.path,
        line,
        col,
        "IM001",
        f"image '{what}' has no alt text; describe what it shows: ![A map of ...](...)",
    )
