"""Reduced motion: a reader who asks for it gets no animation, transition or smooth scroll.

Material drops only its transitions for such readers. Nothing on our pages animates today,
so each test adds what would: one of Material's animations (an annotation's pulse), an
inline transition and animation, and smooth scrolling, as a later feature or plugin might.
"""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

PROBES = """() => {
  document.querySelector("article").insertAdjacentHTML("beforeend",
    '<div data-md-visible><span class="md-annotation__index">1</span></div>' +
    '<p style="transition: opacity 1s; animation: pulse 2s infinite">Moving</p>');
  document.documentElement.style.scrollBehavior = "smooth";
}"""
# Every element and its ::before and ::after: what moves, and how the page scrolls.
MOTION = """() => {
  const moving = [];
  for (const element of [document.documentElement, ...document.querySelectorAll("*")]) {
    for (const pseudo of [null, "::before", "::after"]) {
      const style = getComputedStyle(element, pseudo);
      const durations = `${style.transitionDuration},${style.animationDuration}`;
      if (style.animationName !== "none" || /[1-9]/.test(durations)) {
        moving.push(`${element.tagName.toLowerCase()}.${element.className}${pseudo || ""}`);
      }
    }
  }
  return {moving, scroll: getComputedStyle(document.documentElement).scrollBehavior};
}"""


def test_without_a_preference_things_move(page, site_url):
    page.emulate_media(reduced_motion="no-preference")
    page.goto(site_url + "timeline/")
    page.evaluate(PROBES)
    motion = page.evaluate(MOTION)
    assert "span.md-annotation__index" in motion["moving"]
    assert "p." in motion["moving"]
    assert motion["scroll"] == "smooth"


@pytest.mark.parametrize("path", ["", "timeline/", "aftermath/party-dynamics/", "print/"])
def test_reduced_motion_stops_every_animation_transition_and_smooth_scroll(page, site_url, path):
    page.emulate_media(reduced_motion="reduce")
    page.goto(site_url + path)
    # Open what moves when used: the search, as a reader types.
    page.keyboard.press("/")
    page.keyboard.type("Trotsky")
    page.evaluate(PROBES)
    assert page.evaluate(MOTION) == {"moving": [], "scroll": "auto"}
