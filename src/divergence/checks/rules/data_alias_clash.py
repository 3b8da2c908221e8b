"""DA002: A name or alias is claimed by two entries.

Read from data/glossary.yml and data/people.yml by divergence.site.glossary.
"""

from divergence.checks.registry import rule


@rule("DA002", "alias-clash", "A name or alias is claimed by two entries.")
def check(project):
    return [d for d in project.glossary.diagnostics if d.code == "DA002"]
