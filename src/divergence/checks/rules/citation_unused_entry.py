"""CT002: a bibliography entry that no page cites (a dead or forgotten source)."""

from divergence.checks import scan
from divergence.checks.registry import rule
from divergence.site.diagnostics import Diagnostic


@rule("CT002", "citation-unused-entry", "A bibliography entry is cited by no page.")
def check(project):
    bibliography = project.bibliography
    # Only a run over the whole site knows that nothing cites an entry.
    if bibliography is None or project.partial:
        return
    sources = [*project.all_pages, *project.includes]
    cited = {c.key for page in sources for c in scan.citations(page)}
    # Glossary and people entries cite their sources on the generated pages.
    cited |= {key for entry in project.glossary.entries for key in entry.sources}
    if project.timeline is not None:
        cited |= {key for event in project.timeline.events for key in event.sources}
    for entry in bibliography.entries.values():
        if entry.key not in cited:
            yield Diagnostic(
                bibliography.path,
                entry.line,
                entry.col,
                "CT002",
                f"'{entry.key}' is cited by no page; cite it with [@{entry.key}] or remove it",
            )
