"""MkDocs adapter for the citation guard; listed before `bibtex` in mkdocs.yml."""

from __future__ import annotations

from pathlib import Path

from mkdocs.plugins import BasePlugin

from divergence.checks.bibliography import read_bibliography
from divergence.citations.guard import protect, restore


class CitationGuardPlugin(BasePlugin):
    """Citations in code stay literal examples; unknown keys stay text for CT001 to report."""

    def on_config(self, config):
        # Read afresh on every build: `mkdocs serve` keeps this object between rebuilds.
        self._known_keys = None
        bibtex = config.plugins.get("bibtex")
        bib_file = bibtex.config.bib_file if bibtex is not None else None
        if bib_file:
            path = Path(config.config_file_path).parent / bib_file
            if path.is_file():
                bibliography = read_bibliography(str(path), path.read_text(encoding="utf-8"))
                self._known_keys = set(bibliography.entries)
        return config

    def on_page_markdown(self, markdown, /, *, page, config, files):
        return protect(markdown, self._known_keys)

    def on_page_content(self, html, /, *, page, config, files):
        return restore(html)
