"""The timeline's reading order: compact dates, cause before effect, pairs aligned by year,
the comparison paired by theme, and section names read from a page's Markdown."""

from __future__ import annotations

import pytest

from divergence.markdown.timeline_views import (
    paired_rows,
    section_title,
    theme_rows,
    year_groups,
)
from divergence.site import load_site
from divergence.site.dates import readable_range
from divergence.site.timeline import load
from sitebuild import REPO

HEAD = """\
point_of_divergence: "1924-01-21"
themes:
  leadership: Party leadership
  culture: Culture and society
eras:
  - {id: succession, title: "The succession crisis, 1922–1925", start: "1922", end: "1925"}
events:
"""


def event(id, date, track, *, themes="leadership", **more):
    lines = [
        f"  - id: {id}",
        f'    date: "{date}"',
        f"    track: {track}",
        f"    title: {id.replace('-', ' ').capitalize()}",
        "    summary: Something.",
        f"    themes: [{themes}]",
    ]
    if track == "actual":
        lines.append("    sources: [kotkin2014]")
    lines += [f"    {key}: {value}" for key, value in more.items()]
    return "\n".join(lines) + "\n"


def timeline(*events):
    return load(HEAD + "".join(events))


def ids(events):
    return [e.id for e in events]


@pytest.mark.parametrize(
    ("start", "end", "written"),
    [
        ("1924-01-16", "1924-01-18", "16–18 January 1924"),
        ("1924-05-23", "1924-06-02", "23 May – 2 June 1924"),
        ("1936-07-17", "1939-04-01", "17 July 1936 – 1 April 1939"),
        ("1924-05", "1924-06", "May–June 1924"),
        ("1924-12", "1925-01", "December 1924 – January 1925"),
        ("1922", "1923", "1922–1923"),
        ("1924", "1924-05", "1924 – May 1924"),
        ("1924-05-23", "1924-05-23", "23 May 1924"),
        ("1924-05", None, "May 1924"),
    ],
)
def test_date_ranges_are_written_compactly(start, end, written):
    assert readable_range(start, end) == written


def test_an_event_is_dated_with_its_compact_range():
    t = timeline(event("conference", "1924-01-16", "actual", end='"1924-01-18"'))
    assert t.events[0].readable_date == "16–18 January 1924"


# The review's case: the essay removes Stalin in "mid-1924" because the Testament is read
# to the congress in May; a year-only date alone sorts the removal first.
CONGRESS = event("congress", "1924-05-23", "actual")
WITHHELD = event("withheld", "1924-05-21", "actual")
PUBLIC = event("alt-public", "1924-05", "alternate", replaces="withheld")


def test_a_year_only_date_sorts_before_the_months_in_it_without_after():
    removed = event("alt-removed", "1924", "alternate", replaces="congress")
    t = timeline(WITHHELD, CONGRESS, PUBLIC, removed)
    lane = [e for e in t.events if e.track == "alternate"]
    assert ids(lane) == ["alt-removed", "alt-public"]


def test_after_puts_an_event_right_after_its_cause():
    removed = event("alt-removed", "1924", "alternate", replaces="congress", after="alt-public")
    new = event("alt-new", "1924-05", "alternate", new="true")
    t = timeline(WITHHELD, CONGRESS, PUBLIC, new, removed)
    assert t.diagnostics == []
    assert ids(t.events) == ["alt-public", "alt-removed", "alt-new", "withheld", "congress"]
    # Both pairs line up, in the order of both lanes.
    [group] = year_groups(t)
    pairs = [(ids(r.actual), ids(r.alternate)) for r in group.rows if r.kind == "pair"]
    assert pairs == [(["withheld"], ["alt-public"]), (["congress"], ["alt-removed"])]


def test_followers_of_one_event_keep_their_date_order_and_chains_hold():
    t = timeline(
        event("a", "1924-05", "alternate", new="true"),
        event("c", "1924", "alternate", new="true", after="b"),
        event("b", "1924", "alternate", new="true", after="a"),
        event("d", "1924-05", "alternate", new="true", after="a"),
    )
    assert t.diagnostics == []
    assert ids(t.events) == ["a", "b", "c", "d"]


@pytest.mark.parametrize(
    ("follower", "problem"),
    [
        (
            event("alt-x", "1924", "alternate", new="true", after="alt-publik"),
            "'after: alt-publik' of event 'alt-x' names no event (did you mean 'alt-public'?)",
        ),
        (
            event("alt-x", "1924", "alternate", new="true", after="congress"),
            "'after: congress' of event 'alt-x' names an event of the actual lane; "
            "'after' orders one lane",
        ),
        (
            event("alt-x", "1925", "alternate", new="true", after="alt-public"),
            "'after: alt-public' of event 'alt-x' is dated May 1924, outside this event's "
            "date (1925); 'after' orders events within a less precise date",
        ),
    ],
)
def test_an_after_that_cannot_hold_is_reported_and_ignored(follower, problem):
    t = timeline(CONGRESS, WITHHELD, PUBLIC, follower)
    assert [(d.code, d.message) for d in t.diagnostics] == [("TL003", problem)]
    assert [d.line for d in t.diagnostics] == [
        (HEAD + CONGRESS + WITHHELD + PUBLIC).count("\n") + 8
    ]
    assert {e.id for e in t.events} == {"congress", "withheld", "alt-public", "alt-x"}


def test_an_after_circle_is_reported():
    t = timeline(
        event("a", "1924", "alternate", new="true", after="b"),
        event("b", "1924", "alternate", new="true", after="a"),
    )
    assert [(d.code, d.message) for d in t.diagnostics] == [
        ("TL003", "'after: a' of event 'b' makes a circle: a -> b -> a")
    ]
    assert sorted(ids(t.events)) == ["a", "b"]


def test_before_the_divergence_one_history_then_pairs_and_lanes():
    t = timeline(
        event("conference", "1924-01-16", "actual"),
        event("death", "1924-01-21", "actual"),
        event("funeral", "1924-01-27", "actual"),
        WITHHELD,
        event("alt-alliance", "1924", "alternate", new="true"),
        PUBLIC,
        event("lessons", "1924-10", "actual"),
    )
    [group] = year_groups(t)
    rows = [(r.kind, ids(r.actual), ids(r.alternate)) for r in group.rows]
    assert rows == [
        ("shared", ["conference"], []),
        ("divergence", [], []),
        ("lanes", ["death", "funeral"], ["alt-alliance"]),
        ("pair", ["withheld"], ["alt-public"]),
        ("lanes", ["lessons"], []),
    ]


def test_pairs_that_would_cross_are_left_unaligned_and_lane_order_kept():
    t = timeline(
        event("a1", "1936-07", "actual"),
        event("a2", "1936-08", "actual"),
        event("alt-b2", "1936", "alternate", replaces="a2"),
        event("alt-b1", "1936", "alternate", replaces="a1"),
    )
    actual = [e for e in t.events if e.track == "actual"]
    alternate = [e for e in t.events if e.track == "alternate"]
    rows = [(r.kind, ids(r.actual), ids(r.alternate)) for r in paired_rows(actual, alternate)]
    # One pair lines up; the other pair's events flow in their lanes, in lane order.
    assert rows == [
        ("lanes", ["a1"], []),
        ("pair", ["a2"], ["alt-b2"]),
        ("lanes", [], ["alt-b1"]),
    ]


def test_pairs_in_different_years_stay_at_their_dates():
    t = timeline(
        event("united-opposition", "1926-04", "actual"),
        event("alt-alliance", "1924", "alternate", replaces="united-opposition"),
    )
    kinds = {g.year: [r.kind for r in g.rows] for g in year_groups(t)}
    assert kinds == {1924: ["divergence", "lanes"], 1926: ["lanes"]}


def test_the_comparison_pairs_each_actual_event_with_what_replaces_it_then_the_rest():
    t = timeline(
        event("decree", "1932-04-23", "actual", themes="culture"),
        event("congress-of-writers", "1934-08-17", "actual", themes="culture"),
        event("alt-avant-garde", "1925", "alternate", themes="culture", replaces="decree"),
        event("alt-no-cult", "1930", "alternate", themes="leadership, culture", new="true"),
        event("alt-ruler", "1925", "alternate", themes="leadership", replaces="decree"),
    )
    rows = {row.id: row for row in theme_rows(t)}
    culture = rows["culture"]
    assert [(a.id, ids(b)) for a, b in culture.pairs] == [
        ("decree", ["alt-avant-garde", "alt-ruler"])
    ]
    assert ids(culture.actual) == ["congress-of-writers"]
    assert ids(culture.alternate) == ["alt-no-cult"]
    # A pair belongs to a theme when either event does: the decree shows with its answer.
    assert [a.id for a, _ in rows["leadership"].pairs] == ["decree"]


PAGE = """\
---
title: ignored
---

# The *Actual* History

## Lenin's illness

```markdown
## Not a heading
```

## Lenin's illness

## [The Testament](https://example.org) {#testament}

### 1. The Testament made public
"""


@pytest.mark.parametrize(
    ("anchor", "title"),
    [
        (None, "The Actual History"),
        ("lenins-illness", "Lenin's illness"),
        ("lenins-illness_1", "Lenin's illness"),
        ("testament", "The Testament"),
        ("1-the-testament-made-public", "1. The Testament made public"),
        ("not-a-heading", None),
        ("nowhere", None),
    ],
)
def test_section_title_reads_the_heading_toc_would_give_the_id(anchor, title):
    assert section_title(PAGE, anchor) == title


def test_every_event_of_the_site_names_a_section_that_exists():
    site = load_site(REPO)
    for e in site.timeline.events:
        assert e.page, f"{e.id} names no page"
        text = (REPO / "docs" / e.page_path).read_text("utf-8")
        anchor = e.page.partition("#")[2]
        assert section_title(text, anchor or None), f"{e.id}: no heading for {e.page}"
