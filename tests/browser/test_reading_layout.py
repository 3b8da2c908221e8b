"""The reader's layout: every page on a phone without sideways scrolling, and print."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

PHONE = {"width": 375, "height": 800}

# What sticks out past the right edge of the screen, outside any box that scrolls or clips
# it within the screen (the drawer and the search overlay wait off-screen, hidden); the
# widest names the culprit. And the boxes that scroll sideways: only code may (its lines
# must not wrap); a table of prose has to fit.
BEYOND_THE_RIGHT_EDGE = """() => {
  const seen = (e) => e.checkVisibility({ opacityProperty: true, visibilityProperty: true });
  const edge = document.documentElement.clientWidth + 1;
  const held = (e) => {
    for (let box = e.parentElement; box && box !== document.body; box = box.parentElement) {
      const clips = getComputedStyle(box).overflowX !== "visible";
      if (clips && box.getBoundingClientRect().right <= edge) return true;
    }
    return false;
  };
  let widest = null;
  for (const e of document.body.querySelectorAll("*")) {
    const right = e.getBoundingClientRect().right;
    if (right <= edge || (widest && right <= widest.right)) continue;
    if (!seen(e) || held(e)) continue;
    const name = e.tagName.toLowerCase() + (e.id ? "#" + e.id : "") +
      [...e.classList].map((c) => "." + c).join("");
    widest = { right: Math.round(right), name, text: e.textContent.trim().slice(0, 40) };
  }
  const scrolling = [...document.body.querySelectorAll("*")]
    .filter((e) => ["auto", "scroll"].includes(getComputedStyle(e).overflowX))
    .filter((e) => e.scrollWidth > e.clientWidth + 1 && seen(e) && !e.closest("pre"))
    .map((e) => e.className + ": " + e.textContent.trim().slice(0, 40));
  return {
    scrolling,
    scrollWidth: document.documentElement.scrollWidth,
    width: document.documentElement.clientWidth,
    widest,
  };
}"""


def test_no_page_scrolls_sideways_on_a_phone(new_context, published, site_url, site_pages):
    page = published(new_context(viewport=PHONE)).new_page()
    offenders = {}
    for rel in site_pages:
        page.goto(site_url + rel)
        found = page.evaluate(BEYOND_THE_RIGHT_EDGE)
        if found["scrollWidth"] > found["width"] or found["widest"] or found["scrolling"]:
            offenders[rel or "/"] = found
    assert len(site_pages) > 30  # every page was visited, not an empty list
    assert offenders == {}


# Chrome a reader does not want on paper: header (with search and the palette toggle), tabs,
# breadcrumbs, both sidebars, the edit button, back-to-top, the footer's previous/next links,
# the claim filter's controls and heading permalinks.
CHROME = [
    ".md-header",
    ".md-tabs",
    ".md-path",
    ".md-sidebar--primary",
    ".md-sidebar--secondary",
    ".md-content__button",
    ".md-top",
    ".md-footer__inner",
    ".dv-claims__filter",
    ".headerlink",
]
PRINTED = ["", "actual-history/", "aftermath/party-dynamics/", "timeline/", "glossary/"]

VISIBLE = (
    "es => es.filter(e => e.checkVisibility({opacityProperty: true, visibilityProperty: true}))"
)


@pytest.mark.parametrize("width", [1280, 375])
def test_print_shows_the_content_without_the_navigation_chrome(
    new_context, published, site_url, width
):
    page = published(new_context(viewport={"width": width, "height": 900})).new_page()
    page.emulate_media(media="print")
    problems = {}
    for rel in PRINTED:
        page.goto(site_url + rel)
        shown = [s for s in CHROME if page.locator(s).evaluate_all(VISIBLE + ".length")]
        article = page.locator("article.md-content__inner")
        hidden_text = article.locator("h1, p, li, td, dd").evaluate_all(
            "es => es.filter(e => e.textContent.trim() && !e.checkVisibility())"
            ".map(e => e.textContent.trim().slice(0, 40))"
        )
        # The text takes the paper's width: no empty sidebar columns beside it.
        narrow = article.evaluate("e => e.getBoundingClientRect().width") < width * 0.8
        if shown or hidden_text or narrow or not page.locator("article h1").is_visible():
            problems[rel or "/"] = {"chrome": shown, "hidden": hidden_text[:5], "narrow": narrow}
    assert problems == {}
