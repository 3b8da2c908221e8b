"""Browser tests: the real site built once, served on 127.0.0.1, driven in Debian's Chromium.

Playwright cannot download a browser on our machines; `make test` installs Debian's
chromium. Without it these tests skip locally, and fail when CI=true.
"""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import threading
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
