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


def run(name: str, arguments: list[str], cwd: Path, ok: tuple[int, ...]) -> str:
    """Program ``name``'s standard output; an exit status not in ``ok`` is an error."""
    done = subprocess.run(
        [find(name), *arguments],
        cwd=cwd,
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )
    if done.returncode not in ok:
        problem = (done.stderr or done.stdout).strip()
        raise LinterError(f"{name} failed (exit status {done.returncode}): {problem}")
    return done.stdout
