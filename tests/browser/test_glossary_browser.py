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
    tooltip = page.locator(".md-tooltip2--active, .md-tooltip--active")
    term.hover()
    tooltip.first.wait_for(timeout=5_000)
    assert title.split(": ", 1)[1][:30] in tooltip.first.inner_text()
    page.mouse.move(0, 0)
    page.locator("body").click(position={"x": 1, "y": 1})
    term.focus()
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Tab")
    tooltip.first.wait_for(timeout=5_000)
    assert title.split(": ", 1)[1][:30] in tooltip.first.inner_text()
