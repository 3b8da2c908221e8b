"""FM002: a required front-matter key is missing."""

from divergence.checks.registry import rule
from divergence.checks.schema import REQUIRED_KEYS
from divergence.site.diagnostics import Diagnostic
from divergence.site.frontmatter import FrontMatter
from divergence.site.tracks import TRACKS

_WHAT = {
    "description": "one sentence of plain text for search engines and link previews",
    "track": "one of: " + ", ".join(TRACKS),
}


@rule("FM002", "front-matter-required", "A required front-matter key is missing.")
def check(project):
    for page in project.pages:
        front = page.front_matter
        if not isinstance(front, FrontMatter):
            continue
        for key in REQUIRED_KEYS:
            if key not in front.fields:
                yield Diagnostic(
                    page.path,
                    front.end_line,
                    1,
                    "FM002",
                    f"front matter has no '{key}'; add '{key}: ...' ({_WHAT[key]})",
                )
