"""MD001: Markdown style, checked by pymarkdownlnt with a Material-aware configuration.

The configuration (.pymarkdown.json) turns off what Material's syntax legitimately does:
long prose lines, indented admonition bodies, md_in_html blocks.
"""

import logging
import os
from pathlib import Path

from divergence.checks import cache
from divergence.checks.registry import rule
from divergence.checks.rules import _pymarkdown_speed
from divergence.checks.runner import fork_map
from divergence.site.diagnostics import Diagnostic

CONFIG = ".pymarkdown.json"
# pymarkdownlnt is slow (about 20 ms for a short page): share pages among the cores.
_SHARDS = max(1, min(os.cpu_count() or 1, 4))


# A second Markdown parser on every rebuild would slow `mkdocs serve`; run by the command.
@rule("MD001", "markdown-style", "A Markdown style problem.", in_build=False, slow=True)
def check(project):
    if not project.pages:
        return []
    if not project.use_cache:
        # No salt to compute: importlib.metadata alone is a twentieth of a second.
        return _lint_in_shards(project.root, project.pages)
    from importlib.metadata import version

    salt = cache.salt_of("pymarkdownlnt", version("pymarkdownlnt"), files=[project.root / CONFIG])
    return cache.per_file(
        project.root,
        "MD001",
        salt,
        project.pages,
        lambda pages: _lint_in_shards(project.root, pages),
        enabled=project.use_cache,
    )


def _lint_in_shards(root, pages):
    # Importing pymarkdownlnt takes a fifth of a second, and its first scan loads its rule
    # plugins and tables: both are paid once, on the smallest page, before the shards fork.
    from pymarkdown.api import PyMarkdownApi  # noqa: F401

    logging.getLogger("pymarkdown").setLevel(logging.CRITICAL)
    pages = sorted(pages, key=lambda p: len(p.lines))
    found = _lint(root, pages[:1])
    shards = [shard for shard in _balanced(pages[1:], _SHARDS) if shard]
    if len(shards) == 1:
        return found + _lint(root, shards[0])
    return found + fork_map(lambda shard: _lint(root, shard), shards)


def _balanced(pages, count):
    """Share pages so each shard gets about the same work, largest first.

    With its debug formatting made cheap (see _lint), pymarkdownlnt's time grows with a
    page's length; the check catalogue alone is a fifth of the site.
    """
    shards = [[] for _ in range(count)]
    loads = [0] * count
    for page in sorted(pages, key=lambda p: len(p.lines), reverse=True):
        lightest = loads.index(min(loads))
        shards[lightest].append(page)
        loads[lightest] += len(page.lines)
    return shards


def _lint(root, pages):
    from pymarkdown.api import PyMarkdownApi
    from pymarkdown.main import PyMarkdownLint

    _pymarkdown_speed.apply()

    by_path = {str(page.abs_path.resolve()): page for page in pages}
    # One scan of all the shard's pages: the API's scan_path sets up the parser, its
    # plugins and the entity table again for every file, a third of the time on our pages.
    arguments = ["--return-code-scheme", "explicit", "--log-level", "CRITICAL"]
    if (root / CONFIG).is_file():
        arguments += ["--config", str(root / CONFIG)]
    presentation = PyMarkdownApi.ApiPresentation()
    try:
        PyMarkdownLint(presentation=presentation).main([*arguments, "scan", *by_path])
        status = 0
    except SystemExit as stop:
        status = stop.code
    if status not in (_SUCCESS, _FOUND_PROBLEMS):
        # A page the linter cannot parse stops the whole scan: find which, one at a time.
        return _lint_each(root, by_path)
    return [
        _diagnostic(by_path[str(Path(failure.scan_file).resolve())], failure)
        for failure in presentation.scan_failures
    ]


# pymarkdownlnt's "explicit" exit codes that mean the scan ran to the end.
_SUCCESS, _FOUND_PROBLEMS = 0, 4


def _lint_each(root, by_path):
    from pymarkdown.api import PyMarkdownApi, PyMarkdownApiException

    api = PyMarkdownApi().log_critical_and_above()
    if (root / CONFIG).is_file():
        api.configuration_file_path(str(root / CONFIG))
    diagnostics = []
    for abs_path, page in by_path.items():
        try:
            result = api.scan_path(abs_path)
        except PyMarkdownApiException as error:
            diagnostics.append(Diagnostic(page.path, 1, 1, "MD001", f"cannot be linted: {error}"))
            continue
        diagnostics += [_diagnostic(page, failure) for failure in result.scan_failures]
    return diagnostics


def _diagnostic(page, failure):
    name = failure.rule_name.split(",")[0]
    extra = (failure.extra_error_information or "").strip()
    extra = f" {extra}" if extra else ""
    return Diagnostic(
        page.path,
        failure.line_number,
        failure.column_number,
        "MD001",
        f"{failure.rule_id.upper()} {name}: {failure.rule_description.strip()}{extra}",
    )
