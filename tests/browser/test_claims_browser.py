"""Claim status and contrasts in a real browser: the filter, its address, instant navigation,
print, and the contrast on a phone."""

from __future__ import annotations

import functools
import http.server
import os
import threading

import pytest

from conftest import _QuietHandler
from sitebuild import REPO, build_site

pytestmark = pytest.mark.browser

PAGE = "aftermath/party-dynamics/"


@pytest.fixture(scope="session")
def instant_url(tmp_path_factory):
    """The real site served at the address it was built for.

    Material's instant navigation only takes over links to the pages in sitemap.xml,
    whose addresses come from site_url (`mkdocs serve` sets it to the server's), so this
    copy is built for the port it is served on.
    """
    site_dir = tmp_path_factory.mktemp("instant-site")
    handler = functools.partial(_QuietHandler, directory=str(site_dir))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    url = f"http://127.0.0.1:{server.server_address[1]}/"
    previous = os.environ.get("SITE_URL")
    os.environ["SITE_URL"] = url
    try:
        site = build_site(REPO / "mkdocs.yml", site_dir)
    finally:
        if previous is None:
            del os.environ["SITE_URL"]
        else:
            os.environ["SITE_URL"] = previous
    assert site.aborted is None, site.logs
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield url
    server.shutdown()
    server.server_close()


def pressed(page):
    """The labels of the filter's pressed buttons."""
    return page.locator(".dv-claims__button[aria-pressed=true]").all_inner_texts()


def shown(page, selector):
    return page.locator(selector).first.is_visible()


def test_without_javascript_every_passage_shows_and_the_filter_stays_hidden(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(site_url + PAGE + "?status=documented&hide=others")
        assert page.locator(".dv-claims__default").is_visible()
        assert not page.locator(".dv-claims__filter").is_visible()
        for selector in (".dv-contrast__side--alternate", ".admonition.editor", "article h1 + p"):
            assert shown(page, selector), selector
    finally:
        context.close()


def test_highlighting_a_kind_marks_its_passages_and_puts_it_in_the_address(page, instant_url):
    page.goto(instant_url + PAGE)
    page.get_by_text("Highlight a kind of claim").click()
    page.get_by_role("button", name="Editorial note").click()
    assert pressed(page) == ["Editorial note"]
    assert page.url.endswith(PAGE + "?status=editorial")
    # The introduction is editorial; the essay's paragraphs are not, and editor's notes
    # that cite their sources are documented history.
    assert page.locator("article h1 + p").evaluate("e => e.matches('.dv-on')")
    assert not page.locator(".admonition.editor[data-divergence-status=documented]").first.evaluate(
        "e => e.matches('.dv-on')"
    )
    assert (
        page.locator(".dv-on").count()
        == page.locator("article [data-divergence-status=editorial]").count()
    )
    background = page.locator("article h1 + p").evaluate("e => getComputedStyle(e).backgroundColor")
    assert background != "rgba(0, 0, 0, 0)"
    # Nothing is hidden in this mode, and a second press turns it off.
    assert shown(page, ".dv-contrast__side--alternate")
    page.get_by_role("button", name="Editorial note").click()
    assert pressed(page) == []
    assert page.locator(".dv-on").count() == 0
    assert page.url.endswith(PAGE)


def test_hiding_the_others_leaves_one_kind_and_print_shows_all(page, instant_url):
    page.goto(instant_url + PAGE)
    hide = page.get_by_role("button", name="Hide the others")
    page.get_by_text("Highlight a kind of claim").click()
    assert hide.is_disabled()
    page.get_by_role("button", name="Documented history").click()
    hide.click()
    assert pressed(page) == ["Documented history", "Hide the others"]
    assert page.url.endswith(PAGE + "?status=documented&hide=others")
    assert shown(page, ".dv-contrast__side--actual")
    assert not shown(page, ".dv-contrast__side--alternate")
    # Editor's notes report documented history: they stay, the passages they correct go.
    assert shown(page, ".admonition.editor[data-divergence-status=documented]")
    assert not shown(page, "[data-divergence-status=qualified]")
    # An essay paragraph (the page's default, speculation) is hidden; headings stay.
    essay = page.locator("article > p", has_text="The immediate consequence of Trotsky")
    assert not essay.is_visible()
    assert page.locator("article h1").is_visible()
    # The remaining side takes the contrast's whole width.
    width = page.locator(".dv-contrast").evaluate("e => e.clientWidth")
    assert page.locator(".dv-contrast__side--actual").evaluate("e => e.offsetWidth") > width * 0.9
    page.emulate_media(media="print")
    assert essay.is_visible()
    assert shown(page, ".dv-contrast__side--alternate")
    assert not page.locator(".dv-claims__filter").is_visible()


def test_a_shared_address_opens_with_the_same_view(page, instant_url):
    page.goto(instant_url + PAGE + "?status=speculation&hide=others")
    assert pressed(page) == ["Counterfactual speculation", "Hide the others"]
    assert page.locator(".dv-claims__filter").evaluate("e => e.open")
    assert shown(page, ".dv-contrast__side--alternate")
    assert not shown(page, ".dv-contrast__side--actual")
    # An unknown status in the address is ignored.
    page.goto(instant_url + PAGE + "?status=gossip")
    assert pressed(page) == []
    assert page.locator(".dv-off, .dv-on").count() == 0


def test_the_choice_survives_instant_navigation_to_another_page(page, instant_url):
    page.goto(instant_url + PAGE + "?status=documented&hide=others")
    page.evaluate("window.notReloaded = true")
    page.locator(".md-nav__link", has_text="Economic Policy").first.click()
    page.wait_for_url("**/aftermath/economic-policy/?status=documented&hide=others")
    page.locator(".dv-claims__filter:not([hidden])").wait_for()
    # Material swapped the page in without reloading it.
    assert page.evaluate("window.notReloaded") is True
    assert pressed(page) == ["Documented history", "Hide the others"]
    assert shown(page, ".dv-contrast__side--actual")
    assert not shown(page, ".dv-contrast__side--alternate")
    # And back again: the filter goes with it.
    page.go_back()
    page.wait_for_url(f"**/{PAGE}?status=documented&hide=others")
    page.locator(".dv-contrast__side--alternate").wait_for(state="hidden")


@pytest.mark.parametrize(("width", "side_by_side"), [(375, False), (1280, True)])
def test_the_contrast_stacks_on_a_phone_without_sideways_scrolling(
    browser, site_url, width, side_by_side
):
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    try:
        page.goto(site_url + PAGE)
        actual = page.locator(".dv-contrast__side--actual").bounding_box()
        alternate = page.locator(".dv-contrast__side--alternate").bounding_box()
        if side_by_side:
            assert alternate["y"] == actual["y"]
            assert alternate["x"] >= actual["x"] + actual["width"]
        else:
            assert alternate["y"] >= actual["y"] + actual["height"]
            assert alternate["x"] == actual["x"]
        assert page.evaluate("document.documentElement.scrollWidth") <= width
        # Each side still says which history it tells, in words.
        labels = page.locator(".dv-contrast__label").all_inner_texts()
        assert labels == ["Actual history", "Alternate history"]
    finally:
        context.close()


def test_showing_only_documented_history_keeps_the_editors_notes(page, instant_url):
    """The corrections are documented history: reading only that kind shows them, and
    hides the essay's passages they correct."""
    page.goto(instant_url + "actual-history/?status=documented&hide=others")
    notes = page.locator("article .admonition.editor")
    assert notes.count() > 0
    for index in range(notes.count()):
        assert notes.nth(index).is_visible()
    qualified = page.locator('article [data-divergence-status="qualified"]')
    assert qualified.count() > 0
    assert not qualified.first.is_visible()
