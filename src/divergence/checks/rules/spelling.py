"""SP001: a likely misspelling, found by typos, in pages, snippets and data files.

typos knows common misspellings of English words. The names of data/people.yml and
data/glossary.yml are known words here, so a transliteration such as "Trotzki" passes
once it is an alias there; other words typos takes for typos go in _typos.toml.
"""

import json

from divergence.checks.registry import rule
from divergence.checks.rules import _linters
from divergence.checks.rules.name_spelling import known_names
from divergence.site.diagnostics import Diagnostic

CONFIG = "_typos.toml"


def _files(project):
    return {f.path: f for f in [*project.pages, *project.includes, *project.data_files]}


def _start(project):
    if _files(project):
        arguments = ["--format", "json", "--no-check-filenames"]
        if (project.root / CONFIG).is_file():
            arguments += ["--config", CONFIG]
        # Status 2 means typos found typos.
        project.running["SP001"] = running = _linters.Running(
            "typos", [*arguments, *_files(project)], project.root, ok=(0, 2)
        )
        return running


# Not in the build: `mkdocs serve` would run the linter on every rebuild; the command does.
@rule("SP001", "spelling", "A likely misspelling.", in_build=False, start=_start)
def check(project):
    files = _files(project)
    if not files:
        return []
    # Started by the runner before the other rules; started here when run alone.
    running = project.running.pop("SP001", None) or _start(project)
    # One JSON object a line.
    output = running.output()
    names = None
    found = []
    for line in output.splitlines():
        item = json.loads(line)
        if item.get("type") != "typo":
            continue
        if names is None:
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
        f"data/people.yml or data/glossary.yml, if another real word, to {CONFIG}",
    )
