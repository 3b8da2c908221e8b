"""The checker's shortcuts past other packages give what those packages would."""

import re
from html import unescape
from importlib.metadata import entry_points
from pathlib import Path

import markdown

from divergence.checks import project as project_module
from divergence.checks import render as render_module
from divergence.checks.project import Project
from divergence.checks.render import _markdown_options, element_ids, extension

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


def test_code_blocks_lose_only_their_colours(monkeypatch):
    """The checker renders code without Pygments; ids, links and text are what they are
    with it (the rules read nothing else), on every page of the site."""
    project = Project.load(ROOT / "mkdocs.yml")
    assert project.pages
    without = render_module.markdown_renderer(project)
    without(project.pages[0])  # a renderer sets up Python-Markdown on its first page
    monkeypatch.setattr(render_module, "_without_pygments", lambda extensions, configs: None)
    coloured = render_module.markdown_renderer(project)
    code_blocks = 0
    for page in project.pages:
        plain, full = without(page), coloured(page)
        code_blocks += sum("<span" in block for block in _code_blocks(full))
        assert not any("<span" in block for block in _code_blocks(plain)), page.path
        assert element_ids(plain) == element_ids(full), page.path
        assert _hrefs(plain) == _hrefs(full), page.path
        assert _text(plain) == _text(full), page.path
    assert code_blocks > 10  # the guide's examples, coloured: the comparison is not idle


def _code_blocks(html: str) -> list[str]:
    return re.findall(r"<pre\b.*?</pre>", html, re.S)


def _hrefs(html: str) -> list[str]:
    return re.findall(r"""\shref=["']([^"']+)["']""", html)


def _text(html: str) -> str:
    # Every character but whitespace: Pygments' spans split a line where the plain one
    # does not, which only moves spaces.
    return "".join(unescape(re.sub(r"<[^>]+>", "", html)).split())
