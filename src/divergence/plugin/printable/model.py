"""Which pages make up the single-page essay, and where each one's links lead on it."""

from __future__ import annotations

import posixpath
from collections.abc import Iterable
from dataclasses import dataclass, field
from urllib.parse import unquote, urlsplit, urlunsplit

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.utils import get_relative_url

from divergence.site.claims import Status
from divergence.site.tracks import Track


class PrintableConfig(Config):
    # The Markdown page the essay is appended to: its front matter, title and introduction.
    page = c.Type(str, default="print.md")
    # The essay's pages: a page ('actual-history.md') or a folder ('aftermath/'), in any
    # order; the single page follows the nav's order.
    parts = c.ListOfItems(c.Type(str), default=[])


@dataclass(frozen=True)
class Part:
    """One page of the essay as a part of the single page (divergence/printable-parts.html)."""

    # Its anchor, and the prefix of every id in it.
    id: str
    # A top-level page or a section's index (a new printed page), or a page of a section.
    top: bool
    title: str
    # Its address online (canonical), or relative to the single page without site_url.
    url: str
    # What its page's badge and status line say.
    track: Track | None
    status: Status | None
    # Its first heading, moved down a level or two, and the rest of its HTML.
    heading: str
    heading_id: str | None
    body: str


def selects(patterns: Iterable[str], src_uri: str) -> bool:
    """Whether ``src_uri`` is one of the pages, or inside one of the folders, of ``patterns``."""
    return any(src_uri.startswith(p) if p.endswith("/") else src_uri == p for p in patterns)


def part_id(src_uri: str) -> str:
    """The part's anchor on the single page: 'aftermath/economic-policy.md' becomes
    'aftermath-economic-policy', a folder's index its folder, the home page 'home'."""
    stem = posixpath.splitext(src_uri)[0]
    if stem == "index" or stem.endswith("/index"):
        stem = posixpath.dirname(stem)
    return stem.replace("/", "-") or "home"


def _key(url: str) -> str:
    # 'people/', 'people' and 'people/.' are one address; the home page ('') is '.'.
    return posixpath.normpath(url) if url else "."


@dataclass(frozen=True)
class Addresses:
    """The single page's address, and each page's: where a link from a part now leads."""

    # The single page's URL, e.g. 'print/' (or 'print.html' without directory URLs).
    here: str
    # Every page's URL by its normalised form; the parts' also give their part id.
    pages: dict[str, str]
    parts: dict[str, str]
    # The same links recur on every page (people, terms): each is worked out once.
    _seen: dict[tuple[str, str, str], str] = field(default_factory=dict, compare=False)

    @classmethod
    def of(cls, here: str, pages: Iterable[tuple[str, str | None]]) -> Addresses:
        """From (URL, part id or None) for every page of the site."""
        pages = list(pages)
        return cls(
            here,
            {_key(url): url for url, _ in pages},
            {_key(url): part for url, part in pages if part is not None},
        )

    def link(self, href: str, source: str, prefix: str) -> str:
        """Where ``href``, written on the page at URL ``source`` (part ``prefix``), leads now.

        A part's own anchors take its prefix; a link to another part goes to that part's
        anchor on this page; any other link inside the site is made relative to this page.
        Links elsewhere (a scheme, '//' or '/') stay as they are.
        """
        key = (href, source, prefix)
        if key not in self._seen:
            self._seen[key] = self._link(href, source, prefix)
        return self._seen[key]

    def _link(self, href: str, source: str, prefix: str) -> str:
        parts = urlsplit(href)
        if parts.scheme or parts.netloc or href.startswith("/"):
            return href
        if not parts.path:
            return f"#{prefix}--{parts.fragment}" if parts.fragment else href
        directory = source if source.endswith("/") or not source else posixpath.dirname(source)
        key = _key(posixpath.join(directory, unquote(parts.path)))
        if key in self.parts:
            part = self.parts[key]
            return f"#{part}--{parts.fragment}" if parts.fragment else f"#{part}"
        if key == _key(self.here):
            return f"#{parts.fragment}"
        url = self.relative(self.pages.get(key, key))
        return urlunsplit(("", "", url, parts.query, parts.fragment))

    def relative(self, target: str) -> str:
        """The URL of ``target`` (relative to the site) from the single page."""
        url = get_relative_url(target, self.here)
        # A directory URL keeps its slash ('..' would work, '../' reads as a folder).
        if (not target or target.endswith("/")) and not url.endswith("/"):
            url += "/"
        return url
