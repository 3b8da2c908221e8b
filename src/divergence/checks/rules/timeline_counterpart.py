"""TL004: An alternate event names no actual event it replaces, or a wrong one

Read from data/timeline.yml by divergence.site.timeline.
"""

from divergence.checks.registry import rule


@rule(
    "TL004",
    "timeline-counterpart",
    "An alternate event names no actual event it replaces, or a wrong one.",
)
def check(project):
    timeline = project.timeline
    return [d for d in timeline.diagnostics if d.code == "TL004"] if timeline else []
