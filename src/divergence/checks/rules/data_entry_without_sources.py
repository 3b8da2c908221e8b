"""DA003: A term or person cites no source.

Read from data/glossary.yml and data/people.yml by divergence.site.glossary.
"""

from divergence.checks.registry import rule


@rule("DA003", "entry-without-sources", "A term or person cites no source.")
def check(project):
    return [d for d in project.glossary.diagnostics if d.code == "DA003"]
