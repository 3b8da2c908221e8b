"""The 404 page as a server shows it: for a missing address at any depth under the site's
published path, styled, with its nav, and every link on it leading somewhere."""

from __future__ import annotations

import functools
import http.server
import io
import threading
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from conftest import _QuietHandler

pytestmark = pytest.mark.browser


class _PublishedHandler(_QuietHandler):
    """Serve the site under ``base`` (site_url's path), and 404.html with status 404 for any
    address that has no file, as GitHub Pages and most static hosts do."""

    def __init__(self, *args, base: str, **kwargs):
        self.base = base
        super().__init__(*args, **kwargs)

    def send_head(self):
        path = urlsplit(self.path).path
        if path.startswith(self.base):
            self.path = "/" + self.path[len(self.base) :]
            target = Path(self.translate_path(self.path))
            if target.is_file() or (self.path.endswith("/") and (target / "index.html").is_file()):
                return super().send_head()
        body = (Path(self.directory) / "404.html").read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)


@pytest.fixture(scope="module")
def published_url(real_site):
    """The real site served under its published path, e.g. /trotsky-succession/."""
    stylesheet = real_site.soup("404.html").select_one('link[rel="stylesheet"][href*="assets/"]')
    base = stylesheet["href"].split("assets/")[0]
    handler = functools.partial(_PublishedHandler, base=base, directory=str(real_site.site_dir))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}{base}"
    server.shutdown()
    server.server_close()


@pytest.fixture
def tab(browser, published_url):
    context = browser.new_context()
    tab = context.new_page()
    origin = published_url.split("/", 3)[:3]
    foreign = []
    tab.on("request", lambda r: r.url.startswith("/".join(origin)) or foreign.append(r.url))
    yield tab
    assert foreign == []
    context.close()


@pytest.mark.parametrize("missing", ["nowhere", "aftermath/no-such-page/", "a/b/c/d/e/f.html"])
def test_a_missing_address_at_any_depth_gets_a_styled_page_with_a_way_back(
    tab, published_url, missing
):
    response = tab.goto(published_url + missing)
    assert response.status == 404
    assert tab.title() == "Page not found - The Trotsky Succession"
    assert tab.locator("article h1").inner_text() == "Page not found"
    # Material's stylesheet and ours applied, and the nav and search are there.
    assert tab.evaluate("getComputedStyle(document.querySelector('.md-header')).position") in {
        "sticky",
        "fixed",
    }
    assert tab.locator(".md-tabs__link").count() >= 7
    assert tab.locator(".md-search__input").count() == 1
    statuses = tab.evaluate(
        """async () => {
          const links = [...document.querySelectorAll("a[href]")]
            .map(a => a.href).filter(h => h.startsWith(location.origin));
          return Object.fromEntries(await Promise.all(
            [...new Set(links)].map(async h => [h, (await fetch(h)).status])));
        }"""
    )
    assert len(statuses) >= 10
    assert {url: status for url, status in statuses.items() if status != 200} == {}
    tab.get_by_role("link", name="Go to the home page of The Trotsky Succession").click()
    tab.wait_for_url(published_url)
    assert tab.locator("article h1").inner_text().rstrip("¶") == "The Trotsky Succession"


def test_search_works_from_the_404_page(tab, published_url):
    tab.goto(published_url + "deep/missing/page/")
    tab.keyboard.press("/")
    tab.keyboard.type("Kronstadt", delay=30)
    tab.wait_for_selector(".md-search-result__item", timeout=20000)
    first = tab.locator(".md-search-result__link").first
    assert first.get_attribute("href").startswith(published_url)
