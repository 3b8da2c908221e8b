"""TL002: An alternate event is dated before the point of divergence

Read from data/timeline.yml by divergence.site.timeline.
"""

from divergence.checks.registry import rule


@rule(
    "TL002",
    "timeline-before-divergence",
    "An alternate event is dated before the point of divergence.",
)
def check(project):
    timeline = project.timeline
    return [d for d in timeline.diagnostics if d.code == "TL002"] if timeline else []
