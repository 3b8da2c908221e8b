"""Read a page's YAML front matter with the line and column of every top-level key.

MkDocs hands plugins ``page.meta`` without positions; editors need ``path:line:col``, so
the checks re-read the source text and keep the YAML node marks.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import yaml

# libyaml's loader where PyYAML was built with it: several times faster on the data files.
FastLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def compose(text: str) -> yaml.Node | None:
    """Compose YAML quickly; on an error, raise the pure-Python parser's clearer message."""
    try:
        return yaml.compose(text, Loader=FastLoader)
    except yaml.YAMLError:
        return yaml.compose(text, Loader=yaml.SafeLoader)


def load(text: str):
    """yaml.safe_load, fast; on an error, raise the pure-Python parser's clearer message."""
    try:
        return yaml.load(text, Loader=FastLoader)
    except yaml.YAMLError:
        return yaml.safe_load(text)


def mapping(node) -> dict:
    """{key: (key node, value node)} of a YAML mapping node ({} for anything else)."""
    if not isinstance(node, yaml.MappingNode):
        return {}
    return {str(key.value): (key, value) for key, value in node.value}


def construct(node: yaml.Node):
    """The Python value of a composed YAML node, as yaml.safe_load would give it."""
    return yaml.constructor.SafeConstructor().construct_object(node, deep=True)


# The same delimiters MkDocs' own meta parser accepts: '---' then '---' or '...'.
_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?\r?\n)?(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.S)


@dataclass(frozen=True)
class Field:
    """A front-matter value and where it stands (1-based)."""

    value: object
    line: int
    col: int


@dataclass(frozen=True)
class FrontMatter:
    """The top-level keys of a page's front matter, and where the block ends."""

    fields: dict[str, Field] = field(default_factory=dict)
    # Line of the closing delimiter (or 1 when the page has no front matter), so a
    # missing key can be reported where it should be added.
    end_line: int = 1
    present: bool = False


def read_front_matter(source: str) -> FrontMatter:
    """Parse the front matter of ``source``; YAML errors propagate to the caller."""
    match = _FRONT_MATTER.match(source)
    if not match:
        return FrontMatter()
    body = match.group(1) or ""
    end_line = source[: match.end()].rstrip("\r\n").count("\n") + 1
    node = compose(body)
    if not isinstance(node, yaml.MappingNode):
        return FrontMatter(end_line=end_line, present=True)
    fields = {}
    for key_node, value_node in node.value:
        value = construct(value_node)
        # +2: one for 1-based lines, one for the opening '---' line.
        mark = value_node.start_mark
        fields[str(key_node.value)] = Field(value, mark.line + 2, mark.column + 1)
    return FrontMatter(fields=fields, end_line=end_line, present=True)


def yaml_error_position(error: yaml.YAMLError, first_line: int = 1) -> tuple[int, int, str]:
    """Line, column and a one-line description of a YAML error.

    ``first_line`` is the file line on which the parsed text starts (2 for front matter,
    which starts after the opening ``---``), so positions point into the file.
    """
    mark = getattr(error, "problem_mark", None)
    line, col = (mark.line + first_line, mark.column + 1) if mark else (first_line, 1)
    problem = getattr(error, "problem", None) or str(error).splitlines()[0]
    context = getattr(error, "context", None)
    context_mark = getattr(error, "context_mark", None)
    if context and context_mark:
        problem += f" ({context} at line {context_mark.line + first_line})"
    return line, col, problem
