"""MkDocs adapter: validate every page's track and hand the track to the theme."""

from __future__ import annotations

import logging
import os

import yaml
from mkdocs.plugins import BasePlugin
from mkdocs.structure.pages import Page

from divergence.diagnostics import Diagnostic
from divergence.frontmatter import read_front_matter
from divergence.tracks.model import TRACKS, check_front_matter

# A logger under `mkdocs.` so that `mkdocs build --strict` counts our warnings.
log = logging.getLogger("mkdocs.plugins.divergence")


class TracksPlugin(BasePlugin):
    """Checks the `track` and `description` front matter and sets `divergence_track`."""

    def on_page_markdown(self, markdown: str, /, *, page: Page, config, files) -> str:
        """Report every front-matter problem of the page, with its position."""
        # Paths relative to the project root, as editors and CI annotations expect them.
        root = os.path.dirname(config.config_file_path)
        path = os.path.relpath(page.file.abs_src_path, root).replace(os.sep, "/")
        for diagnostic in self._diagnostics(path, page.file.content_string):
            log.warning(str(diagnostic))
        return markdown

    def on_page_context(self, context, /, *, page: Page, config, nav):
        """Expose the page's track to the templates (overrides/divergence/track-badge.html)."""
        context["divergence_track"] = TRACKS.get(page.meta.get("track"))
        return context

    @staticmethod
    def _diagnostics(path: str, source: str) -> list[Diagnostic]:
        try:
            front_matter = read_front_matter(source)
        except yaml.YAMLError as error:
            return [_yaml_diagnostic(path, error)]
        return list(check_front_matter(path, front_matter))


def _yaml_diagnostic(path: str, error: yaml.YAMLError) -> Diagnostic:
    """One line for a YAML error, with positions in the page rather than in the block."""
    # +2: one for 1-based lines, one for the opening '---' line.
    mark = getattr(error, "problem_mark", None)
    line, col = (mark.line + 2, mark.column + 1) if mark else (1, 1)
    problem = getattr(error, "problem", None) or str(error).splitlines()[0]
    context = getattr(error, "context", None)
    context_mark = getattr(error, "context_mark", None)
    where = f" ({context} at line {context_mark.line + 2})" if context and context_mark else ""
    return Diagnostic(path, line, col, "FM000", f"front matter is not valid YAML: {problem}{where}")
