"""The divergence chart as an inline <svg>: the two histories as one line that forks.

Pure: a timeline in, an ElementTree element out, the same bytes for the same data. The
SVG carries classes and no colours; chart.css colours it from the site's custom
properties, so it follows the light and dark schemes and prints in ink. Without the
stylesheet it still draws, in the text colour, with both non-colour cues: the lanes'
line styles (solid, dashed) and the marks' shapes (round, diamond).

Accessibility: the svg is a group named by its <title> and described by its <desc>, which
points to the timeline's table as the long description (role="img" would hide the links
inside). Each mark is a link, in the timeline's order, named by its date, lane and title.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree
from collections.abc import Callable

from divergence.markdown.chart.layout import (
    CENTRE,
    FORK,
    LANE_X,
    LINE,
    WIDTH,
    Era,
    Event,
    Layout,
    Mark,
    Timeline,
    layout,
)
from divergence.markdown.chart.text import FONT_SIZE, width, wrap
from divergence.markdown.chart.words import KEY, LANE_NAMES, description, link_name, title

DASH = {"alternate": "7 5"}


def render_chart(
    timeline: Timeline,
    *,
    href: Callable[[Event], str],
    compact: bool = False,
    era: Era | None = None,
    title_id_prefix: str = "dv-chart",
) -> etree.Element:
    """The chart of ``timeline``, or of one ``era``'s span; ``href(event)`` is the URL of
    the event's row in the timeline. ``compact``: marks without titles, for the home page.
    ``title_id_prefix`` keeps the ids of two charts on one page apart."""
    plan = layout(timeline, compact=compact, era=era)
    height = _n(plan.height)
    svg = etree.Element(
        "svg",
        {
            "xmlns": "http://www.w3.org/2000/svg",
            "class": "dv-chart dv-chart--compact" if compact else "dv-chart",
            "viewBox": f"0 0 {WIDTH} {height}",
            "width": str(WIDTH),
            "height": height,
            "role": "group",
            "aria-labelledby": f"{title_id_prefix}-title",
            "aria-describedby": f"{title_id_prefix}-desc",
            "font-size": str(FONT_SIZE),
        },
    )
    shown = [mark.event for mark in plan.marks]
    _sub(svg, "title", text=title(shown, era), id=f"{title_id_prefix}-title")
    _sub(svg, "desc", text=description(timeline, plan, shown, era), id=f"{title_id_prefix}-desc")
    _bands(svg, plan)
    _divergence(svg, plan, timeline)
    _lanes(svg, plan)
    _pairs(svg, plan)
    _era_names(svg, plan)
    _years(svg, plan)
    _key(svg, plan)
    # The lanes' names, the years and the divergence's label repeat what every link's name
    # and the description say: hidden from assistive technology, which reads those.
    heads = _sub(svg, "g", **{"aria-hidden": "true"})
    for lane, x, y, anchor in plan.heads:
        _sub(
            heads,
            "text",
            text=LANE_NAMES[lane],
            x=x,
            y=y,
            **{"text-anchor": anchor, "class": f"dv-chart__head dv-chart__head--{lane}"},
        )
    order = {event.id: index for index, event in enumerate(timeline.events)}
    for mark in sorted(plan.marks, key=lambda m: order[m.event.id]):
        _event(svg, mark, href(mark.event))
    return svg


def to_string(svg: etree.Element) -> str:
    """The chart as markup to inline in a page."""
    return etree.tostring(svg, encoding="unicode", short_empty_elements=True)


def _bands(svg, plan: Layout) -> None:
    group = _sub(svg, "g")
    for index, band in enumerate(plan.bands):
        # Every other band is shaded, from the first.
        shade = " dv-chart__band--odd" if index % 2 == 0 else ""
        _sub(
            group,
            "rect",
            x=0,
            y=band.top,
            width=WIDTH,
            height=band.bottom - band.top,
            **{"class": f"dv-chart__band{shade}", "fill": "none"},
        )


def _era_names(svg, plan: Layout) -> None:
    # Over the lanes, each ringed in its band's colour so that a line never runs through it.
    group = _sub(svg, "g")
    for index, band in enumerate(plan.bands):
        shade = " dv-chart__era--odd" if index % 2 == 0 else ""
        _sub(
            group,
            "text",
            text=band.era.title,
            x=6,
            y=band.top + 15,
            **{"class": f"dv-chart__era{shade}"},
        )


def _divergence(svg, plan: Layout, timeline) -> None:
    pod = timeline.point_of_divergence
    if plan.fork is None or pod is None:
        return
    group = _sub(svg, "g", **{"class": "dv-chart__divergence", "aria-hidden": "true"})
    _sub(
        group,
        "path",
        d=f"M0 {_n(plan.fork)}H{WIDTH}",
        stroke="currentColor",
        **{"stroke-dasharray": "2 4", "stroke-width": "2"},
    )
    label = _sub(group, "text", x=CENTRE + 10, y=plan.fork - 20)
    _sub(label, "tspan", text="Point of divergence,", x=CENTRE + 10)
    _sub(label, "tspan", text=pod.readable, x=CENTRE + 10, dy=LINE)


def _lanes(svg, plan: Layout) -> None:
    group = _sub(svg, "g", fill="none", stroke="currentColor", **{"stroke-width": "3"})
    if plan.shared is not None:
        top, bottom = plan.shared
        _sub(
            group,
            "path",
            d=f"M{CENTRE} {_n(top)}V{_n(bottom)}",
            **{"class": "dv-chart__lane dv-chart__lane--shared"},
        )
    if plan.lanes is None:
        return
    top, bottom = plan.lanes
    for lane, x in LANE_X.items():
        if plan.fork is not None:
            # Out of the one line along a curve, then straight down.
            f, mid = _n(top), _n(top + FORK / 2)
            d = f"M{CENTRE} {f}C{CENTRE} {mid} {x} {mid} {x} {_n(top + FORK)}V{_n(bottom)}"
        else:
            d = f"M{x} {_n(top)}V{_n(bottom)}"
        attrs = {"class": f"dv-chart__lane dv-chart__lane--{lane}"}
        if lane in DASH:
            attrs["stroke-dasharray"] = DASH[lane]
        _sub(group, "path", d=d, **attrs)


def _pairs(svg, plan: Layout) -> None:
    group = _joins(svg)
    for mark, other in plan.pairs:
        x1, y1, x2, y2 = _n(mark.x), _n(mark.y), _n(other.x), _n(other.y)
        _sub(group, "path", d=f"M{x1} {y1}C{CENTRE} {y1} {CENTRE} {y2} {x2} {y2}")


def _joins(parent) -> etree.Element:
    return _sub(
        parent,
        "g",
        fill="none",
        stroke="currentColor",
        **{
            "class": "dv-chart__pairs",
            "stroke-dasharray": "1 3",
            "stroke-linecap": "round",
            "stroke-width": "1.5",
        },
    )


def _key(svg, plan: Layout) -> None:
    """What a dotted line means, under the chart (the description says it too)."""
    if plan.key is None:
        return
    key = _sub(svg, "g", **{"aria-hidden": "true"})
    _sub(_joins(key), "path", d=f"M6 {_n(plan.key + 9)}H36")
    text = _sub(key, "text", x=44, y=plan.key + 13)
    for index, line in enumerate(wrap(KEY, WIDTH - 48)):
        _sub(text, "tspan", text=line, x=44, dy=LINE if index else None)


def _years(svg, plan: Layout) -> None:
    group = _sub(
        svg, "g", **{"class": "dv-chart__years", "text-anchor": "middle", "aria-hidden": "true"}
    )
    for year, y in plan.years:
        _sub(group, "rect", x=CENTRE - 19, y=y - 8, width=38, height=16, rx=8, fill="none")
        _sub(group, "text", text=str(year), x=CENTRE, y=y + 4)


def _event(svg, mark: Mark, url: str) -> None:
    name = link_name(mark)
    # The <title> names the link (SVG-AAM) and is its tooltip. A labelled mark says it
    # again in aria-label, so that its visible title never stands for the whole name; the
    # compact form has no visible titles and, for its weight on the home page, no copy.
    aria = {"aria-label": name} if mark.lines else {}
    link = _sub(
        svg,
        "a",
        href=url,
        **{"class": f"dv-chart__event dv-chart__event--{mark.lane}", **aria},
    )
    _sub(link, "title", text=name)
    left, right = mark.x - 6, mark.x + 6
    if mark.lines:
        label = _sub(
            link, "text", x=mark.label_x, y=mark.baseline, **{"text-anchor": mark.label_anchor}
        )
        last = len(mark.lines) - 1
        for index, line in enumerate(mark.lines):
            # The lines of a label read as one text (its accessible name must hold the
            # visible words, spaced): the space between two lines goes where it shows no
            # gap, at the end of a left-aligned line or the start of a right-aligned one.
            if mark.label_anchor == "end" and index:
                line = " " + line
            elif mark.label_anchor != "end" and index < last:
                line = line + " "
            _sub(label, "tspan", text=line, x=mark.label_x, dy=LINE if index else None)
        reach = max(width(line) for line in mark.lines)
        if mark.label_anchor == "end":
            left = mark.label_x - reach - 2
        else:
            right = mark.label_x + reach + 2
    # The target: the mark and its label (transparent; the focus ring is drawn on it). A
    # compact mark has no label: the stylesheet widens the mark itself.
    if mark.lines:
        _sub(
            link,
            "rect",
            x=left,
            y=mark.top,
            width=right - left,
            height=mark.bottom - mark.top,
            rx=3,
            fill="transparent",
        )
    x, y = _n(mark.x), _n(mark.y)
    size = 3.5 if not mark.lines else 4.5
    if mark.lane == "alternate":
        s = _n(size + 1)
        _sub(link, "path", d=f"M{x} {_n(mark.y - size - 1)}l{s} {s}-{s} {s}-{s}-{s}z")
    else:
        _sub(link, "circle", cx=x, cy=y, r=_n(size))


def _sub(parent, tag: str, *, text: str | None = None, **attrs) -> etree.Element:
    element = etree.SubElement(
        parent,
        tag,
        {k: v if isinstance(v, str) else _n(v) for k, v in attrs.items() if v is not None},
    )
    if text is not None:
        element.text = text
    return element


def _n(value: float) -> str:
    """A coordinate, to a tenth, without a trailing '.0'."""
    text = f"{round(value, 1):.1f}"
    return text[:-2] if text.endswith(".0") else text
