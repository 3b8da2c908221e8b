"""BL002: a contrast or claim-status block used wrongly.

Our blocks (divergence.markdown.blocks) render such a block as written, with the mistake in a
``data-divergence-problem`` attribute and the block's opening line in
``data-divergence-source``; this rule turns each into a finding at that line.
"""

import html
import re
from functools import cache

from divergence.checks.registry import rule
from divergence.site.diagnostics import Diagnostic


@cache
def _patterns():
    # Imported on first use: divergence.markdown.blocks brings Python-Markdown and pymdownx,
    # which `divergence check` loads only after it has started its external linters.
    from divergence.markdown.blocks import PROBLEM, SOURCE

    return (
        re.compile(rf'<[a-z]+\b[^>]*\s{PROBLEM}="([^"]*)"[^>]*>'),
        re.compile(rf'\s{SOURCE}="([^"]*)"'),
    )


@rule(
    "BL002",
    "block-structure",
    "A contrast or claim-status block is incomplete, misplaced or names an unknown status.",
    needs="html",
)
def check(project):
    flagged_element, source_attribute = _patterns()
    for page, rendered in project.rendered_pages():
        searched_from = page.body_start
        for flagged in flagged_element.finditer(rendered):
            source = source_attribute.search(flagged.group(0))
            opening = _canonical(html.unescape(source.group(1))) if source else ""
            found = _locate(page.lines, opening, searched_from)
            if found is None:
                # Not in the page itself (an included file): point at the start of its body.
                line, col = page.body_start + 1, 1
            else:
                line, col = found
                # Blocks are rendered in source order, nested ones after the one around them.
                searched_from = line
            for message in html.unescape(flagged.group(1)).splitlines():
                yield Diagnostic(page.path, line, col, "BL002", message)


def _canonical(line: str) -> str:
    """An opening line with its spaces normalised: '////contrast|A  b' -> '//// contrast | A b'."""
    line = re.sub(r"^(/{3,})\s*", r"\1 ", line.strip())
    return " ".join(re.sub(r"\s*\|\s*", " | ", line, count=1).split())


def _locate(lines, opening, start):
    """1-based line and column of the first line from ``start`` that opens this block."""
    for index in range(start, len(lines)):
        if opening and _canonical(lines[index]) == opening:
            return index + 1, len(lines[index]) - len(lines[index].lstrip()) + 1
    return None
