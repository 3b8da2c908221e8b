"""`divergence check`: the source and data rules on the project, fast, without a build.

The rules that read HTML read MkDocs' own output, so they run only in a build: `mkdocs
build`, `make serve`, or `divergence check --build`, which builds the site in a
temporary folder and adds what the build found. Plain processes only (no fork), so the
command runs alike on Linux, macOS and Windows.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from divergence.checks.project import Project
from divergence.checks.rules import RULES
from divergence.checks.rules.linters import LinterError
from divergence.checks.runner import run_rules
from divergence.site.diagnostics import Diagnostic

GUIDE = "docs/contributing/checks.md"


def main(argv: list[str] | None = None) -> int:
    """Print every problem found; exit 0 only when there is none."""
    args = _parser().parse_args(argv)
    config_file = Path(args.config_file)
    if not config_file.is_file():
        print(
            f"divergence check: no {config_file} here; run it from the project root",
            file=sys.stderr,
        )
        return 2
    project = Project.load(config_file, only=[Path(p) for p in args.paths] or None)
    rules = [rule for rule in RULES if rule.needs == "source"]
    try:
        diagnostics = run_rules(project, rules)
    except LinterError as error:
        print(f"divergence check: {error}", file=sys.stderr)
        return 2
    stopped, warnings = None, []
    if args.build:
        from divergence.checks.build import build_findings

        built, warnings, stopped = build_findings(config_file)
        diagnostics = sorted({*diagnostics, *built})
    print(FORMATS[args.format](diagnostics), end="")
    checked = len(project.pages) + len(project.data_files)
    for warning in warnings:
        print(f"mkdocs build: WARNING - {warning}", file=sys.stderr)
    if stopped:
        print(f"divergence check: the build stopped: {stopped}", file=sys.stderr)
    if diagnostics or warnings or stopped:
        print(
            f"divergence check: {len(diagnostics)} problem{'s' * (len(diagnostics) != 1)} "
            f"in {checked} files; see {GUIDE}",
            file=sys.stderr,
        )
        return 1
    print(f"divergence check: {checked} files, no problems", file=sys.stderr)
    return 0


def text(diagnostics: list[Diagnostic]) -> str:
    return "".join(f"{d}\n" for d in diagnostics)


def github(diagnostics: list[Diagnostic]) -> str:
    """GitHub workflow commands: each problem becomes an annotation on the pull request."""
    return "".join(
        f"::error file={d.path},line={d.line},col={d.col},title={d.code}::{_escape(d.message)}\n"
        for d in diagnostics
    )


def checklist(diagnostics: list[Diagnostic]) -> str:
    """A Markdown task list to paste into a review."""
    return "".join(
        f"- [ ] `{d.path}:{d.line}:{d.col}` **{d.code}** {d.message}\n" for d in diagnostics
    )


FORMATS = {"text": text, "github": github, "checklist": checklist}


def _escape(message: str) -> str:
    # Workflow-command data must escape %, CR and LF.
    return message.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="divergence check",
        description="Check the site's pages and data files; print path:line:col: CODE message.",
    )
    parser.add_argument("paths", nargs="*", help="pages or data files to check (default: all)")
    parser.add_argument("--format", choices=FORMATS, default="text")
    parser.add_argument("-f", "--config-file", default="mkdocs.yml")
    parser.add_argument(
        "--build",
        action="store_true",
        help="also build the site (in a temporary folder) and add the findings of the "
        "rules that read the built pages, and MkDocs' own warnings",
    )
    # Accepted, and without effect, for scripts written when the linters' results were
    # cached between runs: every run now checks every file.
    parser.add_argument("--no-cache", action="store_true", help=argparse.SUPPRESS)
    return parser
