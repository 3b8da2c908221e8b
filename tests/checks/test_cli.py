"""`divergence check` as editors and CI run it: formats, exit status, every problem at once."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from divergence.checks.cli import main
from divergence.checks.rules.linters import LinterError, find
from golden import Case, write_case

SEVERAL_MISTAKES = """\
---
description: A page with several different mistakes.
track: alternative
---

# Mistakes

Kotkin wrote a biography [@kotkin2041] (see [the archive](http://example.com/)).

<script>alert(1)</script>

![](map.png)
"""


def project_with(tmp_path: Path, files: dict[str, str]) -> Path:
    return write_case(tmp_path, Case("ALL", "case", files, []))


def test_a_page_with_several_mistakes_reports_all_of_them_at_once(tmp_path, capsys, monkeypatch):
    root = project_with(tmp_path, {"docs/mistakes.md": SEVERAL_MISTAKES}).parent
    monkeypatch.chdir(root)
    assert main([]) == 1
    out, err = capsys.readouterr()
    assert out.splitlines() == [
        "docs/mistakes.md:3:8: FM003 unknown track 'alternative' (did you mean 'alternate'?); "
        "use one of: actual, divergence, alternate, reference",
        "docs/mistakes.md:8:27: CT001 unknown citation key 'kotkin2041' (did you mean "
        "'kotkin2014'?); add the work to data/references.bib or fix the key",
        "docs/mistakes.md:8:59: UR001 'http://example.com/' is not encrypted; use "
        "'https://example.com/'",
        "docs/mistakes.md:10:1: HT001 raw <script> can run code or load content in readers' "
        "browsers; remove it (write Markdown; layout belongs in overrides/)",
        "docs/mistakes.md:12:1: IM001 image 'map.png' has no alt text; describe what it shows: "
        "![A map of ...](...)",
        "docs/mistakes.md:12:5: LK001 link 'map.png' points to 'map.png', which is not in docs/",
    ]
    # One finding for the <script>: HT001's, not the Markdown linter's "inline HTML" too.
    assert err == "divergence check: 6 problems in 3 files; see docs/contributing/checks.md\n"


def test_clean_project_exits_zero(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(project_with(tmp_path, {}).parent)
    assert main([]) == 0
    out, err = capsys.readouterr()
    assert (out, err) == ("", "divergence check: 2 files, no problems\n")


def test_github_and_checklist_formats(tmp_path, capsys, monkeypatch):
    page = "---\ndescription: A page.\ntrack: reference\n---\n\n# A\n\nSee [x](brest-100%.md).\n"
    monkeypatch.chdir(project_with(tmp_path, {"docs/a.md": page}).parent)
    assert main(["--format", "github"]) == 1
    assert capsys.readouterr().out == (
        # '%' is escaped as workflow commands require.
        "::error file=docs/a.md,line=8,col=9,title=LK001::link 'brest-100%25.md' points to "
        "'brest-100%25.md', which is not in docs/\n"
    )
    assert main(["--format", "checklist"]) == 1
    assert capsys.readouterr().out == (
        "- [ ] `docs/a.md:8:9` **LK001** link 'brest-100%.md' points to 'brest-100%.md', "
        "which is not in docs/\n"
    )


def test_checking_one_page_leaves_whole_site_rules_out(tmp_path, capsys, monkeypatch):
    """Given paths, only those files are checked; 'never cited' needs the whole site."""
    bib = (
        "@book{kotkin2014, author = {Kotkin, Stephen}, title = {Stalin}, year = {2014}}\n"
        "@book{service2009, author = {Service, Robert}, title = {Trotsky}, year = {2009}}\n"
    )
    page = "---\ndescription: A page.\ntrack: reference\n---\n\n# A\n\n[@nokey]\n"
    root = project_with(tmp_path, {"data/references.bib": bib, "docs/a.md": page}).parent
    monkeypatch.chdir(root)
    assert main(["docs/a.md"]) == 1
    assert capsys.readouterr().out == (
        "docs/a.md:8:2: CT001 unknown citation key 'nokey'; add the work to "
        "data/references.bib or fix the key\n"
    )


def test_python_m_and_console_script_are_the_same_command(tmp_path):
    root = project_with(tmp_path, {}).parent
    for command in ([sys.executable, "-m", "divergence.checks"], [_script("divergence"), "check"]):
        result = subprocess.run(command, cwd=root, capture_output=True, text=True)
        assert (result.returncode, result.stdout) == (0, ""), command
        assert result.stderr == "divergence check: 2 files, no problems\n"


def test_a_linter_that_cannot_run_stops_the_command_with_its_reason(tmp_path, capsys, monkeypatch):
    root = project_with(tmp_path, {".rumdl.toml": "[MD007]\nindent = 'four'\n"}).parent
    monkeypatch.chdir(root)
    assert main([]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err.startswith("divergence check: rumdl failed (exit status 2): ")
    assert "MD007" in err


def test_a_missing_linter_is_named_with_how_to_install_it():
    with pytest.raises(LinterError, match=r"'no-such-linter' is not installed next to .*make"):
        find("no-such-linter")


def _script(name: str) -> str:
    return str(Path(sys.executable).parent / name)


def test_html_rules_run_only_where_mkdocs_renders_the_page(tmp_path, capsys, monkeypatch):
    """Without --build the command reads no HTML; --build adds what the build finds."""
    page = (
        "---\ndescription: A page.\ntrack: reference\n---\n\n# A\n\n"
        "Kotkin [@kotkin2014].\n\n/// contrast-block | interpretation\nA reading.\n///\n"
    )
    monkeypatch.chdir(project_with(tmp_path, {"docs/a.md": page}).parent)
    assert main([]) == 0
    assert capsys.readouterr().out == ""
    assert main(["--build"]) == 1
    assert capsys.readouterr().out == (
        "docs/a.md:10:1: BL001 '/// contrast-block | interpretation' is shown as text, not as "
        "a block; check the name and options, the blank line before it and the 4-space "
        "indentation of its body\n"
    )


def test_build_stops_are_reported_not_raised(tmp_path, capsys, monkeypatch):
    bib = (
        "@book{kotkin2014,\n  author = {Kotkin, Stephen},\n  title = {Stalin,\n  year = {2014}\n}\n"
    )
    monkeypatch.chdir(project_with(tmp_path, {"data/references.bib": bib}).parent)
    assert main(["--build"]) == 1
    out, err = capsys.readouterr()
    assert out == (
        "data/references.bib:3:1: CT003 entry at line 1 is never closed: the value that starts "
        "at line 3 has no closing brace; check its braces\n"
    )
    assert "divergence check: the build stopped: the build cannot go on while " in err
