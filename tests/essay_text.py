"""Split the user's essay into sentences and find the ones a built page does not contain.

The essay must appear on the site word for word, so the comparison is exact apart from
white space, which HTML does not preserve.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from bs4 import BeautifulSoup

# A sentence ends at . ! or ?, maybe followed by a closing quote, then space and a capital
# (or an opening quote). Titles such as "Dr." do not end a sentence.
_BOUNDARY = re.compile(r'(?<=[.!?])"?\s+(?=["(]?[A-Z0-9])')
_ABBREVIATIONS = ("Dr.", "Mr.", "Mrs.", "St.", "vol.", "pp.", "p.")
# A Markdown list item in the essay ("- Earlier and more decisive ...").
_LIST_MARKER = re.compile(r"^[-*]\s+")
# Page furniture that is ours, not the essay's: badges, permalinks, citation markers.
_NOT_TEXT = ".dv-track, .headerlink, sup[id^='fnref'], .footnote, .md-source-file"


@dataclass(frozen=True)
class Sentence:
    """One sentence of the essay and the paragraph (line) it belongs to."""

    text: str
    paragraph: str


def normalise(text: str) -> str:
    """Collapse runs of white space (HTML does not keep them) and trim."""
    return " ".join(text.split())


def split_sentences(paragraph: str) -> list[str]:
    """Split one paragraph into sentences, keeping closing quotes with their sentence."""
    pieces: list[str] = []
    start = 0
    for match in _BOUNDARY.finditer(paragraph):
        end = match.start() + (1 if match.group().startswith('"') else 0)
        candidate = paragraph[start:end]
        if candidate.endswith(_ABBREVIATIONS):
            continue
        pieces.append(candidate)
        start = match.end()
    pieces.append(paragraph[start:])
    return [normalise(piece) for piece in pieces if piece.strip()]


def essay_sentences(essay: str) -> Iterator[Sentence]:
    """Every sentence of the essay, headings and list items included, in order."""
    for line in essay.splitlines():
        paragraph = _LIST_MARKER.sub("", line.strip())
        for sentence in split_sentences(paragraph):
            yield Sentence(sentence, paragraph)


def page_text(html: str) -> str:
    """The readable text of a built page's article, without our furniture."""
    soup = BeautifulSoup(html, "html.parser")
    article = soup.select_one("article") or soup
    for node in article.select(_NOT_TEXT):
        node.decompose()
    return normalise(article.get_text())


def missing_sentences(essay: str, pages: Iterable[str]) -> list[Sentence]:
    """The essay's sentences that appear in none of the pages' texts."""
    texts = list(pages)
    return [s for s in essay_sentences(essay) if not any(s.text in text for text in texts)]
