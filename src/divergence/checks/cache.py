"""Per-file results of the slow linters, kept between runs of `divergence check`.

A file's findings depend only on its text, the linter's configuration and version, so a
run re-lints only the files that changed (like ruff's or mypy's caches). The cache lives
in .cache/divergence-check/ at the project root, which git ignores.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Sequence
from dataclasses import asdict
from pathlib import Path

from divergence.checks.project import SourceFile
from divergence.site.diagnostics import Diagnostic

CACHE_DIR = Path(".cache") / "divergence-check"


def per_file(
    root: Path,
    code: str,
    salt: str,
    files: Sequence[SourceFile],
    lint: Callable[[list[SourceFile]], list[Diagnostic]],
    *,
    enabled: bool = True,
) -> list[Diagnostic]:
    """``lint`` run only on the files whose (text, salt) has no cached result."""
    if not enabled:
        return lint(list(files))
    folder = root / CACHE_DIR / code
    keys = {
        f.path: hashlib.sha256(f"{salt}\0{f.path}\0{f.text}".encode()).hexdigest() for f in files
    }
    found: list[Diagnostic] = []
    stale = []
    for source in files:
        entry = folder / f"{keys[source.path]}.json"
        if entry.is_file():
            found += [Diagnostic(**item) for item in json.loads(entry.read_text("utf-8"))]
        else:
            stale.append(source)
    if stale:
        fresh = lint(stale)
        folder.mkdir(parents=True, exist_ok=True)
        for source in stale:
            mine = [asdict(d) for d in fresh if d.path == source.path]
            (folder / f"{keys[source.path]}.json").write_text(json.dumps(mine), "utf-8")
        found += fresh
    return found


def salt_of(*parts: object, files: Sequence[Path] = ()) -> str:
    """A cache salt from versions and the text of configuration files (absent ones too)."""
    texts = [p.read_text("utf-8") if p.is_file() else "" for p in files]
    return _digest(json.dumps([*map(str, parts), *texts]))


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()
