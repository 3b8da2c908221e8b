"""Front matter (FM001-FM004) and what a template leaves behind (FM005)."""

from __future__ import annotations

import re

from divergence.checks import scan
from divergence.checks.registry import rule
from divergence.checks.schema import ALLOWED_KEYS, REQUIRED_KEYS, allowed_tracks
from divergence.site.claims import STATUSES
from divergence.site.diagnostics import Diagnostic, did_you_mean
from divergence.site.frontmatter import FrontMatter, yaml_error_position
from divergence.site.tracks import TRACKS

_WHAT = {
    "description": "one sentence of plain text for search engines and link previews",
    "track": "one of: " + ", ".join(TRACKS),
}
# The templates (templates/*.md) mark every part an editor must write with "Replace with",
# and their example citation key is 'replacewithkey'.
# A quoted "Replace with" is the guide speaking of the placeholders, not one of them.
_PLACEHOLDER = re.compile(r"(?<![\"'\u201c\u2018])\breplace ?with\b", re.I)
_COMMENT = re.compile(r"<!--.*?-->", re.S)


def _front_matters(project):
    for page in project.pages:
        if isinstance(page.front_matter, FrontMatter):
            yield page, page.front_matter


@rule("FM001", "front-matter-yaml", "The page's front matter is not valid YAML.")
def yaml_syntax(project):
    for page in project.pages:
        if isinstance(page.front_matter, Exception):
            line, col, problem = yaml_error_position(page.front_matter, first_line=2)
            yield Diagnostic(
                page.path, line, col, "FM001", f"front matter is not valid YAML: {problem}"
            )


@rule("FM002", "front-matter-required", "A required front-matter key is missing.")
def required(project):
    for page, front in _front_matters(project):
        for key in REQUIRED_KEYS:
            if key not in front.fields:
                yield Diagnostic(
                    page.path,
                    front.end_line,
                    1,
                    "FM002",
                    f"front matter has no '{key}'; add '{key}: ...' ({_WHAT[key]})",
                )


@rule("FM003", "front-matter-value", "A front-matter value is not allowed for the page.")
def value(project):
    for page, front in _front_matters(project):
        if (track := front.fields.get("track")) is not None:
            page_type, tracks = allowed_tracks(page.docs_path)
            text = str(track.value)
            message = None
            if track.value not in TRACKS:
                message = (
                    f"unknown track '{text}'{did_you_mean(text, TRACKS)}; "
                    f"use one of: {', '.join(tracks)}"
                )
            elif track.value not in tracks:
                message = f"an {page_type} cannot have track '{text}'; use one of: " + ", ".join(
                    tracks
                )
            if message:
                yield Diagnostic(page.path, track.line, track.col, "FM003", message)
        status = front.fields.get("status")
        if status is not None and not (isinstance(status.value, str) and status.value in STATUSES):
            kinds = ", ".join(STATUSES)
            if isinstance(status.value, str):
                message = (
                    f"unknown claim status '{status.value}'"
                    f"{did_you_mean(status.value, STATUSES)}; use one of: {kinds}"
                )
            else:
                message = f"'status' must be one word, one of: {kinds}"
            yield Diagnostic(page.path, status.line, status.col, "FM003", message)
        description = front.fields.get("description")
        if description is not None and not (
            isinstance(description.value, str) and description.value.strip()
        ):
            yield Diagnostic(
                page.path,
                description.line,
                description.col,
                "FM003",
                "'description' must be one sentence of plain text (the page's meta description)",
            )


@rule("FM004", "front-matter-unknown-key", "A front-matter key is not part of the page schema.")
def unknown_key(project):
    for page, front in _front_matters(project):
        for key, field in front.fields.items():
            if key not in ALLOWED_KEYS:
                yield Diagnostic(
                    page.path,
                    field.line,
                    1,
                    "FM004",
                    f"unknown front-matter key '{key}'{did_you_mean(key, ALLOWED_KEYS)}; "
                    f"allowed keys: {', '.join(ALLOWED_KEYS)}",
                )


@rule(
    "FM005",
    "template-placeholder",
    "A page made from a template still has the template's placeholder text.",
)
def placeholder(project):
    for page in project.pages:
        front = page.front_matter
        if isinstance(front, FrontMatter):
            for key in ("title", "description"):
                field = front.fields.get(key)
                if field is not None and _PLACEHOLDER.search(str(field.value)):
                    yield _placeholder(page, field.line, field.col, str(field.value))
        # Comments are the template's instructions to the editor, not published text.
        commented = {
            number
            for comment in _COMMENT.finditer(page.text)
            for number in range(
                page.text.count("\n", 0, comment.start()) + 1,
                page.text.count("\n", 0, comment.end()) + 2,
            )
        }
        for number, line in scan.prose_lines(page):
            if number not in commented and (match := _PLACEHOLDER.search(line)):
                yield _placeholder(page, number, match.start() + 1, line.strip())


def _placeholder(page, line, col, text):
    return Diagnostic(
        page.path,
        line,
        col,
        "FM005",
        f"'{text[:60]}' is the template's placeholder text; write the page's own text "
        "here (the template's comments say what each part needs)",
    )
