"""Shared fixtures: tiny fixture sites in tmp_path, and the real site built once."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

from sitebuild import REPO, BuiltSite, build_site, write_project

# Material prints an end-of-life notice on every build; it is not one of our logs.
os.environ["NO_MKDOCS_2_WARNING"] = "1"


@pytest.fixture
def fixture_site(tmp_path: Path) -> Callable[..., BuiltSite]:
    """Build a tiny site from ``{path: text}`` files (and mkdocs.yml overrides) in tmp_path."""

    def build(files: dict[str, str], *, strict: bool = True, **config: object) -> BuiltSite:
        config_file = write_project(tmp_path / "project", files, **config)
        return build_site(config_file, tmp_path / "site", strict=strict)

    return build


@pytest.fixture(scope="session")
def real_site(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    """The repository's own site, built once per test session with --strict."""
    site_dir = Path(os.environ.get("DIVERGENCE_TEST_HTML_DIR") or tmp_path_factory.mktemp("site"))
    return build_site(REPO / "mkdocs.yml", site_dir, strict=True)
