"""Labels wrapped to their room on the chart, measured as the browser will set them.

The site sets no web font (mkdocs.yml, `font: false`): text is in the reader's sans-serif
(Material's stack: San Francisco on Apple systems, else Helvetica or Arial). Widths here
are Arial's, rounded up, and 5 % more for San Francisco's wider letters: measured in
Chromium with Liberation Sans (Arial's metrics), every label came out 2-13 % narrower
than this estimate before that margin.
"""

from __future__ import annotations

FONT_SIZE = 12
# Advance widths in em, by character class; anything else counts as a wide letter.
_WIDTHS = (
    (" ", 0.28),
    ("ijlI.,;:'\u2019|!", 0.25),
    ('ftr()-[]/"\u201c\u201d', 0.36),
    ("abcdeghknopqsuvxyz0123456789\u2013$?J", 0.57),
    ("mwMW", 0.87),
    ("ABCDEFGHKLNOPQRSTUVXYZ&", 0.72),
)


def width(text: str, size: float = FONT_SIZE) -> float:
    """The text's width in px at ``size``."""
    total = 0.0
    for char in text:
        total += next((w for chars, w in _WIDTHS if char in chars), 0.8)
    return total * size * 1.05


def wrap(text: str, room: float, size: float = FONT_SIZE) -> list[str]:
    """``text`` in lines no wider than ``room``; a word longer than the room stands alone."""
    lines: list[str] = []
    for word in text.split():
        if lines and width(f"{lines[-1]} {word}", size) <= room:
            lines[-1] = f"{lines[-1]} {word}"
        else:
            lines.append(word)
    return lines
