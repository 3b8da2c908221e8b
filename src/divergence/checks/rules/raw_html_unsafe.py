"""HT001: raw HTML that can run code or load content from elsewhere.

Pages are Markdown; anything active would run in every reader's browser and could load
from another origin, which this site never does.
"""

import re

from divergence.checks import scan
from divergence.checks.registry import rule
from divergence.site.diagnostics import Diagnostic

_ELEMENT = re.compile(r"<\s*(script|iframe|object|embed|style|frame|frameset|applet)\b", re.I)
_EVENT_ATTRIBUTE = re.compile(r"<[a-zA-Z][^>]*?\s(on[a-zA-Z]+)\s*=", re.I)
_JAVASCRIPT_URL = re.compile(r"\bjavascript\s*:", re.I)


@rule("HT001", "raw-html-unsafe", "Raw HTML that can run code or load content.")
def check(project):
    for page in project.pages:
        for number, line in scan.prose_lines(page):
            for match in _ELEMENT.finditer(line):
                yield _found(page, number, match.start() + 1, f"raw <{match.group(1).lower()}>")
            for match in _EVENT_ATTRIBUTE.finditer(line):
                what = f"event attribute '{match.group(1)}='"
                yield _found(page, number, match.start(1) + 1, what)
            for match in _JAVASCRIPT_URL.finditer(line):
                yield _found(page, number, match.start() + 1, "a 'javascript:' URL")


def _found(page, line, col, what):
    return Diagnostic(
        page.path,
        line,
        col,
        "HT001",
        f"{what} can run code or load content in readers' browsers; remove it "
        "(write Markdown; layout belongs in overrides/)",
    )
