"""Every rule against its golden cases: at least one failing and one passing case each."""

from __future__ import annotations

from pathlib import Path

import pytest

from divergence.checks import RULES, Project, run_rules
from divergence.checks.render import markdown_renderer
from golden import load_cases, write_case
from sitebuild import build_site

CASES = load_cases()
RULES_BY_CODE = {rule.code: rule for rule in RULES}


@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
def test_golden_case(case, tmp_path: Path):
    config_file = write_case(tmp_path / "project", case)
    if case.build:
        site = build_site(config_file, tmp_path / "site")
        prefix = "WARNING:"
        found = [line.removeprefix(prefix) for line in site.logs if f": {case.code} " in line]
    else:
        project = Project.load(config_file)
        project.renderer = markdown_renderer(project)
        found = [str(d) for d in run_rules(project, [RULES_BY_CODE[case.code]])]
    assert found == case.diagnostics


def test_every_rule_has_a_failing_and_a_passing_case():
    for code in RULES_BY_CODE:
        mine = [case for case in CASES if case.code == code]
        assert any(case.diagnostics for case in mine), f"{code} has no failing case"
        assert any(not case.diagnostics for case in mine), f"{code} has no passing case"
    assert {case.code for case in CASES} <= set(RULES_BY_CODE)
