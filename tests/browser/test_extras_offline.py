"""The offline copy (`make offline`): the real site built with OFFLINE=true, opened from
file:// in Chromium with the network switched off. Pages open, links work, search works."""

from __future__ import annotations

import os
import posixpath
import re
from urllib.parse import unquote, urlsplit

import pytest

from sitebuild import REPO, build_site, nav_titles

# What a page read from disk may load: itself, its own folder's files, and what it makes.
LOCAL = ("file://", "data:", "blob:", "about:")


@pytest.fixture(scope="module")
def offline_site(tmp_path_factory):
    previous = os.environ.get("OFFLINE")
    os.environ["OFFLINE"] = "true"
    try:
        site = build_site(REPO / "mkdocs.yml", tmp_path_factory.mktemp("offline-site"))
    finally:
        if previous is None:
            del os.environ["OFFLINE"]
        else:
            os.environ["OFFLINE"] = previous
    return site


@pytest.fixture
def tab(browser, offline_site):
    context = browser.new_context(offline=True)
    tab = context.new_page()
    foreign, errors = [], []
    tab.on("request", lambda r: r.url.startswith(LOCAL) or foreign.append(r.url))
    tab.on("pageerror", lambda error: errors.append(str(error)))
    tab.home = offline_site.site_dir.as_uri() + "/"
    yield tab
    assert foreign == []
    assert errors == []
    context.close()


def test_the_offline_build_is_strict_clean_and_links_to_files(offline_site):
    """Every link in every page names a file that is there: a folder link would open a
    directory listing from disk, not its index.html."""
    assert (offline_site.logs, offline_site.aborted) == ([], None)
    site = offline_site.site_dir
    assert (site / "search" / "search_index.js").read_text("utf-8").startswith("var __index =")
    problems = []
    for rel in offline_site.html_files():
        soup = offline_site.soup(rel)
        for script in soup.select("script[src]"):
            if urlsplit(script["src"]).netloc:
                problems.append(f"{rel}: script from {script['src']}")
        if rel == "404.html":
            continue  # shown by a server, never from disk
        for anchor in soup.select("a[href]"):
            parts = urlsplit(anchor["href"])
            if parts.scheme or parts.netloc or not parts.path:
                continue
            target = posixpath.normpath(posixpath.join(posixpath.dirname(rel), unquote(parts.path)))
            if not (site / target).is_file():
                problems.append(f"{rel}: {anchor['href']}")
    assert problems == []
    shim = offline_site.soup("index.html").select("script[src*=iframe-worker]")
    assert [s["src"] for s in shim] == ["assets/javascripts/iframe-worker-shim.js"]


@pytest.mark.browser
def test_pages_open_from_disk_and_links_lead_from_page_to_page(tab):
    tab.goto(tab.home + "index.html")
    assert tab.locator("article h1").inner_text().rstrip("¶") == "The Trotsky Succession"
    tab.locator(".md-tabs").get_by_role("link", name=nav_titles()["aftermath/index.md"]).click()
    tab.wait_for_url(re.compile(r"aftermath/index\.html$"))
    tab.locator("article").get_by_role("link", name="Economic Policy").first.click()
    tab.wait_for_url(re.compile(r"aftermath/economic-policy\.html$"))
    assert tab.locator("article h1").inner_text().rstrip("¶") == "Economic Policy"
    # A term's link, across folders, to its entry on the glossary page.
    tab.locator("article a.dv-term").first.click()
    tab.wait_for_url(re.compile(r"/(glossary|people)\.html#[\w-]+$"))
    target = urlsplit(tab.url).fragment
    assert tab.locator(f"[id='{target}']").count() == 1


@pytest.mark.browser
def test_search_works_without_a_server_or_network(tab):
    tab.goto(tab.home + "point-of-divergence.html")
    # From file:// Chromium refuses Web Workers: the shipped shim stands in for them.
    assert tab.evaluate("Worker === window.IFrameWorker")
    tab.keyboard.press("/")
    tab.keyboard.type("Kronstadt", delay=30)
    tab.wait_for_selector(".md-search-result__item", timeout=20000)
    assert "matching document" in tab.locator(".md-search-result__meta").inner_text()
    first = tab.locator(".md-search-result__link").first
    href = first.get_attribute("href")
    assert href.startswith(tab.home) and ".html" in href
    first.click()
    # search.highlight adds the query (?h=) to the address, to mark the words found.
    tab.wait_for_url(re.compile(r"\.html\?h=[^#]*(#.*)?$"))
    assert "Kronstadt" in tab.locator("article").inner_text()


@pytest.mark.browser
def test_the_whole_essay_on_one_page_works_offline(tab):
    tab.goto(tab.home + "index.html")
    tab.get_by_role("link", name="The whole essay on one page").click()
    tab.wait_for_url(re.compile(r"print\.html$"))
    tab.locator("#actual-history sup a.footnote-ref").first.click()
    target = urlsplit(tab.url).fragment
    assert target.startswith("actual-history--fn:")
    assert tab.locator(f"[id='{target}']").is_visible()
