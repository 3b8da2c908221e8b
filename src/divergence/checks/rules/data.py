"""The data files: what the site model found reading them, as one table of codes.

The loaders of ``divergence.site`` (glossary.py, timeline.py) read data/glossary.yml,
data/people.yml and data/timeline.yml once a build and give every problem with its
position; each row below makes one code of theirs a rule. Only the anchors of the
timeline's pages (TL006) need the built HTML.
"""

from __future__ import annotations

import yaml

from divergence.checks.registry import Rule, rule
from divergence.site.diagnostics import Diagnostic, did_you_mean
from divergence.site.frontmatter import load, yaml_error_position


def _glossary(project):
    return project.glossary.diagnostics


def _timeline(project):
    return project.timeline.diagnostics if project.timeline is not None else []


# code, slug, summary, where the model reports it.
_TABLE = (
    (
        "DA001",
        "duplicate-id",
        "An id is used by two entries of the glossary or people data.",
        _glossary,
    ),
    ("DA002", "alias-clash", "A name or alias is claimed by two entries.", _glossary),
    ("DA003", "entry-without-sources", "A term or person cites no source.", _glossary),
    (
        "DA004",
        "data-schema",
        "A glossary or people entry has a missing, unknown or malformed field.",
        _glossary,
    ),
    (
        "DA005",
        "undefined-reference",
        "An entry refers to a term or person that is defined nowhere.",
        _glossary,
    ),
    ("TL001", "timeline-duplicate-id", "Two timeline events have the same id.", _timeline),
    (
        "TL002",
        "timeline-before-divergence",
        "An alternate event is dated before the point of divergence.",
        _timeline,
    ),
    (
        "TL003",
        "timeline-schema",
        "A timeline event has a missing, unknown or malformed field.",
        _timeline,
    ),
    (
        "TL004",
        "timeline-counterpart",
        "An alternate event names no actual event it replaces, or a wrong one.",
        _timeline,
    ),
    ("TL005", "timeline-unsourced", "An actual event has no sources.", _timeline),
)


def _model_rule(code, slug, summary, source) -> Rule:
    def check(project):
        return [d for d in source(project) if d.code == code]

    return Rule(code, slug, summary, check)


MODEL_RULES = {row[0]: _model_rule(*row) for row in _TABLE}


@rule("YM001", "data-yaml", "A data file is not valid YAML.")
def yaml_syntax(project):
    """One finding a file, at the line of the error; the rules that read the file's
    entries stand down (it has none to read), and its generated page says why."""
    found = {d.path: d for d in [*_glossary(project), *_timeline(project)] if d.code == "YM001"}
    for source in project.data_files:
        if not source.path.endswith((".yml", ".yaml")):
            continue
        if source.path in found:
            yield found[source.path]
            continue
        if source.path in project.site.texts:
            continue  # read by the model without a problem
        try:
            load(source.text)
        except yaml.YAMLError as error:
            line, col, problem = yaml_error_position(error, first_line=1)
            yield Diagnostic(source.path, line, col, "YM001", f"not valid YAML: {problem}")


@rule(
    "TL006",
    "timeline-page-anchor",
    "A timeline event's page has no such anchor.",
)
def page_anchor(project):
    timeline = project.timeline
    if timeline is None:
        return
    for event in timeline.events:
        path, _, fragment = (event.page or "").partition("#")
        ids = project.anchors(path) if fragment else None
        if ids is None or fragment in ids:
            continue
        # The links to it on the timeline's pages are this mistake, not another (LK003).
        project.reported.setdefault("link-targets", set()).add((path, fragment))
        yield Diagnostic(
            "data/timeline.yml",
            event.lines.get("page", event.line),
            1,
            "TL006",
            f"event '{event.id}': '{path}' has no anchor '#{fragment}'"
            f"{did_you_mean(fragment, ids)}; use the id of one of its headings",
        )
