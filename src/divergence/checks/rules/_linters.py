"""The external linters the style and spelling rules run: found in the environment, run once.

rumdl and typos are Rust programs that their Python packages install beside the
interpreter (``bin/`` or, on Windows, ``Scripts/``); each runs once over all the files
to check, as a plain subprocess.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path


class LinterError(Exception):
    """A linter is missing or could not run (say, a bad setting in its configuration file);
    `divergence check` prints why and stops with status 2."""


def find(name: str) -> str:
    """The path of program ``name``: next to this Python first, then on PATH."""
    here = Path(sys.executable).parent
    found = shutil.which(name, path=str(here)) or shutil.which(name)
    if found is None:
        raise LinterError(
            f"'{name}' is not installed next to {sys.executable} nor on PATH; install "
            "the locked dependencies (`make .venv/.installed`, see CONTRIBUTING.md)"
        )
    return found


class Running:
    """Program ``name`` started on ``arguments`` in ``cwd``; ``output()`` waits for it."""

    def __init__(self, name: str, arguments: list[str], cwd: Path, ok: tuple[int, ...]) -> None:
        self.name, self.ok = name, ok
        self._process = subprocess.Popen(
            [find(name), *arguments],
            cwd=cwd,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            encoding="utf-8",
        )

    def output(self) -> str:
        """The program's standard output; an exit status not in ``ok`` is an error."""
        out, err = self._process.communicate()
        if self._process.returncode not in self.ok:
            problem = (err or out).strip()
            raise LinterError(
                f"{self.name} failed (exit status {self._process.returncode}): {problem}"
            )
        return out


def run(name: str, arguments: list[str], cwd: Path, ok: tuple[int, ...]) -> str:
    """Program ``name``'s standard output; an exit status not in ``ok`` is an error."""
    return Running(name, arguments, cwd, ok).output()
