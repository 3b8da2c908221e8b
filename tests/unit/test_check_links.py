"""tools/check_links.py: what it extracts, how it judges answers, what it prints.

No test reaches the network: answers come from a table, or from an HTTP server on the
loopback interface that this file starts.
"""

from __future__ import annotations

import importlib.util
import socket
import sys
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from sitebuild import REPO

_spec = importlib.util.spec_from_file_location("check_links", REPO / "tools" / "check_links.py")
assert _spec and _spec.loader
check_links = importlib.util.module_from_spec(_spec)
# Dataclasses look their module up by name while the module is executed.
sys.modules["check_links"] = check_links
_spec.loader.exec_module(check_links)

Answer = check_links.Answer
Link = check_links.Link

BIB = """\
@book{service2005,
  author       = {Service, Robert},
  title        = {Stalin: A Biography},
  url          = {https://example.org/stalin},
  urldate      = {2026-11-25},
}

@online{hoover,
  title = "Profile",
  URL = "https://example.org/profile?id=1&x=2",
}

@misc{bad,
  url          = {www.example.org/no-scheme},
}
"""


def test_bib_links_are_the_url_fields_at_their_value() -> None:
    links = check_links.bib_links(Path("data/references.bib"), BIB)
    assert links == [
        Link("data/references.bib", 4, 19, "https://example.org/stalin"),
        Link("data/references.bib", 10, 10, "https://example.org/profile?id=1&x=2"),
        Link("data/references.bib", 14, 19, "www.example.org/no-scheme"),
    ]
    # The position is the value's own: the line, from column `col`, starts with the URL.
    for link in links:
        assert BIB.splitlines()[link.line - 1][link.col - 1 :].startswith(link.url)


def test_urldate_and_other_fields_are_not_links() -> None:
    assert check_links.bib_links(Path("x.bib"), "@misc{a,\n  urldate = {2026-01-01},\n}\n") == []


PAGE = """\
<!doctype html>
<html><head>
<link rel="canonical" href="https://own.example/site/page/">
</head><body>
<a href="https://example.org/a?x=1&amp;y=2">A</a> <a href='http://example.org/b'>B</a>
<a href="../relative/">local</a> <a href="#top">anchor</a>
<a href="https://own.example/site/other/">own page</a>
<img src="https://example.org/image.png" alt="">
<a href="https://github.com/owner/repo/edit/main/docs/page.md">edit</a>
</body></html>
"""


def test_html_links_are_absolute_hrefs_except_the_sites_own() -> None:
    own = ["https://own.example/site/", "https://github.com/owner/repo"]
    links = check_links.html_links(Path("site/page/index.html"), PAGE, own)
    # Entities are decoded, as a browser would request the address.
    assert [link.url for link in links] == ["https://example.org/a?x=1&y=2", "http://example.org/b"]
    # The line and column are those of the tag that holds the link.
    line = PAGE.splitlines()[4]
    assert [(link.line, link.col) for link in links] == [
        (5, line.index('<a href="https://example.org/a') + 1),
        (5, line.index("<a href='http://example.org/b'") + 1),
    ]


def test_site_links_read_every_page(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "index.html").write_text('<a href="https://example.org/1">1</a>')
    (tmp_path / "a" / "index.html").write_text('\n<a href="https://example.org/2">2</a>')
    (tmp_path / "style.css").write_text('a { background: url("https://example.org/3") }')
    links = check_links.site_links(tmp_path, [])
    assert [(Path(link.path).relative_to(tmp_path), link.line, link.url) for link in links] == [
        (Path("a/index.html"), 2, "https://example.org/2"),
        (Path("index.html"), 1, "https://example.org/1"),
    ]


class Table:
    """Answers from a table of (method, url) → Answer, recording every request."""

    def __init__(self, answers: dict[tuple[str, str], Answer]) -> None:
        self.answers = answers
        self.requests: list[tuple[str, str]] = []

    def __call__(self, method: str, url: str) -> Answer:
        self.requests.append((method, url))
        return self.answers[method, url]


OK = Answer(200, "OK")


@pytest.mark.parametrize(
    ("head", "get", "requests", "final"),
    [
        (OK, None, ["HEAD"], OK),
        # Servers that refuse or mishandle HEAD: GET decides.
        (Answer(405, "Method Not Allowed"), OK, ["HEAD", "GET"], OK),
        (Answer(404, "Not Found"), Answer(404, "Not Found"), ["HEAD", "GET"], None),
        (Answer(None, "timed out"), OK, ["HEAD", "GET"], OK),
        # A status GET would not change is final.
        (Answer(410, "Gone"), None, ["HEAD"], None),
    ],
)
def test_head_then_get(
    head: Answer, get: Answer | None, requests: list[str], final: Answer | None
) -> None:
    url = "https://example.org/x"
    table = Table({("HEAD", url): head} | ({("GET", url): get} if get else {}))
    answer = check_links.check(url, table)
    assert [method for method, _ in table.requests] == requests
    assert answer == (final or table.answers[requests[-1], url])


LINK = Link("data/references.bib", 3, 19, "https://example.org/x")


@pytest.mark.parametrize(
    ("answer", "code"),
    [
        (Answer(200, "OK"), None),
        (Answer(404, "Not Found"), "LINK001"),
        (Answer(503, "Service Unavailable"), "LINK001"),
        (Answer(None, "[Errno -2] Name or service not known"), "LINK002"),
        (Answer(403, "Forbidden"), "LINK003"),
        (Answer(429, "Too Many Requests"), "LINK003"),
    ],
)
def test_judge(answer: Answer, code: str | None) -> None:
    finding = check_links.judge(LINK, answer)
    assert (finding.code if finding else None) == code


def test_each_address_is_requested_once_and_reported_where_written() -> None:
    gone = "https://example.org/gone"
    links = [
        Link("site/b/index.html", 9, 3, gone),
        Link("data/references.bib", 4, 19, gone),
        Link("data/references.bib", 8, 19, "https://example.org/fine"),
        Link("data/references.bib", 12, 19, "ftp://example.org/file"),
    ]
    table = Table(
        {
            ("HEAD", gone): Answer(404, "Not Found"),
            ("GET", gone): Answer(404, "Not Found"),
            ("HEAD", "https://example.org/fine"): OK,
        }
    )
    pauses: list[float] = []
    findings = check_links.check_all(links, table, delay=1.5, sleep=pauses.append)
    assert table.requests == [
        ("HEAD", gone),
        ("GET", gone),
        ("HEAD", "https://example.org/fine"),
    ]
    # A pause between two addresses, none before the first.
    assert pauses == [1.5]
    assert [str(finding) for finding in findings] == [
        "data/references.bib:4:19: LINK001 https://example.org/gone answered HTTP 404 Not Found",
        "data/references.bib:12:19: LINK004 ftp://example.org/file "
        "is not an absolute http:// or https:// address",
        "site/b/index.html:9:3: LINK001 https://example.org/gone answered HTTP 404 Not Found",
    ]


def test_report_fails_only_on_broken_links() -> None:
    refused = check_links.judge(LINK, Answer(403, "Forbidden"))
    text, status = check_links.report([refused], checked=5)
    assert status == 0
    assert text.splitlines() == [
        "data/references.bib:3:19: LINK003 https://example.org/x answered HTTP 403 Forbidden: "
        "the server refuses automated requests; open it in a browser",
        "check_links: 5 addresses, 0 broken, 1 to check by hand",
    ]
    gone = check_links.judge(LINK, Answer(404, "Not Found"))
    text, status = check_links.report([gone, refused], checked=5)
    assert status == 1
    assert text.splitlines()[-1] == "check_links: 5 addresses, 1 broken, 1 to check by hand"


def test_main_checks_the_bib_and_the_site_but_not_the_sites_own_links(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "docs").mkdir()
    config = tmp_path / "mkdocs.yml"
    config.write_text(
        "site_name: Test\n"
        "site_url: https://own.example/site/\n"
        "repo_url: https://github.com/owner/repo\n"
    )
    bib = tmp_path / "references.bib"
    bib.write_text(BIB)
    site = tmp_path / "site"
    (site / "page").mkdir(parents=True)
    (site / "index.html").write_text("<p>home</p>")
    (site / "page" / "index.html").write_text(PAGE)
    answers = {
        ("HEAD", "https://example.org/stalin"): OK,
        ("HEAD", "https://example.org/profile?id=1&x=2"): Answer(404, "Not Found"),
        ("GET", "https://example.org/profile?id=1&x=2"): Answer(404, "Not Found"),
        ("HEAD", "https://example.org/a?x=1&y=2"): OK,
        ("HEAD", "http://example.org/b"): OK,
    }
    table = Table(answers)
    argv = ["-f", str(config), "--bib", str(bib), "--site", str(site), "--delay", "0"]
    status = check_links.main(argv, fetch=table)
    out = capsys.readouterr().out.splitlines()
    assert status == 1
    assert out == [
        f"{bib}:10:10: LINK001 https://example.org/profile?id=1&x=2 answered HTTP 404 Not Found",
        f"{bib}:14:19: LINK004 www.example.org/no-scheme "
        "is not an absolute http:// or https:// address",
        "check_links: 5 addresses, 2 broken, 0 to check by hand",
    ]
    # The site's own pages and repository were never requested.
    assert {url for _, url in table.requests} == {url for _, url in answers}


def test_main_without_a_built_site_says_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "docs").mkdir()
    config = tmp_path / "mkdocs.yml"
    config.write_text("site_name: Test\n")
    bib = tmp_path / "references.bib"
    bib.write_text("")
    argv = ["-f", str(config), "--bib", str(bib), "--site", str(tmp_path / "site")]
    assert check_links.main(argv, fetch=Table({})) == 2
    assert "holds no built site; run `make build`" in capsys.readouterr().err


class _Server(BaseHTTPRequestHandler):
    """/head-refused answers 405 to HEAD and 200 to GET; /moved redirects; else 404."""

    def do_HEAD(self) -> None:
        if self.path == "/head-refused":
            self._answer(405)
        else:
            self.do_GET()

    def do_GET(self) -> None:
        if self.path == "/moved":
            self.send_response(301)
            self.send_header("Location", "/page")
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        self._answer(200 if self.path in ("/page", "/head-refused") else 404)
        self.server.user_agents.append(self.headers["User-Agent"])  # type: ignore[attr-defined]

    def _answer(self, status: int) -> None:
        self.send_response(status)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture
def loopback() -> Iterator[tuple[str, list[str]]]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Server)
    server.user_agents = []  # type: ignore[attr-defined]
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", server.user_agents  # type: ignore[attr-defined]
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


def test_the_standard_library_fetcher_on_a_loopback_server(
    loopback: tuple[str, list[str]],
) -> None:
    base, user_agents = loopback
    fetch = check_links.urllib_fetch("trotsky-succession-link-check/test", timeout=5)
    assert check_links.check(f"{base}/head-refused", fetch).status == 200
    assert check_links.check(f"{base}/moved", fetch).status == 200
    assert check_links.check(f"{base}/missing", fetch) == Answer(404, "Not Found")
    assert set(user_agents) == {"trotsky-succession-link-check/test"}
    # A port that is bound but not listening refuses the connection: no answer at all.
    with socket.socket() as closed:
        closed.bind(("127.0.0.1", 0))
        answer = check_links.check(f"http://127.0.0.1:{closed.getsockname()[1]}/", fetch)
    assert answer.status is None
    assert "refused" in answer.reason
