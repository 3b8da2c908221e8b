"""The project as the rules see it: pages, data files, the bibliography and mkdocs.yml."""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

import yaml

from divergence.site.frontmatter import FrontMatter, read_front_matter
from divergence.site.sources import read_text


@dataclass
class SourceFile:
    """A file an editor writes, addressed by its path relative to the project root."""

    path: str
    abs_path: Path

    @cached_property
    def text(self) -> str:
        # Through the site model's reader: a data file is read once, by the checks or the build.
        return read_text(self.abs_path) or ""

    @cached_property
    def lines(self) -> list[str]:
        return self.text.splitlines()


@dataclass
class Page(SourceFile):
    """A Markdown page of the docs folder."""

    # The path inside docs/, as MkDocs and links between pages use it.
    docs_path: str = ""
    # What checks/scan.py found in the page, kept for the other rules of the run.
    scans: dict = field(default_factory=dict, repr=False, compare=False)

    @cached_property
    def front_matter(self) -> FrontMatter | yaml.YAMLError:
        """The parsed front matter, or the YAML error that stops it being read."""
        try:
            return read_front_matter(self.text)
        except yaml.YAMLError as error:
            return error

    @cached_property
    def body_start(self) -> int:
        """0-based index of the first line after the front matter."""
        front = self.front_matter
        return front.end_line if isinstance(front, FrontMatter) and front.present else 0


@dataclass
class Project:
    """Everything the rules read, loaded once per run."""

    root: Path
    config: dict
    docs_dir: Path
    pages: list[Page]
    # Every file of docs/ (pages, images, downloads), as paths inside docs/.
    docs_files: set[str]
    data_files: list[SourceFile]
    # Every page of docs/, checked or not: link targets and citations are looked up here.
    all_pages: list[Page] = field(default_factory=list)
    # Shared text pulled into pages with pymdownx.snippets (includes/**/*.md).
    includes: list[Page] = field(default_factory=list)
    # True when only some pages are checked: whole-site rules (unused entries) stand down.
    partial: bool = False
    # Rendered HTML per page path: from MkDocs in a build, else rendered on first use.
    html: dict[str, str | None] = field(default_factory=dict)
    renderer: Callable[[Page], str | None] | None = None
    # External linters started for this run and not yet read, by rule code.
    running: dict = field(default_factory=dict, repr=False)
    # The built site (inside `mkdocs build` only) and each built file's source page.
    site_dir: Path | None = None
    built_pages: dict[str, str] = field(default_factory=dict)

    @classmethod
    def load(cls, config_file: Path, only: list[Path] | None = None) -> Project:
        """Read mkdocs.yml and the files it points to; ``only`` limits the pages checked."""
        config_file = config_file.resolve()
        root = config_file.parent
        with config_file.open(encoding="utf-8") as stream:
            config = _load_config(stream) or {}
        docs_dir = root / config.get("docs_dir", "docs")
        docs_files = {
            path.relative_to(docs_dir).as_posix()
            for path in docs_dir.rglob("*")
            if path.is_file() and not _hidden(path.relative_to(docs_dir))
        }
        wanted = {path.resolve() for path in only} if only else None
        all_pages = [
            Page(_rel(docs_dir / docs_path, root), docs_dir / docs_path, docs_path)
            for docs_path in sorted(docs_files)
            if docs_path.endswith(".md")
        ]
        pages = [page for page in all_pages if wanted is None or page.abs_path.resolve() in wanted]
        data_dir = root / "data"
        data_files = [
            SourceFile(_rel(path, root), path)
            for path in sorted(data_dir.glob("*"))
            if path.suffix in {".yml", ".yaml", ".bib"}
            and (wanted is None or path.resolve() in wanted)
        ]
        includes = [
            Page(_rel(path, root), path)
            for path in sorted((root / "includes").rglob("*.md"))
            if wanted is None or path.resolve() in wanted
        ]
        return cls(
            root,
            config,
            docs_dir,
            pages,
            docs_files,
            data_files,
            all_pages=all_pages,
            includes=includes,
            partial=bool(only),
        )

    @cached_property
    def site(self):
        """The site model: the data files, read once (shared with the build when inside it)."""
        from divergence.site import BIB_FILE, load_site

        options = self.plugin_options("bibtex") or {}
        return load_site(self.root, options.get("bib_file", BIB_FILE))

    @property
    def bibliography(self):
        """The bibliography named by the bibtex plugin's ``bib_file``, if it exists."""
        return self.site.bibliography

    @property
    def glossary(self):
        """Terms and people from data/glossary.yml and data/people.yml, with their problems."""
        return self.site.glossary

    @cached_property
    def timeline(self):
        """data/timeline.yml, checked also against the pages (None if absent)."""
        pages = {p for p in self.docs_files if p.endswith(".md")} | {
            p for p in self.generated_pages if p.endswith(".md")
        }
        return self.site.timeline_with_pages(pages)

    @cached_property
    def generated_pages(self) -> dict[str, set[str]]:
        """Pages the build generates from data (not in docs/), with their anchor ids."""
        from divergence.plugin import generated_pages

        return generated_pages(self.site)

    @cached_property
    def bib_path(self) -> Path | None:
        options = self.plugin_options("bibtex")
        return self.root / options["bib_file"] if options and "bib_file" in options else None

    def plugin_options(self, name: str) -> dict | None:
        """The options of plugin ``name`` in mkdocs.yml ({} when it has none), or None."""
        for entry in self.config.get("plugins") or []:
            if entry == name:
                return {}
            if isinstance(entry, dict) and name in entry:
                return entry[name] or {}
        return None

    @property
    def site_url(self) -> str:
        return self.config.get("site_url") or ""

    def page_by_docs_path(self, docs_path: str) -> Page | None:
        return next((page for page in self.all_pages if page.docs_path == docs_path), None)

    def rendered_pages(self):
        """(page, HTML) for each checked page that renders (the others: another rule says why)."""
        for page in self.pages:
            rendered = self.html_of(page)
            if rendered:
                yield page, rendered

    def html_of(self, page: Page) -> str | None:
        """The page's HTML (None when it cannot be rendered: another rule says why)."""
        if page.path not in self.html and self.renderer is not None:
            self.html[page.path] = self.renderer(page)
        return self.html.get(page.path)


def _load_config(stream) -> dict:
    """mkdocs.yml as MkDocs reads it (``!ENV``, ``!relative``, ``INHERIT``)."""
    from mkdocs.utils.yaml import yaml_load

    return yaml_load(stream) or {}


def _hidden(rel: Path) -> bool:
    # MkDocs leaves out dot-files and dot-folders.
    return any(part.startswith(".") for part in rel.parts)


def _rel(path: Path, root: Path) -> str:
    return Path(os.path.relpath(path, root)).as_posix()
