"""Blocks: syntax left as text (BL001), our contrast and status blocks (BL002, and BL006
for one never closed), the admonitions' types and bodies (BL003, BL004) and tables' rows
(BL005)."""

from __future__ import annotations

import html
import re
from functools import cache

from divergence.checks import scan
from divergence.checks.registry import rule
from divergence.site.diagnostics import Diagnostic, did_you_mean
from divergence.site.markdown_syntax import INLINE_CODE

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
# '!!! type "Title"' (admonition) or '??? type' / '???+ type' (pymdownx.details).
_ADMONITION = re.compile(r"^(?P<indent>\s*)(?:!!!|\?\?\?\+?)[ \t]+(?P<type>[\w-]+)")
# Material's admonition types (its documentation, "Supported types", with their aliases)
# and ours, styled in docs/assets/stylesheets/divergence.css.
MATERIAL_TYPES = (
    *("note", "abstract", "summary", "tldr", "info", "todo", "tip", "hint", "important"),
    *("success", "check", "done", "question", "help", "faq", "warning", "caution"),
    *("attention", "failure", "fail", "missing", "danger", "error", "bug", "example"),
    *("quote", "cite"),
)
OUR_TYPES = ("editor", "commentary")
ADMONITION_TYPES = (*OUR_TYPES, *MATERIAL_TYPES)
# The whole opening line as Python-Markdown's admonition and details extensions accept
# it: the type and classes, then a title in double quotes; anything else stays text.
_WELL_FORMED = re.compile(r'^\s*(?:!!!|\?\?\?\+?) ?[\w-]+(?: +[\w-]+)*(?: +"[^"]*")? *$')
# A block's fence: '/// name | title' opens (the name first), '///' alone closes.
_BLOCK_FENCE = re.compile(r"^\s*(?P<fence>/{3,})\s*(?P<name>[\w-]*)")
# Our blocks (divergence.markdown.contrast and .status); pymdownx's own are not checked.
OUR_BLOCKS = ("contrast", "actual", "alternate", "status")
_DELIMITER_ROW = re.compile(r"^\s*\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)*\|?\s*$")


@rule(
    "BL001",
    "literal-block-syntax",
    "Block or admonition syntax is shown as literal text in the rendered page.",
    needs="html",
)
def literal_syntax(project):
    """pymdownx blocks and admonitions fall back to plain text, silently, on a typo in the
    block name or option, a missing blank line or a wrong indentation."""
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
                if (page.path, line) in project.reported.get("block-lines", ()):
                    break  # BL003 has said why, from the Markdown
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


def _locate(lines, text, start):
    """1-based line and column of the first source line from ``start`` showing ``text``."""
    for index in range(start, len(lines)):
        if lines[index].strip().startswith(text):
            return index + 1, len(lines[index]) - len(lines[index].lstrip()) + 1
    return start + 1, 1


@cache
def _patterns():
    # Imported on first use: divergence.markdown.blocks brings Python-Markdown and pymdownx.
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
def block_structure(project):
    """Our blocks (divergence.markdown.blocks) render a faulty block as written, with the
    mistake in a ``data-divergence-problem`` attribute and the block's opening line in
    ``data-divergence-source``; each becomes a finding at that line."""
    flagged_element, source_attribute = _patterns()
    for page, rendered in project.rendered_pages():
        searched_from = page.body_start
        for flagged in flagged_element.finditer(rendered):
            source = source_attribute.search(flagged.group(0))
            opening = _canonical(html.unescape(source.group(1))) if source else ""
            found = _locate_opening(page.lines, opening, searched_from)
            if found is None:
                # Not in the page itself (an included file): point at the start of its body.
                line, col = page.body_start + 1, 1
            else:
                line, col = found
                # Blocks are rendered in source order, nested ones after the one around them.
                searched_from = line
            for message in html.unescape(flagged.group(1)).splitlines():
                if "is never closed" in message and (page.path, line) in project.reported.get(
                    "unclosed-blocks", ()
                ):
                    continue  # BL006 has reported it from the Markdown
                yield Diagnostic(page.path, line, col, "BL002", message)


def _canonical(line: str) -> str:
    """An opening line with its spaces normalised: '////contrast|A  b' -> '//// contrast | A b'."""
    line = re.sub(r"^(/{3,})\s*", r"\1 ", line.strip())
    return " ".join(re.sub(r"\s*\|\s*", " | ", line, count=1).split())


def _locate_opening(lines, opening, start):
    for index in range(start, len(lines)):
        if opening and _canonical(lines[index]) == opening:
            return index + 1, len(lines[index]) - len(lines[index].lstrip()) + 1
    return None


def _admonitions(page):
    """(line number, match, the prose lines after it) for each admonition of the page."""
    lines = list(scan.prose_lines(page))
    for index, (number, line) in enumerate(lines):
        if match := _ADMONITION.match(line):
            yield number, match, lines[index + 1 :]


@rule(
    "BL003",
    "admonition-type",
    "An admonition's type is neither Material's nor ours, or its title is not quoted.",
)
def admonition_type(project):
    for page in project.pages:
        for number, match, _ in _admonitions(page):
            kind = match.group("type")
            if not _WELL_FORMED.match(match.string):
                project.reported.setdefault("block-lines", set()).add((page.path, number))
                yield Diagnostic(
                    page.path,
                    number,
                    match.start("type") + 1,
                    "BL003",
                    f"'{match.string.strip()[:40]}' is shown as text, not as a box: write the "
                    'type, then the title in double quotes: !!! editor "Editor\'s note"',
                )
            elif kind not in ADMONITION_TYPES:
                yield Diagnostic(
                    page.path,
                    number,
                    match.start("type") + 1,
                    "BL003",
                    f"unknown admonition type '{kind}'{did_you_mean(kind, ADMONITION_TYPES)}; "
                    f"ours are {', '.join(OUR_TYPES)} (Material's: note, warning, quote, ...)",
                )


@rule("BL004", "admonition-body", "An admonition's body is not indented, so its box is empty.")
def admonition_body(project):
    for page in project.pages:
        for number, match, after in _admonitions(page):
            indent = len(match.group("indent").expandtabs(4))
            body = next((line for _, line in after if line.strip()), None)
            if body is None or len(body) - len(body.lstrip()) < indent + 4:
                yield Diagnostic(
                    page.path,
                    number,
                    len(match.group("indent")) + 1,
                    "BL004",
                    f"the box '{match.string.strip()[:40]}' is empty: the text under it is not "
                    "indented, so it shows as an ordinary paragraph after the box; indent "
                    "every line of the body by 4 spaces",
                )


@rule("BL005", "table-cells", "A table row has fewer or more cells than the table's columns.")
def table_cells(project):
    for page in project.pages:
        lines = list(scan.prose_lines(page))
        for index in range(1, len(lines)):
            number, delimiter = lines[index]
            header = lines[index - 1][1]
            if "|" not in header or "-" not in delimiter or not _DELIMITER_ROW.match(delimiter):
                continue
            columns = _cells(delimiter)
            for row_number, row in lines[index + 1 :]:
                if not row.strip() or "|" not in row or row_number != number + 1:
                    break
                number = row_number
                # A code span is one cell's text, '|' and all (blanked, it would vanish).
                cells = _cells(
                    INLINE_CODE.sub(lambda m: "x" * len(m.group()), page.lines[number - 1])
                )
                if cells != columns:
                    what = "the last shows empty" if cells < columns else "the extra ones are lost"
                    yield Diagnostic(
                        page.path,
                        row_number,
                        len(row) - len(row.lstrip()) + 1,
                        "BL005",
                        f"this row has {cells} cells and the table {columns} columns "
                        f"({what}); separate each cell with '|', an empty cell too",
                    )


def _cells(row: str) -> int:
    # Escaped pipes are text; code spans are already blanked by prose_lines.
    row = row.strip().replace("\\|", "")
    if row.startswith("|"):
        row = row[1:]
    if row.endswith("|"):
        row = row[:-1]
    return row.count("|") + 1


@rule("BL006", "block-unclosed", "A contrast or claim-status block is never closed.")
def block_unclosed(project):
    """pymdownx closes such a block silently at the end of the page, so everything after
    its opening line ends up inside it."""
    reported = project.reported.setdefault("unclosed-blocks", set())
    for page in project.pages:
        open_blocks = []
        for number, line in scan.prose_lines(page):
            if not (fence := _BLOCK_FENCE.match(line)):
                continue
            if fence["name"]:
                open_blocks.append((number, line, len(fence["fence"]), fence["name"]))
                continue
            # A closing fence closes the innermost block opened with as many slashes.
            for index in range(len(open_blocks) - 1, -1, -1):
                if open_blocks[index][2] == len(fence["fence"]):
                    del open_blocks[index:]
                    break
        for number, line, length, name in open_blocks:
            if name not in OUR_BLOCKS:
                continue
            reported.add((page.path, number))
            yield Diagnostic(
                page.path,
                number,
                len(line) - len(line.lstrip()) + 1,
                "BL006",
                f"'{' '.join(line.split())}' is never closed; end it with a line of "
                f"{length} slashes: '{'/' * length}'",
            )
