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
