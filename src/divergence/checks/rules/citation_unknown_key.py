"""CT001: a citation key that data/references.bib does not have.

mkdocs-bibtex warns about it without naming the page; this names page, line and column.
"""

from divergence.checks import scan
from divergence.checks.registry import rule
from divergence.site.diagnostics import Diagnostic, did_you_mean


@rule("CT001", "citation-unknown-key", "A citation key is not in the bibliography.")
def check(project):
    bibliography = project.bibliography
    if bibliography is None:
        return
    # Included text is cited on every page that includes it: check it where it is written.
    for page in [*project.pages, *project.includes]:
        for citation in scan.citations(page):
            if citation.key not in bibliography.entries:
                yield Diagnostic(
                    page.path,
                    citation.line,
                    citation.col,
                    "CT001",
                    f"unknown citation key '{citation.key}'"
                    f"{did_you_mean(citation.key, bibliography.entries)}; "
                    f"add the work to {bibliography.path} or fix the key",
                )
    # The sources of glossary terms and people, checked where the data file names them.
    yield from (d for d in project.glossary.diagnostics if d.code == "CT001")
    if project.timeline is not None:
        yield from (d for d in project.timeline.diagnostics if d.code == "CT001")
