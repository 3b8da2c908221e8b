"""The `divergence` command: sub-commands for editors and maintainers."""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["check"]:
        from divergence.checks.cli import main as check

        return check(argv[1:])
    print("usage: divergence check [--format text|github|checklist] [paths ...]", file=sys.stderr)
    return 2
