"""FM001: front matter that YAML cannot parse (MkDocs would show it as page text)."""

from divergence.checks.registry import rule
from divergence.site.diagnostics import Diagnostic
from divergence.site.frontmatter import yaml_error_position


@rule("FM001", "front-matter-yaml", "The page's front matter is not valid YAML.")
def check(project):
    for page in project.pages:
        if isinstance(page.front_matter, Exception):
            line, col, problem = yaml_error_position(page.front_matter, first_line=2)
            yield Diagnostic(
                page.path, line, col, "FM001", f"front matter is not valid YAML: {problem}"
            )
