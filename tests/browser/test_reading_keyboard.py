"""Reading with the keyboard: the timeline's events in reading order, the claim filter, and
definitions on pages reached by instant navigation (the hover and focus tooltips themselves
are in test_glossary_browser.py)."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

ERA = "timeline/succession/"

# Where the focused element is, and whether it can be seen: inside the window and not under
# Material's sticky header.
FOCUSED = """() => {
  const focused = document.activeElement;
  const box = focused.getBoundingClientRect();
  const header = document.querySelector(".md-header").getBoundingClientRect().bottom;
  return {
    index: [...document.querySelectorAll(".dv-timeline table a")].indexOf(focused),
    lane: focused.closest("td")?.dataset.label ?? null,
    text: focused.textContent.trim().slice(0, 40),
    inSight: box.top >= header - 1 && box.bottom <= innerHeight + 1,
    outline: getComputedStyle(focused).outlineStyle,
  };
}"""


@pytest.mark.parametrize("width", [1280, 375])
def test_tab_walks_the_timeline_in_reading_order_with_the_focus_in_sight(
    new_context, published, site_url, width
):
    page = published(new_context(viewport={"width": width, "height": 800})).new_page()
    page.goto(site_url + ERA)
    links = page.locator(".dv-timeline table a").count()
    assert links > 30
    # Start just before the table, as a reader tabbing down the page gets there.
    page.locator(".dv-timeline caption").evaluate("e => { e.tabIndex = -1; e.focus(); }")
    forward = []
    for _ in range(links):
        page.keyboard.press("Tab")
        forward.append(page.evaluate(FOCUSED))
    # Every link of the table, in the order it reads: year by year, what happened first.
    assert [f["index"] for f in forward] == list(range(links))
    assert {f["lane"] for f in forward} >= {"Actual history", "Alternate history"}
    backward = []
    for _ in range(links - 1):
        page.keyboard.press("Shift+Tab")
        backward.append(page.evaluate(FOCUSED))
    assert [b["index"] for b in backward] == list(range(links - 2, -1, -1))
    # Each stop is in sight, with a visible focus ring, both ways.
    hidden = [f["text"] for f in forward + backward if not f["inSight"] or f["outline"] == "none"]
    assert hidden == []
    # An event's "Discussed in" link: Enter opens the page that discusses it.
    discussed = page.locator(".dv-timeline table .dv-event__page a").first
    discussed.focus()
    target = discussed.get_attribute("href")
    page.keyboard.press("Enter")
    page.wait_for_url(target)
    assert page.locator("article h1").is_visible()


def filter_focus(page):
    return page.evaluate("document.activeElement.textContent.trim()")


def query(page):
    # Read from the page: Playwright's page.url learns of history.replaceState late.
    return page.evaluate("location.search")


def test_the_claim_filter_works_from_the_keyboard_alone(page, published, site_url):
    published(page.context)
    page.goto(site_url + "aftermath/party-dynamics/")
    # The filter comes right after the legend's link, where the page says what it holds.
    page.locator(".dv-claims__default a").focus()
    page.keyboard.press("Tab")
    assert filter_focus(page) == "Highlight a kind of claim"
    page.keyboard.press("Enter")
    assert page.locator(".dv-claims__filter").evaluate("e => e.open")
    kinds = ["Documented history", "Historians' interpretation"]
    kinds += ["Counterfactual speculation", "Editorial note"]
    for kind in kinds:
        page.keyboard.press("Tab")
        assert filter_focus(page) == kind
    # "Hide the others" waits, disabled and out of the tab order, until a kind is chosen.
    page.keyboard.press("Tab")
    assert filter_focus(page) != "Hide the others"
    page.keyboard.press("Shift+Tab")
    assert filter_focus(page) == "Editorial note"
    for _ in range(3):
        page.keyboard.press("Shift+Tab")
    assert filter_focus(page) == "Documented history"
    page.keyboard.press("Space")
    assert query(page) == "?status=documented"
    assert page.locator("button[value=documented]").get_attribute("aria-pressed") == "true"
    for _ in range(4):
        page.keyboard.press("Tab")
    assert filter_focus(page) == "Hide the others"
    page.keyboard.press("Enter")
    assert query(page) == "?status=documented&hide=others"
    expect(page.locator(".dv-contrast__side--alternate")).to_be_hidden()
    # The focus stays on the button pressed, so the reader can press it again.
    assert filter_focus(page) == "Hide the others"
    page.keyboard.press("Space")
    expect(page.locator(".dv-contrast__side--alternate")).to_be_visible()
    assert query(page) == "?status=documented"


def definition(term):
    """The start of a term's definition, from its title ('Name: definition')."""
    return term.get_attribute("title").split(": ", 1)[1][:30]


def test_definitions_show_on_a_page_reached_by_instant_navigation(page, published, site_url):
    """The definitions show on every page instant navigation swaps in, not only the first."""
    published(page.context)
    page.goto(site_url)
    page.evaluate("window.sameDocument = true")
    page.locator("article").get_by_role("link", name="The Point of Divergence", exact=True).click()
    page.wait_for_url(site_url + "point-of-divergence/")
    expect(page.locator("article h1")).to_have_text("The Point of Divergence¶")
    assert page.evaluate("window.sameDocument === true")
    terms = [page.locator(f"article a.dv-term--{kind}").first for kind in ("person", "term")]
    # Read before any tooltip shows: the title is held back while the tooltip is up.
    definitions = [definition(term) for term in terms]
    for term, shown in zip(terms, definitions, strict=True):
        tooltip = page.locator("#dv-tip", has_text=shown)
        term.hover()
        tooltip.wait_for(state="visible")
        page.mouse.move(0, 0)
        tooltip.wait_for(state="hidden")
        term.focus()
        page.keyboard.press("Shift+Tab")
        page.keyboard.press("Tab")
        tooltip.wait_for(state="visible")
        page.keyboard.press("Tab")  # moving on closes it
        tooltip.wait_for(state="hidden")


def test_a_definition_shown_on_focus_fits_a_phone_screen(new_context, published, site_url):
    page = published(new_context(viewport={"width": 375, "height": 800})).new_page()
    page.goto(site_url + "actual-history/")
    outside = []
    terms = page.locator("article a.dv-term").all()[:6]
    for term, shown in zip(terms, [definition(term) for term in terms], strict=True):
        term.focus()
        page.keyboard.press("Shift+Tab")
        page.keyboard.press("Tab")
        tooltip = page.locator("#dv-tip", has_text=shown)
        tooltip.wait_for(state="visible")
        box = tooltip.bounding_box()
        if box["x"] < 0 or box["x"] + box["width"] > 375:
            outside.append((shown, box))
    assert outside == []
