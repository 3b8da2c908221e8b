"""YM001: a data file that YAML cannot parse, reported at the line of the error."""

import yaml

from divergence.checks.registry import rule
from divergence.site.diagnostics import Diagnostic
from divergence.site.frontmatter import load, yaml_error_position


@rule("YM001", "data-yaml", "A data file is not valid YAML.")
def check(project):
    for source in project.data_files:
        if not source.path.endswith((".yml", ".yaml")):
            continue
        try:
            load(source.text)
        except yaml.YAMLError as error:
            line, col, problem = yaml_error_position(error, first_line=1)
            yield Diagnostic(source.path, line, col, "YM001", f"not valid YAML: {problem}")
