"""The site model: each data file is read once a build, by whichever part asks first."""

from __future__ import annotations

import sys
import traceback
from pathlib import Path

from divergence.site import DATA_FILES
from golden import BASE_FILES
from sitebuild import REPO

# Audit hooks cannot be removed: one, switched on only while a test counts.
_opened: list[tuple[str, str]] | None = None
_OURS = str(REPO / "src" / "divergence")
_WATCHED = (*DATA_FILES, "data/references.bib")


def _hook(event: str, args: tuple) -> None:
    if _opened is None or event != "open" or not isinstance(args[0], str | Path):
        return
    path, mode = str(args[0]), args[1]
    # Reads only: the fixture writes the files first.
    if isinstance(mode, str) and set(mode) & set("wax"):
        return
    if path.endswith(_WATCHED):
        files = [frame.f_code.co_filename for frame, _ in traceback.walk_stack(None)]
        by = "us" if any(f.startswith(_OURS) for f in files) else "other"
        if any("pybtex" in f for f in files):
            by = "pybtex"
        _opened.append((path, by))


sys.addaudithook(_hook)


def test_each_data_file_is_read_once_a_build(fixture_site):
    global _opened
    files = {
        **BASE_FILES,
        **{name: (REPO / name).read_text("utf-8") for name in DATA_FILES},
        "data/references.bib": (REPO / "data/references.bib").read_text("utf-8"),
    }
    config = {
        "plugins": [
            "divergence",
            "divergence/checks",
            {"bibtex": {"bib_file": "data/references.bib"}},
        ],
        "markdown_extensions": [
            "footnotes",
            "divergence.markdown.mentions",
            "divergence.markdown.timeline",
        ],
    }
    _opened = []
    try:
        site = fixture_site(
            {"docs/index.md": BASE_FILES["docs/index.md"], **files}, strict=False, **config
        )
    finally:
        opened, _opened = _opened, None
    assert site.aborted is None
    for name in [*DATA_FILES, "data/references.bib"]:
        ours = [path for path, by in opened if path.endswith(name) and by == "us"]
        assert len(ours) == 1, f"{name} was read {len(ours)} times by our code"
    # mkdocs-bibtex reads the bibliography itself with pybtex (it takes a path, not a
    # text), and MkDocs copies it to the site as the download: once each.
    assert [by for path, by in opened if path.endswith("data/references.bib")] == [
        "us",
        "pybtex",
        "other",
    ]


def built_path(path: str) -> str:
    """Where MkDocs writes a docs path (directory URLs): 'a/b.md' -> 'a/b/index.html'."""
    if not path.endswith(".md"):
        return path
    stem = path.removesuffix(".md")
    if stem == "index" or stem.endswith("/index"):
        return stem + ".html"
    return stem + "/index.html"


def test_the_build_generates_exactly_the_pages_the_site_model_declares(real_site):
    """divergence.site.generated is the one list of pages made from data (the checker
    validates links with it): the build makes those, each with the anchors declared, and
    every page it makes that is not in docs/ is on the list."""
    from divergence.site import load_site
    from divergence.site.generated import generated_pages

    declared = generated_pages(load_site(REPO))
    for path, ids in declared.items():
        built = built_path(path)
        assert (real_site.site_dir / built).is_file(), path
        if ids:
            present = {tag["id"] for tag in real_site.soup(built).select("[id]")}
            assert ids <= present, (path, sorted(ids - present)[:5])
    docs = {
        built_path(p.relative_to(REPO / "docs").as_posix()) for p in (REPO / "docs").rglob("*.md")
    }
    made = {built_path(path) for path in declared}
    assert set(real_site.html_files()) - {"404.html"} - docs <= made
