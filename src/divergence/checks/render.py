"""Render pages to HTML with the Markdown extensions of mkdocs.yml, without a full build.

`divergence check` uses this for the rules that read HTML (anchors, literal block syntax);
inside `mkdocs build` the plugin hands the rules the HTML that MkDocs rendered instead.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from divergence.checks.project import Page, Project


def markdown_renderer(project: Project) -> Callable[[Page], str | None]:
    """A function rendering one page's body to HTML, or None when rendering fails.

    Python-Markdown and the extensions are loaded on its first call, by the first rule
    that reads HTML: by then `divergence check` has started its external linters, which
    run beside that work.
    """
    md = None

    def render(page: Page) -> str | None:
        nonlocal md
        if md is None:
            md = _markdown(project)
        md.reset()
        try:
            return md.convert("\n".join(page.lines[page.body_start :]))
        except Exception:  # the rule for that input (e.g. SN001) reports it
            return None

    return render


def _markdown(project: Project):
    # Imported here: rules import this module for element_ids.
    import markdown

    options = _markdown_options(project)
    configs = options["extension_configs"]
    return markdown.Markdown(
        extensions=[extension(name, configs.get(name, {})) for name in options["extensions"]]
    )


def _markdown_options(project: Project) -> dict:
    extensions, configs = [], {}
    for entry in project.config.get("markdown_extensions") or []:
        name, options = next(iter(entry.items())) if isinstance(entry, dict) else (entry, None)
        extensions.append(name)
        if options:
            configs[name] = dict(options)
    snippets = configs.setdefault("pymdownx.snippets", {})
    # A missing file is SN001's to report; the page is still rendered for the other rules.
    snippets["check_paths"] = False
    # Snippet paths are relative to the project root, wherever the checker is started.
    base = snippets.get("base_path", ["."])
    snippets["base_path"] = [
        str(project.root / p) for p in ([base] if isinstance(base, str) else base)
    ]
    if "pymdownx.snippets" not in extensions:
        del configs["pymdownx.snippets"]
    _without_pygments(extensions, configs)
    return {"extensions": extensions, "extension_configs": configs}


def _without_pygments(extensions: list[str], configs: dict) -> None:
    """Code blocks left uncoloured: the rules read links, ids and text, and Pygments'
    lexers and styles are a tenth of a second of `divergence check` (the text inside a
    code block is the same with or without its colour spans)."""
    if "pymdownx.highlight" in extensions:
        configs.setdefault("pymdownx.highlight", {})["use_pygments"] = False
    elif "pymdownx.superfences" in extensions:
        # Superfences takes its highlighter's settings from the first pymdownx.highlight
        # registered (its own, disabled one has the defaults): ours comes first. Enabled,
        # it also wraps indented code blocks, which holds no link and no id.
        extensions.insert(extensions.index("pymdownx.superfences"), "pymdownx.highlight")
        configs["pymdownx.highlight"] = {"use_pygments": False}


def extension(name: str, configs: dict):
    """The extension Python-Markdown's ``build_extension`` makes of ``name``, sooner.

    Given a name, Python-Markdown first looks it up among the entry points of every
    installed distribution, which takes importlib.metadata and a scan of site-packages
    (a tenth of a second). The only ones are its own extensions' short names ("toc" is
    ``markdown.extensions.toc``; tests/checks/test_render.py checks that for each name
    in mkdocs.yml); other names are module paths, imported as Python-Markdown does.
    """
    import importlib

    module_name, _, class_name = name.partition(":")
    if "." not in module_name:
        module_name = f"markdown.extensions.{module_name}"
    module = importlib.import_module(module_name)
    if class_name:
        return getattr(module, class_name)(**configs)
    return module.makeExtension(**configs)


def element_ids(html: str) -> set[str]:
    """Every id an anchor can point at in a rendered page."""
    return set(re.findall(r"""\sid=["']([^"']+)["']""", html))
