"""`make serve` rebuilds with --dirty: only edited pages, yet every page stays right.

The builds run as `mkdocs serve` runs them: one process, the plugin objects kept between
builds, the same site folder.
"""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

import pytest
import yaml
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig

from divergence.plugin.serving import snippet_bases
from sitebuild import REPO, write_project

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
        self.config = None

    def build(self) -> None:
        config = load_config(config_file=str(self.root / "mkdocs.yml"), site_dir=str(self.site))
        if not self.started:
            config.plugins.on_startup(command="serve", dirty=True)
            self.started = True
        build(config, dirty=True)
        self.config = config

    def built_at(self, rel: str) -> float:
        return (self.site / rel).stat().st_mtime_ns

    def stop(self) -> None:
        """What `mkdocs serve` does when it stops: the plugins' on_shutdown."""
        if self.config is not None:
            self.config.plugins.on_shutdown()


@pytest.fixture
def serve_at(tmp_path):
    """Starts serving the project at a root, and stops it after the test."""
    started = []

    def start(root: Path) -> Serve:
        started.append(Serve(root, tmp_path / "site"))
        return started[-1]

    yield start
    for serve in started:
        serve.stop()


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


def test_a_page_edit_builds_that_page_and_keeps_the_rest_right(serve_at, tmp_path):
    root = project(tmp_path)
    serve = serve_at(root)
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


# (file, text replaced, by what, the built page that shows it, the built page left alone)
DATA_EDITS = {
    # The home page mentions the term: its link's title is the short definition.
    "short-definition": (
        "data/glossary.yml",
        GLOSSARY,
        ("three leaders", "three rulers"),
        ("index.html", "The three rulers who ran the party"),
        "other/index.html",
    ),
    # The full definition is on the Glossary page only.
    "full-definition": (
        "data/glossary.yml",
        GLOSSARY,
        ("Kamenev and Stalin", "Kamenev, Stalin"),
        ("glossary/index.html", "Zinoviev, Kamenev, Stalin."),
        "index.html",
    ),
    # The home page cites the work.
    "work": (
        "data/references.bib",
        BIB,
        ("Stalin, Vol. I", "Stalin, Volume One"),
        ("index.html", "Stalin, Volume One"),
        "other/index.html",
    ),
}


@pytest.mark.parametrize("edited", DATA_EDITS.values(), ids=DATA_EDITS.keys())
def test_a_data_edit_builds_the_pages_that_show_it_and_no_other(serve_at, tmp_path, edited):
    rel, text, (old, new), (shown_on, shown), left_alone = edited
    root = project(tmp_path)
    serve = serve_at(root)
    serve.build()
    untouched = serve.built_at(left_alone)
    edit(root / rel, text.replace(old, new))
    serve.build()
    assert shown in (serve.site / shown_on).read_text("utf-8")
    assert serve.built_at(left_alone) == untouched, f"{left_alone} was built again"


def test_a_new_alias_builds_every_page_that_could_mention_it(serve_at, tmp_path):
    root = project(tmp_path)
    serve = serve_at(root)
    serve.build()
    edit(
        root / "data/glossary.yml",
        GLOSSARY.replace("term: troika", "term: troika\n    aliases: [nothing]"),
    )
    serve.build()
    other = (serve.site / "other/index.html").read_text("utf-8")
    assert 'data-divergence-entry="troika"' in other, "the new alias is not linked"


def test_a_snippet_edit_builds_the_pages_that_include_it(serve_at, tmp_path):
    root = write_project(
        tmp_path / "project",
        {
            **FILES,
            "includes/note.md": "A shared note.",
            "docs/other.md": page("Other", '--8<-- "includes/note.md"'),
        },
        plugins=["search", "divergence", {"bibtex": {"bib_file": "data/references.bib"}}],
        markdown_extensions=[
            "footnotes",
            "toc",
            {"pymdownx.snippets": {"base_path": [str(tmp_path / "project")]}},
        ],
        nav=["index.md", "other.md"],
    ).parent
    serve = serve_at(root)
    serve.build()
    assert "A shared note." in (serve.site / "other/index.html").read_text("utf-8")
    home = serve.built_at("index.html")
    edit(root / "includes/note.md", "An edited note.")
    serve.build()
    assert "An edited note." in (serve.site / "other/index.html").read_text("utf-8")
    assert serve.built_at("index.html") == home


def test_a_template_edit_builds_every_page_and_repeats_the_last_findings(
    serve_at, tmp_path, caplog
):
    root = write_project(
        tmp_path / "project",
        {**FILES, "docs/other.md": page("Other", "A [broken link](missing.md).")},
        plugins=["search", "divergence", "divergence/checks"],
        markdown_extensions=["footnotes", "toc"],
        nav=["index.md", "other.md"],
    ).parent
    theme = root / "theme"
    (theme).mkdir()
    (theme / "main.html").write_text('{% extends "base.html" %}\n', encoding="utf-8")
    config = yaml.safe_load((root / "mkdocs.yml").read_text("utf-8"))
    config["theme"]["custom_dir"] = str(theme)
    (root / "mkdocs.yml").write_text(yaml.safe_dump(config), encoding="utf-8")
    serve = serve_at(root)
    serve.build()
    first = [r.getMessage() for r in caplog.records if "LK001" in r.getMessage()]
    assert first, "the fixture's broken link was not reported"
    caplog.clear()
    footer = '{% block footer %}Edited <a href="/nowhere/">here</a>{% endblock %}'
    edit(theme / "main.html", f'{{% extends "base.html" %}}\n{footer}\n')
    serve.build()
    for rel in ("index.html", "other/index.html"):
        assert "Edited" in (serve.site / rel).read_text("utf-8")
    again = [r.getMessage() for r in caplog.records if "LK001" in r.getMessage()]
    assert again == first
    # The rules on the built site still run: the link the template adds is reported.
    assert any("LK003" in r.getMessage() and "/nowhere/" in r.getMessage() for r in caplog.records)


def test_the_single_page_is_built_with_its_parts(serve_at, tmp_path):
    root = printable_project(tmp_path)
    serve = serve_at(root)
    serve.build()
    edit(root / "docs/print.md", page("The whole essay", "Every part, below."))
    serve.build()
    single = (serve.site / "print/index.html").read_text("utf-8")
    assert "Every part, below." in single
    # Its parts were converted again for it, so their text is there.
    assert "The troika ruled" in single and "Nothing here yet." in single


def printable_project(tmp_path: Path) -> Path:
    return write_project(
        tmp_path / "project",
        {**FILES, "docs/print.md": page("The whole essay", "Every part below.")},
        plugins=[
            "search",
            {"divergence": {"printable": {"parts": ["index.md", "other.md"]}}},
            {"bibtex": {"bib_file": "data/references.bib"}},
        ],
        markdown_extensions=["footnotes", "toc"],
        nav=["index.md", "other.md"],
    ).parent


TIMELINE = """\
point_of_divergence: "1924-01-21"
themes:
  leadership: Party leadership
eras:
  - {id: succession, title: "The succession crisis, 1922–1925", start: "1922", end: "1925"}
events:
  - id: lenin-death
    date: "1924-01-21"
    track: actual
    title: Lenin dies
    summary: Lenin dies at Gorki.
    page: index.md
    themes: [leadership]
    sources: [kotkin2014]
  - id: congress
    date: "1924-05-23"
    track: actual
    title: The Thirteenth Congress keeps Stalin
    summary: The congress keeps Stalin as General Secretary.
    page: other.md
    themes: [leadership]
    sources: [kotkin2014]
"""


def timeline_project(tmp_path: Path) -> Path:
    """Two pages that each list their events, and the timeline."""
    return write_project(
        tmp_path / "project",
        {
            **FILES,
            "data/timeline.yml": TIMELINE,
            "docs/index.md": page("Home", "<!-- divergence:events page=index.md -->"),
            "docs/other.md": page("Other", "<!-- divergence:events page=other.md -->"),
            "docs/timeline/index.md": page("Timeline", "<!-- divergence:timeline -->"),
        },
        plugins=["search", "divergence", {"bibtex": {"bib_file": "data/references.bib"}}],
        markdown_extensions=["attr_list", "footnotes", "toc", "divergence.markdown.timeline"],
        nav=["index.md", "other.md", "timeline/index.md"],
    ).parent


def test_a_timeline_edit_builds_the_views_and_the_pages_that_list_the_event(serve_at, tmp_path):
    root = timeline_project(tmp_path)
    serve = serve_at(root)
    serve.build()
    assert "Congress keeps Stalin" in (serve.site / "other/index.html").read_text("utf-8")
    home = serve.built_at("index.html")
    edit(root / "data/timeline.yml", TIMELINE.replace("Congress keeps", "Congress retains"))
    serve.build()
    for rel in ("other/index.html", "timeline/index.html"):
        assert "Congress retains Stalin" in (serve.site / rel).read_text("utf-8")
    # The home page lists another event only.
    assert serve.built_at("index.html") == home


def test_a_data_edit_is_checked_in_the_rebuild(serve_at, tmp_path, caplog):
    root = write_project(
        tmp_path / "project",
        FILES,
        plugins=["search", "divergence", "divergence/checks"],
        markdown_extensions=["footnotes", "toc", "divergence.markdown.mentions"],
        nav=["index.md", "other.md", "glossary.md"],
    ).parent
    serve = serve_at(root)
    serve.build()
    caplog.clear()
    edit(root / "data/glossary.yml", GLOSSARY.replace("    sources: [kotkin2014]\n", ""))
    serve.build()
    found = [r.getMessage() for r in caplog.records if r.levelname == "WARNING"]
    assert any(m.startswith("data/glossary.yml:2:") and "DA003" in m for m in found), found


def test_an_era_page_is_built_again_only_when_what_it_shows_changed(serve_at, tmp_path):
    root = timeline_project(tmp_path)
    serve = serve_at(root)
    serve.build()
    era = serve.built_at("timeline/succession/index.html")
    # Text that no view of the timeline shows.
    edit(
        root / "docs/index.md",
        page("Home", "New text.\n\n<!-- divergence:events page=index.md -->"),
    )
    serve.build()
    assert serve.built_at("timeline/succession/index.html") == era
    # The title the era page gives the page that discusses an event.
    edit(root / "docs/other.md", page("Elsewhere", "<!-- divergence:events page=other.md -->"))
    serve.build()
    shown = (serve.site / "timeline/succession/index.html").read_text("utf-8")
    assert ">Elsewhere</a>." in shown


def test_an_era_added_while_serving_leaves_the_glossary_whole(serve_at, tmp_path):
    root = timeline_project(tmp_path)
    config = yaml.safe_load((root / "mkdocs.yml").read_text("utf-8"))
    config["markdown_extensions"].append("divergence.markdown.mentions")
    config["nav"].append("glossary.md")
    (root / "mkdocs.yml").write_text(yaml.safe_dump(config), encoding="utf-8")
    serve = serve_at(root)
    serve.build()
    later = TIMELINE.replace(
        'start: "1922", end: "1925"}\n',
        'start: "1922", end: "1925"}\n'
        '  - {id: late-1920s, title: "The late 1920s", start: "1926", end: "1929"}\n',
    ) + (
        "  - id: expelled\n"
        '    date: "1927-11"\n'
        "    track: actual\n"
        "    title: The troika's end\n"
        "    summary: Trotsky is expelled.\n"
        "    themes: [leadership]\n"
        "    sources: [kotkin2014]\n"
    )
    edit(root / "data/timeline.yml", later)
    serve.build()
    assert (serve.site / "timeline/late-1920s/index.html").is_file()
    glossary = (serve.site / "glossary/index.html").read_text("utf-8")
    assert "Zinoviev, Kamenev and Stalin." in glossary


def test_the_glossary_is_built_again_when_a_page_mentions_another_term(serve_at, tmp_path):
    root = project(tmp_path)
    serve = serve_at(root)
    serve.build()
    glossary = serve.built_at("glossary/index.html")
    edit(root / "docs/other.md", page("Other", "Edited, and still no term."))
    serve.build()
    assert serve.built_at("glossary/index.html") == glossary, "no mention changed"
    edit(root / "docs/other.md", page("Other", "The troika again."))
    serve.build()
    shown = (serve.site / "glossary/index.html").read_text("utf-8")
    assert 'href="../other/">Other</a>' in shown


def test_mkdocs_serve_watches_every_folder_whose_files_pages_show():
    # The plugin tracks data/, the snippet folders and the templates (serving.py); MkDocs
    # must watch them for an edit there to start a rebuild at all.
    MkDocsConfig.plugins.plugin_cache.clear()
    config = load_config(config_file=str(REPO / "mkdocs.yml"))
    watched = {Path(path).resolve() for path in config.watch}
    shown = {REPO / "data", *snippet_bases(config), Path(config.theme.custom_dir)}
    assert {path.resolve() for path in shown} <= watched
