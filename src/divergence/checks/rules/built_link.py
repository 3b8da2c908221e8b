"""LK003: a link in the built site to a page or anchor that does not exist.

MkDocs validates the links written in Markdown; links that plugins and the theme add
(citation back-links, a bibliography's references) reach the site unchecked.
"""

import posixpath
import re
from urllib.parse import unquote, urlsplit

from divergence.checks.registry import rule
from divergence.checks.render import element_ids
from divergence.site.diagnostics import Diagnostic

_HREF = re.compile(r"""<a\b[^>]*?\shref=["']([^"']*)["']""", re.I)


@rule(
    "LK003",
    "built-link",
    "A link in the built site points to a missing page or anchor.",
    needs="site",
)
def check(project):
    site = project.site_dir
    if site is None:
        return
    ids: dict[str, set[str]] = {}

    def ids_of(rel):
        if rel not in ids:
            path = site / rel
            ids[rel] = element_ids(path.read_text(encoding="utf-8")) if path.is_file() else None
        return ids[rel]

    for built, source_path in sorted(project.built_pages.items()):
        source = next((p for p in project.all_pages if p.path == source_path), None)
        for href in dict.fromkeys(_HREF.findall((site / built).read_text(encoding="utf-8"))):
            parts = urlsplit(href)
            if parts.scheme or parts.netloc or href.startswith(("mailto:", "javascript:")):
                continue
            target = _target(built, unquote(parts.path))
            anchors = ids_of(target)
            if anchors is None:
                problem = f"links to '{href}', which is not in the built site"
            elif parts.fragment and unquote(parts.fragment) not in anchors:
                problem = f"links to '{href}', whose page has no anchor '#{parts.fragment}'"
            else:
                continue
            line, col = _position(source, href, parts.fragment)
            yield Diagnostic(
                source_path,
                line,
                col,
                "LK003",
                f"the built page {problem} (a link added by a plugin or the theme)",
            )


def _target(current, path):
    if not path:
        return current
    joined = posixpath.normpath(posixpath.join(posixpath.dirname(current), path))
    # A trailing slash names a folder even after a file name ('page.html/' is broken):
    # normpath drops the slash, so look at the path as written.
    if path.endswith("/") or not posixpath.splitext(joined)[1]:
        return posixpath.join(joined, "index.html")
    return joined


def _position(page, href, fragment):
    """Where the source writes the link, or the citation that produced it; else line 1."""
    key = fragment.split(":", 1)[-1] if fragment else ""
    needles = [f"({href}", *([f"@{key}"] if key else [])]
    for needle in needles if page is not None else ():
        for number, line in enumerate(page.lines, start=1):
            if (col := line.find(needle)) >= 0:
                return number, col + 1 + (needle[0] == "(")
    return 1, 1
