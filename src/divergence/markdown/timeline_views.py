"""Turn the timeline into what the templates show: year rows, theme rows, open-data files."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass, field

from divergence.site.timeline import Era, Event, Timeline


@dataclass
class YearRow:
    year: int
    actual: list[Event] = field(default_factory=list)
    alternate: list[Event] = field(default_factory=list)
    # The point of divergence falls in this year (shown before the year's events).
    divergence: bool = False


def year_rows(timeline: Timeline, era: Era | None = None) -> list[YearRow]:
    """One row a year with events on either track, both lanes aligned by year."""
    rows: dict[int, YearRow] = {}
    for event in timeline.events:
        if era is None or era.holds(event):
            row = rows.setdefault(event.date.year, YearRow(event.date.year))
            getattr(row, event.track).append(event)
    pod = timeline.point_of_divergence
    if pod is not None and (era is None or era.start <= pod.year <= era.end):
        rows.setdefault(pod.year, YearRow(pod.year)).divergence = True
    return [rows[year] for year in sorted(rows)]


@dataclass
class ThemeRow:
    id: str
    label: str
    actual: list[Event]
    alternate: list[Event]


def theme_rows(timeline: Timeline) -> list[ThemeRow]:
    """One row a theme: what happened beside what the essay imagines."""
    return [
        ThemeRow(
            theme,
            label,
            [e for e in timeline.events if theme in e.themes and e.track == "actual"],
            [e for e in timeline.events if theme in e.themes and e.track == "alternate"],
        )
        for theme, label in timeline.themes.items()
    ]


FIELDS = (
    "id",
    "track",
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
    "note",
)


def _record(event: Event) -> dict:
    return {
        "id": event.id,
        "track": event.track,
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
