"""The divergence chart: SVG from the real data/timeline.yml and from a tiny timeline.

Every expectation comes from the timeline the chart is drawn from, never a hard-coded count.
"""

from __future__ import annotations

import gzip
import re
import textwrap
import xml.etree.ElementTree as etree
from pathlib import Path

import pytest

from divergence.markdown.chart import render_chart, to_string
from divergence.site.timeline import load

REPO = Path(__file__).resolve().parents[2]
SVG = "{http://www.w3.org/2000/svg}"
# The home page's budget for the chart (issue 14): at most 6 KB gzip.
HOME_BUDGET = 6 * 1024

TINY = textwrap.dedent(
    """\
    point_of_divergence: "1924-01-21"
    themes:
      leadership: Party leadership
    eras:
      - {id: before, title: "Before, 1922–1923", start: "1922", end: "1923"}
      - {id: turn, title: "The turn, 1924–1925", start: "1924", end: "1925"}
      - {id: after, title: "After, 1926–1930", start: "1926", end: "1930"}
    events:
      - {id: general-secretary, date: "1922-04-03", track: actual, title: Stalin elected,
         summary: S., themes: [leadership], sources: [k]}
      - {id: conference, date: "1924-01-16", track: actual, title: A conference,
         summary: S., themes: [leadership], sources: [k]}
      - {id: death, date: "1924-01-21", track: actual, title: Lenin dies,
         summary: S., themes: [leadership], sources: [k]}
      - {id: removed, date: "1924", track: alternate, title: Stalin removed,
         summary: S., themes: [leadership], replaces: withheld}
      - {id: withheld, date: "1924-05-21", track: actual, title: The Testament withheld,
         summary: S., themes: [leadership], sources: [k]}
      - {id: collective, date: "1925", end: "1929", track: alternate, title: A collective,
         summary: S., themes: [leadership], new: true}
      - {id: opposition, date: "1926-04", track: actual, title: The United Opposition,
         summary: S., themes: [leadership], sources: [k]}
      - {id: alliance, date: "1926", track: alternate, title: An earlier alliance,
         summary: S., themes: [leadership], replaces: opposition}
    """
)


def _real():
    return load((REPO / "data/timeline.yml").read_text("utf-8"))


def _tiny():
    timeline = load(TINY)
    assert timeline.diagnostics == []
    return timeline


TIMELINES = {"real": _real, "tiny": _tiny}


def href(event) -> str:
    return f"../timeline/#{event.id}"


def draw(timeline, **options) -> etree.Element:
    """Render, serialise and parse again: what a page gets is the markup."""
    return etree.fromstring(to_string(render_chart(timeline, href=href, **options)))


def forms(timeline):
    """Every form a page can show: full, compact, and each era's span."""
    yield "full", {}, timeline.events
    yield "compact", {"compact": True}, timeline.events
    for era in timeline.eras:
        yield era.id, {"era": era}, [e for e in timeline.events if era.holds(e)]


def all_forms():
    for name, make in TIMELINES.items():
        timeline = make()
        for form, options, shown in forms(timeline):
            yield pytest.param(timeline, options, shown, id=f"{name}-{form}")


ALL_FORMS = list(all_forms())


def links(svg) -> list[etree.Element]:
    return list(svg.iter(f"{SVG}a"))


def marks(svg) -> dict[str, tuple[float, float]]:
    """{event id: centre of its mark}: a circle, or a diamond drawn from its top corner."""
    found = {}
    for link in links(svg):
        event_id = link.get("href").rsplit("#", 1)[1]
        circle = link.find(f"{SVG}circle")
        if circle is not None:
            found[event_id] = (float(circle.get("cx")), float(circle.get("cy")))
        else:
            x, y, step = map(
                float, re.match(r"M(\S+) (\S+)l(\S+) ", link.find(f"{SVG}path").get("d")).groups()
            )
            found[event_id] = (x, y + step)
    return found


def lane(svg, name: str) -> etree.Element | None:
    return next(
        (p for p in svg.iter(f"{SVG}path") if f"dv-chart__lane--{name}" in (p.get("class") or "")),
        None,
    )


def ends(path: etree.Element) -> tuple[tuple[float, float], tuple[float, float]]:
    """The first and last points of a path written with M, C, V and H."""
    d = path.get("d")
    start = tuple(map(float, re.match(r"M(\S+) (\S+?)(?=[A-Za-z])", d).groups()))
    x, y = start
    for command, args in re.findall(r"([CVH])([^A-Za-z]+)", d):
        numbers = [float(n) for n in args.split()]
        if command == "C":
            x, y = numbers[-2], numbers[-1]
        elif command == "V":
            y = numbers[-1]
        else:
            x = numbers[-1]
    return start, (x, y)


@pytest.mark.parametrize(("timeline", "options", "shown"), ALL_FORMS)
def test_every_event_shown_has_one_link_named_by_its_date_lane_and_title(timeline, options, shown):
    svg = draw(timeline, **options)
    assert sorted(link.get("href") for link in links(svg)) == sorted(href(e) for e in shown)
    lanes = ("actual history", "alternate history", "both histories")
    for event in shown:
        (link,) = [a for a in links(svg) if a.get("href") == href(event)]
        # The <title> names the link and is its tooltip; a labelled mark repeats it.
        name = link.find(f"{SVG}title").text
        assert event.readable_date in name and event.title in name
        assert any(lane in name for lane in lanes)
        assert link.get("aria-label") in (None if options.get("compact") else name,)
        # Nothing takes the link out of the tab order.
        assert link.get("tabindex") is None


@pytest.mark.parametrize("make", TIMELINES.values(), ids=TIMELINES)
def test_the_links_follow_the_timeline_order_and_name_events_by_their_lane(make):
    timeline = make()
    svg = draw(timeline)
    assert [a.get("href") for a in links(svg)] == [href(e) for e in timeline.events]
    pod = timeline.point_of_divergence.iso
    for event in timeline.events:
        (link,) = [a for a in links(svg) if a.get("href") == href(event)]
        if event.track == "alternate":
            expected = "alternate"
        else:
            expected = "shared" if event.date.sort_key() <= pod else "actual"
        assert f"dv-chart__event--{expected}" in link.get("class")


@pytest.mark.parametrize("make", TIMELINES.values(), ids=TIMELINES)
@pytest.mark.parametrize("compact", [False, True], ids=["full", "compact"])
def test_the_lanes_are_one_line_until_the_point_of_divergence_then_split(make, compact):
    timeline = make()
    svg = draw(timeline, compact=compact)
    shared, actual, alternate = (lane(svg, name) for name in ("shared", "actual", "alternate"))
    (top, fork) = ends(shared)
    # Both lanes leave the one line where it ends, and end apart.
    assert ends(actual)[0] == fork == ends(alternate)[0]
    assert ends(actual)[1][0] != ends(alternate)[1][0]
    pod = timeline.point_of_divergence.iso
    centres = marks(svg)
    for event in timeline.events:
        x, y = centres[event.id]
        if event.track == "actual" and event.date.sort_key() < pod:
            assert top[1] < y < fork[1], event.id
        elif event.date.iso == pod:
            assert (x, y) == fork, event.id
        else:
            # An alternate event dated only by a year that holds the divergence is after it.
            assert y > fork[1], event.id


@pytest.mark.parametrize(("timeline", "options", "shown"), ALL_FORMS)
def test_an_alternate_event_is_joined_to_the_actual_event_it_replaces(timeline, options, shown):
    svg = draw(timeline, **options)
    centres = marks(svg)
    # The joins drawn among the marks (the key under the chart has a sample of its own).
    group = next(g for g in svg.findall(f"{SVG}g") if g.get("class") == "dv-chart__pairs")
    joins = {ends(path) for path in group}
    ids = {e.id for e in shown}
    expected = {
        (centres[e.id], centres[e.replaces])
        for e in shown
        if e.track == "alternate" and e.replaces in ids
    }
    assert joins == expected


@pytest.mark.parametrize("make", TIMELINES.values(), ids=TIMELINES)
def test_the_two_lanes_differ_in_line_style_not_only_in_colour(make):
    svg = draw(make())
    actual, alternate = lane(svg, "actual"), lane(svg, "alternate")
    assert actual.get("stroke-dasharray") is None
    assert alternate.get("stroke-dasharray")
    # And the marks in shape: round for what happened, diamonds for what might have.
    for link in links(svg):
        shape = "path" if "event--alternate" in link.get("class") else "circle"
        assert link.find(f"{SVG}{shape}") is not None


@pytest.mark.parametrize("make", TIMELINES.values(), ids=TIMELINES)
def test_colours_come_from_the_stylesheet_only(make):
    markup = to_string(render_chart(make(), href=href))
    assert not re.search(r"#[0-9a-fA-F]{3,8}\b|rgba?\(|hsla?\(|style=", markup.replace("/#", "/"))
    css = (REPO / "src/divergence/markdown/chart/chart.css").read_text("utf-8")
    classes = set(re.findall(r'class="([^"]+)"', markup))
    for name in {c for value in classes for c in value.split()}:
        assert f".{name}" in css, f"no style for .{name}"


@pytest.mark.parametrize(("timeline", "options", "shown"), ALL_FORMS)
def test_eras_are_named_bands_around_their_events(timeline, options, shown):
    svg = draw(timeline, **options)
    if "era" in options:
        eras = [options["era"]]
    else:
        eras = [era for era in timeline.eras if any(era.holds(e) for e in shown)]
    names = [t.text for t in svg.iter(f"{SVG}text") if "dv-chart__era" in (t.get("class") or "")]
    bands = [r for r in svg.iter(f"{SVG}rect") if "dv-chart__band" in (r.get("class") or "")]
    assert names == [era.title for era in eras]
    assert len(bands) == len(eras)
    centres = marks(svg)
    for era, band in zip(eras, bands, strict=True):
        top = float(band.get("y"))
        bottom = top + float(band.get("height"))
        for event in shown:
            assert (top < centres[event.id][1] < bottom) == era.holds(event), event.id


@pytest.mark.parametrize(("timeline", "options", "shown"), ALL_FORMS)
def test_the_chart_is_a_group_named_by_its_title_and_described_by_its_desc(
    timeline, options, shown
):
    svg = draw(timeline, title_id_prefix="home-chart", **options)
    assert svg.get("role") == "group"  # role="img" would hide the links from assistive tech
    title, desc = svg.find(f"{SVG}title"), svg.find(f"{SVG}desc")
    assert svg.get("aria-labelledby") == title.get("id") == "home-chart-title"
    assert svg.get("aria-describedby") == desc.get("id") == "home-chart-desc"
    assert "long description" in desc.text and "table" in desc.text
    assert desc.text.startswith(f"{len(shown)} events, ")
    pod = timeline.point_of_divergence
    assert pod.readable in desc.text
    if "era" in options:
        assert options["era"].title in title.text


def test_an_era_after_the_divergence_has_two_lanes_and_one_before_it_one_line():
    timeline = _tiny()
    eras = {era.id: era for era in timeline.eras}
    before, after = draw(timeline, era=eras["before"]), draw(timeline, era=eras["after"])
    assert lane(before, "shared") is not None and lane(before, "actual") is None
    assert lane(after, "shared") is None and lane(after, "alternate") is not None
    assert "before the point of divergence" in before.find(f"{SVG}desc").text
    assert "after the point of divergence" in after.find(f"{SVG}desc").text


@pytest.mark.parametrize("make", TIMELINES.values(), ids=TIMELINES)
def test_the_full_form_labels_every_event_with_its_title_and_the_compact_form_none(make):
    timeline = make()
    full, compact = draw(timeline), draw(timeline, compact=True)
    for link in links(full):
        event = next(e for e in timeline.events if href(e) == link.get("href"))
        # The label's text as a reader (and its accessible name) has it: the lines run
        # together, each space where the label was wrapped kept in one of them.
        label = "".join(span.text for span in link.iter(f"{SVG}tspan"))
        assert label == event.title
    assert all(link.find(f"{SVG}text") is None for link in links(compact))


@pytest.mark.parametrize("make", TIMELINES.values(), ids=TIMELINES)
def test_the_output_is_well_formed_deterministic_and_has_unique_ids(make):
    for _, options, _ in forms(make()):
        first = to_string(render_chart(make(), href=href, **options))
        assert first == to_string(render_chart(make(), href=href, **options))
        ids = re.findall(r'\sid="([^"]+)"', first)
        assert len(ids) == len(set(ids))
        etree.fromstring(first)


def test_the_home_page_chart_stays_within_its_budget():
    size = len(gzip.compress(to_string(render_chart(_real(), href=href, compact=True)).encode()))
    assert size <= HOME_BUDGET


def test_a_name_reads_date_lane_then_title():
    names = [a.find("title").text for a in render_chart(_tiny(), href=href).iter("a")]
    assert "21 January 1924, both histories: Lenin dies" in names
    assert "1924, alternate history: Stalin removed" in names
    assert "21 May 1924, actual history: The Testament withheld" in names


def test_the_stylesheet_colours_the_chart_only_through_custom_properties():
    """Colour values live in custom properties (for the schemes, print and forced colours);
    the rules that paint use them, so nothing is fixed to one scheme."""
    css = re.sub(
        r"/\*.*?\*/",
        "",
        (REPO / "src/divergence/markdown/chart/chart.css").read_text("utf-8"),
        flags=re.S,
    )
    painting = re.findall(r"(?<![-\w])(fill|stroke|color)\s*:\s*([^;}]+)", css)
    assert painting
    for prop, value in painting:
        assert value.strip().startswith("var(--dv-chart-") or value.strip() == "transparent", (
            f"{prop}: {value}"
        )
    for media in ("print", "(prefers-reduced-motion: no-preference)", "(forced-colors: active)"):
        assert f"@media {media}" in css
    assert ":focus-visible" in css
