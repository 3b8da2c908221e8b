"""Inline snippet includes before mkdocs-bibtex runs, so citations in shared text resolve.

pymdownx.snippets expands ``--8<-- "file"`` while Markdown is converted, after
mkdocs-bibtex has looked for citations, so a citation in an included file would stay
literal text. The one-line form naming a whole file is expanded here first; everything
else (sections, line ranges, blocks, URLs) is left to pymdownx.snippets.
"""

from __future__ import annotations

import re
from pathlib import Path

from divergence.site.markdown_syntax import FENCE

_SNIPPET = re.compile(
    r"^(?P<indent>[ \t]*)-{1,}8<-{1,}[ \t]+(?P<q>[\"'])(?P<name>[^\"':]+)(?P=q)[ \t]*$"
)

# Any form of pymdownx.snippets' marker (sections, line ranges, blocks of several files).
_ANY_SNIPPET = re.compile(r"^[ \t]*-+8<-+", re.M)


def inline_snippets(
    markdown: str, bases: list[Path], depth: int = 0, used: list[Path] | None = None
) -> str:
    """``markdown`` with each whole-file snippet line replaced by the file's text.

    A missing file is left as it is: rule SN001 reports it, and pymdownx.snippets stops.
    ``used``, if given, gets every file inlined.
    """
    out, fence = [], None
    for line in markdown.split("\n"):
        fence_match = FENCE.match(line)
        if fence or fence_match:
            if fence_match and (fence is None or fence_match.group(1)[0] == fence[0]):
                fence = None if fence else fence_match.group(1)
            out.append(line)
            continue
        match = _SNIPPET.match(line)
        path = _find(match.group("name"), bases) if match and depth < 4 else None
        if path is None:
            out.append(line)
            continue
        if used is not None:
            used.append(path)
        text = path.read_text(encoding="utf-8").rstrip("\n")
        text = inline_snippets(text, bases, depth + 1, used)
        out += [match.group("indent") + piece if piece else piece for piece in text.split("\n")]
    return "\n".join(out)


def search_paths(config) -> list[Path]:
    """Where pymdownx.snippets looks for a file: its ``base_path``, from the project root."""
    base = config.mdx_configs.get("pymdownx.snippets", {}).get("base_path", ["."])
    root = Path(config.config_file_path).parent
    return [root / path for path in ([base] if isinstance(base, str) else base)]


def has_other_snippets(markdown: str) -> bool:
    """Whether ``markdown`` still has a snippet marker: a form left to pymdownx.snippets."""
    return _ANY_SNIPPET.search(markdown) is not None


def _find(name: str, bases: list[Path]) -> Path | None:
    return next((base / name for base in bases if (base / name).is_file()), None)
