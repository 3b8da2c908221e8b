"""URLs between built pages, and the "edit this page" URL of a generated page."""

from __future__ import annotations

from pathlib import Path

from mkdocs.utils import get_relative_url


def page_url(target, source) -> str:
    """The URL of page ``target`` relative to page ``source``.

    A directory URL keeps its slash ('..' would work, '../' reads as a folder); the offline
    build's 'index.html' URLs stay as they are.
    """
    url = get_relative_url(target.url, source.url)
    if (not target.url or target.url.endswith("/")) and not url.endswith("/"):
        url += "/"
    return url


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
