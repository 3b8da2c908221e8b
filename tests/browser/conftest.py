"""Browser tests: the real site built once, served on 127.0.0.1, driven in Debian's Chromium.

Playwright cannot download a browser on our machines; `make test` installs Debian's
chromium. Without it these tests skip locally, and fail when CI=true.
"""

from __future__ import annotations

import functools
import http.server
import os
import re
import shutil
import threading
import urllib.parse
from pathlib import Path

import pytest

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
# Keep Chromium from calling home (blocked here, and a request to another origin anyway).
CHROMIUM_ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def pytest_collection_modifyitems(config, items):
    if Path(CHROMIUM).is_file():
        return
    if os.environ.get("CI") == "true":
        raise pytest.UsageError(f"browser tests need Chromium at {CHROMIUM}: run `make test`")
    skip = pytest.mark.skip(reason=f"no Chromium at {CHROMIUM} (make test installs it)")
    for item in items:
        if "browser" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(scope="session")
def site_url(real_site):
    """The real site, served from a thread on a free port of 127.0.0.1."""
    handler = functools.partial(_QuietHandler, directory=str(real_site.site_dir))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="session")
def browser(tmp_path_factory):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser, site_url):
    """A fresh page that records every request leaving 127.0.0.1 (there must be none)."""
    context = browser.new_context()
    page = context.new_page()
    page.foreign_requests = []
    page.on(
        "request",
        lambda r: (
            None
            if r.url.startswith(("http://127.0.0.1", "data:", "blob:"))
            else page.foreign_requests.append(r.url)
        ),
    )
    yield page
    assert page.foreign_requests == []
    context.close()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


# Requests may go to the test server and to what the page itself holds, nowhere else.
LOCAL_URLS = ("http://127.0.0.1", "data:", "blob:")


@pytest.fixture
def new_context(browser):
    """Make browser contexts with other options (a phone's viewport, no JavaScript, a colour
    scheme); like `page`, each records every request leaving 127.0.0.1, and there must be none.
    """
    contexts = []

    def make(**options):
        context = browser.new_context(**options)
        foreign = context.foreign_requests = []
        context.on("request", lambda r: r.url.startswith(LOCAL_URLS) or foreign.append(r.url))
        contexts.append(context)
        return context

    yield make
    try:
        assert [url for context in contexts for url in context.foreign_requests] == []
    finally:
        for context in contexts:
            context.close()


@pytest.fixture(scope="session")
def site_pages(real_site):
    """Every page of the built site, as addresses relative to its root ('' is the home page)."""
    return [rel.removesuffix("index.html") for rel in real_site.html_files()]


@pytest.fixture
def published(real_site, site_url):
    """Make a context see the test server as the site's published address.

    Material's instant navigation only takes over links to the pages listed in sitemap.xml,
    whose addresses come from site_url (the published one), and the 404 page, served for
    any address, links to its assets by their absolute path under site_url. Answering
    sitemap.xml with the test server's address and that path from the server's root is
    what publishing there would produce, without a second build.
    """
    sitemap = (real_site.site_dir / "sitemap.xml").read_text(encoding="utf-8")
    home = min(re.findall(r"<loc>([^<]+)</loc>", sitemap), key=len)
    body = sitemap.replace(home, site_url)
    base = urllib.parse.urlsplit(home).path

    def publish(context):
        context.route(
            "**/sitemap.xml",
            lambda route: route.fulfill(body=body, content_type="application/xml"),
        )
        if base != "/":
            context.route(
                site_url.rstrip("/") + base + "**",
                lambda route: route.continue_(url=route.request.url.replace(base, "/", 1)),
            )
        return context

    return publish
