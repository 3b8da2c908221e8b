"""Reading the data files: each file's text is read once and kept until the file changes.

The plugin, the Markdown extensions (built again for every page) and the checker all ask
for the same files during one build; `mkdocs serve` asks again on every rebuild. A file is
read again only when its size or modification time has changed.
"""

from __future__ import annotations

import os
from pathlib import Path

_texts: dict[Path, tuple[tuple[int, int], str]] = {}


def read_text(path: Path) -> str | None:
    """The file's text (UTF-8), or None when there is no such file."""
    path = Path(path).resolve()
    try:
        stat = os.stat(path)
    except FileNotFoundError:
        _texts.pop(path, None)
        return None
    stamp = (stat.st_mtime_ns, stat.st_size)
    kept = _texts.get(path)
    if kept is not None and kept[0] == stamp:
        return kept[1]
    text = path.read_text(encoding="utf-8")
    _texts[path] = (stamp, text)
    return text


def stamp(paths) -> tuple:
    """What changes when any of ``paths`` changes (a cache key for what is read from them)."""
    found = []
    for path in paths:
        try:
            stat = os.stat(path)
        except FileNotFoundError:
            found.append((str(path), None))
        else:
            found.append((str(path), stat.st_mtime_ns, stat.st_size))
    return tuple(found)
