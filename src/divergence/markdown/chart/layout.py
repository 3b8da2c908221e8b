"""Where everything on the divergence chart goes: pure geometry, no SVG.

Time runs down the page, as in the timeline's table. A row a year with events: its
actual and alternate events side by side, each lane's events stacked (the full form, a
label each) or in a row outward from the lane (the compact form). Years without events
are left out, so the scale is one of years with events, not of calendar time; the
chart prints its years and its eras' spans. Before the point of divergence the two
histories are one line in the middle; at it they fork, ours to the left, the alternate
to the right, as in the table's columns and the contrast blocks.

This module is the chart's only door to the timeline model.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from divergence.markdown.chart.text import wrap
from divergence.site.timeline import Era, Event, Timeline

__all__ = ["Era", "Event", "Layout", "Mark", "Timeline", "layout"]

WIDTH = 340
CENTRE = 170
LANE_X = {"actual": 146, "alternate": 194}
LABEL_GAP = 8
LINE = 14
# The fork: how far down the two lanes take to reach their places.
FORK = 28


@dataclass
class Mark:
    event: Event
    # "shared" before the point of divergence and on it, else the event's track.
    lane: str
    x: float
    y: float
    lines: list[str] = field(default_factory=list)
    # The label's anchor: its edge nearest the lane, and which way it runs.
    label_x: float = 0
    label_anchor: str = "end"
    # The first line's baseline.
    baseline: float = 0
    top: float = 0
    bottom: float = 0


@dataclass
class Band:
    era: Era
    top: float
    bottom: float = 0


@dataclass
class Layout:
    compact: bool
    height: float = 0
    marks: list[Mark] = field(default_factory=list)
    bands: list[Band] = field(default_factory=list)
    # (year, y of its label's centre); the compact form has none.
    years: list[tuple[int, float]] = field(default_factory=list)
    # Where the one line runs (top, fork) and where the two lanes run (fork, bottom).
    shared: tuple[float, float] | None = None
    lanes: tuple[float, float] | None = None
    fork: float | None = None
    heads: list[tuple[str, float, float, str]] = field(default_factory=list)
    # (alternate mark, the actual mark it replaces), both drawn.
    pairs: list[tuple[Mark, Mark]] = field(default_factory=list)
    # The top of the key to the dotted joins, under the eras (None: nothing joined).
    key: float | None = None
    # Below this y, the right of the one line is free (its events' titles are on the
    # left): room for the divergence's label.
    clear: float = 0


def lane_of(event: Event, timeline: Timeline) -> str:
    pod = timeline.point_of_divergence
    if pod is not None and event.date.sort_key() <= pod.iso and event.track == "actual":
        return "shared"
    return event.track


def layout(timeline: Timeline, *, compact: bool, era: Era | None) -> Layout:
    events = [e for e in timeline.events if era is None or era.holds(e)]
    pod = timeline.point_of_divergence
    out = Layout(compact)
    y = 4.0
    previous: int | None = None
    for era_ in _eras(timeline, era, events):
        band = Band(era_, y)
        out.bands.append(band)
        y += 17 if compact else 24
        out.clear = y
        if previous is None and events:
            # The lanes' names, at the top of the first era.
            # One line at the top if anything shown comes before the divergence.
            one_line = any(lane_of(event, timeline) == "shared" for event in events)
            setattr(out, "shared" if one_line else "lanes", (y, 0))
            y = out.clear = _heads(out, y, shared=one_line)
        years = sorted({e.date.year for e in events if era_.holds(e)})
        for year in years:
            if previous is not None and year > previous + 1 and year != years[0]:
                y += 6  # years without events are left out: a little more room says so
            previous = year
            in_year = [e for e in events if e.date.year == year]
            if not compact:
                out.years.append((year, y + 8))
                y = out.clear = y + 18
            shared = [e for e in in_year if lane_of(e, timeline) == "shared"]
            on_pod = [e for e in shared if pod is not None and e.date.iso == pod.iso]
            before = [e for e in shared if e not in on_pod]
            after = [e for e in in_year if e not in shared]
            y = _row(out, before, "shared", y)
            if out.shared is not None and out.fork is None and (on_pod or after):
                y = _fork(out, y, on_pod)
            y = _row(out, after, None, y)
        band.bottom = y + 4
        y = band.bottom + 4
    # The lanes end with the last era.
    end = y - 8
    if out.shared is not None:
        out.shared = (out.shared[0], out.fork if out.fork is not None else end)
    if out.lanes is not None:
        out.lanes = (out.lanes[0], end)
    by_id = {mark.event.id: mark for mark in out.marks}
    out.pairs = [
        (mark, by_id[mark.event.replaces])
        for mark in out.marks
        if mark.lane == "alternate" and mark.event.replaces in by_id
    ]
    if out.pairs:
        out.key = y
        y += 34
    out.height = y
    return out


def _eras(timeline: Timeline, era: Era | None, events: list[Event]) -> list[Era]:
    if era is not None:
        return [era]
    return [e for e in timeline.eras if any(e.holds(event) for event in events)]


def _heads(out: Layout, y: float, *, shared: bool) -> float:
    """The lanes' names where they begin: 'Both histories', or one on each side."""
    if shared:
        out.heads.append(("shared", CENTRE + LABEL_GAP, y + 11, "start"))
    else:
        out.heads.append(("actual", LANE_X["actual"] - LABEL_GAP, y + 11, "end"))
        out.heads.append(("alternate", LANE_X["alternate"] + LABEL_GAP, y + 11, "start"))
    return y + 18


def _fork(out: Layout, y: float, on_pod: list[Event]) -> float:
    """The point of divergence: its line across the chart with the events of that day on
    the fork, then the two lanes, named where they curve apart."""
    # Its two-line label goes right of the one line, above it, clear of what is there.
    # The titles of the day's events go just above it, on the left.
    fork = max(y + (18 if on_pod and not out.compact else 8), out.clear + 32)
    out.fork = fork
    bottom = fork
    for event in on_pod:
        mark = Mark(event, "shared", CENTRE, fork)
        _label(out, mark, CENTRE - LABEL_GAP, "end")
        # The day's events sit on the line, their titles just above it.
        mark.y, mark.baseline = fork, fork - 3
        mark.top, mark.bottom = fork - 15, fork - 15 + max(len(mark.lines) * LINE + 2, 20)
        out.marks.append(mark)
        bottom = max(bottom, mark.bottom)
    out.lanes = (fork, 0)
    # The lanes' names where they curve apart, under a long title of the day's events.
    heads = max(fork + FORK - 15, bottom)
    _heads(out, heads, shared=False)
    return heads + 19


def _row(out: Layout, events: list[Event], lane: str | None, y: float) -> float:
    """One year's events: each lane from ``y``; returns the y under the taller lane."""
    bottom = y
    lanes: dict[str, list[Event]] = {}
    for event in events:
        lanes.setdefault(lane or event.track, []).append(event)
    for name, group in lanes.items():
        x = CENTRE if name == "shared" else LANE_X[name]
        outward = -1 if name in ("shared", "actual") else 1
        cursor = y
        for index, event in enumerate(group):
            if out.compact:
                mark = Mark(event, name, x + outward * index * 11, y + 5.5)
            else:
                mark = Mark(event, name, x, cursor + 8)
            _label(out, mark, x + outward * LABEL_GAP, "end" if outward < 0 else "start")
            cursor = mark.bottom + (0 if out.compact else 4)
            out.marks.append(mark)
        bottom = max(bottom, cursor)
    return bottom


def _label(out: Layout, mark: Mark, label_x: float, anchor: str) -> None:
    """Give a full-form mark its title, wrapped to the room on its side of the lanes."""
    mark.label_x, mark.label_anchor = label_x, anchor
    if out.compact:
        mark.top, mark.bottom = mark.y - 5.5, mark.y + 5.5
        return
    width = label_x - 4 if anchor == "end" else WIDTH - 4 - label_x
    mark.lines = wrap(mark.event.title, width)
    mark.top = mark.y - 8
    # At least 20 px tall, 4 px apart: 24 px from one target to the next (WCAG 2.5.8);
    # a one-line title and its mark sit in the middle of that.
    if len(mark.lines) == 1:
        mark.y += 2
    mark.baseline = mark.y + 4
    mark.bottom = mark.top + max(len(mark.lines) * LINE + 2, 20)
