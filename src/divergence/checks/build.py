"""`divergence check --build`: the whole site built in-process, as `mkdocs build` does.

The build runs in a temporary folder with the project's own mkdocs.yml; the findings are
those the checks plugin reported during it. MkDocs' and the other plugins' own warnings
(which `mkdocs build --strict` fails on too) are given beside them, as MkDocs words them.
"""

from __future__ import annotations

import logging
import tempfile
from pathlib import Path

from divergence.site.diagnostics import Diagnostic

_OURS = "mkdocs.plugins.divergence"


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(level=logging.WARNING)
        self.messages: list[str] = []
        self.errors: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        if record.levelno >= logging.ERROR:
            # MkDocs logs why a build stops, then raises a bare "Aborted with ...".
            self.errors.append(record.getMessage())
        elif record.name != _OURS:
            self.messages.append(record.getMessage())


def build_findings(config_file: Path) -> tuple[list[Diagnostic], list[str], str | None]:
    """Our findings, MkDocs' own warnings, and why the build stopped (None if it did not)."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    collect = _Collect()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(collect)
    stopped = None
    try:
        with tempfile.TemporaryDirectory() as site_dir:
            config = load_config(config_file=str(config_file), site_dir=site_dir)
            checks = config.plugins.get("divergence/checks")
            if checks is None:
                return [], [], "mkdocs.yml has no 'divergence/checks' plugin to report findings"
            config.plugins.on_startup(command="build", dirty=False)
            try:
                build(config)
            except MkDocsException as error:
                stopped = collect.errors[-1] if collect.errors else str(error)
            finally:
                config.plugins.on_shutdown()
    finally:
        logger.removeHandler(collect)
    return checks.found, collect.messages, stopped
