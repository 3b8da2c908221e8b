"""The project as the rules see it: pages, data files, the bibliography and mkdocs.yml."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

import yaml
import yaml_env_tag

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


@dataclass(frozen=True)
class Settings:
    """What the rules need from mkdocs.yml, read by MkDocs (in a build) or from its YAML."""

    docs_dir: str = "docs"
    site_url: str = ""
    # The nav as written (None: MkDocs lists every page) and the pages meant to stay out.
    nav: list | None = None
    not_in_nav: object = None  # a pathspec (``match_file``), as MkDocs makes it
    # pymdownx.snippets' base paths (None when the extension is off).
    snippet_bases: tuple[str, ...] | None = None
    # mkdocs-bibtex's bib_file (None when the plugin is off).
    bib_file: str | None = None
    # The divergence plugin's single-page essay, whose links are copies of other pages'.
    printable_page: str | None = None

    @classmethod
    def from_yaml(cls, config: dict) -> Settings:
        """From mkdocs.yml as YAML (`divergence check`, which does not start MkDocs)."""
        extensions = _named(config.get("markdown_extensions"))
        plugins = _named(config.get("plugins"))
        snippets = extensions.get("pymdownx.snippets")
        printable = (plugins.get("divergence") or {}).get("printable") or {}
        return cls(
            docs_dir=config.get("docs_dir") or "docs",
            site_url=config.get("site_url") or "",
            nav=config.get("nav"),
            not_in_nav=_pathspec(config.get("not_in_nav")),
            snippet_bases=None if snippets is None else _bases(snippets),
            bib_file=(plugins["bibtex"] or {}).get("bib_file") if "bibtex" in plugins else None,
            printable_page=(printable.get("page") or "print.md")
            if printable.get("parts")
            else None,
        )

    @classmethod
    def from_mkdocs(cls, config) -> Settings:
        """From the configuration MkDocs has loaded and validated (inside the build)."""
        root = Path(config.config_file_path).parent
        snippets = config.mdx_configs.get("pymdownx.snippets")
        if snippets is None and "pymdownx.snippets" in config.markdown_extensions:
            snippets = {}
        bibtex = config.plugins.get("bibtex")
        ours = config.plugins.get("divergence")
        printable = ours.config.printable if ours is not None else None
        return cls(
            docs_dir=Path(os.path.relpath(config.docs_dir, root)).as_posix(),
            site_url=config.site_url or "",
            nav=config.nav,
            not_in_nav=config.not_in_nav,
            snippet_bases=None if snippets is None else _bases(snippets),
            bib_file=bibtex.config.bib_file if bibtex is not None else None,
            printable_page=printable.page if printable is not None and printable.parts else None,
        )


@dataclass
class Project:
    """Everything the rules read, loaded once per run."""

    root: Path
    settings: Settings
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
    # Inside `mkdocs build` only: each page's HTML as MkDocs rendered it (by its path
    # inside docs/), the built site, and each built page's source (dest_uri -> docs path).
    html: dict[str, str] = field(default_factory=dict)
    site_dir: Path | None = None
    built_pages: dict[str, str] = field(default_factory=dict)
    # External linters started for this run and not yet read, by rule code.
    running: dict = field(default_factory=dict, repr=False)
    # What rules reported, by code, for the rules after them that would repeat it.
    reported: dict[str, set] = field(default_factory=dict, repr=False)

    @classmethod
    def load(cls, config_file: Path, only: list[Path] | None = None) -> Project:
        """Read mkdocs.yml as YAML and the files it points to; ``only`` limits the pages."""
        config_file = config_file.resolve()
        return cls.of(config_file.parent, Settings.from_yaml(_read_config(config_file)), only)

    @classmethod
    def from_mkdocs(cls, config, only: list[Path] | None = None) -> Project:
        """The project of the configuration MkDocs is building."""
        root = Path(config.config_file_path).resolve().parent
        return cls.of(root, Settings.from_mkdocs(config), only)

    @classmethod
    def of(cls, root: Path, settings: Settings, only: list[Path] | None) -> Project:
        docs_dir = root / settings.docs_dir
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
        data_files = [
            SourceFile(_rel(path, root), path)
            for path in sorted((root / "data").glob("*"))
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
            settings,
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

        return load_site(self.root, self.settings.bib_file or BIB_FILE)

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
        from divergence.site.generated import generated_pages

        return generated_pages(self.site)

    @cached_property
    def bib_path(self) -> Path | None:
        bib_file = self.settings.bib_file
        return self.root / bib_file if bib_file else None

    @property
    def site_url(self) -> str:
        return self.settings.site_url

    def page_by_docs_path(self, docs_path: str) -> Page | None:
        return next((page for page in self.all_pages if page.docs_path == docs_path), None)

    def rendered_pages(self):
        """(page, HTML) for each checked page MkDocs has rendered (inside the build only)."""
        for page in self.pages:
            rendered = self.html.get(page.docs_path)
            if rendered:
                yield page, rendered

    def anchors(self, docs_path: str) -> set[str] | None:
        """The ids of a page (None for a page the site does not have): from its Markdown,
        as the table of contents makes them, and from the data it is generated from."""
        from divergence.checks import scan

        page = self.page_by_docs_path(docs_path)
        generated = self.generated_pages.get(docs_path)
        if page is None and generated is None:
            return None
        return set(generated or ()) | set(scan.anchor_ids(page) if page else ())

    @property
    def unreadable_data(self) -> bool:
        """A data file the model could not read: what cites or links through it is unknown."""
        found = [*self.glossary.diagnostics, *(self.timeline.diagnostics if self.timeline else [])]
        return any(d.code == "YM001" for d in found)


class _ConfigLoader(yaml.SafeLoader):
    """YAML with MkDocs' ``!ENV`` tag (the same constructor MkDocs registers)."""


_ConfigLoader.add_constructor("!ENV", yaml_env_tag.construct_env_tag)


def _read_config(config_file: Path) -> dict:
    """mkdocs.yml as MkDocs' YAML loader reads it, without importing MkDocs (a tenth of a
    second of the command) for the plain files most projects have; a file that needs
    more (INHERIT, Python tags) is read by MkDocs' own loader."""
    text = config_file.read_text(encoding="utf-8")
    try:
        config = yaml.load(text, Loader=_ConfigLoader) or {}
    except yaml.constructor.ConstructorError:
        config = {"INHERIT": None}
    if "INHERIT" in config:
        from mkdocs.utils.yaml import yaml_load

        with config_file.open(encoding="utf-8") as stream:
            config = yaml_load(stream) or {}
    return config


def _named(entries) -> dict:
    """A list of names or one-key mappings (plugins, extensions) as {name: options}."""
    named = {}
    for entry in entries or []:
        if isinstance(entry, dict):
            named.update({name: options or {} for name, options in entry.items()})
        else:
            named[entry] = {}
    return named


def _bases(snippets: dict) -> tuple[str, ...]:
    base = snippets.get("base_path", ["."])
    return tuple([base] if isinstance(base, str) else base)


def _pathspec(text):
    if not text:
        return None
    import pathspec

    return pathspec.GitIgnoreSpec.from_lines(str(text).splitlines())


def _hidden(rel: Path) -> bool:
    # MkDocs leaves out dot-files and dot-folders.
    return any(part.startswith(".") for part in rel.parts)


def _rel(path: Path, root: Path) -> str:
    return Path(os.path.relpath(path, root)).as_posix()
