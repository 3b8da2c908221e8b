"""Check the external links of the bibliography and of the built site.

    python tools/check_links.py [--bib data/references.bib] [--site site]

Collects the `url = {...}` fields of the BibTeX file and every `href="http..."` of the
built pages, leaves out the site's own addresses (site_url and repo_url of mkdocs.yml),
requests each address once (HEAD, then GET when the server refuses or mishandles HEAD),
slowly and with a User-Agent that names the project, and prints one line per place a
link is written:

    data/references.bib:346:18: LINK001 https://example.org/gone answered HTTP 404 Not Found

LINK001  the server answered with an error status (4xx or 5xx)
LINK002  no answer: the name does not resolve, the connection failed or timed out
LINK003  the server refuses automated requests (HTTP 401, 403 or 429): check it by hand
LINK004  a bibliography `url` field that is not an absolute http(s) address

The exit status is 1 when a link is broken (LINK001, LINK002, LINK004), else 0: a
LINK003 is printed, but says nothing about whether the page still exists.
Run by the scheduled workflow .github/workflows/links.yml; never by the tests.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

USER_AGENT = "trotsky-succession-link-check/1 (+{repo_url})"
# A server that mishandles HEAD often answers one of these; GET then decides.
RETRY_WITH_GET = frozenset({400, 403, 404, 405, 429, 500, 501, 502, 503})
REFUSES_ROBOTS = frozenset({401, 403, 429})
BROKEN_CODES = frozenset({"LINK001", "LINK002", "LINK004"})

# `url = {...}` or `url = "..."`, the field name in any case; the value up to the brace or
# quote that closes it (a URL has no braces or quotes of its own).
BIB_URL = re.compile(r"""(?im)^[ \t]*url[ \t]*=[ \t]*[{"](?P<url>[^}"]*)[}"]""")


@dataclass(frozen=True, order=True)
class Link:
    """One place where an address is written; col counts from 1."""

    path: str
    line: int
    col: int
    url: str


@dataclass(frozen=True)
class Answer:
    """What requesting an address gave: an HTTP status, or the reason there was none."""

    status: int | None
    reason: str


@dataclass(frozen=True, order=True)
class Finding:
    link: Link
    code: str
    message: str

    def __str__(self) -> str:
        link = self.link
        return f"{link.path}:{link.line}:{link.col}: {self.code} {link.url} {self.message}"


def bib_links(path: Path, text: str) -> list[Link]:
    """The url fields of a BibTeX file, each at the line and column of its value."""
    links = []
    for match in BIB_URL.finditer(text):
        start = match.start("url")
        line = text.count("\n", 0, start) + 1
        col = start - (text.rfind("\n", 0, start) + 1) + 1
        links.append(Link(str(path), line, col, match["url"].strip()))
    return links


class _Hrefs(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[int, int, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name == "href" and value and value.startswith(("http://", "https://")):
                line, offset = self.getpos()
                self.found.append((line, offset + 1, value))


def html_links(path: Path, text: str, own: Iterable[str]) -> list[Link]:
    """The absolute http(s) hrefs of a page (entities decoded), except the site's own.

    The line and column are those of the tag that holds the link."""
    parser = _Hrefs()
    parser.feed(text)
    parser.close()
    prefixes = tuple(own)
    return [
        Link(str(path), line, col, url)
        for line, col, url in parser.found
        if not url.startswith(prefixes)
    ]


def site_links(site: Path, own: Iterable[str]) -> list[Link]:
    own = tuple(own)
    links = []
    for page in sorted(site.rglob("*.html")):
        links += html_links(page, page.read_text(encoding="utf-8"), own)
    return links


Fetch = Callable[[str, str], Answer]


def urllib_fetch(user_agent: str, timeout: float) -> Fetch:
    """Requests with the standard library; redirects are followed."""

    def fetch(method: str, url: str) -> Answer:
        request = urllib.request.Request(url, method=method, headers={"User-Agent": user_agent})
        try:
            with urllib.request.urlopen(request, timeout=timeout) as response:
                return Answer(response.status, response.reason)
        except urllib.error.HTTPError as error:
            error.close()  # it holds the response and its connection
            return Answer(error.code, error.reason)
        except (urllib.error.URLError, TimeoutError, OSError, ValueError) as error:
            reason = getattr(error, "reason", error)
            return Answer(None, str(reason) or type(error).__name__)

    return fetch


def check(url: str, fetch: Fetch) -> Answer:
    """HEAD first, as it costs the server least; GET when HEAD failed in a way GET may not."""
    answer = fetch("HEAD", url)
    if answer.status is None or answer.status in RETRY_WITH_GET:
        answer = fetch("GET", url)
    return answer


def judge(link: Link, answer: Answer) -> Finding | None:
    if answer.status is None:
        return Finding(link, "LINK002", f"no answer: {answer.reason}")
    if answer.status in REFUSES_ROBOTS:
        return Finding(
            link,
            "LINK003",
            f"answered HTTP {answer.status} {answer.reason}: "
            "the server refuses automated requests; open it in a browser",
        )
    if answer.status >= 400:
        return Finding(link, "LINK001", f"answered HTTP {answer.status} {answer.reason}")
    return None


def malformed(link: Link) -> Finding | None:
    if re.fullmatch(r"https?://[^\s/]+\S*", link.url):
        return None
    return Finding(link, "LINK004", "is not an absolute http:// or https:// address")


def check_all(
    links: list[Link],
    fetch: Fetch,
    delay: float,
    sleep: Callable[[float], None] = time.sleep,
) -> list[Finding]:
    """Each address is requested once, however often it is written, one request at a time
    with `delay` seconds between them; every place it is written gets the finding."""
    findings = [finding for link in links if (finding := malformed(link))]
    bad = {finding.link for finding in findings}
    places: dict[str, list[Link]] = {}
    for link in links:
        if link not in bad:
            places.setdefault(link.url, []).append(link)
    for index, (url, written) in enumerate(places.items()):
        if index:
            sleep(delay)
        answer = check(url, fetch)
        findings += [finding for link in written if (finding := judge(link, answer))]
    return sorted(findings)


def report(findings: list[Finding], checked: int) -> tuple[str, int]:
    """The lines to print, and the exit status."""
    broken = sum(finding.code in BROKEN_CODES for finding in findings)
    lines = [f"{finding}\n" for finding in findings]
    lines.append(
        f"check_links: {checked} addresses, {broken} broken, "
        f"{len(findings) - broken} to check by hand\n"
    )
    return "".join(lines), int(broken > 0)


def _own_urls(config_file: Path) -> tuple[str, str]:
    """site_url and repo_url as the build sees them (environment included)."""
    from mkdocs.config import load_config

    config = load_config(str(config_file))
    return config["site_url"] or "", config["repo_url"] or ""


def main(argv: list[str] | None = None, fetch: Fetch | None = None) -> int:
    args = _parser().parse_args(argv)
    site_url, repo_url = _own_urls(args.config_file)
    own = [url for url in (site_url, repo_url, *args.exclude) if url]
    links: list[Link] = []
    if args.bib:
        links += bib_links(args.bib, args.bib.read_text(encoding="utf-8"))
    if args.site:
        if not (args.site / "index.html").is_file():
            print(
                f"check_links: {args.site} holds no built site; run `make build`", file=sys.stderr
            )
            return 2
        links += site_links(args.site, own)
    fetch = fetch or urllib_fetch(USER_AGENT.format(repo_url=repo_url), args.timeout)
    findings = check_all(links, fetch, args.delay)
    text, status = report(findings, len({link.url for link in links}))
    print(text, end="")
    return status


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--bib", type=Path, default=Path("data/references.bib"))
    parser.add_argument("--site", type=Path, help="a built site, e.g. site (make build)")
    parser.add_argument("-f", "--config-file", type=Path, default=Path("mkdocs.yml"))
    parser.add_argument(
        "--exclude", action="append", default=[], help="an address prefix not to check"
    )
    parser.add_argument("--timeout", type=float, default=20.0, help="seconds per request")
    parser.add_argument("--delay", type=float, default=1.0, help="seconds between requests")
    return parser


if __name__ == "__main__":
    sys.exit(main())
