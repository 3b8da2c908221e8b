"""UR002: an absolute link to this site, which breaks in previews, copies and other hosts."""

from urllib.parse import urlsplit

from divergence.checks import scan
from divergence.checks.registry import rule
from divergence.site.diagnostics import Diagnostic


@rule("UR002", "self-absolute-link", "An absolute link points to this site itself.")
def check(project):
    site = urlsplit(project.site_url)
    if not site.netloc:
        return
    prefix = site.netloc + site.path.rstrip("/")
    for page in project.pages:
        for link in scan.links(page):
            target = urlsplit(link.target)
            if target.scheme not in ("http", "https", "") or not target.netloc:
                continue
            if (target.netloc + target.path).startswith(prefix):
                yield Diagnostic(
                    page.path,
                    link.line,
                    link.col,
                    "UR002",
                    f"'{link.target}' is an absolute link to this site; link to the page's "
                    ".md file with a relative path instead",
                )
