"""Page titles re-cased for citation styles: headline style (Chicago, MLA) and sentence
case (APA), which must keep proper names capitalised. Pure functions.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

# Words a headline-style title keeps in lowercase unless first or last (Chicago, MLA):
# articles, coordinating conjunctions, prepositions, and "to".
_MINOR_WORDS = frozenset(
    [
        "a",
        "an",
        "the",
        "and",
        "but",
        "for",
        "nor",
        "or",
        "so",
        "yet",
        "as",
        "at",
        "by",
        "down",
        "from",
        "in",
        "into",
        "like",
        "near",
        "of",
        "off",
        "on",
        "onto",
        "out",
        "over",
        "past",
        "per",
        "than",
        "to",
        "up",
        "upon",
        "via",
        "with",
        "within",
        "without",
    ]
)
_WORD = re.compile(r"\S+")


def headline_case(title: str) -> str:
    """The title in headline style (Chicago, MLA), as both styles want it.

    Lowercase words other than the minor ones are capitalised, and so is every part of a
    hyphenated compound; minor words are lowercased unless they begin the title or a
    subtitle, or end it. Capitals already there stay: a page's title never loses a proper
    noun. Words that start with anything but a letter stay as written.
    """
    words = _WORD.findall(title)
    out = []
    for index, word in enumerate(words):
        edge = index in (0, len(words) - 1) or out[-1].endswith((":", "?", "!", "."))
        parts = word.split("-")
        out.append("-".join(_headline_word(part, edge and i == 0) for i, part in enumerate(parts)))
    return " ".join(out)


def sentence_case(title: str, evidence: str, names: Iterable[str] = ()) -> str:
    """The title in sentence case (APA), keeping the proper names ``evidence`` shows.

    The first word and the first word after a colon keep their capital, and so do words
    with another capital or a digit in them (NKVD, II, 1930s). Any other run of capitalised
    words keeps its capitals where ``evidence`` (the page's text) writes the same words
    capitalised inside a sentence and never in lowercase: "Cold War", "Soviet"; otherwise
    it is lowercased ("The Evolution of Soviet Governance" -> "The evolution of Soviet
    governance"). ``names`` are proper names whatever the evidence (the site's name).
    """
    words = _WORD.findall(title)
    keep = [False] * len(words)
    index = 0
    while index < len(words):
        if not _capitalised(words[index]):
            index += 1
            continue
        end = index
        while end < len(words) and _capitalised(words[end]):
            end += 1
        start = index
        while start < end:
            # The longest run from here that the evidence treats as a proper name.
            stop = next(
                (
                    s
                    for s in range(end, start, -1)
                    if _proper(words[start:s], evidence) or " ".join(words[start:s]) in names
                ),
                None,
            )
            if stop is None:
                start += 1
                continue
            keep[start:stop] = [True] * (stop - start)
            start = stop
        index = end
    out = []
    for index, word in enumerate(words):
        first = index == 0 or out[-1].endswith((":", "?", "!"))
        if keep[index] or _stays_capitalised(word):
            out.append(word)
        elif first:
            out.append(word[0] + word[1:].lower())
        else:
            out.append(word.lower())
    return " ".join(out)


# ---- Helpers


def _headline_word(word: str, edge: bool) -> str:
    if not word[:1].isalpha():
        return word
    if word.rstrip(":?!.,;").casefold() in _MINOR_WORDS and not edge:
        return word if _stays_capitalised(word) else word.lower()
    return word[0].upper() + word[1:]


def _capitalised(word: str) -> bool:
    return word[:1].isupper()


def _stays_capitalised(word: str) -> bool:
    """An acronym, a numeral or a word with a digit: NKVD, II, NEPmen, 1930s."""
    letters = word.strip("\"'\u2018\u2019\u201c\u201d:?!.,;()")
    return (
        any(c.isdigit() for c in letters) or sum(c.isupper() for c in letters) > 1 or letters == "I"
    )


def _proper(words: list[str], evidence: str) -> bool:
    """Whether ``evidence`` writes these words capitalised inside a sentence, never lowercase."""
    phrase = " ".join(word.strip(":?!.,;()") for word in words)
    if not phrase:
        return False
    # After a word in lowercase (so not the tail of a longer name) and before none in
    # capitals (so not its head): "the Cold War ended", not "the New Economic Policy".
    inside = re.search(rf"\b[a-z][\w'\u2019-]*[,;]? {re.escape(phrase)}\b(?! [A-Z])", evidence)
    lower = re.search(rf"\b{re.escape(phrase.lower())}\b", evidence)
    return inside is not None and lower is None
