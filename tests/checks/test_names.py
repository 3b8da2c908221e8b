"""Spelling and style on the real site, and misspelt names caught with the site's own data."""

from __future__ import annotations

from pathlib import Path

from divergence.checks import RULES, Project, run_rules
from golden import REPO, Case, write_case

LINTED = {"ST001", "SP001", "SP002"}


def test_the_site_has_no_style_spelling_or_name_findings():
    project = Project.load(REPO / "mkdocs.yml")
    assert run_rules(project, [rule for rule in RULES if rule.code in LINTED]) == []


def test_the_misspelt_names_of_issue_13_are_caught_with_the_real_people_and_glossary(
    tmp_path: Path,
):
    page = (
        "---\ndescription: A page.\ntrack: reference\n---\n\n# Names\n\n"
        "Trotksy and Stallin; Zinovev, a Bolshevick commisar.\n"
    )
    data = {
        f"data/{name}": (REPO / "data" / name).read_text(encoding="utf-8")
        for name in ("people.yml", "glossary.yml", "references.bib")
    }
    root = write_case(tmp_path, Case("SP002", "names", {**data, "docs/index.md": page}, []))
    project = Project.load(root)
    found = run_rules(project, [rule for rule in RULES if rule.code == "SP002"])
    assert [(d.line, d.col, d.message.split("'")[1], d.message.split("'")[3]) for d in found] == [
        (8, 1, "Trotksy", "Trotsky"),
        (8, 13, "Stallin", "Stalin"),
        (8, 22, "Zinovev", "Zinoviev"),
        (8, 33, "Bolshevick", "Bolshevik"),
        (8, 44, "commisar", "commissar"),
    ]
