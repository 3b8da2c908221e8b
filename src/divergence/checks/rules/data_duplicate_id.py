"""DA001: An id is used by two entries of the glossary or people data.

Read from data/glossary.yml and data/people.yml by divergence.site.glossary.
"""

from divergence.checks.registry import rule


@rule("DA001", "duplicate-id", "An id is used by two entries of the glossary or people data.")
def check(project):
    return [d for d in project.glossary.diagnostics if d.code == "DA001"]
