"""The home page invites reading, the tabs fit, and the essay's prose keeps a readable
measure: measured in Chromium, in the first screen of a desktop and the first two of a
phone, in both colour schemes."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from sitebuild import nav_titles

pytestmark = pytest.mark.browser

DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 375, "height": 812}


def box(locator) -> dict:
    found = locator.bounding_box()
    assert found is not None, locator
    return found


def parts(page):
    """The cards of the parts of the essay: one per tab of the essay's parts."""
    nav = page.locator("article [role=navigation][aria-label='The parts of the essay']")
    return nav.locator(".grid.cards li")


def test_title_question_start_reading_and_every_part_in_the_first_desktop_screen(
    new_context, site_url
):
    page = new_context(viewport=DESKTOP).new_page()
    page.goto(site_url)
    article = page.locator("article")
    # The title is the first thing read: nothing of the page's text stands above it.
    first = article.locator(":scope > :not(a.md-content__button)").first
    assert first.evaluate("e => e.tagName") == "H1"
    badge = article.locator("[data-divergence-track]")
    assert box(badge)["y"] > DESKTOP["height"]
    start = article.get_by_role("link", name="Start reading", exact=True)
    assert start.evaluate("e => e.href") == site_url + "actual-history/"
    assert "md-button--primary" in start.get_attribute("class")
    cards = parts(page)
    links = [cards.nth(i).locator("a").first.inner_text() for i in range(cards.count())]
    # Every part of the essay that has a tab of its own (the six before the timeline).
    tabs = list(nav_titles())
    essay = tabs[1 : tabs.index("timeline/index.md")]
    assert len(links) == len(essay) == 6
    for target in [start, *(cards.nth(i) for i in range(cards.count()))]:
        found = box(target)
        assert found["y"] >= 0 and found["y"] + found["height"] <= DESKTOP["height"], found
        assert found["x"] + found["width"] <= DESKTOP["width"], found
    # The chart stands beside the intro, starting in the first screen.
    chart = box(article.locator("svg.dv-chart"))
    assert chart["y"] < DESKTOP["height"] and chart["x"] > box(start)["x"] + box(start)["width"]


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_chart_is_on_the_home_page_in_both_schemes(new_context, site_url, scheme):
    page = new_context(viewport=DESKTOP, color_scheme=scheme).new_page()
    page.goto(site_url)
    chart = page.locator("article svg.dv-chart--compact")
    expect(chart).to_be_visible()
    assert box(chart)["height"] > 300
    # Its lanes are drawn in the scheme's colours: the page's text colour is its ink.
    ink = chart.evaluate("e => getComputedStyle(e).color")
    assert ink == page.locator("article").evaluate("e => getComputedStyle(e).color")
    assert chart.locator("a").count() > 20


def test_on_a_phone_everything_starts_within_two_screens(new_context, site_url):
    page = new_context(viewport=PHONE, is_mobile=True, has_touch=True).new_page()
    page.goto(site_url)
    two_screens = 2 * PHONE["height"]
    start = page.locator("article").get_by_role("link", name="Start reading", exact=True)
    cards = parts(page)
    for target in [start, *(cards.nth(i) for i in range(cards.count()))]:
        found = box(target)
        assert found["y"] + found["height"] <= two_screens, found
        assert found["x"] >= 0 and found["x"] + found["width"] <= PHONE["width"], found
    chart = page.locator("article svg.dv-chart--compact")
    expect(chart).to_be_visible()
    assert box(chart)["y"] < two_screens
    assert box(chart)["x"] + box(chart)["width"] <= PHONE["width"]
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


@pytest.mark.parametrize("path", ["", "impact/world-war-ii/", "contributing/"])
def test_every_tab_is_fully_visible_at_1280_px(new_context, site_url, path):
    page = new_context(viewport=DESKTOP).new_page()
    page.goto(site_url + path)
    tabs = page.locator(".md-tabs__item")
    assert [tabs.nth(i).inner_text() for i in range(tabs.count())] == list(nav_titles().values())
    bar = box(page.locator(".md-tabs__list"))
    for i in range(tabs.count()):
        found = box(tabs.nth(i))
        assert found["x"] >= 0 and found["x"] + found["width"] <= bar["x"] + bar["width"], i
    assert page.locator(".md-tabs__list").evaluate("e => e.scrollWidth <= e.clientWidth")


def characters_per_line(paragraph) -> float:
    return paragraph.evaluate(
        """p => {
          const lines = new Set();
          const range = document.createRange();
          range.selectNodeContents(p);
          for (const rect of range.getClientRects()) lines.add(Math.round(rect.bottom));
          return p.textContent.length / lines.size;
        }"""
    )


def test_the_essays_prose_and_its_notes_keep_a_readable_measure(new_context, site_url):
    page = new_context(viewport=DESKTOP).new_page()
    page.goto(site_url + "actual-history/")
    heading = page.locator("article h1")
    assert int(heading.evaluate("e => getComputedStyle(e).fontWeight")) >= 600
    prose = page.locator("article > p").filter(has_text="first major stroke")
    note = page.locator("article .admonition.editor > p:not(.admonition-title)").first
    for paragraph in (prose, note):
        assert 55 <= characters_per_line(paragraph) <= 80
    assert float(note.evaluate("e => parseFloat(getComputedStyle(e).fontSize)")) >= 14
    # Adjacent citation numbers are separated, as "1, 3".
    pair = page.locator("article sup[id^=fnref]:has(+ sup[id^=fnref])").first
    assert pair.evaluate("e => getComputedStyle(e, '::after').content") == '","'


def test_the_single_page_opens_with_the_essay_not_the_sites_ways_in(new_context, site_url):
    page = new_context(viewport=DESKTOP).new_page()
    page.goto(site_url + "print/")
    home = page.locator("section#home")
    expect(home.locator(".dv-home__question")).to_be_visible()
    for media in ("screen", "print"):
        page.emulate_media(media=media)
        expect(home.locator(".grid.cards")).to_be_hidden()
        expect(home.locator("svg.dv-chart")).to_be_hidden()
        expect(home.get_by_role("link", name="Start reading")).to_be_hidden()
