"""What a rule is: a stable code and slug, a one-line summary and a function over a project."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from divergence.checks.project import Project
    from divergence.site.diagnostics import Diagnostic

# What a rule reads: the Markdown and data sources, each page rendered to HTML, or the
# built site (available only inside `mkdocs build`).
Needs = Literal["source", "html", "site"]


@dataclass(frozen=True)
class Rule:
    """One check, documented under ``## CODE slug`` in docs/contributing/checks.md."""

    code: str
    slug: str
    summary: str
    check: Callable[[Project], Iterable[Diagnostic]]
    needs: Needs = "source"
    # False where the build already reports the same problem (MkDocs' own link
    # validation), or where a rule runs an external linter kept out of every rebuild.
    in_build: bool = True
    # Starts work that runs in another process (an external linter) before any rule
    # runs, so that it goes on beside them; ``check`` then collects its result.
    start: Callable[[Project], None] | None = None


def rule(
    code: str,
    slug: str,
    summary: str,
    *,
    needs: Needs = "source",
    in_build: bool = True,
    start: Callable[[Project], None] | None = None,
):
    """Make the decorated ``check(project)`` function a :class:`Rule`."""

    def wrap(check: Callable[[Project], Iterable[Diagnostic]]) -> Rule:
        return Rule(code, slug, summary, check, needs, in_build, start)

    return wrap
