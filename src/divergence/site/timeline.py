"""Timeline events, eras and themes read from data/timeline.yml, with every problem located.

Loading never raises: problems become diagnostics (TL001-TL005, CT001, YM001) and the
readable events are kept.

Events are kept in the site's order: by date, a year or month before the days in it, on
the same date actual events first, then as listed. An event with ``after: <id>`` comes
right after that event of its own lane instead: a year-only "1924" would otherwise sort
ahead of the "1924-05" congress that causes it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import yaml

from divergence.site.dates import readable, readable_range
from divergence.site.diagnostics import Diagnostic, did_you_mean, unknown_citation
from divergence.site.frontmatter import compose, construct, mapping, yaml_error_position

FILE = "data/timeline.yml"
TRACKS = ("actual", "alternate")
_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
_REQUIRED = ("id", "date", "track", "title", "summary", "themes")
_OPTIONAL = ("end", "page", "sources", "note", "replaces", "new", "after")


@dataclass(frozen=True)
class Date:
    """A date with its precision: '1924', '1924-05' or '1924-05-23'."""

    iso: str

    @property
    def precision(self) -> str:
        return ("year", "month", "day")[self.iso.count("-")]

    @property
    def year(self) -> int:
        return int(self.iso[:4])

    @property
    def readable(self) -> str:
        """As the site writes dates: 23 May 1924, May 1924, 1924."""
        return readable(self.iso)

    def latest(self) -> str:
        """The last day the date can mean: 1924 -> 1924-12-31."""
        return self.iso + {"year": "-12-31", "month": "-31", "day": ""}[self.precision]

    def sort_key(self) -> str:
        # A year or month sorts before the days in it.
        return (self.iso + "-00-00")[:10]


@dataclass
class Event:
    id: str
    date: Date
    track: str
    title: str
    summary: str
    themes: list[str]
    line: int
    end: Date | None = None
    page: str | None = None
    sources: list[str] = field(default_factory=list)
    note: str | None = None
    replaces: str | None = None
    new: bool = False
    # The event of the same lane this one follows (its date alone would sort it earlier).
    after: str | None = None
    # Filled after loading: the events on the other track that answer this one.
    counterparts: list[Event] = field(default_factory=list)

    @property
    def page_path(self) -> str | None:
        return self.page.split("#", 1)[0] if self.page else None

    @property
    def readable_date(self) -> str:
        return readable_range(self.date.iso, self.end.iso if self.end else None)


@dataclass(frozen=True)
class Era:
    id: str
    title: str
    start: int
    end: int

    def holds(self, event: Event) -> bool:
        return self.start <= event.date.year <= self.end


@dataclass(frozen=True)
class Unreadable:
    id: str
    title: str
    date: str
    line: int


@dataclass
class Timeline:
    point_of_divergence: Date | None
    themes: dict[str, str]
    eras: list[Era]
    events: list[Event]
    diagnostics: list[Diagnostic]
    # Events left out because a field cannot be read (TL003 says which): the timeline
    # lists them, so that none disappears without a word.
    unreadable: list[Unreadable] = field(default_factory=list)

    def by_id(self) -> dict[str, Event]:
        return {event.id: event for event in self.events}

    def era_of(self, event: Event) -> Era | None:
        return next((era for era in self.eras if era.holds(event)), None)


def load(text: str, *, bib_keys=None, pages=None) -> Timeline:
    """Read the timeline; ``bib_keys`` and ``pages`` (docs paths) enable those checks."""
    found: list[Diagnostic] = []
    try:
        root = compose(text)
    except yaml.YAMLError as error:
        line, col, problem = yaml_error_position(error)
        return Timeline(
            None, {}, [], [], [Diagnostic(FILE, line, col, "YM001", f"not valid YAML: {problem}")]
        )
    top = mapping(root)
    pod = _date(top, "point_of_divergence", found)
    themes = {str(k): str(v) for k, v in (_value(top, "themes") or {}).items()}
    eras = [
        Era(str(e["id"]), str(e["title"]), int(str(e["start"])[:4]), int(str(e["end"])[:4]))
        for e in _value(top, "eras") or []
        if isinstance(e, dict) and {"id", "title", "start", "end"} <= e.keys()
    ]
    events, unreadable = [], []
    for node in getattr(top.get("events", (None, None))[1], "value", []) or []:
        event = _event(node, themes, found)
        if event is not None:
            events.append(event)
        elif isinstance(node, yaml.MappingNode):
            raw = {key: construct(value) for key, (_, value) in mapping(node).items()}
            if raw.get("id"):
                unreadable.append(
                    Unreadable(
                        str(raw["id"]),
                        str(raw.get("title") or ""),
                        str(raw.get("date") or ""),
                        node.start_mark.line + 1,
                    )
                )
    events.sort(key=lambda e: (e.date.sort_key(), e.track))
    _cross_checks(events, pod, bib_keys, pages, found, {u.id for u in unreadable})
    return Timeline(pod, themes, eras, _ordered(events, found), sorted(found), unreadable)


def _event(node, themes, found) -> Event | None:
    line = node.start_mark.line + 1
    fields = mapping(node)
    data = {key: construct(value) for key, (_, value) in fields.items()}
    lines = {key: key_node.start_mark.line + 1 for key, (key_node, _) in fields.items()}
    for key in fields:
        if key not in (*_REQUIRED, *_OPTIONAL):
            found.append(
                _d(
                    lines[key],
                    "TL003",
                    f"unknown field '{key}'{did_you_mean(key, (*_REQUIRED, *_OPTIONAL))}",
                )
            )
    missing = [key for key in _REQUIRED if data.get(key) in (None, "", [])]
    for key in missing:
        found.append(_d(line, "TL003", f"event has no '{key}'"))
    if missing:
        return None
    dates = []
    for key in ("date", "end"):
        if key in data and not _DATE.match(str(data[key])):
            found.append(
                _d(
                    lines[key],
                    "TL003",
                    f"'{data[key]}' is not a date: write YYYY, YYYY-MM or YYYY-MM-DD (New Style)",
                )
            )
            return None
        dates.append(Date(str(data[key])) if key in data else None)
    track = str(data["track"])
    if track not in TRACKS:
        found.append(
            _d(
                lines["track"],
                "TL003",
                f"unknown track '{track}'{did_you_mean(track, TRACKS)}; use actual or alternate",
            )
        )
        return None
    for theme in data["themes"]:
        if theme not in themes:
            found.append(
                _d(
                    lines["themes"],
                    "TL003",
                    f"unknown theme '{theme}'"
                    f"{did_you_mean(str(theme), themes)}; themes are listed under 'themes:'",
                )
            )
    event = Event(
        id=str(data["id"]),
        date=dates[0],
        end=dates[1],
        track=track,
        title=str(data["title"]),
        summary=" ".join(str(data["summary"]).split()),
        themes=[str(t) for t in data["themes"]],
        line=line,
        page=data.get("page"),
        sources=[str(s) for s in data.get("sources") or []],
        note=" ".join(str(data["note"]).split()) if data.get("note") else None,
        replaces=data.get("replaces"),
        new=bool(data.get("new")),
        after=str(data["after"]) if data.get("after") else None,
    )
    event.lines = lines  # type: ignore[attr-defined]
    return event


def _cross_checks(events, pod, bib_keys, pages, found, unreadable=frozenset()) -> None:
    by_id: dict[str, Event] = {}
    actual_ids = [event.id for event in events if event.track == "actual"]
    for event in events:
        if event.id in by_id:
            found.append(
                _d(
                    event.line,
                    "TL001",
                    f"duplicate id '{event.id}' (also at line {by_id[event.id].line})",
                )
            )
        by_id.setdefault(event.id, event)
    for event in events:
        lines = event.lines
        if event.track == "actual" and not event.sources:
            found.append(_d(event.line, "TL005", f"actual event '{event.id}' has no sources"))
        if event.track == "alternate":
            if (
                # A year or month that contains the point of divergence is not before it.
                pod is not None and event.date.latest() < pod.iso
            ):
                found.append(
                    _d(
                        lines["date"],
                        "TL002",
                        f"alternate event '{event.id}' is dated "
                        f"{event.date.iso}, before the point of divergence ({pod.iso})",
                    )
                )
            if bool(event.replaces) == event.new:
                found.append(
                    _d(
                        event.line,
                        "TL004",
                        f"alternate event '{event.id}' needs either "
                        "'replaces: <actual event id>' or 'new: true'",
                    )
                )
            elif event.replaces:
                target = by_id.get(str(event.replaces))
                if target is None and str(event.replaces) in unreadable:
                    pass  # TL003 says why that event cannot be read: the one root cause
                elif target is None or target.track != "actual":
                    found.append(
                        _d(
                            lines["replaces"],
                            "TL004",
                            f"'{event.replaces}' is not an "
                            f"actual event{did_you_mean(str(event.replaces), actual_ids)}",
                        )
                    )
                else:
                    target.counterparts.append(event)
                    event.counterparts.append(target)
        elif event.replaces or event.new:
            found.append(_d(event.line, "TL004", "only alternate events take 'replaces' or 'new'"))
        if bib_keys is not None:
            for key in event.sources:
                if key not in bib_keys:
                    found.append(
                        unknown_citation(
                            FILE, lines["sources"], 1, key, bib_keys, "data/references.bib"
                        )
                    )
        if pages is not None and event.page_path and event.page_path not in pages:
            found.append(
                _d(
                    lines["page"],
                    "TL003",
                    f"page '{event.page_path}' is not in docs/"
                    f"{did_you_mean(event.page_path, pages)}",
                )
            )


def _ordered(events: list[Event], found: list[Diagnostic]) -> list[Event]:
    """The events in the site's order: each ``after:`` event right after the one it names.

    ``events`` is sorted by date. A follower's key extends its target's, so it sorts after
    the target and before anything the target sorted before; followers of one target keep
    their date order. An ``after:`` that cannot be honoured is reported and ignored.
    """
    by_id = {event.id: event for event in events}
    rank = {id(event): index for index, event in enumerate(events)}
    target: dict[str, Event] = {}
    for event in events:
        if not event.after:
            continue
        other = by_id.get(event.after)
        line = event.lines["after"]  # type: ignore[attr-defined]
        if other is None:
            problem = f"names no event{did_you_mean(event.after, by_id)}"
        elif other.track != event.track:
            problem = f"names an event of the {other.track} lane; 'after' orders one lane"
        elif not other.date.iso.startswith(event.date.iso):
            problem = (
                f"is dated {other.date.readable}, outside this event's date "
                f"({event.date.readable}); 'after' orders events within a less precise date"
            )
        else:
            target[event.id] = other
            continue
        found.append(_d(line, "TL003", f"'after: {event.after}' of event '{event.id}' {problem}"))
    keys: dict[str, tuple] = {}

    def key(event: Event, chain: tuple[str, ...] = ()) -> tuple:
        if event.id not in keys:
            other = target.get(event.id)
            if other is not None and other.id in (*chain, event.id):
                found.append(
                    _d(
                        event.lines["after"],  # type: ignore[attr-defined]
                        "TL003",
                        f"'after: {event.after}' of event '{event.id}' makes a circle: "
                        f"{' -> '.join((*chain, event.id, other.id))}",
                    )
                )
                other = None
            own = rank[id(event)]
            keys[event.id] = (*key(other, (*chain, event.id)), own) if other else (own,)
        return keys[event.id]

    return sorted(events, key=key)


def _date(top, key, found) -> Date | None:
    value = _value(top, key)
    if value is None or not _DATE.match(str(value)):
        found.append(_d(1, "TL003", f"'{key}' must be a date (YYYY-MM-DD)"))
        return None
    return Date(str(value))


def _value(top, key):
    return construct(top[key][1]) if key in top else None


def _d(line: int, code: str, message: str) -> Diagnostic:
    return Diagnostic(FILE, line, 1, code, message)
