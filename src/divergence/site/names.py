"""Finding the names of terms and people in text: longest first, whole words only."""

from __future__ import annotations

import re

from divergence.site.glossary import Entry


class Matcher:
    """Finds every entry's names (title and aliases) in a text."""

    def __init__(self, entries: list[Entry]) -> None:
        self._exact: dict[str, Entry] = {}
        self._folded: dict[str, Entry] = {}
        parts = []
        names = sorted(((n, e) for e in entries for n in e.names), key=lambda p: -len(p[0]))
        for name, entry in names:
            if entry.kind.case_sensitive:
                self._exact.setdefault(name, entry)
                parts.append(re.escape(name))
            else:
                self._folded.setdefault(name.casefold(), entry)
                parts.append(f"(?i:{re.escape(name)})")
        # Whole words, and not part of a hyphenated compound: "anti-Bolshevik" is not a
        # mention of the Bolsheviks, nor "Molotov-Ribbentrop" of Molotov.
        self._pattern = re.compile(rf"(?<![\w-])(?:{'|'.join(parts)})(?![\w-])") if parts else None

    def find(self, text: str):
        """Yield (start, end, entry) for each name in ``text``."""
        if self._pattern is None:
            return
        for match in self._pattern.finditer(text):
            name = match.group()
            entry = self._exact.get(name) or self._folded.get(name.casefold())
            if entry is not None:
                yield match.start(), match.end(), entry
