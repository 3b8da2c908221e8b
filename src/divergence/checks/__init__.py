"""Editors' checks: one library of rules, run by `divergence check` and inside `mkdocs build`.

Every finding is a :class:`~divergence.site.diagnostics.Diagnostic` printed as
``path:line:col: CODE message``; the catalogue is docs/contributing/checks.md.
"""

from divergence.checks.project import Project
from divergence.checks.rules import RULES
from divergence.checks.runner import run_rules

__all__ = ["RULES", "Project", "run_rules"]
