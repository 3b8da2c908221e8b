"""Dates as the site writes them: New Style, in English, with their precision kept."""

from __future__ import annotations

# English month names, not the machine's locale: pages read the same on any builder.
MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def readable(iso: str) -> str:
    """'1879-11-07' -> '7 November 1879'; '1924-05' -> 'May 1924'; '1924' -> '1924'."""
    parts = str(iso).split("-")
    if len(parts) == 3:
        return f"{int(parts[2])} {MONTHS[int(parts[1]) - 1]} {parts[0]}"
    if len(parts) == 2:
        return f"{MONTHS[int(parts[1]) - 1]} {parts[0]}"
    return parts[0]


def readable_range(start: str, end: str | None) -> str:
    """A span written compactly, its shared parts once: '16–18 January 1924',
    '23 May – 2 June 1924', 'May–June 1924', '1922–1923', '17 July 1936 – 1 April 1939'.

    A closed en dash joins single words or numbers; a spaced one joins dates that contain
    spaces. Dates of different precision are written in full.
    """
    start, end = str(start), str(end) if end is not None else None
    if end is None or end == start:
        return readable(start)
    first, last = start.split("-"), end.split("-")
    if len(first) != len(last):
        return f"{readable(start)} – {readable(end)}"
    if len(first) == 1:
        return f"{first[0]}–{last[0]}"
    if first[0] != last[0]:
        return f"{readable(start)} – {readable(end)}"
    if len(first) == 2:
        return f"{MONTHS[int(first[1]) - 1]}–{readable(end)}"
    if first[1] == last[1]:
        return f"{int(first[2])}–{readable(end)}"
    return f"{int(first[2])} {MONTHS[int(first[1]) - 1]} – {readable(end)}"
