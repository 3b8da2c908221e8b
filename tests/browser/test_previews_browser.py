"""Previews of links to other pages (tooltips.js) on hover, keyboard focus and a first tap;
the reader's search ahead of the editors' guide; focus and announcement after instant
navigation (focus.js)."""

from __future__ import annotations

import re
from urllib.parse import urljoin, urlsplit

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

# An essay page that links to terms, people, timeline events and sources (its table of
# mechanisms and its questions) and to other essay pages.
PAGE = "point-of-divergence/"
# Each kind of link: the page it is taken from and its selector inside the article.
KINDS = {
    "glossary": (PAGE, "a.dv-term--term"),
    "people": (PAGE, "a.dv-term--person"),
    "timeline": (PAGE, 'a[href*="timeline/"][href*="#"]:not(.dv-term)'),
    "bibliography": (PAGE, 'a[href*="reading/bibliography/#"]'),
    "essay section": ("actual-history/", f'a[href*="{PAGE}#"]'),
}


def words(text):
    return " ".join(text.split())


def expected_preview(real_site, page_url, link):
    """What the preview of `link` must show, read from the built site: a term's or a
    person's title, or the text of the element the link points at on its page."""
    title = link.get_attribute("title")
    if title:
        return title
    target = urlsplit(urljoin(page_url, link.get_attribute("href")))
    soup = real_site.soup(target.path.lstrip("/") + "index.html")
    element = soup.find(id=target.fragment)
    assert element is not None, target
    # An event or a source: its first line of text; a heading: the heading.
    for permalink in element.select(".headerlink"):
        permalink.decompose()
    first = element.select_one("p") or element
    return words(first.get_text())[:40]


def first_link(page, kind):
    link = page.locator(f"article {KINDS[kind][1]}").first
    assert link.count(), kind
    link.scroll_into_view_if_needed()
    return link


@pytest.mark.parametrize("kind", KINDS)
def test_a_preview_opens_on_hover_and_on_keyboard_focus_and_escape_closes_it(
    page, site_url, real_site, kind
):
    here = site_url + KINDS[kind][0]
    page.goto(here)
    link = first_link(page, kind)
    expected = expected_preview(real_site, here, link)
    tip = page.locator("#dv-tip")
    link.hover()
    expect(tip).to_be_visible()
    expect(tip).to_contain_text(expected)
    assert link.get_attribute("aria-describedby") == "dv-tip"
    page.keyboard.press("Escape")
    expect(tip).to_be_hidden()
    assert link.get_attribute("aria-describedby") is None
    page.mouse.move(0, 0)
    link.focus()
    expect(tip).to_be_visible()
    expect(tip).to_contain_text(expected)
    page.keyboard.press("Escape")
    expect(tip).to_be_hidden()
    # Still on the page: a preview never navigates.
    assert page.url == here


def test_a_preview_of_another_page_shows_its_title_and_opening(page, site_url, real_site):
    page.goto(site_url + PAGE)
    link = page.locator('article a[href$="/party-dynamics/"]').first
    link.scroll_into_view_if_needed()
    target = real_site.soup("aftermath/party-dynamics/index.html")
    heading = words(target.select_one("article h1").get_text().replace("¶", ""))
    opening = words(target.select_one("article h1 ~ p").get_text())[:40]
    link.hover()
    tip = page.locator("#dv-tip")
    expect(tip).to_contain_text(heading)
    expect(tip).to_contain_text(opening)
    # Its links lead where they led on their own page, and it adds no duplicate ids.
    for href in tip.locator("a[href]").evaluate_all("links => links.map(a => a.href)"):
        assert href.startswith(site_url), href
    assert tip.locator("[id]").count() == 0


@pytest.mark.parametrize("kind", ["glossary", "people", "timeline", "bibliography"])
def test_on_touch_a_first_tap_previews_and_a_second_follows(
    new_context, published, site_url, real_site, kind
):
    # Published: Material's instant navigation takes links over, as on the real site.
    context = published(
        new_context(viewport={"width": 375, "height": 740}, has_touch=True, is_mobile=True)
    )
    page = context.new_page()
    page.goto(site_url + PAGE)
    link = first_link(page, kind)
    expected = expected_preview(real_site, site_url + PAGE, link)
    target = link.evaluate("a => a.href")
    link.tap()
    tip = page.locator("#dv-tip")
    expect(tip).to_be_visible()
    expect(tip).to_contain_text(expected)
    assert page.url == site_url + PAGE
    box = tip.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 375, box
    link.tap()
    page.wait_for_url(target)


def test_on_touch_a_tap_elsewhere_closes_the_preview(new_context, site_url):
    page = new_context(viewport={"width": 375, "height": 740}, has_touch=True).new_page()
    page.goto(site_url + PAGE)
    first_link(page, "timeline").tap()
    tip = page.locator("#dv-tip")
    expect(tip).to_be_visible()
    # The page's margin, beside the text: no link there.
    page.touchscreen.tap(4, 400)
    expect(tip).to_be_hidden()
    assert page.url == site_url + PAGE


# A name in another script that only People and the guide's example hold, and a term the
# guide's check catalogue names too.
@pytest.mark.parametrize(
    ("query", "reader_page"), [("Троцкий", "/people/"), ("troika", "/glossary/")]
)
def test_a_search_lists_the_reader_pages_before_the_editors_guide(
    page, site_url, query, reader_page
):
    page.goto(site_url)
    page.keyboard.press("/")  # Material's shortcut focuses the search field
    page.keyboard.type(query)
    results = page.locator(".md-search-result__item > a.md-search-result__link")
    results.first.wait_for(timeout=10_000)
    pages = [urlsplit(href).path for href in results.evaluate_all("a => a.map(l => l.href)")]
    assert reader_page in pages, pages
    guide = [i for i, path in enumerate(pages) if "/contributing/" in path]
    readers = [i for i, path in enumerate(pages) if "/contributing/" not in path]
    assert not guide or max(readers) < min(guide), pages


FOCUS = """() => ({
  focused: document.activeElement.matches("article h1") ? "h1" : document.activeElement.id
    || document.activeElement.tagName,
  status: document.getElementById("dv-status")?.textContent ?? null,
  title: document.title,
})"""


def settled(page, link):
    """Scroll `link` into view and wait until Material has stored the offset in the page's
    history entry: it does so a moment after each scroll, and if that moment falls after a
    click, the next page opens at this one's offset."""
    link.scroll_into_view_if_needed()
    page.wait_for_function("history.state?.y === scrollY")
    return link


def test_after_instant_navigation_focus_is_on_the_new_heading_and_the_title_is_announced(
    page, published, site_url
):
    published(page.context)
    page.goto(site_url + PAGE)
    page.evaluate("window.sameDocument = true")
    # The first load leaves focus alone, and announces nothing.
    assert page.evaluate(FOCUS)["focused"] == "BODY"
    assert page.evaluate(FOCUS)["status"] == ""
    settled(page, page.locator('article a[href$="/party-dynamics/"]').first).click()
    page.wait_for_url(re.compile(r".*/aftermath/party-dynamics/$"))
    expect(page.locator("article h1")).to_be_focused()
    assert page.evaluate("window.sameDocument === true")  # instant, not a full load
    state = page.evaluate(FOCUS)
    assert state["status"] == state["title"] and "Internal Party Dynamics" in state["title"]
    assert page.get_by_role("status").filter(has_text=state["title"]).count() == 1
    # Not scrolled by the focus: the page starts at its top.
    assert page.evaluate("scrollY") == 0


def test_after_instant_navigation_to_a_fragment_focus_is_on_its_target(page, published, site_url):
    published(page.context)
    page.goto(site_url + PAGE)
    page.evaluate("window.sameDocument = true")
    link = first_link(page, "bibliography")
    fragment = urlsplit(link.evaluate("a => a.href")).fragment
    settled(page, link).click()
    page.wait_for_url(re.compile(rf".*#{re.escape(fragment)}$"))
    expect(page.locator(f'[id="{fragment}"]')).to_be_focused()
    assert page.evaluate("window.sameDocument === true")
    # Material scrolled to the target; focus did not move it elsewhere.
    expect(page.locator(f'[id="{fragment}"]')).to_be_in_viewport()
