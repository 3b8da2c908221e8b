"""Terms and people in a real browser: tooltips on hover and focus, search by any alias."""

import pytest

pytestmark = pytest.mark.browser


def search(page, site_url, query):
    page.goto(site_url)
    page.keyboard.press("/")  # Material's shortcut focuses the search field
    page.keyboard.type(query)
    results = page.locator(".md-search-result__item")
    results.first.wait_for(timeout=10_000)
    return [text.strip() for text in results.all_inner_texts()]


def first_term(page, site_url):
    """The first linked mention on The Actual History, and the tooltip that serves it."""
    page.goto(site_url + "actual-history/")
    return page.locator("article a.dv-term").first, page.locator("#dv-tip")


@pytest.mark.parametrize(
    ("query", "expected"),
    [("Троцкий", "Trotsky, Leon"), ("Zinovyev", "Zinoviev, Grigory"), ("тройка", "Troika")],
)
def test_search_finds_an_entry_by_any_alias(page, site_url, query, expected):
    results = search(page, site_url, query)
    assert any(expected in result for result in results), results


def test_term_definition_shows_on_hover_and_on_keyboard_focus(page, site_url):
    page.goto(site_url + "actual-history/")
    term = page.locator("article a.dv-term").first
    title = term.get_attribute("title")
    assert title and ": " in title
    definition = title.split(": ", 1)[1][:30]
    # One tooltip serves every term (tooltips.js); wait for it to carry this definition.
    tooltip = page.locator("#dv-tip", has_text=definition)
    term.hover()
    tooltip.wait_for(state="visible", timeout=5_000)
    page.mouse.move(0, 0)
    tooltip.wait_for(state="hidden", timeout=5_000)
    # Reach the term with the keyboard: focus what precedes it, then Tab.
    term.focus()
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.dataset.divergenceEntry") == term.get_attribute(
        "data-divergence-entry"
    )
    tooltip.wait_for(state="visible", timeout=5_000)


def test_the_definition_is_the_focused_terms_description_and_not_a_second_tooltip(page, site_url):
    term, tooltip = first_term(page, site_url)
    title = term.get_attribute("title")
    term.focus()
    tooltip.wait_for(state="visible", timeout=5_000)
    assert tooltip.get_attribute("role") == "tooltip"
    assert tooltip.inner_text() == title
    # Screen readers read the tooltip as the link's description; the browser's own title
    # tooltip is held back so that only one shows.
    assert term.get_attribute("aria-describedby") == "dv-tip"
    assert term.get_attribute("title") is None
    # Beside the term, just below it, and still there when the page scrolls.
    for scroll in (0, 40):
        page.mouse.wheel(0, scroll)
        page.wait_for_timeout(200)
        at, tip = term.bounding_box(), tooltip.bounding_box()
        assert 0 <= tip["y"] - (at["y"] + at["height"]) <= 16, (at, tip)
        assert abs(tip["x"] - at["x"]) <= 16 or tip["x"] + tip["width"] >= 1270, (at, tip)
    # Inside a landmark, where a screen reader's landmark navigation finds it.
    assert page.evaluate("!!document.querySelector('main #dv-tip')")
    # Moving on closes it (the next link may show its own preview there).
    page.keyboard.press("Tab")
    page.locator("#dv-tip", has_text=title).wait_for(state="hidden", timeout=5_000)
    assert term.get_attribute("title") == title
    assert term.get_attribute("aria-describedby") is None


def test_escape_dismisses_a_definition_shown_on_hover_or_on_focus(page, site_url):
    """WCAG 1.4.13: content shown on hover or focus can be dismissed without moving."""
    term, tooltip = first_term(page, site_url)
    term.hover()
    tooltip.wait_for(state="visible", timeout=5_000)
    page.keyboard.press("Escape")
    tooltip.wait_for(state="hidden", timeout=5_000)
    term.focus()
    tooltip.wait_for(state="visible", timeout=5_000)
    page.keyboard.press("Escape")
    tooltip.wait_for(state="hidden", timeout=5_000)
    assert page.evaluate("document.activeElement.classList.contains('dv-term')")


def test_the_pointer_can_move_onto_a_definition_without_losing_it(page, site_url):
    """WCAG 1.4.13: hoverable, and it stays until the pointer leaves both."""
    term, tooltip = first_term(page, site_url)
    term.hover()
    tooltip.wait_for(state="visible", timeout=5_000)
    box = tooltip.bounding_box()
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2, steps=5)
    page.wait_for_timeout(500)  # longer than the grace period after leaving the term
    assert tooltip.is_visible()
    page.mouse.move(0, 0)
    tooltip.wait_for(state="hidden", timeout=5_000)


def test_a_footnote_shows_its_note_on_hover_and_focus_and_escape_hides_it(page, site_url):
    page.goto(site_url + "actual-history/")
    number = page.locator("article a.footnote-ref").first
    note = page.locator(f"[id='{number.evaluate('a => a.hash.slice(1)')}']")
    expected = note.inner_text().replace("\u21a9", "").strip()
    tooltip = page.locator("#dv-tip")
    number.hover()
    tooltip.wait_for(state="visible", timeout=5_000)
    # The note's text and links, without its back-link to the number.
    assert tooltip.inner_text().strip() == expected
    assert tooltip.locator(".footnote-backref").count() == 0
    assert number.get_attribute("aria-describedby") == "dv-tip"
    page.keyboard.press("Escape")
    tooltip.wait_for(state="hidden", timeout=5_000)
    number.focus()
    tooltip.wait_for(state="visible", timeout=5_000)
    page.keyboard.press("Tab")
    tooltip.wait_for(state="hidden", timeout=5_000)
    assert number.get_attribute("aria-describedby") is None
