"""What `mkdocs serve --dirty` needs to show a right page after building only some.

With ``--dirty`` MkDocs converts only the pages edited since the last build. The lists
that gather from every page (where each term is mentioned, which pages cite a work) keep
what the other pages gave last time (``Records``). An edit to what every page shows (a
data file, a snippet, a theme template, mkdocs.yml) builds every page again
(``SharedInputs``).
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from divergence.site.sources import stamp


@dataclass
class Records:
    """By page source path: (page, what it gave). Replaced when the page is built again."""

    mentions: dict[str, tuple] = field(default_factory=dict)
    citations: dict[str, tuple] = field(default_factory=dict)
    # Whether the home page has the claim legend (it is converted only when edited).
    legend: dict[str, bool] = field(default_factory=dict)

    def clear(self) -> None:
        self.mentions.clear()
        self.citations.clear()
        self.legend.clear()


class SharedInputs:
    """The files every page depends on, and whether any changed since the last build."""

    def __init__(self) -> None:
        self._last: tuple | None = None

    def changed(self, config) -> bool:
        root = Path(config.config_file_path).parent
        folders = [root / "data"]
        snippets = config.mdx_configs.get("pymdownx.snippets", {}).get("base_path", ["."])
        for base in [snippets] if isinstance(snippets, str) else snippets:
            # The project root itself holds docs/ (watched by MkDocs): its includes/ only.
            folders.append(
                root / "includes" if Path(root / base).resolve() == root else root / base
            )
        if config.theme.custom_dir:
            folders.append(Path(config.theme.custom_dir))
        paths = [Path(config.config_file_path)]
        for folder in folders:
            for top, _, names in os.walk(folder):
                paths += [Path(top) / name for name in sorted(names)]
        now = stamp(paths)
        changed = self._last is not None and now != self._last
        self._last = now
        return changed

    @staticmethod
    def rebuild_all(files) -> None:
        """Remove every page's built file, so that MkDocs counts each page as modified."""
        for file in files.documentation_pages():
            Path(file.abs_dest_path).unlink(missing_ok=True)
