"""Time the strict build of the site against a plain Material build of the same Markdown.

Prints figures; asserts nothing. Runs alternate (plain, ours, plain, ours, ...) in one
process each, so that both see the same machine state, and reports medians and the ratio.

    .venv/bin/python benchmarks/build_time.py [--runs 7]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parent.parent
MKDOCS = [sys.executable, "-m", "mkdocs", "build", "--quiet"]


def plain_config(workdir: Path) -> Path:
    """A mkdocs.yml with Material and the same pages, nothing of ours and no bibtex."""
    config = {
        "site_name": "Plain",
        "docs_dir": str(REPO / "docs"),
        "theme": {"name": "material", "font": False},
        "markdown_extensions": [
            "abbr",
            "admonition",
            "attr_list",
            "def_list",
            "footnotes",
            "md_in_html",
            "tables",
            "toc",
            "pymdownx.details",
            "pymdownx.superfences",
        ],
    }
    path = workdir / "plain.yml"
    path.write_text(yaml.safe_dump(config), encoding="utf-8")
    return path


def timed(command: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, check=True, cwd=REPO, env=os.environ | {"NO_MKDOCS_2_WARNING": "1"})
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    workdir = Path(tempfile.mkdtemp(prefix="divergence-bench-"))
    try:
        plain = [*MKDOCS, "-f", str(plain_config(workdir)), "-d", str(workdir / "plain")]
        ours = [*MKDOCS, "--strict", "-f", str(REPO / "mkdocs.yml"), "-d", str(workdir / "ours")]
        timed(plain), timed(ours)  # warm the file cache and the byte-code
        pairs = [(timed(plain), timed(ours)) for _ in range(args.runs)]
    finally:
        shutil.rmtree(workdir)
    plain_median = statistics.median(p for p, _ in pairs)
    ours_median = statistics.median(o for _, o in pairs)
    ratios = [o / p for p, o in pairs]
    pages = len(list((REPO / "docs").rglob("*.md")))
    print(f"pages: {pages}; runs: {args.runs} (after one warm-up each)")
    print(f"plain Material build: median {plain_median:.3f} s")
    print(f"our strict build:     median {ours_median:.3f} s")
    print(
        f"ratio of medians: {ours_median / plain_median:.2f} x "
        f"(median of paired ratios {statistics.median(ratios):.2f} x, budget 1.30 x)"
    )


if __name__ == "__main__":
    main()
