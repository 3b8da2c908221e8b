"""Split the user's essay into sentences and find the ones a built page does not contain.

The essay must appear on the site word for word, so the comparison is exact apart from
white space, which HTML does not preserve.
"""

from __future__ import annotations

from collections.abc import Iterable

from bs4 import BeautifulSoup

# One way to split the essay, shared with the checker's rule ES001 (which compares the
# pages' Markdown; these tests compare the built HTML).
from divergence.checks.rules.essay import (  # noqa: F401 (re-exported for the tests)
    Sentence,
    essay_sentences,
    normalise,
    split_sentences,
)

# Page furniture that is ours, not the essay's: badges, permalinks, citation markers.
_NOT_TEXT = ".dv-track, .headerlink, sup[id^='fnref'], .footnote, .md-source-file"


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
