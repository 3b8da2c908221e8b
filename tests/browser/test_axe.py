"""axe-core on every page of the real site, in the light and in the dark colour scheme.

DESIGN.md's budget: zero violations, of any impact. Each scheme is one test that visits
every page in one browser context and reports everything it found in one message:
page, rule, impact, and the selector of each offending element.
"""

from __future__ import annotations

import functools
import http.server
import os
import re
import threading
import urllib.parse

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from conftest import _QuietHandler
from sitebuild import REPO

pytestmark = pytest.mark.browser

AXE = REPO / "node_modules/axe-core/axe.min.js"
# The reader's system setting (the site follows it by default) and the scheme Material
# then sets on <body>.
SCHEMES = {"light": "default", "dark": "slate"}


@pytest.fixture(scope="session")
def axe_source() -> str:
    if not AXE.is_file():
        message = f"axe-core is missing ({AXE.relative_to(REPO)}): run `make test`"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    return AXE.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def published_url(real_site):
    """The real site served at the path of its published address (site_url).

    The 404 page links to its styles and scripts by absolute paths under that path, so
    served from the root it would be checked unstyled.
    """
    home = real_site.soup("index.html").select_one('link[rel="canonical"]')["href"]
    base = urllib.parse.urlsplit(home).path.rstrip("/")

    class Handler(_QuietHandler):
        def translate_path(self, path):
            return super().translate_path(path.removeprefix(base))

    handler = functools.partial(Handler, directory=str(real_site.site_dir))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}{base}/"
    server.shutdown()
    server.server_close()


@pytest.mark.parametrize("scheme", SCHEMES)
def test_no_axe_violations_on_any_page(browser, real_site, published_url, axe_source, scheme):
    pages = [re.sub(r"(^|/)index\.html$", r"\1", rel) for rel in real_site.html_files()]
    context = browser.new_context(color_scheme=scheme)
    context.add_init_script(axe_source)
    foreign: list[str] = []
    context.on("request", lambda r: r.url.startswith("http://127.0.0.1") or foreign.append(r.url))
    findings: list[str] = []
    # Two tabs take turns: one loads its next page while axe runs in the other (each tab
    # has its own renderer process, so two cores both work).
    tabs = [context.new_page() for _ in range(2)]
    running: dict = {}

    def collect(tab) -> None:
        rel = running.pop(tab)
        violations = tab.evaluate("window.axeResults")["violations"]
        findings.extend(_describe(rel, violation) for violation in violations)

    try:
        for number, rel in enumerate(pages):
            tab = tabs[number % len(tabs)]
            if tab in running:
                collect(tab)
            tab.goto(published_url + rel)
            # Material applies the scheme from its script: check it did before judging colours.
            try:
                tab.wait_for_function(
                    "s => document.body.dataset.mdColorScheme === s",
                    arg=SCHEMES[scheme],
                    timeout=5000,
                )
            except PlaywrightTimeout:
                actual = tab.evaluate("document.body.dataset.mdColorScheme")
                findings.append(f"/{rel}: colour scheme is {actual!r}, not {SCHEMES[scheme]!r}")
                continue
            tab.evaluate(
                "() => { window.axeResults = axe.run(document, {resultTypes: ['violations']}) }"
            )
            running[tab] = rel
        for tab in list(running):
            collect(tab)
    finally:
        context.close()
    assert foreign == [], "requests to other origins"
    assert not findings, (
        f"axe-core found {len(findings)} violation(s) in the {scheme} scheme "
        f"({len(pages)} pages checked):\n" + "\n".join(sorted(findings))
    )
    assert len(pages) > 30  # the whole site was checked, not an empty folder


def _describe(rel: str, violation: dict) -> str:
    """One violation: page, rule, impact, then each element's selector and what is wrong."""
    lines = [f"/{rel}: {violation['id']} ({violation['impact']}): {violation['help']}"]
    for node in violation["nodes"]:
        why = node.get("failureSummary", "").splitlines()[1:2] or [""]
        lines.append(f"    {' >>> '.join(node['target'])}: {why[0].strip()}")
    return "\n".join(lines)


def _open_drawer(page):
    page.get_by_role("button", name="Navigation").or_(
        page.locator('label[for="__drawer"].md-header__button')
    ).first.click()
    page.locator(".md-sidebar--primary .md-nav__title").first.wait_for(state="visible")


def _search(page):
    page.keyboard.press("/")
    page.keyboard.type("Trotsky")
    page.locator(".md-search-result__item").first.wait_for(timeout=10_000)


def _definition(page):
    page.locator("article a.dv-term").first.focus()
    page.locator("#dv-tip").wait_for(state="visible")


def _footnote(page):
    page.locator("article .footnote-ref").first.hover()
    page.locator("#dv-tip").wait_for(state="visible")


# What a page shows only after the reader does something, on a phone and on a desktop.
STATES = {
    "drawer open (375 px)": ("", 375, _open_drawer),
    "search results (375 px)": ("", 375, _search),
    "search results (1280 px)": ("", 1280, _search),
    "definition shown (375 px)": ("actual-history/", 375, _definition),
    "footnote shown (1280 px)": ("actual-history/", 1280, _footnote),
}


@pytest.mark.parametrize("scheme", SCHEMES)
def test_no_axe_violations_in_what_opens_on_demand(browser, published_url, axe_source, scheme):
    findings: list[str] = []
    for state, (rel, width, open_it) in STATES.items():
        context = browser.new_context(color_scheme=scheme, viewport={"width": width, "height": 800})
        context.add_init_script(axe_source)
        try:
            page = context.new_page()
            page.goto(published_url + rel)
            page.wait_for_function(
                "s => document.body.dataset.mdColorScheme === s", arg=SCHEMES[scheme]
            )
            open_it(page)
            violations = page.evaluate("axe.run(document, {resultTypes: ['violations']})")[
                "violations"
            ]
            findings.extend(_describe(f"{rel} [{state}]", v) for v in violations)
        finally:
            context.close()
    assert not findings, (
        f"axe-core found {len(findings)} violation(s) in the {scheme} scheme:\n"
        + "\n".join(sorted(findings))
    )
