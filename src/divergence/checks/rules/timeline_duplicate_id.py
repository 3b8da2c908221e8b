"""TL001: Two timeline events have the same id

Read from data/timeline.yml by divergence.site.timeline.
"""

from divergence.checks.registry import rule


@rule("TL001", "timeline-duplicate-id", "Two timeline events have the same id.")
def check(project):
    timeline = project.timeline
    return [d for d in timeline.diagnostics if d.code == "TL001"] if timeline else []
