"""The track vocabulary: which history a page describes, as the reader sees it on the badge."""

from __future__ import annotations

from dataclasses import dataclass


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
