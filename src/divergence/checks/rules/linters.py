"""The external linters: Markdown style by rumdl (ST001) and spelling by typos (SP001).

rumdl and typos are Rust programs that their Python packages install beside the
interpreter (``bin/`` or, on Windows, ``Scripts/``); each runs once over all the files
to check, as a plain subprocess, started before the other rules so that it runs beside
them. rumdl reads .rumdl.toml, which turns off what Material's syntax legitimately does;
our code is ST001 for every rumdl finding and the message ends with rumdl's own rule id
and name, so the two never mix. typos knows common misspellings of English words; the
names of data/people.yml and data/glossary.yml are known words here, so a
transliteration such as "Trotzki" passes once it is an alias there.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

from divergence.checks.registry import rule
from divergence.site.diagnostics import Diagnostic

RUMDL_CONFIG = ".rumdl.toml"
TYPOS_CONFIG = "_typos.toml"


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


def _markdown_files(project):
    return {f.path: f for f in [*project.pages, *project.includes]}


def _start_rumdl(project):
    if _markdown_files(project):
        # The flavour is given too, so a project without .rumdl.toml is still read as
        # MkDocs Markdown.
        arguments = ["check", "--no-cache", "--deny-config-warnings", "--output-format", "json"]
        arguments += ["--flavor", "mkdocs"]
        if (project.root / RUMDL_CONFIG).is_file():
            arguments += ["--config", RUMDL_CONFIG]
        project.running["ST001"] = running = Running(
            "rumdl", [*arguments, *_markdown_files(project)], project.root, ok=(0, 1)
        )
        return running


# Not in the build: `mkdocs serve` would run the linter on every rebuild; the command does.
@rule("ST001", "markdown-style", "A Markdown style problem.", start=_start_rumdl)
def markdown_style(project):
    files = _markdown_files(project)
    if not files:
        return []
    # Started by the runner before the other rules; started here when run alone.
    running = project.running.pop("ST001", None) or _start_rumdl(project)
    findings = json.loads(running.output() or "[]")
    names = _rule_names(project.root) if findings else {}
    found = []
    html_lines = project.reported.get("html-lines", set())
    for item in findings:
        path = files[Path(item["file"]).as_posix()].path
        if item["rule"] == "MD033" and (path, item["line"]) in html_lines:
            continue  # HT001 says what is wrong with this HTML, and how to fix it
        label = " ".join(filter(None, ["rumdl", item["rule"], names.get(item["rule"])]))
        found.append(
            Diagnostic(
                path,
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
    listing = run("rumdl", ["rule", "--output-format", "json"], root, ok=(0,))
    return {item["code"]: item["name"] for item in json.loads(listing)}


def _spelled_files(project):
    return {f.path: f for f in [*project.pages, *project.includes, *project.data_files]}


def _start_typos(project):
    # The names of an unreadable data file are unknown words: YM001 comes first.
    if _spelled_files(project) and not project.unreadable_data:
        arguments = ["--format", "json", "--no-check-filenames"]
        if (project.root / TYPOS_CONFIG).is_file():
            arguments += ["--config", TYPOS_CONFIG]
        # Status 2 means typos found typos.
        project.running["SP001"] = running = Running(
            "typos", [*arguments, *_spelled_files(project)], project.root, ok=(0, 2)
        )
        return running


# Not in the build: `mkdocs serve` would run the linter on every rebuild; the command does.
@rule("SP001", "spelling", "A likely misspelling.", start=_start_typos)
def spelling(project):
    # Started by the runner before the other rules; started here when run alone.
    running = project.running.pop("SP001", None) or _start_typos(project)
    if running is None:
        return []
    files = _spelled_files(project)
    # One JSON object a line.
    output = running.output()
    names = None
    found = []
    for line in output.splitlines():
        item = json.loads(line)
        if item.get("type") != "typo":
            continue
        if names is None:
            from divergence.checks.rules.name_spelling import known_names

            names = {name.casefold() for name in known_names(project)}
        if item["typo"].casefold() in names:
            continue
        source = files[item["path"].replace("\\", "/")]
        found.append(_diagnostic(source, item))
    return found


def _diagnostic(source, item):
    line = item["line_num"]
    text = source.lines[line - 1] if line <= len(source.lines) else ""
    # typos counts bytes into the line; editors count characters.
    col = len(text.encode("utf-8")[: item["byte_offset"]].decode("utf-8", "replace")) + 1
    fixes = " or ".join(f"'{fix}'" for fix in item["corrections"])
    hint = f" (did you mean {fixes}?)" if fixes else ""
    return Diagnostic(
        source.path,
        line,
        col,
        "SP001",
        f"'{item['typo']}' may be misspelt{hint}; if it is a name, add it to the aliases in "
        f"data/people.yml or data/glossary.yml, if another real word, to {TYPOS_CONFIG}",
    )
