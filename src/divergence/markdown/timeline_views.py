"""Turn the timeline into what the templates show: year rows, theme rows, open-data files."""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass, field

from markdown.extensions.toc import slugify

from divergence.site.claims import TRACK_DEFAULTS
from divergence.site.timeline import Era, Event, Timeline


@dataclass
class Row:
    """One row of the timeline table.

    ``shared``: events before the point of divergence, when there is one history;
    ``divergence``: the point of divergence itself; ``pair``: an actual event beside the
    alternate event that replaces it; ``lanes``: the unpaired events between two pairs,
    each lane flowing in its own cell.
    """

    kind: str
    actual: list[Event] = field(default_factory=list)
    alternate: list[Event] = field(default_factory=list)


@dataclass
class YearGroup:
    year: int
    rows: list[Row]
    # The era this year opens, on a view that spans several eras.
    opens: Era | None = None


def year_groups(timeline: Timeline, era: Era | None = None) -> list[YearGroup]:
    """The events of ``era`` (or all), year by year, each year's pairs aligned."""
    pod = timeline.point_of_divergence
    by_year: dict[int, list[Event]] = {}
    for event in timeline.events:
        if era is None or era.holds(event):
            by_year.setdefault(event.date.year, []).append(event)
    if pod is not None and (era is None or era.start <= pod.year <= era.end):
        by_year.setdefault(pod.year, [])
    groups, seen_eras = [], set()
    for year in sorted(by_year):
        events = by_year[year]
        actual = [e for e in events if e.track == "actual"]
        alternate = [e for e in events if e.track == "alternate"]
        rows: list[Row] = []
        # Wholly before the point of divergence there is only one history.
        before = [e for e in actual if pod is not None and e.date.latest() < pod.iso]
        if before:
            rows.append(Row("shared", before))
        if pod is not None and year == pod.year:
            rows.append(Row("divergence"))
        rows += paired_rows([e for e in actual if e not in before], alternate)
        opens = None
        if era is None:
            opens = timeline.era_of(events[0]) if events else None
            if opens is not None and opens.id in seen_eras:
                opens = None
            if opens is not None:
                seen_eras.add(opens.id)
        groups.append(YearGroup(year, rows, opens))
    return groups


def paired_rows(actual: list[Event], alternate: list[Event]) -> list[Row]:
    """Rows that set each alternate event beside the actual event it replaces.

    Both lists are in lane order, which the rows keep: a pair whose two events would
    cross another pair (A1 before A2, but A2's alternate before A1's) is left unaligned,
    its events flowing in their lanes with their counterpart links. Between two pairs,
    the unpaired events of each lane share one row, so that neither lane leaves a column
    of blank rows.
    """
    where = {event.id: index for index, event in enumerate(actual)}
    candidates = [
        (b, where[event.replaces]) for b, event in enumerate(alternate) if event.replaces in where
    ]
    rows: list[Row] = []
    next_actual = next_alternate = 0
    for b, a in _longest_increasing(candidates):
        if next_actual < a or next_alternate < b:
            rows.append(Row("lanes", actual[next_actual:a], alternate[next_alternate:b]))
        rows.append(Row("pair", [actual[a]], [alternate[b]]))
        next_actual, next_alternate = a + 1, b + 1
    if next_actual < len(actual) or next_alternate < len(alternate):
        rows.append(Row("lanes", actual[next_actual:], alternate[next_alternate:]))
    return rows


def _longest_increasing(pairs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The most (b, a) pairs, in b order, whose a also increases (n is a handful)."""
    best: list[list[tuple[int, int]]] = []
    for index, (b, a) in enumerate(pairs):
        chains = [best[j] for j in range(index) if pairs[j][1] < a]
        best.append([*max(chains, key=len, default=[]), (b, a)])
    return max(best, key=len, default=[])


@dataclass
class ThemeRow:
    """A theme of the comparison: its pairs, then the events of either lane left unpaired."""

    id: str
    label: str
    pairs: list[tuple[Event, list[Event]]]
    actual: list[Event]
    alternate: list[Event]


def theme_rows(timeline: Timeline) -> list[ThemeRow]:
    """One row a theme: each actual event beside the alternate events that replace it.

    A pair belongs to a theme when either of its events does, so that no event of the
    theme loses its counterpart.
    """
    rows = []
    for theme, label in timeline.themes.items():
        pairs, paired = [], set()
        for event in timeline.events:
            if event.track != "actual":
                continue
            answers = list(event.counterparts)
            if answers and (theme in event.themes or any(theme in e.themes for e in answers)):
                pairs.append((event, answers))
                paired |= {event.id, *(e.id for e in answers)}
        rest = [e for e in timeline.events if theme in e.themes and e.id not in paired]
        rows.append(
            ThemeRow(
                theme,
                label,
                pairs,
                [e for e in rest if e.track == "actual"],
                [e for e in rest if e.track == "alternate"],
            )
        )
    return rows


_HEADING = re.compile(r"^(#{1,6})[ \t]+(.+?)[ \t]*#*[ \t]*$")
_ATTR_ID = re.compile(r"\s*\{[^}]*#([\w-]+)[^}]*\}\s*$")
_FENCE = re.compile(r"^\s*(```|~~~)")


def _plain(markdown: str) -> str:
    """A heading's words without inline Markdown: links, emphasis, code, HTML."""
    text = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", markdown)
    text = re.sub(r"<[^>]+>", "", text)
    return re.sub(r"[*_`]", "", text).strip()


def section_title(markdown: str, anchor: str | None) -> str | None:
    """The title of a page (its first level-1 heading) or, with ``anchor``, the heading
    that Python-Markdown's toc would give that id; None when there is no such heading.

    Pure: the caller reads the page. Ids follow toc's default slugify, an explicit
    ``{#id}`` wins, and a repeated heading's id takes toc's ``_1``, ``_2`` suffix.
    """
    seen: dict[str, int] = {}
    fenced = False
    for line in markdown.splitlines():
        if _FENCE.match(line):
            fenced = not fenced
            continue
        match = None if fenced else _HEADING.match(line)
        if not match:
            continue
        text = match[2]
        explicit = _ATTR_ID.search(text)
        text = _plain(_ATTR_ID.sub("", text))
        if anchor is None:
            if len(match[1]) == 1:
                return text
            continue
        slug = explicit[1] if explicit else slugify(text, "-")
        count = seen.get(slug, 0)
        seen[slug] = count + 1
        if (slug if count == 0 else f"{slug}_{count}") == anchor:
            return text
    return None


FIELDS = (
    "id",
    "track",
    "status",
    "date",
    "end",
    "precision",
    "title",
    "summary",
    "themes",
    "page",
    "sources",
    "replaces",
    "new",
    "after",
    "note",
)


def _record(event: Event) -> dict:
    return {
        "id": event.id,
        "track": event.track,
        # What the rendered lanes say of each history, so that reused data says it too.
        "status": TRACK_DEFAULTS[event.track],
        "date": event.date.iso,
        "end": event.end.iso if event.end else None,
        "precision": event.date.precision,
        "title": event.title,
        "summary": event.summary,
        "themes": event.themes,
        "page": event.page,
        "sources": event.sources,
        "replaces": event.replaces,
        "new": event.new,
        "after": event.after,
        "note": event.note,
    }


def timeline_json(timeline: Timeline) -> str:
    pod = timeline.point_of_divergence
    return json.dumps(
        {
            "point_of_divergence": pod.iso if pod else None,
            "themes": timeline.themes,
            "events": [_record(event) for event in timeline.events],
        },
        ensure_ascii=False,
        indent=1,
    )


def timeline_csv(timeline: Timeline) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=FIELDS, lineterminator="\n")
    writer.writeheader()
    for event in timeline.events:
        record = _record(event)
        record["themes"] = " ".join(record["themes"])
        record["sources"] = " ".join(record["sources"])
        writer.writerow({k: "" if v is None else v for k, v in record.items()})
    return out.getvalue()
