"""Where the plugin puts the pages it generates from the data files."""

from __future__ import annotations

# Kept in the site model, free of MkDocs: the Markdown extensions link to these pages and
# the plugin generates them.
BIBLIOGRAPHY_PAGE = "reading/bibliography.md"
BIBLIOGRAPHY_DOWNLOAD = "references.bib"
TIMELINE_INDEX = "timeline/index.md"
TIMELINE_COMPARISON = "timeline/comparison.md"


def timeline_era_page(era_id: str) -> str:
    return f"timeline/{era_id}.md"
