"""What `mkdocs serve --dirty` needs to show a right page after building only some.

With ``--dirty`` MkDocs converts only the pages edited since the last build. The lists
that gather from every page (where each term is mentioned, which pages cite a work) keep
what the other pages gave last time (``Records``).

An edit builds again the pages that show what changed: each page built while serving
records the pieces of the data and the snippet files it showed, with their digests
(``ShownInputs``, ``divergence.site.digests``), and is built again when one of them has
another digest. Pages generated from data keep their Markdown in files written only when
it changes (``GeneratedSources``), so that they too are built only when they change; the
Glossary and People pages also when a page's mentions change (plugin/glossary.py). An edit
to mkdocs.yml or a theme template builds every page (``SharedInputs``).
"""

from __future__ import annotations

import os
import re
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from mkdocs.structure.files import File

from divergence.markdown.timeline import views_asked
from divergence.markdown.timeline_views import section_title
from divergence.plugin.citations.includes import (
    has_other_snippets,
    inline_snippets,
    search_paths,
)
from divergence.site import SiteData
from divergence.site.digests import digest
from divergence.site.sources import read_text, stamp

# What every page with text may show: the names that mark a mention.
_EVERY_PAGE = ("names",)
# A mention's link (divergence.markdown.mentions), on any page, the editors' guide too.
_MENTION = re.compile(r'data-divergence-entry="([^"]+)"')


@dataclass
class Records:
    """By page source path: (page, what it gave). Replaced when the page is built again."""

    mentions: dict[str, tuple] = field(default_factory=dict)
    citations: dict[str, tuple] = field(default_factory=dict)
    # Whether the home page has the claim legend (it is converted only when edited).
    legend: dict[str, bool] = field(default_factory=dict)
    # The pieces of the site model and the snippet files the page showed, each with its
    # digest then (names as in divergence.site.digests).
    shown: dict[str, dict[str, str]] = field(default_factory=dict)

    def clear(self) -> None:
        self.mentions.clear()
        self.citations.clear()
        self.legend.clear()
        self.shown.clear()


class SharedInputs:
    """The files outside docs/ that pages show, and which changed since the last build."""

    def __init__(self) -> None:
        self._last: dict | None = None

    def changed(self, config) -> list[Path]:
        """The files added, edited or removed since the last build (none on the first)."""
        now = dict((Path(p), rest) for p, *rest in stamp(self.paths(config)))
        last, self._last = self._last, now
        if last is None:
            return []
        return sorted(path for path in now.keys() | last.keys() if now.get(path) != last.get(path))

    @staticmethod
    def paths(config) -> list[Path]:
        root = Path(config.config_file_path).parent
        folders = [root / "data", *snippet_bases(config)]
        if config.theme.custom_dir:
            folders.append(Path(config.theme.custom_dir))
        paths = [Path(config.config_file_path)]
        for folder in folders:
            for top, _, names in os.walk(folder):
                paths += [Path(top) / name for name in sorted(names)]
        return paths

    @staticmethod
    def shown_by_every_page(config, changed: list[Path]) -> bool:
        """Whether a changed file is one every page shows: mkdocs.yml or a template."""
        theme = Path(config.theme.custom_dir) if config.theme.custom_dir else None
        return any(
            path == Path(config.config_file_path) or (theme is not None and theme in path.parents)
            for path in changed
        )


def snippet_bases(config) -> list[Path]:
    """The folders pymdownx.snippets reads; for the project root itself, its includes/
    only (the root holds docs/, which MkDocs watches)."""
    root = Path(config.config_file_path).parent.resolve()
    return [root / "includes" if path.resolve() == root else path for path in search_paths(config)]


def stale_pages(files, records: Records, site: SiteData) -> list:
    """The pages built before whose shown pieces have changed. (Pages generated from text
    held in memory are built on every build anyway.)"""
    stale = []
    for file in files.documentation_pages():
        if file.abs_src_path is None:
            continue
        shown = records.shown.get(file.src_uri)
        if shown is None or any(piece_digest(site, n) != value for n, value in shown.items()):
            stale.append(file)
    return stale


# The titles of the pages and sections that discuss the timeline's events, as its views
# name them ("The Actual History: Lenin's illness"): they change with the pages in docs/.
DISCUSSIONS = "discussions"
_discussions: dict[tuple, str] = {}


def piece_digest(site: SiteData, name: str) -> str:
    """The digest of a piece a page shows (divergence.site.digests, and DISCUSSIONS)."""
    if name != DISCUSSIONS:
        return site.digests.of(name)
    timeline = site.timeline
    events = [e for e in timeline.events if e.page_path] if timeline else []
    docs = site.root / "docs"
    key = (site.version, stamp(docs / e.page_path for e in events))
    if key not in _discussions:
        texts = {e.page_path: read_text(docs / e.page_path) or "" for e in events}
        _discussions.clear()
        titles = [(page, section_title(text, None)) for page, text in texts.items()]
        sections = [
            (e.page, section_title(texts[e.page_path], e.page.partition("#")[2] or None))
            for e in events
        ]
        _discussions[key] = digest(titles, sections)
    return _discussions[key]


def build_again(pages) -> None:
    """Remove the pages' built files, so that MkDocs counts each as modified."""
    for file in pages:
        if file.abs_dest_path:
            Path(file.abs_dest_path).unlink(missing_ok=True)


def generated_page(config, src_uri: str, content: str, sources: GeneratedSources | None):
    """A page generated from data: from text in memory, or while serving from ``sources``."""
    if sources is None:
        return File.generated(config, src_uri, content=content)
    return sources.page(config, src_uri, content)


class GeneratedSources:
    """While serving: the Markdown of pages generated from data, kept in files and written
    only when it changes. MkDocs' --dirty builds a page whose file is newer than its built
    page, so such a page is built again only when its text or a piece it shows changed;
    a page generated from text in memory would be built on every build."""

    def __init__(self) -> None:
        # Removed on shutdown, or when the process ends without one (a test, a kill).
        self._folder: tempfile.TemporaryDirectory | None = None

    def page(self, config, src_uri: str, content: str) -> File:
        if self._folder is None:
            self._folder = tempfile.TemporaryDirectory(prefix="divergence-serve-")
        path = Path(self._folder.name) / src_uri
        if read_text(path) != content:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(content, encoding="utf-8")
        return File.generated(config, src_uri, abs_src_path=str(path))

    def remove(self) -> None:
        if self._folder is not None:
            self._folder.cleanup()
            self._folder = None


class ShownInputs:
    """Records, while serving, what each page built shows of the data and the snippets."""

    def __init__(self, site: SiteData, records: Records) -> None:
        self.site = site
        self.records = records
        self._from_markdown: dict[str, set[str]] = {}

    def on_config(self, config):
        # Where pymdownx.snippets looks for a file, and the folders of snippet files.
        self._bases = search_paths(config)
        self._includes = snippet_bases(config)
        return config

    def on_page_markdown(self, markdown, /, *, page, config, files):
        used: list[Path] = []
        text = inline_snippets(markdown, self._bases, used=used)
        names = {*_EVERY_PAGE, *(f"file:{path.resolve()}" for path in used)}
        if has_other_snippets(text):
            # A form this reading does not follow: the page shows every snippet file.
            names |= {f"file:{path.resolve()}" for path in _files_under(self._includes)}
        for kind, page_path in views_asked(text):
            # The list of one page's events shows those events only; the other views
            # also name the page and section that discuss each event.
            names |= {f"events:{page_path}"} if kind == "events" else {"timeline", DISCUSSIONS}
        self._from_markdown[page.file.src_uri] = names

    def on_page_content(self, html, /, *, page, config, files):
        # The citation feature has recorded the keys the page cites (from its Markdown).
        source = page.file.src_uri
        names = self._from_markdown.pop(source, set(_EVERY_PAGE))
        names |= {f"entry:{entry}" for entry in _MENTION.findall(html)}
        _, keys = self.records.citations.get(source, (None, ()))
        names |= {f"work:{key}" for key in keys}
        self.records.shown[source] = {name: piece_digest(self.site, name) for name in names}


def _files_under(folders: list[Path]) -> list[Path]:
    return [path for folder in folders for path in folder.rglob("*") if path.is_file()]
