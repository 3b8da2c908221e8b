"""Links: to pages and files (LK001), anchors (LK002), in the built site (LK003), to
other sites (UR001, UR002), and pages the nav leaves out (NV001)."""

from __future__ import annotations

import difflib
import functools
import posixpath
import re
from dataclasses import dataclass
from urllib.parse import unquote, urlsplit

from divergence.checks import scan
from divergence.checks.project import Page
from divergence.checks.registry import rule
from divergence.site.diagnostics import Diagnostic, did_you_mean

# A scheme (https:, mailto:) or a protocol-relative '//': not a link into docs/.
_EXTERNAL = re.compile(r"^(?:[a-zA-Z][a-zA-Z0-9+.-]*:|//)")
_HTTP = re.compile(r"\bhttp://[^\s)>\]\"'}]*", re.I)
_HREF = re.compile(r"""<a\b[^>]*?\shref=["']([^"']*)["']""", re.I)
_ELEMENT_ID = re.compile(r"""\sid=["']([^"']+)["']""")


def element_ids(html: str) -> set[str]:
    """Every id an anchor can point at in a rendered page."""
    return set(_ELEMENT_ID.findall(html))


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
        elif raw_path.startswith("/"):
            yield InternalLink(link, raw_path, fragment, "absolute")
        else:
            path = posixpath.normpath(posixpath.join(posixpath.dirname(page.docs_path), raw_path))
            problem = "outside" if path.startswith("../") or path == ".." else None
            yield InternalLink(link, path, fragment, problem)


def _reported(project, page, line):
    # The place of a link LK001 or LK002 has reported: LK003 would repeat it.
    project.reported.setdefault("link-lines", set()).add((page.path, line))


@rule("LK001", "link-target", "A link points to a page or file that does not exist.")
def target(project):
    files = project.docs_files | project.generated_pages.keys()
    closest = _closest(sorted(files))
    for page in project.pages:
        for item in internal_links(page):
            message = _target_problem(page, item, files, closest)
            if message:
                _reported(project, page, item.link.line)
                yield Diagnostic(page.path, item.link.line, item.link.col, "LK001", message)


def _closest(files: list[str]):
    """The file closest to a path (None when none is close), each path worked out once:
    a link broken on many pages costs one search."""

    @functools.cache
    def closest(path: str) -> str | None:
        close = difflib.get_close_matches(path, files, n=1, cutoff=0.6)
        return close[0] if close else None

    return closest


def _target_problem(page, item, files, closest):
    target = item.link.target
    if item.problem == "absolute":
        return f"link '{target}' is an absolute path; link to the .md file relative to this page"
    if item.problem == "outside":
        return f"link '{target}' points outside docs/"
    if item.path in files:
        return None
    here = posixpath.dirname(page.docs_path) or "."
    for candidate in (posixpath.join(item.path, "index.md"), item.path + ".md"):
        if candidate in files:
            relative = posixpath.relpath(candidate, here)
            return f"link '{target}' is not a file; link to the page's source '{relative}'"
    close = closest(item.path)
    # Suggested as the editor writes it: relative to the page that links.
    hint = f" (did you mean '{posixpath.relpath(close, here)}'?)" if close else ""
    return f"link '{target}' points to '{item.path}', which is not in docs/{hint}"


@rule(
    "LK002",
    "link-anchor",
    "A link points to an anchor that the target page does not have.",
)
def anchor(project):
    for page in project.pages:
        for item in internal_links(page):
            if not item.fragment or item.problem or not item.path.endswith(".md"):
                continue
            ids = project.anchors(item.path)
            if ids is not None and item.fragment not in ids:
                _reported(project, page, item.link.line)
                yield Diagnostic(
                    page.path,
                    item.link.line,
                    item.link.col,
                    "LK002",
                    f"'{item.path}' has no anchor '#{item.fragment}'"
                    f"{did_you_mean(item.fragment, ids)}",
                )


@rule(
    "LK003",
    "built-link",
    "A link in the built site points to a missing page or anchor.",
    needs="site",
)
def built(project):
    """Links that plugins and the theme add reach the site unchecked by MkDocs."""
    site = project.site_dir
    if site is None:
        return
    ids: dict[str, set[str] | None] = {}
    source_of = {built: docs for built, docs in project.built_pages.items()}
    lines = project.reported.get("link-lines", set())
    targets = project.reported.get("link-targets", set())

    def ids_of(rel):
        if rel not in ids:
            path = site / rel
            ids[rel] = element_ids(path.read_text(encoding="utf-8")) if path.is_file() else None
        return ids[rel]

    for built_path, docs_path in sorted(project.built_pages.items()):
        source = project.page_by_docs_path(docs_path)
        # Generated pages are checked through their data; the single-page essay's links
        # are copies of the essay pages' links, reported there.
        if source is None or docs_path == project.settings.printable_page:
            continue
        for href in dict.fromkeys(_HREF.findall((site / built_path).read_text(encoding="utf-8"))):
            parts = urlsplit(href)
            if parts.scheme or parts.netloc or href.startswith(("mailto:", "javascript:")):
                continue
            target_file = _built_target(built_path, unquote(parts.path))
            anchors = ids_of(target_file)
            fragment = unquote(parts.fragment)
            if anchors is None:
                problem = f"links to '{href}', which is not in the built site"
            elif fragment and fragment not in anchors:
                if (source_of.get(target_file), fragment) in targets:
                    continue
                problem = f"links to '{href}', whose page has no anchor '#{parts.fragment}'"
            else:
                continue
            line, col = _position(source, href, parts.fragment)
            if (source.path, line) in lines:
                continue
            yield Diagnostic(
                source.path,
                line,
                col,
                "LK003",
                f"the built page {problem} (a link added by a plugin or the theme)",
            )


def _built_target(current, path):
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
    needles = [f"({href}", *([f"@{key}", f"#{fragment}"] if key else [])]
    for needle in needles:
        for number, line in enumerate(page.lines, start=1):
            if (col := line.find(needle)) >= 0:
                return number, col + 1 + (needle[0] == "(")
    return 1, 1


@rule("UR001", "http-link", "A link uses http:// instead of https://.")
def http(project):
    for page in project.pages:
        for number, line in scan.prose_lines(page):
            for match in _HTTP.finditer(line):
                yield _insecure(page.path, number, match.start() + 1, match.group())
    bibliography = project.bibliography
    if bibliography is not None:
        for entry in bibliography.entries.values():
            for name in ("url", "howpublished"):
                value, line = entry.fields.get(name, ("", 0))
                if match := _HTTP.search(value):
                    yield _insecure(bibliography.path, line, 1, match.group())


def _insecure(path, line, col, url):
    secure = "https://" + url[len("http://") :]
    return Diagnostic(path, line, col, "UR001", f"'{url}' is not encrypted; use '{secure}'")


@rule("UR002", "self-absolute-link", "An absolute link points to this site itself.")
def self_absolute(project):
    site = urlsplit(project.site_url)
    if not site.netloc:
        return
    prefix = site.netloc + site.path.rstrip("/")
    for page in project.pages:
        for link in scan.links(page):
            parts = urlsplit(link.target)
            if parts.scheme not in ("http", "https", "") or not parts.netloc:
                continue
            if (parts.netloc + parts.path).startswith(prefix):
                yield Diagnostic(
                    page.path,
                    link.line,
                    link.col,
                    "UR002",
                    f"'{link.target}' is an absolute link to this site; link to the page's "
                    ".md file with a relative path instead",
                )


@rule("NV001", "page-not-in-nav", "A page is in docs/ but not in the nav of mkdocs.yml.")
def not_in_nav(project):
    settings = project.settings
    if not settings.nav:
        return
    listed = set(_nav_pages(settings.nav))
    spec = settings.not_in_nav
    for page in project.pages:
        path = page.docs_path
        if (
            path in listed
            or path == settings.printable_page
            or (spec is not None and spec.match_file(path))
        ):
            continue
        yield Diagnostic(
            page.path,
            1,
            1,
            "NV001",
            f"'{path}' is in no section of the nav, so readers cannot reach it; add "
            f"'- Title: {path}' under its section in mkdocs.yml",
        )


def _nav_pages(nav):
    for item in nav if isinstance(nav, list) else [nav]:
        if isinstance(item, dict):
            for value in item.values():
                yield from _nav_pages(value)
        elif isinstance(item, list):
            yield from _nav_pages(item)
        elif isinstance(item, str) and not _EXTERNAL.match(item):
            yield item
