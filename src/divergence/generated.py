"""Helpers for pages the build generates from data files."""

from __future__ import annotations

from pathlib import Path

# Where the plugins put the pages they generate. Kept here, free of MkDocs imports, so that
# `divergence check` can read them without loading the plugins.
BIBLIOGRAPHY_PAGE = "reading/bibliography.md"
BIBLIOGRAPHY_DOWNLOAD = "references.bib"
TIMELINE_INDEX = "timeline/index.md"
TIMELINE_COMPARISON = "timeline/comparison.md"


def timeline_era_page(era_id: str) -> str:
    return f"timeline/{era_id}.md"


def data_edit_url(config, data_file: str) -> str | None:
    """The "edit this page" URL of a generated page: its data file in the repository.

    Built from ``repo_url`` and ``edit_uri`` (``edit/main/docs/``), with the docs folder
    swapped for the data file's path.
    """
    if not (config.repo_url and config.edit_uri):
        return None
    docs = Path(config.docs_dir).name + "/"
    edit_root = config.edit_uri.removesuffix(docs).strip("/")
    return f"{config.repo_url.rstrip('/')}/{edit_root}/{data_file}"
