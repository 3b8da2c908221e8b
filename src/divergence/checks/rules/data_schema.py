"""DA004: A glossary or people entry has a missing, unknown or malformed field.

Read from data/glossary.yml and data/people.yml by divergence.site.glossary.
"""

from divergence.checks.registry import rule


@rule(
    "DA004", "data-schema", "A glossary or people entry has a missing, unknown or malformed field."
)
def check(project):
    return [d for d in project.glossary.diagnostics if d.code == "DA004"]
