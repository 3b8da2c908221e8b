"""MkDocs adapter: the editors' checks inside `mkdocs build` and `mkdocs serve`.

Each finding is a warning on an `mkdocs.*` logger, so `--strict` counts them all and
fails only after listing every one. Source and data rules run before any page is
rendered; the rules that read HTML read what MkDocs rendered, once every page is built.
"""

from __future__ import annotations

import logging
import os
import time
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority

from divergence.checks.project import Project
from divergence.checks.rules import RULES
from divergence.checks.runner import run_rules
from divergence.plugin.serving import SharedInputs

log = logging.getLogger("mkdocs.plugins.divergence")
# Stops the build: mkdocs-bibtex (pybtex) and pymdownx.snippets would stop it with a
# traceback that names no line.
_FATAL = {"CT003": "data/references.bib cannot be read", "SN001": "a snippet file is missing"}


class ChecksPlugin(BasePlugin):
    """Runs every rule marked ``in_build``; ``found`` keeps what this build reported."""

    def __init__(self) -> None:
        super().__init__()
        self.dirty = False
        self.found: list = []
        # `mkdocs serve --dirty`: when the last build started, its pages, what its source
        # rules found, and the files outside docs/ it read.
        self._started: float | None = None
        self._pages: set[str] = set()
        self._source_found: list = []
        self._shared = SharedInputs()

    def on_startup(self, *, command, dirty):
        self.dirty = dirty

    # Before mkdocs-bibtex (priority 0) parses the bibliography.
    @event_priority(100)
    def on_config(self, config):
        # `mkdocs serve` keeps plugin objects between builds: start each build afresh.
        self.found = []
        self._project = Project.from_mkdocs(config)
        if self._report(r for r in RULES if r.code == "CT003"):
            # The build stops here: list every other problem of the sources first.
            self._report(_source_rules())
            self._stop_if(self.found)
        return config

    def on_files(self, files, /, *, config):
        only = self._what_changed(files, config) if self.dirty else None
        if only == []:
            # Only templates changed, which no source rule reads: their findings are the
            # last build's. The rules on the built pages and site run as always (LK003
            # checks the links a template adds).
            self._project = Project.from_mkdocs(config)
            for diagnostic in self._source_found:
                log.warning(str(diagnostic))
            self.found += self._source_found
            return files
        self._project = Project.from_mkdocs(config, only=only)
        self._source_found = self._report(_source_rules())
        self._stop_if(self._source_found)
        return files

    def _what_changed(self, files, config) -> list[Path] | None:
        """What a `mkdocs serve --dirty` rebuild checks: the pages edited since the last
        build, the data and snippet files edited, and the pages built again because they
        show those (None: everything, as on the first build or after mkdocs.yml changed)."""
        started, self._started = self._started, time.time()
        shared = self._shared.changed(config)
        pages = [Path(path) for path, _ in _sources(files)]
        known, self._pages = self._pages, {str(path) for path in pages}
        # A page added, removed or renamed (a move keeps the file's time) changes what
        # links and citations can reach: check everything.
        if started is None or Path(config.config_file_path) in shared or known != self._pages:
            return None
        edited = [path for path in pages if os.path.getmtime(path) >= started]
        theme = Path(config.theme.custom_dir) if config.theme.custom_dir else None
        sources = [path for path in shared if theme is None or theme not in path.parents]
        if sources:
            # Built again by the divergence plugin (priority 100) because they show them.
            built = {Path(path) for path, modified in _sources(files) if modified}
            edited = sorted(set(edited) | built)
        # Every page: check the whole site, rules that read all pages included.
        return None if len(edited) == len(pages) else [*edited, *sources]

    # After the divergence plugin has finished the page's HTML (it runs at 50).
    @event_priority(-50)
    def on_page_content(self, html, /, *, page, config, files):
        self._project.html[page.file.src_uri] = html
        self._project.built_pages[page.file.dest_uri] = page.file.src_uri
        return html

    def on_post_build(self, *, config):
        self._project.site_dir = Path(config.site_dir)
        # Rules on each page's HTML first: LK003 leaves out what they reported.
        self._report(r for r in RULES if r.in_build and r.needs == "html")
        self._report(r for r in RULES if r.in_build and r.needs == "site")

    def _report(self, rules):
        found = run_rules(self._project, rules)
        for diagnostic in found:
            log.warning(str(diagnostic))
        self.found += found
        return found

    def _stop_if(self, found):
        for code, why in _FATAL.items():
            if any(diagnostic.code == code for diagnostic in found):
                raise PluginError(
                    f"the build cannot go on while {why} ({code} above); all other "
                    "problems found so far are listed above"
                )


def _sources(files):
    """(source path, whether MkDocs builds it) of each page written in docs/."""
    for file in files.documentation_pages():
        if file.abs_src_path and not file.generated_by:
            yield file.abs_src_path, file.is_modified()


def _source_rules():
    # CT003 runs first, in on_config, before mkdocs-bibtex reads the file.
    return (r for r in RULES if r.in_build and r.needs == "source" and r.code != "CT003")
