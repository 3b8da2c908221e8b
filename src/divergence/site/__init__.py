"""The site model: the data files read once a build, shared by everything that uses them.

``load_site(root)`` gives the glossary and people, the timeline and the bibliography of
the project at ``root``, each with the problems found while reading it (with positions,
for the checker). The Markdown extensions, the plugin and the checker all call it; the
result is kept until one of the files changes, so a build reads each file once and a
`mkdocs serve` rebuild reads only what was edited. Nothing here imports MkDocs.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from divergence.site import bibtex, glossary, timeline
from divergence.site.sources import read_text, stamp

# Where the data files live, relative to the project root (the folder of mkdocs.yml).
BIB_FILE = "data/references.bib"
DATA_FILES = (glossary.TERMS.file, glossary.PEOPLE.file, timeline.FILE)


@dataclass
class SiteData:
    root: Path
    bib_file: str
    glossary: glossary.Collection
    timeline: timeline.Timeline | None
    bibliography: bibtex.Bibliography | None
    _texts: dict[str, str] = field(default_factory=dict, repr=False)
    # What the model was read from (paths, sizes, times): equal versions, equal data.
    version: tuple = ()

    @property
    def texts(self) -> dict[str, str]:
        """The text of each data file that exists, by its path from the project root."""
        return self._texts

    @property
    def bib_keys(self) -> set[str] | None:
        return set(self.bibliography.entries) if self.bibliography is not None else None

    @cached_property
    def matcher(self):
        """The names of every term and person, compiled once (the extensions share it)."""
        from divergence.site.names import Matcher

        return Matcher(self.glossary.entries)

    @cached_property
    def digests(self):
        """What a page can show of this model, piece by piece (for `mkdocs serve`)."""
        from divergence.site.digests import Digests

        return Digests(self)

    def timeline_with_pages(self, pages: set[str]) -> timeline.Timeline | None:
        """The timeline checked also against the site's pages (for the checker)."""
        text = self._texts.get(timeline.FILE)
        if text is None:
            return None
        return timeline.load(text, bib_keys=self.bib_keys, pages=pages)

    def source_label(self, key: str) -> str:
        """How a short citation names a work: "Kotkin 2014", "Wikipedia, 'Leon Trotsky'"."""
        entry = self.bibliography.entries.get(key) if self.bibliography else None
        return bibtex.short_label(entry) if entry is not None else key


_cache: dict[tuple, SiteData] = {}


def load_site(root: Path | str, bib_file: str = BIB_FILE) -> SiteData:
    """The site model of the project at ``root``, read again only when a file changed."""
    root = Path(root).resolve()
    files = [*DATA_FILES, bib_file]
    key = (root, bib_file, stamp(root / name for name in files))
    site = _cache.get(key)
    if site is None:
        texts = {name: text for name in files if (text := read_text(root / name)) is not None}
        bib_text = texts.get(bib_file)
        bibliography = bibtex.read_bibliography(bib_file, bib_text) if bib_text else None
        bib_keys = set(bibliography.entries) if bibliography is not None else None
        kinds = {kind.file: texts[kind.file] for kind in glossary.KINDS if kind.file in texts}
        site = SiteData(
            root,
            bib_file,
            glossary.load(kinds, bib_keys),
            timeline.load(texts[timeline.FILE], bib_keys=bib_keys)
            if timeline.FILE in texts
            else None,
            bibliography,
            texts,
            key,
        )
        # One project's model at a time: a rebuild replaces it.
        _cache.clear()
        _cache[key] = site
    return site
