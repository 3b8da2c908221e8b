"""Golden cases for the checks: files in, exact diagnostics out.

Each ``cases/<CODE>.yml`` holds a list of cases: ``files`` (laid over a small base project;
a null value deletes a base file) and the ``diagnostics`` the rule must report, in order.
Cases with ``build: true`` build the site with MkDocs and compare the rule's warnings.
A case that writes its own mkdocs.yml names our templates as ``custom_dir: $OVERRIDES``,
so no case holds a path of the machine it was written on.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parents[1]
CASES_DIR = REPO / "tests" / "checks" / "cases"

BASE_FILES = {
    # Our plugins render with the templates in overrides/divergence/.
    "mkdocs.yml": f"""\
site_name: Case
site_url: https://example.org/trotsky/
theme:
  name: material
  custom_dir: {REPO / "overrides"}
plugins:
  - divergence
  - divergence/checks
  - bibtex:
      bib_file: data/references.bib
      enable_inline_citations: false
markdown_extensions:
  - admonition
  - attr_list
  - footnotes
  - md_in_html
  - toc
  - pymdownx.blocks.admonition
  - divergence.markdown.status
  - pymdownx.superfences
  - pymdownx.snippets:
      check_paths: true
""",
    "docs/index.md": """\
---
description: The home page of the fixture project.
track: reference
---

# Home

Kotkin wrote a biography of Stalin [@kotkin2014].
""",
    # The project's own linter settings, so ST001 and SP001 cases test what editors get.
    ".rumdl.toml": (REPO / ".rumdl.toml").read_text(encoding="utf-8"),
    "_typos.toml": (REPO / "_typos.toml").read_text(encoding="utf-8"),
    "data/references.bib": """\
@book{kotkin2014,
  author = {Kotkin, Stephen},
  title = {Stalin, Vol. I: Paradoxes of Power, 1878--1928},
  publisher = {Penguin Press},
  address = {New York},
  year = {2014}
}
""",
}


@dataclass
class Case:
    code: str
    name: str
    files: dict[str, str | None]
    diagnostics: list[str]
    build: bool = False

    @property
    def id(self) -> str:
        return f"{self.code}-{self.name}"


def load_cases() -> list[Case]:
    cases = []
    for path in sorted(CASES_DIR.glob("*.yml")):
        for item in yaml.safe_load(path.read_text(encoding="utf-8")):
            cases.append(Case(path.stem, **item))
    return cases


def write_case(root: Path, case: Case) -> Path:
    """Lay the base project and the case's files under ``root``; return mkdocs.yml."""
    files = {**BASE_FILES, **case.files}
    for rel, text in files.items():
        if text is None:
            continue
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text.replace("$OVERRIDES", str(REPO / "overrides")), encoding="utf-8")
    return root / "mkdocs.yml"
