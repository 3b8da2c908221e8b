"""DA005: An entry refers to a term or person that is defined nowhere.

Read from data/glossary.yml and data/people.yml by divergence.site.glossary.
"""

from divergence.checks.registry import rule


@rule(
    "DA005", "undefined-reference", "An entry refers to a term or person that is defined nowhere."
)
def check(project):
    return [d for d in project.glossary.diagnostics if d.code == "DA005"]
