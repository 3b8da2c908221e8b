"""MkDocs adapter for the citation guard; listed before `bibtex` in mkdocs.yml."""

from __future__ import annotations

from mkdocs.plugins import BasePlugin

from divergence.citations.guard import protect, restore


class CitationGuardPlugin(BasePlugin):
    """Citations written inside code stay literal examples."""

    def on_page_markdown(self, markdown, /, *, page, config, files):
        return protect(markdown)

    def on_page_content(self, html, /, *, page, config, files):
        return restore(html)
