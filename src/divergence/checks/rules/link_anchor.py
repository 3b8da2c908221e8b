"""LK002: a link to an anchor that the target page does not have."""

from divergence.checks.registry import rule
from divergence.checks.render import element_ids
from divergence.checks.rules._links import internal_links
from divergence.site.diagnostics import Diagnostic, did_you_mean


# MkDocs' own anchor validation reports these during the build (without a line).
@rule(
    "LK002",
    "link-anchor",
    "A link points to an anchor that the target page does not have.",
    needs="html",
    in_build=False,
)
def check(project):
    for page in project.pages:
        for item in internal_links(page):
            if not item.fragment or item.problem or not item.path.endswith(".md"):
                continue
            # Anchors the build adds (entries, events) and those the page's Markdown makes.
            ids = set(project.generated_pages.get(item.path, ()))
            target = project.page_by_docs_path(item.path)
            html = project.html_of(target) if target else None
            if html is None and item.path not in project.generated_pages:
                continue
            ids |= element_ids(html or "")
            if item.fragment not in ids:
                link = item.link
                yield Diagnostic(
                    page.path,
                    link.line,
                    link.col,
                    "LK002",
                    f"'{item.path}' has no anchor '#{item.fragment}'"
                    f"{did_you_mean(item.fragment, ids)}",
                )
