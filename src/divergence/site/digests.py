"""Digests of what a page can show from the data files, piece by piece.

`mkdocs serve` builds a page again only when something it shows has changed. A page
records the pieces it showed, by name, with their digests at the time (the plugin's
``serving.py``); after an edit, the pages whose pieces now have other digests are the ones
to build again. The names:

- ``names``: every term's and person's names, ids and pages, which decide what the text
  links to and where (every page with mentions shows this);
- ``entry:<id>``: what a mention of one entry shows (its title and short definition);
- ``timeline``: data/timeline.yml, with the short labels of the works it cites;
- ``events:<page>``: the events one page discusses, as its list of events shows them;
- ``work:<key>``: one entry of the bibliography, as a citation of it shows it;
- ``file:<path>``: a snippet file's text.

A piece that no longer exists has the digest "" (a page that showed it is built again).
"""

from __future__ import annotations

import hashlib
from functools import cached_property
from pathlib import Path

from divergence.site.sources import read_text
from divergence.site.timeline import FILE as TIMELINE_FILE


def digest(*parts: object) -> str:
    return hashlib.blake2b(repr(parts).encode("utf-8"), digest_size=12).hexdigest()


class Digests:
    """The digest of each piece of one version of the site model (computed when asked)."""

    def __init__(self, site) -> None:
        self.site = site

    def of(self, name: str) -> str:
        kind, _, argument = name.partition(":")
        if kind == "names":
            return self.names
        if kind == "timeline":
            return self.timeline
        if kind == "events":
            return self._events(argument)
        if kind == "entry":
            entry = self._entries.get(argument)
            return digest(entry.title, entry.short, entry.kind.page) if entry else ""
        if kind == "work":
            bibliography = self.site.bibliography
            entry = bibliography.entries.get(argument) if bibliography else None
            if entry is None:
                return ""
            # The fields' values, not their lines: an edit above an entry moves them.
            values = sorted((name, value) for name, (value, _) in entry.fields.items())
            return digest(entry.kind, values, sorted(entry.protected))
        if kind == "file":
            text = read_text(Path(argument))
            return "" if text is None else digest(text)
        raise ValueError(f"no such piece of the site model: {name!r}")

    @cached_property
    def names(self) -> str:
        return digest(
            [
                (entry.kind.name, entry.kind.page, entry.id, entry.title, entry.aliases)
                for entry in self.site.glossary.entries
            ]
        )

    @cached_property
    def timeline(self) -> str:
        text = self.site.texts.get(TIMELINE_FILE)
        bibliography = self.site.bibliography
        keys = bibliography.entries if bibliography else {}
        return digest(text, sorted(self.site.source_label(key) for key in keys))

    def _events(self, page_path: str) -> str:
        timeline = self.site.timeline
        if timeline is None:
            return ""
        events = [self._event(e) for e in timeline.events if e.page_path == page_path]
        # The list links each event to its era's page and names the unreadable ones.
        return digest(events, timeline.eras, [u.id for u in timeline.unreadable])

    def _event(self, event) -> tuple:
        """What a list of events shows of one (its position in the file aside)."""
        dates = (event.date.iso, event.end.iso if event.end else None)
        labels = [(key, self.site.source_label(key)) for key in event.sources]
        shown = (event.track, event.title, event.summary, event.themes, event.page, event.note)
        return (event.id, dates, shown, labels)

    @cached_property
    def _entries(self) -> dict:
        return self.site.glossary.by_id()
