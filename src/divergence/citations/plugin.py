"""MkDocs adapter for citations: shared includes, the guard, the bibliography page and the .bib.

Listed before `bibtex` in mkdocs.yml, so its page hooks run before mkdocs-bibtex's.
"""

from __future__ import annotations

import functools
from pathlib import Path
from types import SimpleNamespace

from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File
from mkdocs.utils import get_relative_url

from divergence.checks.bibliography import read_bibliography
from divergence.citations.bibliography import Work, cited_keys, sort_key
from divergence.citations.guard import protect, restore
from divergence.citations.includes import inline_snippets
from divergence.generated import BIBLIOGRAPHY_DOWNLOAD, BIBLIOGRAPHY_PAGE, data_edit_url

DOWNLOAD = BIBLIOGRAPHY_DOWNLOAD
_CITED_BY = "<!-- divergence:cited-by {key} -->"


class CitationsPlugin(BasePlugin):
    """Citations in code stay examples, unknown keys stay text (CT001 reports them), every
    work is listed once with the pages citing it, and references.bib is published."""

    def on_config(self, config):
        # Read afresh on every build: `mkdocs serve` keeps this object between rebuilds.
        self._known_keys = None
        self._bib_path = None
        self._cited_by: dict[str, list] = {}
        self._env = None
        root = Path(config.config_file_path).parent
        snippets = config.mdx_configs.get("pymdownx.snippets", {})
        base = snippets.get("base_path", ["."])
        self._snippet_bases = [root / p for p in ([base] if isinstance(base, str) else base)]
        bibtex = config.plugins.get("bibtex")
        bib_file = bibtex.config.bib_file if bibtex is not None else None
        if bib_file:
            path = Path(config.config_file_path).parent / bib_file
            if path.is_file():
                bibliography = read_bibliography(str(path), path.read_text(encoding="utf-8"))
                self._known_keys = set(bibliography.entries)
                self._bib_path = path
        return config

    def on_files(self, files, /, *, config):
        bibtex = config.plugins.get("bibtex")
        registry = getattr(bibtex, "registry", None)
        if registry is None or self._bib_path is None:
            return files
        # mkdocs-bibtex formats an entry again for every citation; once per build will do.
        registry.reference_text = _by_key(registry.reference_text)
        works = sorted(
            (
                Work(key, registry.reference_text(SimpleNamespace(key=key)), sort_key(entry))
                for key, entry in registry.bib_data.entries.items()
            ),
            key=lambda work: work.sort_key,
        )
        page = self._template(config, "divergence/bibliography-page.md")
        content = page.render(works=works, placeholder=_CITED_BY, download=DOWNLOAD)
        files.append(File.generated(config, BIBLIOGRAPHY_PAGE, content=content))
        files.append(File.generated(config, DOWNLOAD, abs_src_path=str(self._bib_path)))
        return files

    def on_page_markdown(self, markdown, /, *, page, config, files):
        markdown = inline_snippets(markdown, self._snippet_bases)
        for key in cited_keys(markdown):
            self._cited_by.setdefault(key, []).append(page)
        return protect(markdown, self._known_keys)

    def on_page_content(self, html, /, *, page, config, files):
        return restore(html)

    def on_page_context(self, context, /, *, page, config, nav):
        if page.file.src_uri == BIBLIOGRAPHY_PAGE and self._bib_path is not None:
            root = Path(config.config_file_path).parent
            page.edit_url = data_edit_url(config, self._bib_path.relative_to(root).as_posix())
        # Every page has been converted by now, so every citation has been seen.
        if "divergence:cited-by" in (page.content or ""):
            template = self._template(config, "divergence/cited-by.html")
            for key in {*self._cited_by, *(self._known_keys or ())}:
                marker = _CITED_BY.format(key=key)
                if marker in page.content:
                    pages = [
                        {"title": p.title, "url": _dir_url(get_relative_url(p.url, page.url), p)}
                        for p in self._cited_by.get(key, [])
                        if p.file.src_uri != BIBLIOGRAPHY_PAGE
                    ]
                    page.content = page.content.replace(marker, template.render(pages=pages))
        return context

    def _template(self, config, name):
        # One Jinja environment a build: each new one compiles its templates again.
        if self._env is None:
            self._env = config.theme.get_env()
        return self._env.get_template(name)


def _by_key(reference_text):
    """Make mkdocs-bibtex's reference_text cacheable: it depends on the key alone."""

    @functools.wraps(reference_text)
    def format_key(citation):
        return _format(citation.key)

    @functools.cache
    def _format(key):
        return reference_text(SimpleNamespace(key=key))

    return format_key


def _dir_url(url: str, page) -> str:
    # Directory URLs keep their slash ('..' would work, '../' reads as a folder).
    if (not page.url or page.url.endswith("/")) and not url.endswith("/"):
        return url + "/"
    return url
