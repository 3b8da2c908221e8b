"""The one diagnostic format shared by every check: ``path:line:col: CODE message``."""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Diagnostic:
    """One problem an editor must fix, located in a source file (1-based line and column)."""

    path: str
    line: int
    col: int
    code: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.col}: {self.code} {self.message}"


def did_you_mean(value: str, choices: Iterable[str]) -> str:
    """Return `` (did you mean 'x'?)`` for the closest choice, or an empty string."""
    close = difflib.get_close_matches(value, list(choices), n=1, cutoff=0.6)
    return f" (did you mean '{close[0]}'?)" if close else ""


def unknown_citation(
    path: str, line: int, col: int, key: str, keys: Iterable[str], bib_file: str
) -> Diagnostic:
    """CT001, wherever a key is cited: a page, or the `sources` of a data entry."""
    return Diagnostic(
        path,
        line,
        col,
        "CT001",
        f"unknown citation key '{key}'{did_you_mean(key, keys)}; "
        f"add the work to {bib_file} or fix the key",
    )
