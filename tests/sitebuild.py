"""Build MkDocs sites in-process, as `mkdocs build` does, and read what they produced.

Modelled on mkdocstrings' ``test_plugin.py`` (load_config, startup, build, shutdown) and
mkdocs' ``_assert_build_logs`` (the exact list of ``LEVEL:message`` lines).
"""

from __future__ import annotations

import logging
import os
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from bs4 import BeautifulSoup
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort

REPO = Path(__file__).resolve().parent.parent


class _Collect(logging.Handler):
    """Keep every warning and error MkDocs (and its plugins) log, in order."""

    def __init__(self) -> None:
        super().__init__(level=logging.WARNING)
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(f"{record.levelname}:{record.getMessage()}")


@dataclass
class BuiltSite:
    """A built site: its folder, the warnings logged, and the strict-mode abort, if any."""

    site_dir: Path
    logs: list[str]
    aborted: str | None = None
    _soups: dict[str, BeautifulSoup] = field(default_factory=dict, repr=False)

    def soup(self, rel: str) -> BeautifulSoup:
        """The parsed HTML of one built file, e.g. ``'aftermath/economic-policy/index.html'``."""
        if rel not in self._soups:
            text = (self.site_dir / rel).read_text(encoding="utf-8")
            self._soups[rel] = BeautifulSoup(text, "html.parser")
        return self._soups[rel]

    def html_files(self) -> list[str]:
        """Every HTML page of the site (not theme assets), relative to the site folder."""
        return sorted(
            path.relative_to(self.site_dir).as_posix()
            for path in self.site_dir.rglob("*.html")
            if "assets" not in path.relative_to(self.site_dir).parts
        )


def build_site(config_file: Path, site_dir: Path, *, strict: bool = True) -> BuiltSite:
    """Build the site of ``config_file`` into ``site_dir`` and collect its warnings."""
    collect = _Collect()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(collect)
    aborted = None
    # MkDocs keeps plugins that have on_startup between loads in one process (for `serve`),
    # and mkdocs-bibtex then keeps the previous site's bibliography: start as a new process.
    MkDocsConfig.plugins.plugin_cache.clear()
    try:
        config = load_config(config_file=str(config_file), site_dir=str(site_dir), strict=strict)
        config.plugins.on_startup(command="build", dirty=False)
        try:
            build(config)
        except Abort as error:
            aborted = str(error)
        except Exception as error:  # what `mkdocs build` would print before exiting
            aborted = f"{type(error).__name__}: {error}"
        finally:
            config.plugins.on_shutdown()
    finally:
        logger.removeHandler(collect)
    return BuiltSite(site_dir, collect.lines, aborted)


def write_project(root: Path, files: dict[str, str], **config: object) -> Path:
    """Write a tiny project (``mkdocs.yml`` plus ``files``) under ``root``; return its config.

    The project uses Material with our overrides and plugin; ``config`` adds or replaces
    top-level keys of ``mkdocs.yml``.
    """
    settings: dict[str, object] = {
        "site_name": "Fixture",
        "theme": {"name": "material", "custom_dir": str(REPO / "overrides"), "font": False},
        "plugins": ["divergence"],
        # As in our mkdocs.yml: our extensions link to pages as /page.md#anchor.
        "validation": {"links": {"absolute_links": "relative_to_docs"}},
    }
    settings.update(config)
    for rel, text in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    config_file = root / "mkdocs.yml"
    config_file.write_text(yaml.safe_dump(settings, sort_keys=False), encoding="utf-8")
    return config_file


def commit(project: Path, files: dict[str, str], when: str) -> None:
    """Commit ``files`` in a new repository at ``project`` (where fixture_site writes them)."""
    for rel, text in files.items():
        path = project / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    git = ["git", "-C", str(project), "-c", "user.name=Editor", "-c", "user.email=e@example.org"]
    env = {**os.environ, "GIT_AUTHOR_DATE": when, "GIT_COMMITTER_DATE": when}
    subprocess.run([*git, "init", "--quiet"], check=True)
    subprocess.run([*git, "add", "."], check=True)
    subprocess.run([*git, "commit", "--quiet", "--no-gpg-sign", "-m", "pages"], check=True, env=env)


def nav_titles() -> dict[str, str]:
    """The real site's tabs: each top-level nav entry's title, keyed by the page it opens
    (a section's first page), read from mkdocs.yml without resolving its !ENV values."""

    class Loader(yaml.SafeLoader):
        pass

    Loader.add_multi_constructor("!", lambda loader, suffix, node: None)
    config = yaml.load((REPO / "mkdocs.yml").read_text(encoding="utf-8"), Loader)
    titles = {}
    for entry in config["nav"]:
        [(title, target)] = entry.items()
        while isinstance(target, list):
            first = target[0]
            target = first if isinstance(first, str) else next(iter(first.values()))
        titles[target] = title
    return titles
