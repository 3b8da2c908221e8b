"""CT003: data/references.bib has an entry that cannot be read."""

from divergence.checks.registry import rule
from divergence.site.diagnostics import Diagnostic


@rule("CT003", "bibliography-syntax", "The bibliography has an entry that cannot be read.")
def check(project):
    bibliography = project.bibliography
    if bibliography is None:
        if project.bib_path is not None and not project.bib_path.is_file():
            yield Diagnostic(
                "mkdocs.yml", 1, 1, "CT003", f"bib_file '{project.bib_path.name}' does not exist"
            )
        return
    for problem in bibliography.problems:
        yield Diagnostic(bibliography.path, problem.line, problem.col, "CT003", problem.message)
