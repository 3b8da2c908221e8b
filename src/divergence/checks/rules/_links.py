"""Resolve a page's relative link targets against docs/ (shared by LK001 and LK002)."""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass
from urllib.parse import unquote

from divergence.checks import scan
from divergence.checks.project import Page

# A scheme (https:, mailto:) or a protocol-relative '//': not a link into docs/.
_EXTERNAL = re.compile(r"^(?:[a-zA-Z][a-zA-Z0-9+.-]*:|//)")


@dataclass(frozen=True)
class InternalLink:
    link: scan.Link
    # The target inside docs/ ('' for the page itself), and the #fragment if any.
    path: str
    fragment: str
    # Why the path cannot be resolved, if it cannot.
    problem: str | None = None


def internal_links(page: Page):
    """Every link of ``page`` that points into docs/, resolved."""
    for link in scan.links(page):
        target = link.target
        if not target or _EXTERNAL.match(target):
            continue
        raw_path, _, fragment = target.partition("#")
        raw_path = unquote(raw_path.split("?")[0])
        if not raw_path:
            yield InternalLink(link, page.docs_path, fragment)
            continue
        if raw_path.startswith("/"):
            yield InternalLink(link, raw_path, fragment, "absolute")
            continue
        path = posixpath.normpath(posixpath.join(posixpath.dirname(page.docs_path), raw_path))
        if path.startswith("../") or path == "..":
            yield InternalLink(link, path, fragment, "outside")
            continue
        yield InternalLink(link, path, fragment)
