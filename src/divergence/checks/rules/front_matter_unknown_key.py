"""FM004: a front-matter key that is not part of the page schema (often a typo)."""

from divergence.checks.registry import rule
from divergence.checks.schema import ALLOWED_KEYS
from divergence.site.diagnostics import Diagnostic, did_you_mean
from divergence.site.frontmatter import FrontMatter


@rule("FM004", "front-matter-unknown-key", "A front-matter key is not part of the page schema.")
def check(project):
    for page in project.pages:
        front = page.front_matter
        if not isinstance(front, FrontMatter):
            continue
        for key, field in front.fields.items():
            if key not in ALLOWED_KEYS:
                yield Diagnostic(
                    page.path,
                    field.line,
                    1,
                    "FM004",
                    f"unknown front-matter key '{key}'{did_you_mean(key, ALLOWED_KEYS)}; "
                    f"allowed keys: {', '.join(ALLOWED_KEYS)}",
                )
