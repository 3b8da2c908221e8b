"""SP001: a likely misspelling, found by codespell, in pages and data files.

Names and transliterations that codespell takes for typos go in .codespell-words.txt.
"""

import contextlib
import io
import re

from divergence.checks import cache
from divergence.checks.registry import rule
from divergence.checks.rules._codespell_speed import dictionary_for
from divergence.site.diagnostics import Diagnostic

WORD_LIST = ".codespell-words.txt"
_FINDING = re.compile(r"^(?P<path>.+?):(?P<line>\d+): (?P<word>.+?) ==> (?P<fix>.+)$")


# A whole-dictionary scan on every rebuild would slow `mkdocs serve`; run by the command.
@rule("SP001", "spelling", "A likely misspelling.", in_build=False, slow=True)
def check(project):
    files = [*project.pages, *project.includes, *project.data_files]
    if not files:
        return []
    word_list = project.root / WORD_LIST
    if not project.use_cache:
        # No salt to compute: importlib.metadata alone is a twentieth of a second.
        return _spell(word_list, files)
    from importlib.metadata import version

    salt = cache.salt_of("codespell", version("codespell"), files=[word_list])
    return cache.per_file(
        project.root,
        "SP001",
        salt,
        files,
        lambda stale: _spell(word_list, stale),
        enabled=project.use_cache,
    )


def _spell(word_list, sources):
    # Imported here, in the rule's own process when `divergence check` forks it.
    from codespell_lib import main as codespell

    files = {str(f.abs_path): f for f in sources}
    arguments = ["--disable-colors", *files]
    if word_list.is_file():
        arguments[:0] = ["--ignore-words", str(word_list)]
    output = io.StringIO()
    with contextlib.redirect_stdout(output), dictionary_for(f.text for f in sources):
        codespell(*arguments)
    return [
        _diagnostic(files[finding.group("path")], finding)
        for finding in map(_FINDING.match, output.getvalue().splitlines())
        if finding and finding.group("path") in files
    ]


def _diagnostic(source, finding):
    line, word = int(finding.group("line")), finding.group("word")
    text = source.lines[line - 1] if line <= len(source.lines) else ""
    hit = re.search(rf"\b{re.escape(word)}\b", text)
    return Diagnostic(
        source.path,
        line,
        hit.start() + 1 if hit else 1,
        "SP001",
        f"'{word}' may be misspelt (did you mean '{finding.group('fix')}'?); if it is "
        f"a real name or term, add it in lower case to {WORD_LIST}",
    )
