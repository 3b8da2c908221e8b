"""FM003: a front-matter value that is not allowed for the page."""

from divergence.checks.registry import rule
from divergence.checks.schema import allowed_tracks
from divergence.site.claims import STATUSES
from divergence.site.diagnostics import Diagnostic, did_you_mean
from divergence.site.frontmatter import FrontMatter
from divergence.site.tracks import TRACKS


@rule("FM003", "front-matter-value", "A front-matter value is not allowed for the page.")
def check(project):
    for page in project.pages:
        front = page.front_matter
        if not isinstance(front, FrontMatter):
            continue
        if (track := front.fields.get("track")) is not None:
            page_type, tracks = allowed_tracks(page.docs_path)
            value = str(track.value)
            if track.value not in TRACKS:
                message = (
                    f"unknown track '{value}'{did_you_mean(value, TRACKS)}; "
                    f"use one of: {', '.join(tracks)}"
                )
            elif track.value not in tracks:
                message = f"an {page_type} cannot have track '{value}'; use one of: " + ", ".join(
                    tracks
                )
            else:
                message = None
            if message:
                yield Diagnostic(page.path, track.line, track.col, "FM003", message)
        status = front.fields.get("status")
        if status is not None and not (isinstance(status.value, str) and status.value in STATUSES):
            kinds = ", ".join(STATUSES)
            if isinstance(status.value, str):
                message = (
                    f"unknown claim status '{status.value}'"
                    f"{did_you_mean(status.value, STATUSES)}; use one of: {kinds}"
                )
            else:
                message = f"'status' must be one word, one of: {kinds}"
            yield Diagnostic(page.path, status.line, status.col, "FM003", message)
        description = front.fields.get("description")
        if description is not None and not (
            isinstance(description.value, str) and description.value.strip()
        ):
            yield Diagnostic(
                page.path,
                description.line,
                description.col,
                "FM003",
                "'description' must be one sentence of plain text (the page's meta description)",
            )
