"""IM001: an image without alt text, which screen-reader users cannot perceive."""

import re

from divergence.checks import scan
from divergence.checks.registry import rule
from divergence.site.diagnostics import Diagnostic

_IMG = re.compile(r"<img\b[^>]*>", re.I)
_ALT = re.compile(r"""\salt\s*=\s*(["'])(.*?)\1""", re.I | re.S)


@rule("IM001", "image-alt", "An image has no alt text.")
def check(project):
    for page in project.pages:
        for link in scan.links(page):
            if link.image and not link.text.strip():
                yield _missing(page, link.line, link.start, link.target)
        for number, line in scan.prose_lines(page):
            for match in _IMG.finditer(line):
                alt = _ALT.search(match.group())
                if not alt or not alt.group(2).strip():
                    yield _missing(page, number, match.start() + 1, "<img>")


def _missing(page, line, col, what):
    return Diagnostic(
        page.path,
        line,
        col,
        "IM001",
        f"image '{what}' has no alt text; describe what it shows: ![A map of ...](...)",
    )
