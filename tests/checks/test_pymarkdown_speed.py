"""MD001's speed-ups of pymarkdownlnt leave every finding as the unpatched linter has it."""

import contextlib
import inspect
import json
import subprocess
import sys
from pathlib import Path

import pytest

from divergence.checks.project import Project
from divergence.checks.rules import markdown_style

ROOT = Path(__file__).resolve().parents[2]

# The unpatched linter, in a fresh interpreter: the patches change classes process-wide.
# Only the cheap repr() of tokens is kept (debug text, not findings): unpatched, the
# site's long pages take seconds more.
_UNPATCHED = """
import json, sys
from pymarkdown.api import PyMarkdownApi
from pymarkdown.main import PyMarkdownLint
from pymarkdown.tokens.markdown_token import MarkdownToken
from divergence.checks.rules._pymarkdown_speed import cheap_repr

MarkdownToken.__repr__ = cheap_repr

config, *paths = sys.argv[1:]
presentation = PyMarkdownApi.ApiPresentation()
try:
    PyMarkdownLint(presentation=presentation).main(
        ["--return-code-scheme", "explicit", "--log-level", "CRITICAL", "--config", config,
         "scan", *paths]
    )
except SystemExit:
    pass
print(json.dumps(sorted(
    [f.scan_file, f.line_number, f.column_number, f.rule_id, f.extra_error_information or ""]
    for f in presentation.scan_failures
)))
"""


def _page_of_mistakes(tmp_path: Path) -> Path:
    mistakes = tmp_path / "mistakes.md"
    mistakes.write_text(
        "# Title\n## No blank line\n\n\n* star\n- dash\n\n1. one\n3. three\n\n"
        "> quote\n>\n>     code in quote\n\nSee http://example.com\tnow   \n\n"
        "```\nno language\n```\n<script>x</script>\n\n- [ ] task\n    - nested\n"
        "        - deeper\n\n| a | b |\n|---|---|\n| 1 |\n",
        encoding="utf-8",
    )
    return mistakes


def test_the_sites_pages_and_a_page_of_mistakes_get_the_same_findings(tmp_path):
    mistakes = _page_of_mistakes(tmp_path)
    pages = Project.load(ROOT / "mkdocs.yml").pages
    paths = [str(page.abs_path) for page in pages] + [str(mistakes)]
    unpatched = subprocess.run(
        [sys.executable, "-c", _UNPATCHED, str(ROOT / markdown_style.CONFIG), *paths],
        capture_output=True,
        text=True,
        check=True,
    )
    expected = json.loads(unpatched.stdout)
    assert any(path == str(mistakes) for path, *_ in expected)

    from pymarkdown.api import PyMarkdownApi
    from pymarkdown.main import PyMarkdownLint

    markdown_style._lint(ROOT, pages[:1])  # applies the patches
    presentation = PyMarkdownApi.ApiPresentation()
    arguments = ["--return-code-scheme", "explicit", "--log-level", "CRITICAL"]
    arguments += ["--config", str(ROOT / markdown_style.CONFIG), "scan", *paths]
    with contextlib.suppress(SystemExit):  # how it reports its exit code
        PyMarkdownLint(presentation=presentation).main(arguments)
    patched = sorted(
        [f.scan_file, f.line_number, f.column_number, f.rule_id, f.extra_error_information or ""]
        for f in presentation.scan_failures
    )
    assert patched == expected


def test_a_token_class_with_a_name_of_its_own_gives_every_token_that_name(tmp_path):
    """What makes a class's name tests constants (_name_tests_as_constants) holds for
    every token of the site and the page of mistakes; classes without a name of their
    own (the end tokens, special text) keep the tests that read each token's name."""
    from pymarkdown.tokens.markdown_token import MarkdownToken

    pages = Project.load(ROOT / "mkdocs.yml").pages
    markdown_style._lint(ROOT, pages[:1])  # applies the patches
    tokens = []
    original_init = MarkdownToken.__init__

    def recording_init(self, *args, **kwargs):
        original_init(self, *args, **kwargs)
        tokens.append(self)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(MarkdownToken, "__init__", recording_init)
        markdown_style._lint(ROOT, [*pages, _Page(_page_of_mistakes(tmp_path))])
    classes = {type(token) for token in tokens}
    assert len(tokens) > 5000 and len(classes) > 15
    for token in tokens:
        own_name = vars(type(token)).get("get_markdown_token_type")
        if own_name is not None:
            assert own_name.__func__() == token.token_name, type(token).__name__
    for cls in classes:
        test = inspect.getattr_static(cls, "is_paragraph")
        if "get_markdown_token_type" in vars(cls):
            assert test is (cls.get_markdown_token_type() == "para"), cls.__name__
        else:
            assert isinstance(test, property), cls.__name__
    assert {"EndMarkdownToken", "SpecialTextMarkdownToken"} <= {c.__name__ for c in classes}


class _Page:
    """What _lint needs of a page outside the site."""

    def __init__(self, path: Path) -> None:
        self.abs_path = path
        self.path = path.name


def test_written_for_the_pinned_pymarkdownlnt():
    # With another version the patches are left out (slower, still correct): this says
    # so when requirements.lock moves, so that they are checked again or removed.
    from pymarkdown.version import __version__

    from divergence.checks.rules import _pymarkdown_speed

    assert __version__ == _pymarkdown_speed.VERSION
