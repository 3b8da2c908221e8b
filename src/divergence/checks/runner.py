"""Run rules over a project and collect every diagnostic, sorted by place."""

from __future__ import annotations

from collections.abc import Iterable

from divergence.checks.project import Project
from divergence.checks.registry import Rule
from divergence.site.diagnostics import Diagnostic


def run_rules(project: Project, rules: Iterable[Rule]) -> list[Diagnostic]:
    """Every problem the rules find, once each, in file and line order."""
    rules = list(rules)
    for rule in rules:
        if rule.start is not None:
            rule.start(project)
    return sorted({d for rule in rules for d in rule.check(project)})
