"""Append the essay's pages, in nav order, to the single page (print.md).

Runs in `on_env`, when every page has been converted and none rendered yet, so that each
part is its page's finished content and the single page then renders like any other
(table of contents, "Last updated", "Cite this page"). The page stays out of the nav and
out of search, where it would repeat every passage of the essay.
"""

from __future__ import annotations

import logging

from mkdocs.structure.files import InclusionLevel
from mkdocs.structure.toc import AnchorLink, TableOfContents

from divergence.plugin.printable.model import Addresses, Part, part_id, selects
from divergence.plugin.printable.render import SCREEN_ONLY_SECTIONS, for_paper, rewrite
from divergence.plugin.serving import build_again
from divergence.site.claims import page_default
from divergence.site.tracks import TRACKS

log = logging.getLogger("mkdocs.plugins.divergence")
# Set by last_updated; the single page changes when any part does.
_GIT = "git_revision_date_localized"


class Printable:
    """The whole essay on one page, to print or save as PDF."""

    def __init__(self, config) -> None:
        # The plugin's `printable` options: the page and the parts (PrintableConfig).
        self.config = config
        self._nav = None

    def on_files(self, files, /, *, config):
        # Off unless the essay's parts are listed (the plugin's `printable.parts`).
        if not self.config.parts:
            return files
        file = files.get_file_from_path(self.config.page)
        if file is None:
            log.warning(
                "divergence: the page '%s' is not in docs/; add it (front matter, "
                "title and introduction) or change the plugin's `printable.page` option",
                self.config.page,
            )
        else:
            # Reached from a link on the home page, not from the nav, which it would repeat.
            file.inclusion = InclusionLevel.NOT_IN_NAV
        return files

    def on_nav(self, nav, /, *, config, files):
        self._nav = nav
        file = files.get_file_from_path(self.config.page) if self.config.parts else None
        if file is not None and file.is_modified():
            # The page is its parts' content: a --dirty build (`make serve`) that builds
            # it must convert its parts too. (After on_files, which decides what else
            # a --dirty build builds again: serving.py.)
            parts = files.documentation_pages()
            build_again(f for f in parts if selects(self.config.parts, f.src_uri))
        return nav

    def on_page_context(self, context, /, *, page, config, nav):
        # The single page is a document to print or save (overrides/main.html).
        context["divergence_paper"] = bool(self.config.parts) and (
            page.file.src_uri == self.config.page
        )
        return context

    def on_env(self, env, /, *, config, files):
        if not self.config.parts:
            return env
        file = files.get_file_from_path(self.config.page)
        if file is None or file.page is None or self._nav is None:
            return env
        page = file.page
        pages = [p for p in self._nav.pages if selects(self.config.parts, p.file.src_uri)]
        for pattern in self.config.parts:
            if not any(selects([pattern], p.file.src_uri) for p in pages):
                log.warning(
                    "divergence: '%s' in `printable.parts` matches no page in the nav", pattern
                )
        ids = {p.file.src_uri: part_id(p.file.src_uri) for p in pages}
        addresses = Addresses.of(
            page.url,
            ((f.page.url, ids.get(f.src_uri)) for f in files.documentation_pages() if f.page),
        )
        built = [self._part(p, ids[p.file.src_uri], addresses) for p in pages]
        template = env.get_template("divergence/printable-parts.html")
        parts = [part for part, _, _ in built]
        page.content = (page.content or "") + template.render(parts=parts, config=config)
        page.toc = _toc(page.toc, built)
        _latest_git_date(page, pages)
        return env

    def _part(self, page, prefix, addresses) -> tuple[Part, TableOfContents, int]:
        """The part, its page's table of contents and how far its headings move down."""
        # Top-level pages and section index pages under the title; a section's pages below.
        depth = len(page.ancestors) - (1 if page.is_index and page.ancestors else 0)
        status = page_default(page.meta)
        rewritten = rewrite(
            for_paper(page.content or ""),
            prefix=prefix,
            link=lambda href: addresses.link(href, page.url, prefix),
            shift=1 + depth,
            status=status.id if status else None,
        )
        part = Part(
            id=prefix,
            top=depth == 0,
            title=page.title,
            url=page.canonical_url or addresses.relative(page.url),
            track=TRACKS.get(page.meta.get("track")),
            status=status,
            heading=rewritten.heading,
            heading_id=rewritten.heading_id,
            body=rewritten.body,
        )
        return part, page.toc, 1 + depth


def _toc(toc, built) -> TableOfContents:
    """The single page's own headings, then each part's, nested as the parts are."""
    items = list(toc or [])
    top = items[0].children if items and items[0].level == 1 else items
    for part, part_toc, shift in built:
        for item in part_toc:
            if item.id in SCREEN_ONLY_SECTIONS:
                continue
            entry = _copy(item, part.id, shift)
            (top if part.top or not top else top[-1].children).append(entry)
    return TableOfContents(items)


def _copy(item: AnchorLink, prefix: str, shift: int) -> AnchorLink:
    copy = AnchorLink(item.title, f"{prefix}--{item.id}", min(item.level + shift, 6))
    copy.children = [
        _copy(child, prefix, shift)
        for child in item.children
        if child.id not in SCREEN_ONLY_SECTIONS
    ]
    return copy


def _latest_git_date(page, parts) -> None:
    """Date the single page by its most recently changed part, or by itself if later."""
    raw = f"{_GIT}_raw_iso_date"
    dated = [p for p in [page, *parts] if p.meta.get(raw)]
    latest = max(dated, key=lambda p: p.meta[raw], default=page)
    if latest is not page:
        page.meta.update({k: v for k, v in latest.meta.items() if k.startswith(_GIT)})
