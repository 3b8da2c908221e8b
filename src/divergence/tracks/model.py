"""The track vocabulary and the front-matter rules that every page must satisfy."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from divergence.diagnostics import Diagnostic, did_you_mean
from divergence.frontmatter import FrontMatter


@dataclass(frozen=True)
class Track:
    """One kind of page: what it covers, as the reader sees it on the badge."""

    id: str
    label: str
    summary: str
    # A Material icon path; the badge never relies on its colour alone.
    icon: str


TRACKS: dict[str, Track] = {
    track.id: track
    for track in (
        Track(
            "actual",
            "Actual history",
            "What happened: documented events, with sources.",
            "material/book-check-outline",
        ),
        Track(
            "divergence",
            "Point of divergence",
            "Where the two histories part: how the alternate history could begin.",
            "material/source-branch",
        ),
        Track(
            "alternate",
            "Alternate history",
            "What might have happened: counterfactual speculation, not a record of events.",
            "material/head-question-outline",
        ),
        Track(
            "reference",
            "Reference",
            "About the site and its sources: part of neither history.",
            "material/bookshelf",
        ),
    )
}

# Keys every page declares: `track` drives the badge, `description` the meta description.
REQUIRED_KEYS = ("description", "track")


def check_front_matter(path: str, front_matter: FrontMatter) -> Iterator[Diagnostic]:
    """Yield a diagnostic for each missing or invalid required key of one page."""
    fields = front_matter.fields
    for key in REQUIRED_KEYS:
        if key not in fields:
            yield Diagnostic(
                path,
                front_matter.end_line,
                1,
                "FM001",
                f"front matter has no '{key}'; add '{key}: ...' ({_expected(key)})",
            )
    track = fields.get("track")
    if track is not None and track.value not in TRACKS:
        yield Diagnostic(
            path,
            track.line,
            track.col,
            "FM002",
            f"unknown track '{track.value}'{did_you_mean(str(track.value), TRACKS)}; "
            f"use one of: {', '.join(TRACKS)}",
        )
    description = fields.get("description")
    if description is not None and not (
        isinstance(description.value, str) and description.value.strip()
    ):
        yield Diagnostic(
            path,
            description.line,
            description.col,
            "FM003",
            "'description' must be one sentence of plain text, used as the page's meta "
            "description",
        )


def _expected(key: str) -> str:
    if key == "track":
        return "one of: " + ", ".join(TRACKS)
    return "one sentence of plain text for search engines and link previews"
