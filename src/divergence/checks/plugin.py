"""MkDocs adapter: the editors' checks inside `mkdocs build` and `mkdocs serve`.

Each finding is a warning on an `mkdocs.*` logger, so `--strict` counts them all and
fails only after listing every one.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority

from divergence.checks.project import Project
from divergence.checks.rules import RULES
from divergence.checks.runner import run_rules

log = logging.getLogger("mkdocs.plugins.divergence")


class ChecksPlugin(BasePlugin):
    """Runs every rule marked ``in_build``; source rules before any page is rendered."""

    def __init__(self) -> None:
        super().__init__()
        self.dirty = False

    def on_startup(self, *, command, dirty):
        self.dirty = dirty

    def on_config(self, config):
        # `mkdocs serve` keeps plugin objects between builds: start each build afresh.
        self._project: Project | None = None

    def on_files(self, files, /, *, config):
        pages = files.documentation_pages()
        edited = [Path(f.abs_src_path) for f in pages if f.abs_src_path and f.is_modified()]
        # `make serve` (--dirty) builds only the pages edited since the last build: check
        # those. A build of every page checks the whole site, data files included.
        only = edited if self.dirty and len(edited) < len(pages) else None
        self._project = Project.load(Path(config.config_file_path), only=only)
        # Before rendering, so a missing snippet (which stops the build) is reported first.
        found = self._report(rule for rule in RULES if rule.in_build and rule.needs == "source")
        if any(diagnostic.code == "SN001" for diagnostic in found):
            # pymdownx.snippets would stop at the first missing file with a traceback.
            raise PluginError(
                "the build cannot go on while a snippet file is missing (SN001 above); "
                "all other problems found so far are listed above"
            )
        return files

    # After the divergence plugin has finished the page's HTML (it runs at 50).
    @event_priority(-50)
    def on_page_content(self, html, /, *, page, config, files):
        if page.file.abs_src_path is None:
            # Generated from data (glossary, bibliography): the data rules check the source.
            return html
        project = self._project
        path = Path(os.path.relpath(page.file.abs_src_path, project.root)).as_posix()
        project.html[path] = html
        project.built_pages[page.file.dest_uri] = path
        return html

    def on_post_build(self, *, config):
        self._project.site_dir = Path(config.site_dir)
        self._report(rule for rule in RULES if rule.in_build and rule.needs != "source")

    def _report(self, rules):
        found = run_rules(self._project, rules)
        for diagnostic in found:
            log.warning(str(diagnostic))
        return found
