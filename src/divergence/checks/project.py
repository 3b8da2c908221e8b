"""The project as the rules see it: pages, data files, the bibliography and mkdocs.yml."""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

import yaml

from divergence.checks.bibliography import Bibliography, read_bibliography
from divergence.frontmatter import FrontMatter, read_front_matter

# The pages the citations and timeline plugins generate (not their plugin modules, whose
# imports would cost `divergence check` a sixth of a second).
from divergence.generated import (
    BIBLIOGRAPHY_DOWNLOAD,
    BIBLIOGRAPHY_PAGE,
    TIMELINE_COMPARISON,
    TIMELINE_INDEX,
    timeline_era_page,
)


@dataclass
class SourceFile:
    """A file an editor writes, addressed by its path relative to the project root."""

    path: str
    abs_path: Path

    @cached_property
    def text(self) -> str:
        return self.abs_path.read_text(encoding="utf-8")

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
    def bibliography(self) -> Bibliography | None:
        """The bibliography named by the bibtex plugin's ``bib_file``, if configured."""
        path = self.bib_path
        if path is None or not path.is_file():
            return None
        return read_bibliography(_rel(path, self.root), path.read_text(encoding="utf-8"))

    @cached_property
    def glossary(self):
        """Terms and people from data/glossary.yml and data/people.yml, with their problems."""
        from divergence.glossary.model import KINDS, load

        texts = {
            k.file: (self.root / k.file).read_text("utf-8")
            for k in KINDS
            if (self.root / k.file).is_file()
        }
        bibliography = self.bibliography
        return load(texts, set(bibliography.entries) if bibliography else None)

    @cached_property
    def timeline(self):
        """data/timeline.yml, checked against the bibliography and the pages (None if absent)."""
        from divergence.timeline.model import FILE, load

        path = self.root / FILE
        if not path.is_file():
            return None
        bibliography = self.bibliography
        pages = {p for p in self.docs_files if p.endswith(".md")} | {
            p for p in self._glossary_and_bibliography_pages()
        }
        return load(
            path.read_text("utf-8"),
            bib_keys=set(bibliography.entries) if bibliography else None,
            pages=pages,
        )

    def _glossary_and_bibliography_pages(self) -> set[str]:
        pages = {entry.kind.page for entry in self.glossary.entries}
        return pages | ({BIBLIOGRAPHY_PAGE} if self.bibliography is not None else set())

    @cached_property
    def generated_pages(self) -> dict[str, set[str]]:
        """Pages the build generates from data (not in docs/), with their anchor ids."""
        pages: dict[str, set[str]] = {}
        for entry in self.glossary.entries:
            pages.setdefault(entry.kind.page, set()).add(entry.id)
        if self.glossary.entries:
            pages["glossary.json"] = set()
        if self.bibliography is not None:
            pages[BIBLIOGRAPHY_PAGE] = set(self.bibliography.entries)
            pages[BIBLIOGRAPHY_DOWNLOAD] = set()
        timeline = self.timeline
        if timeline is not None:
            ids = {event.id for event in timeline.events} | {"point-of-divergence"}
            pages.setdefault(TIMELINE_INDEX, set()).update(ids)
            for era in timeline.eras:
                pages[timeline_era_page(era.id)] = {e.id for e in timeline.events if era.holds(e)}
            pages[TIMELINE_COMPARISON] = set(timeline.themes)
            pages["timeline.json"] = pages["timeline.csv"] = set()
        return pages

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


def _load_config(stream) -> dict | None:
    """mkdocs.yml as MkDocs reads it (mkdocs.utils.yaml.yaml_load), without importing
    mkdocs.utils, which takes a tenth of a second: PyYAML's full loader with MkDocs'
    ``!ENV`` tag, and ``INHERIT`` merged in. ``!relative`` needs a build, as in MkDocs."""
    import yaml_env_tag

    class Loader(yaml.Loader):
        pass

    Loader.add_constructor("!ENV", yaml_env_tag.construct_env_tag)
    try:
        result = yaml.load(stream, Loader=Loader)
    except yaml.YAMLError as error:
        from mkdocs.exceptions import ConfigurationError

        raise ConfigurationError(
            f"MkDocs encountered an error parsing the configuration file: {error}"
        ) from error
    if result is None:
        return {}
    if "INHERIT" in result:
        import mergedeep
        from mkdocs.exceptions import ConfigurationError

        relpath = result.pop("INHERIT")
        abspath = os.path.normpath(os.path.join(os.path.dirname(stream.name), relpath))
        if not os.path.exists(abspath):
            raise ConfigurationError(
                f"Inherited config file '{relpath}' does not exist at '{abspath}'."
            )
        with open(abspath, "rb") as parent_stream:
            parent = _load_config(parent_stream)
        result = mergedeep.merge(parent, result)
    return result


def _hidden(rel: Path) -> bool:
    # MkDocs leaves out dot-files and dot-folders.
    return any(part.startswith(".") for part in rel.parts)


def _rel(path: Path, root: Path) -> str:
    return Path(os.path.relpath(path, root)).as_posix()
