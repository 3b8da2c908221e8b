"""Search starts when the reader reaches for it, not on every first visit.

Material's worker and the whole search index are about 100 KB gzip, more than the rest
of a page (overrides/divergence/lazy-search.js holds them until the search form has focus).
"""

import pytest

pytestmark = pytest.mark.browser

SEARCH_FILES = ("/search/search_index.json", "/assets/javascripts/workers/search.")


def search_requests(page):
    requested = []
    page.on("request", lambda r: requested.append(r.url) if _is_search(r.url) else None)
    return requested


def _is_search(url):
    return any(part in url for part in SEARCH_FILES)


def test_a_first_visit_does_not_load_search(page, site_url):
    requested = search_requests(page)
    page.goto(site_url + "actual-history/")
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(500)
    assert requested == []
    # Instant navigation to another page does not start it either.
    page.locator(".md-tabs a, .md-nav a").filter(has_text="Point of Divergence").first.click()
    page.wait_for_url("**/point-of-divergence/")
    page.wait_for_load_state("networkidle")
    assert requested == []


@pytest.mark.parametrize("reach", ["keyboard shortcut", "search button"])
def test_search_starts_when_the_reader_reaches_for_it(page, site_url, reach):
    requested = search_requests(page)
    page.goto(site_url)
    page.wait_for_load_state("networkidle")
    if reach == "keyboard shortcut":
        page.keyboard.press("/")
    else:
        page.set_viewport_size({"width": 375, "height": 740})  # the header's search button
        page.locator("label.md-header__button[for=__search]").click()
    page.keyboard.type("Left Opposition")
    first = page.locator(".md-search-result__item").first
    first.wait_for(timeout=10_000)
    assert "Left Opposition" in first.inner_text()
    assert sorted({_kind(url) for url in requested}) == ["index", "worker"]


def _kind(url):
    return "index" if "search_index" in url else "worker"
