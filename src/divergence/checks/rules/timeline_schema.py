"""TL003: A timeline event has a missing, unknown or malformed field

Read from data/timeline.yml by divergence.site.timeline.
"""

from divergence.checks.registry import rule


@rule("TL003", "timeline-schema", "A timeline event has a missing, unknown or malformed field.")
def check(project):
    timeline = project.timeline
    return [d for d in timeline.diagnostics if d.code == "TL003"] if timeline else []
