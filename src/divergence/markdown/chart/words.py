"""The chart's words: the names of its lanes and links, its title and its description."""

from __future__ import annotations

from divergence.markdown.chart.layout import Era, Event, Layout, Mark, Timeline

# The site's names for the two histories (the contrast blocks', the comparison's).
LANE_NAMES = {
    "actual": "Actual history",
    "alternate": "Alternate history",
    "shared": "Both histories",
}

KEY = "A dotted line joins an alternate event to the actual event it replaces."


def link_name(mark: Mark) -> str:
    """'21 January 1924, both histories: Lenin dies'."""
    return f"{mark.event.readable_date}, {LANE_NAMES[mark.lane].lower()}: {mark.event.title}"


def title(shown: list[Event], era: Era | None) -> str:
    if era is not None:
        return f"The actual and the alternate history: {era.title}"
    years = [event.date.year for event in shown]
    span = f", {min(years)}–{max(years)}" if years else ""
    return f"The actual and the alternate history{span}"


def description(timeline: Timeline, plan: Layout, shown: list[Event], era: Era | None) -> str:
    """The chart in words: what is drawn how, and where the long description is."""
    pod = timeline.point_of_divergence
    sentences = [f"{len(shown)} events, in date order down the page."]
    if plan.lanes is not None:
        sentences.append(
            "The actual history runs on the left, a solid line with round marks; the "
            "alternate history the essay imagines runs on the right, a dashed line with "
            "diamond marks."
        )
    if pod is not None:
        on_pod = [m.event.title for m in plan.marks if m.event.date.iso == pod.iso]
        what = f" ({'; '.join(on_pod)})" if on_pod else ""
        if plan.fork is not None:
            sentences.append(
                "The two run as one line down the middle until the point of divergence, "
                f"{pod.readable}{what}, and split there."
            )
        elif plan.shared is not None:
            sentences.append(
                f"All of this comes before the point of divergence, {pod.readable}: the two "
                "histories are still one line, with round marks."
            )
        elif plan.lanes is not None:
            sentences.append(f"All of this comes after the point of divergence, {pod.readable}.")
    if plan.pairs:
        sentences.append(KEY)
    sentences.append(
        ("Eras are bands, named at their top" if era is None else "The band is the era")
        + ". Years without events are left out; within a year, events follow in date order."
    )
    where = "on the timeline page" if plan.compact else "below"
    sentences.append(
        f"Each mark links to its event in the timeline. The timeline's table {where} is "
        "the long description of this chart: it gives every event in full, with sources."
    )
    return " ".join(sentences)
