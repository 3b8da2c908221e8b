"""LK001: a link to a page or file that is not in docs/."""

import difflib
import posixpath

from divergence.checks.registry import rule
from divergence.checks.rules._links import internal_links
from divergence.site.diagnostics import Diagnostic


# MkDocs' own link validation reports these during the build (without a column).
@rule(
    "LK001",
    "link-target",
    "A link points to a page or file that does not exist.",
    in_build=False,
)
def check(project):
    for page in project.pages:
        for item in internal_links(page):
            message = _problem(item, project.docs_files | project.generated_pages.keys())
            if message:
                link = item.link
                yield Diagnostic(page.path, link.line, link.col, "LK001", message)


def _problem(item, docs_files):
    target = item.link.target
    if item.problem == "absolute":
        return f"link '{target}' is an absolute path; link to the .md file relative to this page"
    if item.problem == "outside":
        return f"link '{target}' points outside docs/"
    if item.path in docs_files:
        return None
    for candidate in (posixpath.join(item.path, "index.md"), item.path + ".md"):
        if candidate in docs_files:
            return f"link '{target}' is not a file; link to the page's source '{candidate}'"
    close = difflib.get_close_matches(item.path, sorted(docs_files), n=1, cutoff=0.6)
    hint = f" (did you mean '{close[0]}'?)" if close else ""
    return f"link '{target}' points to '{item.path}', which is not in docs/{hint}"
