"""Every rule against its golden cases: at least one failing and one passing case each.

A case gives the same findings from `divergence check --build` and from `mkdocs build
--strict` (one renderer, one verdict): source rules run in both, the rules that read
HTML only where MkDocs renders it.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from divergence.checks import RULES, Project, run_rules
from divergence.checks.cli import main
from golden import load_cases, write_case
from sitebuild import build_site

CASES = load_cases()
RULES_BY_CODE = {rule.code: rule for rule in RULES}


def _command(config_file: Path, code: str, capsys, *, build: bool) -> list[str]:
    """`divergence check [--build]` run on the case: its lines for ``code``."""
    main(["-f", str(config_file), *(["--build"] if build else [])])
    out = capsys.readouterr().out
    return [line for line in out.splitlines() if f": {code} " in line]


@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
def test_golden_case(case, tmp_path: Path, capsys, monkeypatch):
    rule = RULES_BY_CODE[case.code]
    config_file = write_case(tmp_path / "project", case)
    monkeypatch.chdir(config_file.parent)
    if rule.needs == "source" and not case.build:
        project = Project.load(config_file)
        assert [str(d) for d in run_rules(project, [rule])] == case.diagnostics
        # The command without --build gives the same, among the other rules' findings.
        assert _command(config_file, case.code, capsys, build=False) == case.diagnostics
    if rule.in_build:
        site = build_site(config_file, tmp_path / "site")
        found = [line.removeprefix("WARNING:") for line in site.logs if f": {case.code} " in line]
        assert found == case.diagnostics, "mkdocs build --strict"
        assert _command(config_file, case.code, capsys, build=True) == found, (
            "divergence check --build"
        )
    else:
        assert rule.needs == "source", f"{case.code} reads HTML but does not run in the build"


def test_every_rule_has_a_failing_and_a_passing_case():
    for code in RULES_BY_CODE:
        mine = [case for case in CASES if case.code == code]
        assert any(case.diagnostics for case in mine), f"{code} has no failing case"
        assert any(not case.diagnostics for case in mine), f"{code} has no passing case"
    assert {case.code for case in CASES} <= set(RULES_BY_CODE)
