"""Citations with mkdocs-bibtex: what it leaves to us.

- Snippets (``--8<--``) are inlined before mkdocs-bibtex reads the page, so citations in
  shared text are numbered like the page's own (includes.py).
- A citation in code stays an example, and an unknown key stays text, which the checker
  reports as CT001 (guard.py): mkdocs-bibtex would stop the build on it.
- The Bibliography page lists every work once, with the pages that cite it, and
  references.bib is published beside it.

The page events run before mkdocs-bibtex's (the plugin's ``event_priority``).
"""

from __future__ import annotations

import re
from types import SimpleNamespace

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File

from divergence.plugin.citations.bibliography import Work, cited_keys, grouped, sort_key
from divergence.plugin.citations.guard import protect, restore
from divergence.plugin.citations.includes import inline_snippets, search_paths
from divergence.plugin.templates import template
from divergence.plugin.urls import data_edit_url, page_url
from divergence.site import SiteData
from divergence.site.generated import BIBLIOGRAPHY_DOWNLOAD, BIBLIOGRAPHY_PAGE

_CITED_BY = "<!-- divergence:cited-by {key} -->"
# A run of two or more footnote numbers side by side, as mkdocs-bibtex writes the works of
# one citation ([@a; @b]) or of citations that follow each other.
_REF = r'<sup id="fnref[^"]*"><a class="footnote-ref" href="[^"]*">(\d+)</a></sup>'
_ONE = re.compile(_REF)
_RUN = re.compile(rf"{_REF}(?:\s*{_REF})+")
# Each work as mkdocs-bibtex formats it, by the site model's version: a `mkdocs serve`
# rebuild formats the whole bibliography again only when the data changed.
_formatted: dict[tuple, str] = {}


def numbers_in_order(html: str) -> str:
    """Footnote numbers side by side in ascending order ("1, 3", not "3, 1").

    mkdocs-bibtex numbers works by their first citation on the page, so a citation that
    names a new work before one cited earlier reads "3 1". (The comma between them is
    the stylesheet's.)
    """

    def sort(run: re.Match) -> str:
        refs = sorted((int(ref[1]), ref[0]) for ref in _ONE.finditer(run.group()))
        return " ".join(text for _, text in refs)

    return _RUN.sub(sort, html)


class Citations:
    def __init__(self, site: SiteData, citations: dict[str, tuple]) -> None:
        self.site = site
        # By page source path: (page, the keys it cites); kept between --dirty rebuilds.
        self.citations = citations

    @property
    def _known_keys(self) -> set[str] | None:
        return self.site.bib_keys

    def on_config(self, config):
        self._snippet_bases = search_paths(config)
        return config

    def on_files(self, files, /, *, config):
        registry = getattr(config.plugins.get("bibtex"), "registry", None)
        if registry is None or self.site.bibliography is None:
            return files
        ours = self.site.bibliography.entries
        works = sorted(
            (
                Work(
                    key,
                    self._formatted(registry, key),
                    sort_key(entry),
                    ours[key].fields.get("sourcetype", ("", 0))[0] if key in ours else "",
                )
                for key, entry in registry.bib_data.entries.items()
            ),
            key=lambda work: work.sort_key,
        )
        content = template("bibliography-page.md").render(
            groups=grouped(works), placeholder=_CITED_BY, download=BIBLIOGRAPHY_DOWNLOAD
        )
        files.append(File.generated(config, BIBLIOGRAPHY_PAGE, content=content))
        bib_path = self.site.root / self.site.bib_file
        files.append(File.generated(config, BIBLIOGRAPHY_DOWNLOAD, abs_src_path=str(bib_path)))
        return files

    def _formatted(self, registry, key: str) -> str:
        version = (self.site.version, key)
        if version not in _formatted:
            if len(_formatted) > 1000:
                _formatted.clear()
            try:
                _formatted[version] = registry.reference_text(SimpleNamespace(key=key))
            except Exception as error:  # pybtex: a field its style needs is missing
                entry = self.site.bibliography.entries.get(key)
                where = f"{self.site.bib_file}:{entry.line}:{entry.col}" if entry else ""
                raise PluginError(
                    f"{where}: CT003 entry '{key}' cannot be formatted: {error}"
                ) from error
        return _formatted[version]

    def on_page_markdown(self, markdown, /, *, page, config, files):
        markdown = inline_snippets(markdown, self._snippet_bases)
        self.citations[page.file.src_uri] = (page, set(cited_keys(markdown)))
        return protect(markdown, self._known_keys)

    def on_page_content(self, html, /, *, page, config, files):
        return numbers_in_order(restore(html))

    def on_page_context(self, context, /, *, page, config, nav):
        if page.file.src_uri == BIBLIOGRAPHY_PAGE and self.site.bibliography is not None:
            page.edit_url = data_edit_url(config, self.site.bib_file)
        # Every page has been converted by now, so every citation has been seen.
        if "divergence:cited-by" in (page.content or ""):
            citing: dict[str, list] = {}
            for source, (other, keys) in self.citations.items():
                if source != BIBLIOGRAPHY_PAGE:
                    for key in keys:
                        citing.setdefault(key, []).append(other)
            for key in {*citing, *(self._known_keys or ())}:
                marker = _CITED_BY.format(key=key)
                if marker in page.content:
                    pages = [
                        {"title": p.title, "url": page_url(p, page)} for p in citing.get(key, [])
                    ]
                    page.content = page.content.replace(
                        marker, template("cited-by.html").render(pages=pages)
                    )
        return context
