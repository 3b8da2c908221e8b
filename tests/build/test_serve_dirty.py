"""`make serve` rebuilds with --dirty: only edited pages, yet every page stays right.

The builds run as `mkdocs serve` runs them: one process, the plugin objects kept between
builds, the same site folder.
"""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig

from sitebuild import write_project

GLOSSARY = """\
terms:
  - id: troika
    term: troika
    short: The three leaders who ran the party during Lenin's illness.
    definition: Zinoviev, Kamenev and Stalin.
    sources: [kotkin2014]
"""
BIB = """\
@book{kotkin2014,
  author = {Kotkin, Stephen},
  title = {Stalin, Vol. I},
  publisher = {Penguin Press},
  year = {2014}
}
"""


def page(title: str, text: str) -> str:
    return f"---\ndescription: {title}.\ntrack: actual\n---\n\n# {title}\n\n{text}\n"


FILES = {
    "data/glossary.yml": GLOSSARY,
    "data/references.bib": BIB,
    "docs/index.md": page("Home", "The troika ruled [@kotkin2014]."),
    "docs/other.md": page("Other", "Nothing here yet."),
}


class Serve:
    """Builds like `mkdocs serve --dirty`: plugins kept, only changed pages built."""

    def __init__(self, root: Path, site: Path) -> None:
        MkDocsConfig.plugins.plugin_cache.clear()
        self.root, self.site, self.started = root, site, False

    def build(self) -> None:
        config = load_config(config_file=str(self.root / "mkdocs.yml"), site_dir=str(self.site))
        if not self.started:
            config.plugins.on_startup(command="serve", dirty=True)
            self.started = True
        build(config, dirty=True)

    def built_at(self, rel: str) -> float:
        return (self.site / rel).stat().st_mtime_ns


def edit(path: Path, text: str) -> None:
    path.write_text(text, encoding="utf-8")
    # A later modification time than the built pages, whatever the clock's resolution.
    later = time.time() + 2
    os.utime(path, (later, later))


def project(tmp_path: Path) -> Path:
    return write_project(
        tmp_path / "project",
        FILES,
        plugins=["search", "divergence", {"bibtex": {"bib_file": "data/references.bib"}}],
        markdown_extensions=["footnotes", "toc", "divergence.markdown.mentions"],
        nav=["index.md", "other.md", "glossary.md"],
    ).parent


def test_a_page_edit_builds_that_page_and_keeps_the_rest_right(tmp_path):
    root = project(tmp_path)
    serve = Serve(root, tmp_path / "site")
    serve.build()
    home = serve.built_at("index.html")
    edit(root / "docs/other.md", page("Other", "Edited text."))
    serve.build()
    assert serve.built_at("index.html") == home, "the home page was built again"
    assert "Edited text." in (serve.site / "other/index.html").read_text("utf-8")
    # Lists gathered from every page still name the home page, which was not built again.
    glossary = (serve.site / "glossary/index.html").read_text("utf-8")
    assert 'href="../">Home</a>' in glossary
    # Search still finds every page.
    index = json.loads((serve.site / "search/search_index.json").read_text("utf-8"))
    assert {doc["location"].split("#")[0] for doc in index["docs"]} >= {"", "other/"}


def test_a_data_edit_builds_every_page_again(tmp_path):
    root = project(tmp_path)
    serve = Serve(root, tmp_path / "site")
    serve.build()
    edit(root / "data/glossary.yml", GLOSSARY.replace("three leaders", "three rulers"))
    serve.build()
    home = (serve.site / "index.html").read_text("utf-8")
    assert "The three rulers who ran the party" in home
