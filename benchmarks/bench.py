"""`make bench`: build time against plain Material, where the build spends it, scaling with
synthetic pages, the edit-to-reload latency of `mkdocs serve`, and `divergence check`.
Prints figures beside the budgets of DESIGN.md; asserts nothing (timings on a shared
machine are noisy: compare runs, not single figures).

    .venv/bin/python benchmarks/bench.py [--only build,profile,scaling,serve,check] [--quick]
"""

from __future__ import annotations

import argparse
import sys

import build_profile
import build_time
import check_time
import scaling
import serve_latency
from common import commit_measured, machine

PARTS = ("build", "profile", "scaling", "serve", "check")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--only", default=",".join(PARTS), help="comma-separated: " + ",".join(PARTS)
    )
    parser.add_argument(
        "--quick",
        action="store_true",
        help="a quick look: 2 build pairs, 100 synthetic pages only, 2 edits of each kind, "
        "3 check runs of each kind",
    )
    parser.add_argument("--runs", type=int, help="build pairs (default 7, quick 2)")
    parser.add_argument("--sizes", help="synthetic page counts (default 100,500,1000)")
    parser.add_argument("--scaling-runs", type=int, default=1, help="builds per size")
    parser.add_argument("--edits", type=int, help="edits of each kind (default 5, quick 2)")
    parser.add_argument("--check-runs", type=int, help="check runs of each kind (default 11)")
    args = parser.parse_args()
    parts = [p.strip() for p in args.only.split(",") if p.strip()]
    unknown = set(parts) - set(PARTS)
    if unknown:
        parser.error(f"unknown part(s): {', '.join(sorted(unknown))}")
    print(f"commit: {commit_measured()}")
    print(f"machine: {machine()}", flush=True)
    if "build" in parts:
        build_time.report(build_time.measure(args.runs or (2 if args.quick else 7)))
    if "profile" in parts:
        build_profile.report(build_profile.measure())
    if "scaling" in parts:
        sizes = args.sizes or ("100" if args.quick else "100,500,1000")
        results = scaling.measure([int(s) for s in sizes.split(",")], args.scaling_runs)
        scaling.report(results)
    if "serve" in parts:
        serve_latency.report(serve_latency.measure(args.edits or (2 if args.quick else 5)))
    if "check" in parts:
        check_time.report(check_time.measure(args.check_runs or (3 if args.quick else 11)))
    print(f"\nload average at the end: {machine().rsplit('load average ', 1)[-1]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
