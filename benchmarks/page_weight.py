"""Page weight of a first visit of every page, in headless Chromium with an empty cache.

Used by audit.py. The static host counts what it sends (requests, bytes before and after
gzip), which also covers the search worker's fetches; Playwright watches for requests to
any other origin.
"""

from __future__ import annotations

import gzip
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from bs4 import BeautifulSoup
from common import CHROMIUM, CHROMIUM_ARGS, REPO, Served, StaticHost, table

from divergence.plugin.output.assets import BUNDLE

BUDGET_GZIP_KB = 100
BUDGET_REQUESTS = 8
BUDGET_OWN_KB = 6
GZIP_LEVEL = 6
# Playwright now and then misses the idle moment of a page whose requests all finished
# (the host's log shows none pending): wait this long, then note it and go on.
IDLE_TIMEOUT_MS = 15_000
SEARCH_PATHS = ("/search/", "/assets/javascripts/workers/search.")


@dataclass
class Visit:
    path: str
    log: list[Served]
    foreign: list[str]
    # Playwright saw no 500 ms without requests within IDLE_TIMEOUT_MS.
    busy: bool = False

    @property
    def requests(self) -> int:
        return len(self.log) + len(self.foreign)

    @property
    def raw(self) -> int:
        return sum(s.raw_bytes for s in self.log)

    @property
    def sent(self) -> int:
        return sum(s.sent_bytes for s in self.log)

    def without_search(self) -> list[Served]:
        """What the page needs without search: Material's worker fetches its index on
        every first visit, before anyone searches."""
        return [s for s in self.log if not s.path.startswith(SEARCH_PATHS)]

    def own(self, paths: set[str]) -> int:
        return sum(s.sent_bytes for s in self.log if s.path in paths)


def own_assets(built: Path) -> dict[str, int]:
    """Each of our CSS and JS files as served (URL path) and the bytes of its sources.

    The sources are what docs/assets/ holds (the theme's files are elsewhere); our scripts
    are served as one file, divergence/output's BUNDLE.
    """
    docs = REPO / "docs"
    sources = {
        "/" + p.relative_to(docs).as_posix(): p.stat().st_size
        for p in (docs / "assets").rglob("*")
        if p.suffix in (".css", ".js")
    }
    served = {path: size for path, size in sources.items() if (built / path[1:]).is_file()}
    if (built / BUNDLE).is_file():
        served["/" + BUNDLE] = sum(
            size for path, size in sources.items() if path not in served and path.endswith(".js")
        )
    return served


def visit_all(site, host: StaticHost, browser) -> list[Visit]:
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    visits = []
    for path in site.pages:
        context = browser.new_context()  # an empty cache: a first visit
        page = context.new_page()
        foreign: list[str] = []
        page.on(
            "request",
            lambda r, foreign=foreign: (
                None if r.url.startswith((site.url, "data:", "blob:")) else foreign.append(r.url)
            ),
        )
        host.take_log()
        page.goto(site.url + path, wait_until="load", timeout=60_000)
        # Material fetches the search index and the sitemap from scripts: wait for them.
        try:
            page.wait_for_load_state("networkidle", timeout=IDLE_TIMEOUT_MS)
            busy = False
        except PlaywrightTimeout:  # still fetching: report it rather than stop
            busy = True
        context.close()
        visits.append(Visit(path, host.take_log(), foreign, busy))
    return visits


def render_blocking(html_file) -> set[str]:
    """URL paths the browser must fetch before it can paint: stylesheets and classic
    scripts in <head> (Material puts its scripts at the end of <body>)."""
    head = BeautifulSoup(html_file.read_text(encoding="utf-8"), "html.parser").head
    found = {link["href"] for link in head.find_all("link", rel="stylesheet")}
    found |= {
        s["src"]
        for s in head.find_all("script", src=True)
        if not s.has_attr("async") and not s.has_attr("defer") and s.get("type") != "module"
    }
    return {urlsplit(urljoin("http://host/", href)).path for href in found}


def inline_code(html_file) -> list[tuple[str, int, int]]:
    """Scripts and styles written into the page itself: (what, bytes, gzip bytes alone)."""
    soup = BeautifulSoup(html_file.read_text(encoding="utf-8"), "html.parser")
    found = []
    for tag in soup.find_all(["script", "style"]):
        if tag.name == "script" and tag.has_attr("src"):
            continue
        body = tag.get_text().encode()
        name = f"<{tag.name}" + (f' id="{tag["id"]}"' if tag.has_attr("id") else "")
        name += f' type="{tag["type"]}">' if tag.has_attr("type") else ">"
        found.append((name, len(body), len(gzip.compress(body, GZIP_LEVEL, mtime=0))))
    return found


def kb(n: int) -> str:
    return f"{n / 1024:.1f}"


def run_all(ours, plain, page_types) -> None:
    from playwright.sync_api import sync_playwright

    own = own_assets(ours.folder)
    results = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            for site in (ours, plain):
                print(f"  first visits of {len(site.pages)} pages: {site.name}", flush=True)
                with StaticHost(site.folder, site.port, GZIP_LEVEL) as host:
                    results[site.name] = visit_all(site, host, browser)
        finally:
            browser.close()
    mine = {v.path: v for v in results[ours.name]}
    theirs = {v.path: v for v in results[plain.name]}
    labels = {path: label for label, path in page_types}
    rows = []
    for path, v in mine.items():
        p = theirs.get(path)
        within = v.sent <= BUDGET_GZIP_KB * 1024 and v.requests <= BUDGET_REQUESTS
        rows.append(
            [
                f"/{path}"
                + (f" ({labels[path]})" if path in labels else "")
                + (" (not idle in 15 s)" if v.busy else ""),
                str(v.requests),
                kb(v.raw),
                kb(v.sent),
                f"{len(v.without_search())} / {kb(sum(s.sent_bytes for s in v.without_search()))}",
                kb(v.own(own)),
                str(len(v.foreign)),
                "met" if within and not v.foreign else "NOT met",
                f"{p.requests} / {kb(p.sent)}" if p else "–",
                f"{v.sent / p.sent:.2f} x" if p else "–",
            ]
        )
    print(
        f"\nPage weight of a first visit (empty cache, until the network is idle; gzip level "
        f"{GZIP_LEVEL}; KB = 1024 bytes of response bodies, headers not counted).\nBudget: at "
        f"most {BUDGET_GZIP_KB} KB gzip in at most {BUDGET_REQUESTS} requests; our own CSS+JS "
        f"at most {BUDGET_OWN_KB} KB gzip; no request to another origin.\n"
    )
    header = ["page", "requests", "raw KB", "gzip KB", "without search: requests / gzip KB"]
    header += ["own CSS+JS gzip KB", "other origins", "budget", "plain: requests / gzip KB"]
    print(table(rows, [*header, "gzip vs plain"]))
    for name, visits in results.items():
        sent = sorted(v.sent for v in visits)
        print(
            f"\n{name}: {len(visits)} pages; gzip KB min {kb(sent[0])}, median "
            f"{kb(sent[len(sent) // 2])}, max {kb(sent[-1])}; requests max "
            f"{max(v.requests for v in visits)}; requests to other origins "
            f"{sum(len(v.foreign) for v in visits)}"
        )
    for site, visits in ((ours, mine), (plain, theirs)):
        blocking = render_blocking(site.folder / "index.html")
        print(f"\nRequests of a first visit of the home page, {site.name}:\n")
        rows = [
            [
                s.path,
                str(s.status),
                kb(s.raw_bytes),
                kb(s.sent_bytes),
                "yes" if s.path in blocking else "",
            ]
            for s in visits[""].log
        ]
        rows += [[url, "other origin", "", "", ""] for url in visits[""].foreign]
        print(table(rows, ["path", "status", "raw KB", "gzip KB", "render-blocking"]))
    sizes = []
    for url_path, source in sorted(own.items()):
        # As served: the build minifies our files (divergence.assets).
        body = (ours.folder / url_path.lstrip("/")).read_bytes()
        packed = len(gzip.compress(body, GZIP_LEVEL, mtime=0))
        sizes.append((url_path, source, len(body), packed))
    total = sum(s[3] for s in sizes)
    verdict = "met" if total <= BUDGET_OWN_KB * 1024 else "NOT met"
    print(f"\nOur own CSS and JS as built (budget {BUDGET_OWN_KB} KB gzip: {verdict}):\n")
    rows = [[path, kb(src), kb(raw), kb(packed)] for path, src, raw, packed in sizes]
    totals = ["total", kb(sum(s[1] for s in sizes)), kb(sum(s[2] for s in sizes)), kb(total)]
    print(
        table(
            [*rows, totals],
            ["file", "source KB", "built KB", "built gzip KB"],
        )
    )
    inline = inline_code(ours.folder / "index.html")
    if inline:
        print(
            "\nWritten into each page's HTML (counted in the page, not in the budget above; "
            "home page):\n"
        )
        rows = [[name, kb(raw), kb(packed)] for name, raw, packed in inline]
        print(table(rows, ["inline", "raw KB", "gzip KB (alone)"]))
