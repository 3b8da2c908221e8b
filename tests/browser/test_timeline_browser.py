"""The dual-track timeline in a real browser: both lanes, phones, keyboard."""

import pytest

pytestmark = pytest.mark.browser


def test_lanes_render_and_stack_on_a_phone_without_sideways_scrolling(browser, site_url):
    context = browser.new_context(viewport={"width": 375, "height": 800})
    page = context.new_page()
    try:
        page.goto(site_url + "timeline/")
        lanes = page.locator(".dv-timeline__lane--actual .dv-event")
        assert lanes.count() > 40
        assert page.locator(".dv-timeline__lane--alternate .dv-event").count() > 25
        assert page.evaluate("document.documentElement.scrollWidth") <= 375
        # Stacked, each lane still says which history it is.
        label = page.evaluate(
            "getComputedStyle(document.querySelector('.dv-timeline__lane'), '::before').content"
        )
        assert label == '"What happened"'
    finally:
        context.close()


def test_counterpart_links_are_reachable_by_keyboard_and_lead_to_the_other_lane(page, site_url):
    page.goto(site_url + "timeline/")
    link = page.locator("#thirteenth-congress .dv-event__counterpart a").first
    link.focus()
    assert page.evaluate("document.activeElement.closest('.dv-event').id") == "thirteenth-congress"
    page.keyboard.press("Enter")
    page.wait_for_function("location.hash.length > 1")
    target = page.evaluate("location.hash.slice(1)")
    assert (
        page.locator(f"#{target}")
        .evaluate("e => e.closest('td').className")
        .endswith("--alternate")
    )
