"""Helpers for pages the build generates from data files."""

from __future__ import annotations

from pathlib import Path


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
