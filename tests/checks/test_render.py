"""The checker's shortcuts past other packages give what those packages would."""

from importlib.metadata import entry_points
from pathlib import Path

import markdown

from divergence.checks import project as project_module
from divergence.checks.project import Project
from divergence.checks.render import _markdown_options, extension

ROOT = Path(__file__).resolve().parents[2]


def test_each_extension_of_mkdocs_yml_is_the_one_python_markdown_would_build():
    project = Project.load(ROOT / "mkdocs.yml")
    options = _markdown_options(project)
    names = options["extensions"]
    assert "toc" in names and "pymdownx.superfences" in names
    md = markdown.Markdown()
    registered = {point.name: point.value for point in entry_points(group="markdown.extensions")}
    for name in names:
        configs = options["extension_configs"].get(name, {})
        # Python-Markdown's own route: entry point by name first, else the module path.
        expected = md.build_extension(name, configs)
        assert type(extension(name, configs)) is type(expected), name
        if name in registered:
            assert registered[name].startswith(f"markdown.extensions.{name}:"), name


def test_mkdocs_yml_is_read_as_mkdocs_reads_it(monkeypatch):
    from mkdocs.utils.yaml import yaml_load

    monkeypatch.setenv("SITE_URL", "https://example.org/")
    with (ROOT / "mkdocs.yml").open(encoding="utf-8") as stream:
        expected = yaml_load(stream)
    with (ROOT / "mkdocs.yml").open(encoding="utf-8") as stream:
        assert project_module._load_config(stream) == expected
