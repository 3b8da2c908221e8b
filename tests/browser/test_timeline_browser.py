"""The dual-track timeline in a real browser: pairs side by side, phones, keyboard, the
year index, cause before effect, tap targets."""

from urllib.parse import urljoin

import pytest

from divergence.site import load_site
from divergence.site.generated import timeline_era_page
from sitebuild import REPO

pytestmark = pytest.mark.browser

TIMELINE = load_site(REPO).timeline
PHONE = {"width": 375, "height": 812}
# WCAG 2.5.8: a target of at least 24 by 24 CSS pixels.
TARGET = 24


def era_url(era) -> str:
    return timeline_era_page(era.id).removesuffix(".md") + "/"


def test_lanes_stack_on_a_phone_labelled_with_the_caption_full_width(new_context, site_url):
    page = new_context(viewport=PHONE).new_page()
    pages = ["timeline/", "timeline/comparison/", era_url(TIMELINE.eras[1])]
    for path in pages:
        page.goto(site_url + path)
        assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"], path
        # The caption as wide as the table, not squeezed into a column.
        widths = page.evaluate(
            """() => { const t = document.querySelector('.dv-timeline__table');
                       return [t.caption.getBoundingClientRect().width,
                               t.getBoundingClientRect().width]; }"""
        )
        assert widths[0] >= widths[1] - 1 > 300, (path, widths)
        # Stacked, each lane still says which history it is.
        labels = page.evaluate(
            """() => [...document.querySelectorAll('.dv-timeline__pair .dv-timeline__lane')]
                     .slice(0, 2).map(td => getComputedStyle(td, '::before').content)"""
        )
        assert labels == ['"Actual history"', '"Alternate history"'], path


def test_each_pair_sits_side_by_side_on_a_desktop_and_together_on_a_phone(new_context, site_url):
    same_year = [
        (e.id, e.counterparts[0].id)
        for e in TIMELINE.events
        if e.track == "actual"
        and e.counterparts
        and e.counterparts[0].date.year == e.date.year
        and TIMELINE.point_of_divergence.iso <= e.date.latest()
    ]
    assert same_year
    for viewport, beside in (({"width": 1280, "height": 800}, True), (PHONE, False)):
        page = new_context(viewport=viewport).new_page()
        page.goto(site_url + "timeline/")
        for actual, alternate in same_year:
            boxes = page.evaluate(
                """([a, b]) => [a, b].map(id => {
                     const r = document.getElementById(id).getBoundingClientRect();
                     return {x: r.x, y: r.y, bottom: r.bottom,
                             row: document.getElementById(id).closest('tr').rowIndex};
                   })""",
                [actual, alternate],
            )
            assert boxes[0]["row"] == boxes[1]["row"], (actual, alternate)
            if beside:
                assert boxes[1]["x"] > boxes[0]["x"] and boxes[0]["y"] == boxes[1]["y"]
            else:
                # Stacked: the alternate event right under the actual one it replaces.
                assert 0 <= boxes[1]["y"] - boxes[0]["bottom"] < 120, (actual, alternate)


def test_no_1924_alternate_event_precedes_its_cause(page, site_url):
    page.goto(site_url + "timeline/")
    shown = page.evaluate(
        """() => [...document.getElementById('year-1924').closest('tbody')
                   .querySelectorAll('.dv-event--alternate')].map(li => li.id)"""
    )
    by_id = TIMELINE.by_id()
    lane = [e for e in TIMELINE.events if e.track == "alternate" and e.date.year == 1924]
    assert shown == [e.id for e in lane]
    position = {event_id: index for index, event_id in enumerate(shown)}
    # Causes named with `after:` come first (the data may need none: dates can order them).
    causes = [(e.after, e.id) for e in lane if e.after]
    for cause, effect in causes:
        assert position[cause] < position[effect], f"{effect} shown before {cause}"
    # And the alternate lane follows the order of the actual events it replaces.
    replaced = [
        by_id[e.replaces] for e in lane if e.replaces and by_id[e.replaces].date.year == 1924
    ]
    order = [e.id for e in TIMELINE.events]
    assert [order.index(e.id) for e in replaced] == sorted(order.index(e.id) for e in replaced)


def test_the_year_index_jumps_to_its_year_on_a_phone(new_context, site_url):
    page = new_context(viewport=PHONE).new_page()
    page.goto(site_url + "timeline/")
    years = sorted({e.date.year for e in TIMELINE.events})
    index = page.locator("nav.dv-timeline__index a[href*='#year-']")
    assert index.all_inner_texts() == [str(year) for year in years]
    year = years[len(years) // 2]
    page.locator(f"nav.dv-timeline__index a[href$='#year-{year}']").click()
    page.wait_for_function(f"location.hash === '#year-{year}'")
    page.wait_for_timeout(200)
    top = page.locator(f"#year-{year}").evaluate("e => e.getBoundingClientRect().top")
    assert 0 <= top < PHONE["height"] / 2
    # The eras link to where they are shown on the page.
    eras = page.locator("nav.dv-timeline__index a[href*='#era-']").all_inner_texts()
    assert eras == [
        era.title for era in TIMELINE.eras if any(era.holds(e) for e in TIMELINE.events)
    ]


def test_tap_targets_are_at_least_24_px_on_a_phone(new_context, site_url):
    page = new_context(viewport=PHONE).new_page()
    checks = {
        "timeline/": "nav.dv-timeline__index a",
        era_url(TIMELINE.eras[1]): "nav.dv-timeline__index a",
        "timeline/comparison/": "nav.dv-timeline__index a",
        "actual-history/": "a.footnote-ref",
    }
    for path, selector in checks.items():
        page.goto(site_url + path)
        sizes = page.locator(selector).evaluate_all(
            "links => links.map(a => { const r = a.getBoundingClientRect();"
            " return [a.textContent, r.width, r.height]; })"
        )
        assert sizes, (path, selector)
        small = [s for s in sizes if s[1] < TARGET or s[2] < TARGET]
        assert small == [], (path, small[:5])


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


def test_every_essay_page_links_into_the_timeline(page, site_url):
    pages = sorted({e.page_path for e in TIMELINE.events if e.page_path})
    for path in pages:
        page.goto(site_url + path.removesuffix(".md") + "/")
        links = page.locator(".dv-page-events__lane a[href*='timeline/']")
        assert links.count() >= 1, path
        href = links.first.get_attribute("href")
        page.goto(urljoin(page.url, href))
        assert page.locator(f"#{href.split('#')[1]}").count() == 1, (path, href)
