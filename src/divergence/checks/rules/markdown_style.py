"""ST001: Markdown style, checked by rumdl in its MkDocs flavour.

The settings (.rumdl.toml) turn off what Material's syntax legitimately does: long prose
lines, indented admonition bodies, md_in_html blocks. Our code is ST001 for every rumdl
finding; the message ends with rumdl's own rule id and name, so the two never mix.
"""

import json
from pathlib import Path

from divergence.checks.registry import rule
from divergence.checks.rules import _linters
from divergence.site.diagnostics import Diagnostic

CONFIG = ".rumdl.toml"


def _files(project):
    return {f.path: f for f in [*project.pages, *project.includes]}


def _start(project):
    if _files(project):
        # The flavour is given too, so a project without .rumdl.toml is still read as
        # MkDocs Markdown.
        arguments = ["check", "--no-cache", "--deny-config-warnings", "--output-format", "json"]
        arguments += ["--flavor", "mkdocs"]
        if (project.root / CONFIG).is_file():
            arguments += ["--config", CONFIG]
        project.running["ST001"] = running = _linters.Running(
            "rumdl", [*arguments, *_files(project)], project.root, ok=(0, 1)
        )
        return running


# Not in the build: `mkdocs serve` would run the linter on every rebuild; the command does.
@rule("ST001", "markdown-style", "A Markdown style problem.", in_build=False, start=_start)
def check(project):
    files = _files(project)
    if not files:
        return []
    # Started by the runner before the other rules; started here when run alone.
    running = project.running.pop("ST001", None) or _start(project)
    findings = json.loads(running.output() or "[]")
    names = _rule_names(project.root) if findings else {}
    found = []
    for item in findings:
        label = " ".join(filter(None, ["rumdl", item["rule"], names.get(item["rule"])]))
        found.append(
            Diagnostic(
                files[Path(item["file"]).as_posix()].path,
                item["line"],
                item["column"],
                "ST001",
                f"{item['message']} ({label})",
            )
        )
    return found


def _rule_names(root):
    """rumdl's name of each of its rules ('MD001': 'heading-increment'), asked only when
    there is something to report."""
    listing = _linters.run("rumdl", ["rule", "--output-format", "json"], root, ok=(0,))
    return {item["code"]: item["name"] for item in json.loads(listing)}
