"""Time `divergence check`, the editors' command: the whole site and one page.

Prints figures beside DESIGN.md's budgets (the whole site at most 0.8 s cold on 2 cores,
one page at most 0.3 s); asserts nothing. Each run is a fresh process, as an editor or
pre-commit starts it, on a copy of the work tree; the checker keeps no cache, so every
run is cold:

- the whole site: ``divergence check``;
- one page: ``divergence check docs/index.md`` (what the pre-commit hook pays per page).

Wall time is what the editor waits; CPU time (the process and the linters it starts,
rumdl and typos) shows how much of the two cores the run used. On a shared machine both
move with what the neighbours do (up to twice as slow from one minute to the next), so
each round also times a fixed pure-Python loop: its median says how fast the machine was
during the runs, and the ratio of the two medians compares runs made at different times.

    .venv/bin/python benchmarks/check_time.py [--runs 11]
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

from common import ENV, REFERENCE_KIND, commit_measured, copy_project, machine, timed_reference

# DESIGN.md: the whole site cold, and one page.
BUDGETS = {"whole site": 0.8, "one page (docs/index.md)": 0.3}
# The console script's own interpreter: the same one `make check` and pre-commit start.
DIVERGENCE = [str(Path(sys.executable).with_name("divergence")), "check"]


def timed_run(arguments: list[str], cwd: Path) -> tuple[float, float]:
    """(wall, CPU) seconds of one `divergence check` run, which must find no problem."""
    before = os.times()
    start = time.perf_counter()
    subprocess.run([*DIVERGENCE, *arguments], check=True, cwd=cwd, env=ENV, capture_output=True)
    wall = time.perf_counter() - start
    after = os.times()
    # The child's CPU includes the linters it starts: they are waited for before it exits.
    cpu = (after.children_user - before.children_user) + (
        after.children_system - before.children_system
    )
    return wall, cpu


def measure(runs: int) -> dict[str, list[tuple[float, float]]]:
    workdir = Path(tempfile.mkdtemp(prefix="divergence-check-bench-"))
    try:
        root = copy_project(workdir / "site", commit=False).parent
        timed_run([], root)  # reads every file once: the OS caches them
        kinds = {"whole site": [], "one page (docs/index.md)": ["docs/index.md"]}
        figures: dict[str, list[tuple[float, float]]] = {kind: [] for kind in kinds}
        figures[REFERENCE_KIND] = []
        # Interleaved, so that each kind sees the same machine state.
        for _ in range(runs):
            for kind, arguments in kinds.items():
                figures[kind].append(timed_run(arguments, root))
            figures[REFERENCE_KIND].append(timed_reference())
    finally:
        shutil.rmtree(workdir)
    return figures


def report(figures: dict[str, list[tuple[float, float]]]) -> None:
    runs = len(next(iter(figures.values())))
    print(f"\n`divergence check`: {runs} runs of each kind, interleaved, each a new process")
    for kind, results in figures.items():
        walls = sorted(wall for wall, _ in results)
        cpus = sorted(cpu for _, cpu in results)
        print(
            f"{kind:34} wall median {statistics.median(walls):.2f} s "
            f"({walls[0]:.2f}-{walls[-1]:.2f}), CPU median {statistics.median(cpus):.2f} s "
            f"({cpus[0]:.2f}-{cpus[-1]:.2f})"
        )
    reference = statistics.median(wall for wall, _ in figures[REFERENCE_KIND])
    for kind, budget in BUDGETS.items():
        median = statistics.median(wall for wall, _ in figures[kind])
        verdict = "met" if median <= budget else "NOT met"
        print(
            f"{kind}: median {median:.2f} s, budget {budget:.1f} s: {verdict} "
            f"({median / reference:.2f} x the reference loop)"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=11, help="runs of each kind (default 11)")
    args = parser.parse_args()
    print(f"commit: {commit_measured()}")
    print(f"machine: {machine()}", flush=True)
    report(measure(args.runs))


if __name__ == "__main__":
    main()
