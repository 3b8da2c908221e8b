"""The package shows the data flow: site → markdown → plugin → checks, never upward."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "src" / "divergence"
# Each layer may import the ones before it, never one after it.
LAYERS = ["site", "markdown", "plugin", "checks"]
MODULES = sorted(p for p in PACKAGE.rglob("*.py") if p.parent != PACKAGE)


def layer_of(module: str) -> str | None:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 and parts[0] == "divergence" else None


def imports(path: Path) -> set[str]:
    found = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return found


@pytest.mark.parametrize("path", MODULES, ids=lambda p: p.relative_to(PACKAGE).as_posix())
def test_no_module_imports_a_later_layer(path):
    own = path.relative_to(PACKAGE).parts[0]
    assert own in LAYERS, f"{own}/ is not one of the layers {LAYERS}"
    later = set(LAYERS[LAYERS.index(own) + 1 :])
    upward = sorted(m for m in imports(path) if layer_of(m) in later)
    assert upward == [], f"{own} imports from a later layer: {upward}"


def test_the_site_model_and_the_extensions_do_not_import_mkdocs():
    for path in MODULES:
        if path.relative_to(PACKAGE).parts[0] in {"site", "markdown"}:
            assert not {m for m in imports(path) if m.split(".")[0] == "mkdocs"}, path
