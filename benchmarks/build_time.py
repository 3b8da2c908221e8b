"""Time the strict build of the site against a plain Material build of the same Markdown.

Prints figures; asserts nothing. Runs alternate (plain, ours, plain, ours, ...) in one
process each, so that both see the same machine state, and reports medians and the ratio.

    .venv/bin/python benchmarks/build_time.py [--runs 7]
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import tempfile
from pathlib import Path

from common import MKDOCS, REPO, plain_config, timed

BUDGET_RATIO = 1.3


def measure(runs: int) -> dict:
    """Medians of ``runs`` paired builds (after one warm-up each) and their ratio."""
    workdir = Path(tempfile.mkdtemp(prefix="divergence-bench-"))
    try:
        build = [*MKDOCS, "build", "--quiet"]
        plain = [*build, "-f", str(plain_config(workdir)), "-d", str(workdir / "plain")]
        ours = [*build, "--strict", "-f", str(REPO / "mkdocs.yml"), "-d", str(workdir / "ours")]
        timed(plain), timed(ours)  # warm the file cache and the byte-code
        pairs = [(timed(plain), timed(ours)) for _ in range(runs)]
    finally:
        shutil.rmtree(workdir)
    plain_median = statistics.median(p for p, _ in pairs)
    ours_median = statistics.median(o for _, o in pairs)
    return {
        "pages": len(list((REPO / "docs").rglob("*.md"))),
        "runs": runs,
        "plain": plain_median,
        "ours": ours_median,
        "ratio": ours_median / plain_median,
        "paired": statistics.median(o / p for p, o in pairs),
    }


def report(figures: dict) -> None:
    verdict = "met" if figures["ratio"] <= BUDGET_RATIO else "NOT met"
    print(
        f"\nBuild time: {figures['pages']} Markdown pages in docs/ (ours adds the generated "
        f"pages); {figures['runs']} paired runs after one warm-up each"
    )
    print(f"plain Material build: median {figures['plain']:.3f} s")
    print(f"our strict build:     median {figures['ours']:.3f} s")
    print(
        f"ratio of medians: {figures['ratio']:.2f} x (median of paired ratios "
        f"{figures['paired']:.2f} x); budget {BUDGET_RATIO:.2f} x: {verdict}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    report(measure(parser.parse_args().runs))


if __name__ == "__main__":
    main()
