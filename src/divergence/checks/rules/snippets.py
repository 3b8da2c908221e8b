"""Snippets: an include that names a file that does not exist (SN001)."""

from __future__ import annotations

import re

from divergence.checks.registry import rule
from divergence.site.diagnostics import Diagnostic

# --8<-- "file" on one line; a bare --8<-- opens and closes a block of file names.
_INLINE = re.compile(
    r"^(?P<indent>\s*)(?P<escape>;*)-{1,}8<-{1,}[ \t]+(?P<q>[\"'])(?P<name>.+?)(?P=q)"
)
_BLOCK = re.compile(r"^\s*-{1,}8<-{1,}\s*$")
# file.md:3:8 (lines) or file.md:section-name select part of the file.
_SELECTOR = re.compile(r"(?::-?\d*){1,2}$|:[\w-]+$")


@rule("SN001", "snippet-missing", "A snippet include names a file that does not exist.")
def missing(project):
    if project.settings.snippet_bases is None:
        return
    bases = [project.root / p for p in project.settings.snippet_bases]
    for page in project.pages:
        in_block = False
        for index in range(page.body_start, len(page.lines)):
            line = page.lines[index]
            if _BLOCK.match(line):
                in_block = not in_block
                continue
            if in_block:
                name, col = line.strip(), len(line) - len(line.lstrip()) + 1
            elif match := _INLINE.match(line):
                if match.group("escape"):
                    continue
                name, col = match.group("name"), match.start("name") + 1
            else:
                continue
            if not name or name.startswith(("http://", "https://", ";")):
                continue
            path = _SELECTOR.sub("", name) if not (project.root / name).exists() else name
            if not any((b / path).is_file() for b in bases):
                yield Diagnostic(
                    page.path,
                    index + 1,
                    col,
                    "SN001",
                    f"snippet file '{path}' does not exist (looked in: "
                    f"{', '.join(str(b.relative_to(project.root)) for b in bases)})",
                )
