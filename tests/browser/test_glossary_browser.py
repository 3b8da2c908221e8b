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


@pytest.mark.parametrize(
    ("query", "expected"),
    [("Троцкий", "Leon Trotsky"), ("Zinovyev", "Grigory Zinoviev"), ("тройка", "Troika")],
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
    # Material shows one tooltip at a time; wait for the one carrying this definition.
    tooltip = page.locator(".md-tooltip2--active", has_text=definition)
    term.hover()
    tooltip.wait_for(state="visible", timeout=5_000)
    page.mouse.move(0, 0)
    tooltip.wait_for(state="detached", timeout=5_000)
    # Reach the term with the keyboard: focus what precedes it, then Tab.
    term.focus()
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.dataset.divergenceEntry") == term.get_attribute(
        "data-divergence-entry"
    )
    tooltip.wait_for(state="visible", timeout=5_000)
