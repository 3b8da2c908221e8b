"""UR001: an http:// address; readers' connections to other sites must be encrypted."""

import re

from divergence.checks import scan
from divergence.checks.registry import rule
from divergence.site.diagnostics import Diagnostic

_HTTP = re.compile(r"\bhttp://[^\s)>\]\"'}]*", re.I)


@rule("UR001", "http-link", "A link uses http:// instead of https://.")
def check(project):
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
