"""CT002: a bibliography entry that no page cites (a dead or forgotten source)."""

from divergence.checks import scan
from divergence.checks.registry import rule
from divergence.diagnostics import Diagnostic


@rule("CT002", "citation-unused-entry", "A bibliography entry is cited by no page.")
def check(project):
    bibliography = project.bibliography
    # Only a run over the whole site knows that nothing cites an entry.
    if bibliography is None or project.partial:
        return
    cited = {c.key for page in project.all_pages for c in scan.citations(page)}
    for entry in bibliography.entries.values():
        if entry.key not in cited:
            yield Diagnostic(
                bibliography.path,
                entry.line,
                entry.col,
                "CT002",
                f"'{entry.key}' is cited by no page; cite it with [@{entry.key}] or remove it",
            )
