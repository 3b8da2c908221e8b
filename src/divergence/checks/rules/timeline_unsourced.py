"""TL005: An actual event has no sources

Read from data/timeline.yml by divergence.site.timeline.
"""

from divergence.checks.registry import rule


@rule("TL005", "timeline-unsourced", "An actual event has no sources.")
def check(project):
    timeline = project.timeline
    return [d for d in timeline.diagnostics if d.code == "TL005"] if timeline else []
