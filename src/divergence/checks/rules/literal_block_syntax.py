"""BL001: block or admonition syntax left as literal text in the rendered page.

pymdownx blocks and admonitions fall back to plain text, silently, on a typo in the block
name or option, a missing blank line or a wrong indentation.
"""

import html
import re

from divergence.checks.registry import rule
from divergence.site.diagnostics import Diagnostic

_PARAGRAPH = re.compile(r"<p>(.*?)</p>", re.S)
_TAG = re.compile(r"<[^>]+>")
# Code shows syntax on purpose: the guide's examples are not mistakes.
_CODE = re.compile(r"<code\b.*?</code>", re.S)
# Blocks nest with longer fences: a contrast opens with four slashes, its sides with three.
_MARKER = re.compile(r"^(/{3,}|!!!|\?\?\?\+?|===!?)(?=\s|$)")
_KIND = {
    "///": "a block",
    "!!!": "an admonition",
    "???": "a collapsible block",
    "===": "a content tab",
}
# An admonition whose body was not indented renders as an empty box with the body after it.
_EMPTY_ADMONITION = re.compile(
    r'<div class="admonition[^"]*">\s*<p class="admonition-title">((?:(?!</p>).)*)</p>\s*</div>',
    re.S,
)


@rule(
    "BL001",
    "literal-block-syntax",
    "Block or admonition syntax is shown as literal text in the rendered page.",
    needs="html",
)
def check(project):
    for page, rendered in project.rendered_pages():
        searched_from = page.body_start
        for paragraph in _PARAGRAPH.finditer(rendered):
            text = html.unescape(_TAG.sub("", _CODE.sub("", paragraph.group(1))))
            for text_line in text.splitlines():
                marker = _MARKER.match(text_line.strip())
                if not marker:
                    continue
                line, col = _locate(page.lines, text_line.strip(), searched_from)
                searched_from = line
                kind = _KIND[marker.group(1)[:3]]
                yield Diagnostic(
                    page.path,
                    line,
                    col,
                    "BL001",
                    f"'{text_line.strip()[:40]}' is shown as text, not as {kind}; check the "
                    "name and options, the blank line before it and the 4-space indentation "
                    "of its body",
                )
                break
        for empty in _EMPTY_ADMONITION.finditer(rendered):
            title = html.unescape(_TAG.sub("", empty.group(1))).strip()
            line, col = _locate_title(page.lines, title, page.body_start)
            yield Diagnostic(
                page.path,
                line,
                col,
                "BL001",
                f"the box '{title}' is empty: its body is not indented, so it shows as an "
                "ordinary paragraph after the box; indent the body by 4 spaces",
            )


def _locate_title(lines, title, start):
    """The first admonition line from ``start`` whose title is ``title``."""
    for index in range(start, len(lines)):
        stripped = lines[index].strip()
        if stripped.startswith(("!!!", "???", "///")) and title in stripped:
            return index + 1, len(lines[index]) - len(stripped) + 1
    return start + 1, 1


def _locate(lines, text, start):
    """1-based line and column of the first source line from ``start`` showing ``text``."""
    for index in range(start, len(lines)):
        if lines[index].strip().startswith(text):
            return index + 1, len(lines[index]) - len(lines[index].lstrip()) + 1
    return start + 1, 1
