"""The front-matter schema: which keys a page may have, and which tracks each page type takes."""

from __future__ import annotations

from dataclasses import dataclass

from divergence.site.tracks import TRACKS

REQUIRED_KEYS = ("description", "track")
# Ours (`status`: the claim status of the page's unmarked passages), plus Material's
# `title`, `hide` and `search` (search boost or exclusion).
ALLOWED_KEYS = ("title", "description", "track", "status", "hide", "search")


@dataclass(frozen=True)
class PageType:
    name: str
    # Paths inside docs/: a folder ends with '/', anything else is one page.
    paths: tuple[str, ...]
    tracks: tuple[str, ...]

    def matches(self, docs_path: str) -> bool:
        return any(
            docs_path.startswith(p) if p.endswith("/") else docs_path == p for p in self.paths
        )


# The first type that matches a page applies; other pages may take any track.
PAGE_TYPES = (
    PageType(
        "essay page",
        ("actual-history.md", "point-of-divergence.md", "aftermath/", "impact/"),
        ("actual", "divergence", "alternate"),
    ),
    PageType("editors' guide page", ("contributing/",), ("reference",)),
)


def allowed_tracks(docs_path: str) -> tuple[str | None, tuple[str, ...]]:
    """The page type's name (None for other pages) and the tracks it may declare."""
    for page_type in PAGE_TYPES:
        if page_type.matches(docs_path):
            return page_type.name, page_type.tracks
    return None, tuple(TRACKS)
