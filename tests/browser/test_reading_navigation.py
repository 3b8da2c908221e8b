"""Finding one's way: tabs, sections and the phone's drawer, the back button, instant
navigation, search, and the light and dark palettes."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from sitebuild import nav_titles

pytestmark = pytest.mark.browser

DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 375, "height": 800}
SITE = "The Trotsky Succession"


def arrived(page, url, title):
    """Wait for the page at ``url`` to show its heading: instant navigation changes the
    address first and swaps the content in after."""
    page.wait_for_url(url)
    expect(page.locator("article h1")).to_have_text(f"{title}¶")
    expect(page).to_have_title(title if title == SITE else f"{title} - {SITE}")


def mark_document(page):
    """A marker that lives as long as this document: a full page load drops it."""
    page.evaluate("window.sameDocument = true")


def same_document(page):
    return page.evaluate("window.sameDocument === true")


@pytest.mark.parametrize("instant", [True, False], ids=["instant", "full-loads"])
def test_tabs_and_sections_lead_to_a_page_and_back_returns_home(
    new_context, published, site_url, instant
):
    """With the published address Material swaps pages in; elsewhere (a preview at another
    address) the same links load whole pages. Both must reach the page and come back."""
    context = new_context(viewport=DESKTOP)
    page = (published(context) if instant else context).new_page()
    page.goto(site_url)
    mark_document(page)
    # A section's tab has the section's short title; its first page keeps its full one.
    tab = nav_titles()["impact/index.md"]
    page.locator(".md-tabs__link", has_text=tab).click()
    arrived(page, site_url + "impact/", "Long-term Impact")
    expect(page.locator(".md-tabs__item--active")).to_have_text(tab)
    # The tab's pages are listed as a section in the sidebar.
    page.locator(".md-sidebar--primary .md-nav__link", has_text="World War II").click()
    arrived(page, site_url + "impact/world-war-ii/", "World War II and Global Conflict")
    active = page.locator(".md-sidebar--primary .md-nav__link--active").last
    expect(active).to_have_text("World War II and Global Conflict")
    page.go_back()
    arrived(page, site_url + "impact/", "Long-term Impact")
    page.go_back()
    arrived(page, site_url, SITE)
    expect(page.locator(".md-tabs__item--active")).to_have_text("Home")
    assert same_document(page) is instant


def test_the_drawer_leads_to_a_page_on_a_phone_and_back_returns_home(
    new_context, published, site_url
):
    page = published(new_context(viewport=PHONE)).new_page()
    page.goto(site_url)
    assert not page.locator(".md-tabs").is_visible()  # phones get the drawer instead
    drawer = page.locator(".md-sidebar--primary")
    assert drawer.bounding_box()["x"] + drawer.bounding_box()["width"] <= 0  # off-screen
    page.locator(".md-header label[for=__drawer]").click()
    expect(drawer).to_be_in_viewport(ratio=0.9)
    drawer.locator(".md-nav__link", has_text="Timeline").first.click()
    arrived(page, site_url + "timeline/", "Timeline")
    # The drawer closed behind the reader, and the timeline fits the screen.
    expect(drawer).not_to_be_in_viewport()
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    page.go_back()
    arrived(page, site_url, SITE)


def test_a_link_in_the_text_swaps_the_page_in_without_reloading_it(page, published, site_url):
    published(page.context)
    documents = []
    page.on("request", lambda r: r.resource_type == "document" and documents.append(r.url))
    page.goto(site_url)
    mark_document(page)
    page.locator("article").get_by_role("link", name="The Actual History", exact=True).click()
    arrived(page, site_url + "actual-history/", "The Actual History")
    # One document for the whole visit: the page came by fetch and was swapped in.
    assert documents == [site_url]
    assert same_document(page)
    expect(page.locator(".md-tabs__item--active")).to_have_text("The Actual History")
    # The swapped-in page is live: its own links and scripts work (here the claim filter).
    page.get_by_text("Highlight a kind of claim").click()
    page.get_by_role("button", name="Documented history").click()
    assert page.evaluate("location.href") == site_url + "actual-history/?status=documented"


def search(page, query):
    page.keyboard.press("/")  # Material's shortcut focuses the search field
    page.keyboard.type(query)
    page.locator(".md-search-result__item").first.wait_for()


@pytest.mark.parametrize(
    ("query", "target", "expected"),
    [
        # A phrase of the essay, on none of the page's headings.
        ("more intellectually vibrant", "aftermath/culture-society/", "Cultural and Social"),
        # A glossary term and a person by a Cyrillic alias open at their entry.
        ("permanent revolution", "glossary/#permanent-revolution", "Permanent revolution"),
        ("Каменев", "people/#kamenev", "Kamenev, Lev"),
    ],
)
def test_a_search_result_opens_the_page_at_the_match(
    page, published, site_url, query, target, expected
):
    published(page.context)
    page.goto(site_url)
    mark_document(page)
    search(page, query)
    path, _, anchor = target.partition("#")
    result = page.locator(".md-search-result__link", has_text=expected).first
    href = result.get_attribute("href")
    assert href.startswith(site_url + path + "?h=") and href.endswith(
        f"#{anchor}" if anchor else ""
    )
    result.click()
    page.wait_for_url(f"{site_url}{path}?h=**")
    assert same_document(page)
    # The words searched for are highlighted where they occur (search.highlight).
    marks = page.locator("article mark").all_inner_texts()
    words = query.lower().split()
    assert marks and all(any(w in mark.lower() for w in words) for mark in marks), marks
    if anchor:
        assert page.evaluate("location.hash") == f"#{anchor}"
        entry = page.locator(f"[id='{anchor}']")
        assert expected in entry.inner_text()
        assert entry.evaluate("e => e.getBoundingClientRect().top") < DESKTOP["height"] / 2


def palette(page):
    return page.evaluate(
        "[document.body.dataset.mdColorScheme, getComputedStyle(document.body).backgroundColor]"
    )


def toggle(page, name):
    """Click the palette's button, found by what it says it does (its option's name):
    Material shows only the button for the next step of its cycle."""
    page.locator(f"form[data-md-component=palette] input[aria-label='{name}'] + label").click()


LIGHT = ["default", "rgb(255, 255, 255)"]


def test_the_palette_follows_the_system_then_the_reader_and_keeps_the_choice(
    new_context, published, site_url
):
    for system in ("light", "dark"):
        page = published(new_context(viewport=DESKTOP, color_scheme=system)).new_page()
        page.goto(site_url)
        # First visit: the system's scheme.
        assert palette(page)[0] == {"light": "default", "dark": "slate"}[system]
    # The reader's choice: light, then dark (the toggle cycles system, light, dark).
    toggle(page, "Switch to light mode")
    assert palette(page) == LIGHT
    toggle(page, "Switch to dark mode")
    dark = palette(page)
    assert dark[0] == "slate" and dark[1] != LIGHT[1]
    # It holds across instant navigation, a full load of another page, and a reload.
    page.locator(".md-tabs__link", has_text="Timeline").click()
    arrived(page, site_url + "timeline/", "Timeline")
    assert palette(page) == dark
    page.goto(site_url + "glossary/")
    assert palette(page) == dark
    page.reload()
    assert palette(page) == dark
    # The toggle offers the next step, and back to the system's choice goes the cycle.
    toggle(page, "Switch to system preference")
    page.reload()
    assert palette(page) == dark  # the system here is dark
    toggle(page, "Switch to light mode")
    page.goto(site_url)
    assert palette(page) == LIGHT
