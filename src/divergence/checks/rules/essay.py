"""The essay's text (ES001): every sentence of the user's essay stays on the site word for
word. The reference copy is tests/fixtures/essay.txt, beside the tests that compare it
with the built site; this rule compares it with the pages' Markdown, so that
`divergence check` and every build name the page and line of a changed sentence.
"""

from __future__ import annotations

import difflib
import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass

from divergence.checks import scan
from divergence.checks.registry import rule
from divergence.site.diagnostics import Diagnostic

ESSAY_FILE = "tests/fixtures/essay.txt"
# A sentence ends at . ! or ?, maybe followed by a closing quote, then space and a capital
# (or an opening quote). Titles such as "Dr." do not end a sentence.
_BOUNDARY = re.compile(r'(?<=[.!?])"?\s+(?=["(]?[A-Z0-9])')
_ABBREVIATIONS = ("Dr.", "Mr.", "Mrs.", "St.", "vol.", "pp.", "p.")
# A Markdown list item in the essay ("- Earlier and more decisive ...").
_LIST_MARKER = re.compile(r"^[-*]\s+")

# Lines that open or close a block, or an admonition's title: ours, not the essay's.
_BLOCK_LINE = re.compile(r"^\s*(?:/{3,}|!!!|\?\?\?|===|--8<--|\\full_bibliography)")


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


def plain_lines(page) -> list[tuple[int, str]]:
    """(line number, text) of the page's prose with the Markdown markup taken away."""
    found = []
    for number, line in scan.prose_lines(page):
        if _BLOCK_LINE.match(line):
            continue
        line = scan.plain(line)
        if line.strip():
            found.append((number, normalise(line)))
    return found


# Every page is read for every check (a sentence may have moved to another page), and
# `mkdocs serve` checks on every rebuild: a page's prose is worked out once per text.
_plain_kept: dict[tuple[str, str], list[tuple[int, str]]] = {}


def _plain_lines_kept(page) -> list[tuple[int, str]]:
    key = (page.path, page.text)
    if key not in _plain_kept:
        if len(_plain_kept) > 1000:
            _plain_kept.clear()
        _plain_kept[key] = plain_lines(page)
    return _plain_kept[key]


@functools.lru_cache(maxsize=2)
def _essay_sentences_kept(essay: str) -> tuple[Sentence, ...]:
    return tuple(essay_sentences(essay))


@rule("ES001", "essay-text", "A sentence of the essay is not on the site word for word.")
def essay_text(project):
    essay_file = project.root / ESSAY_FILE
    if not essay_file.is_file():
        return
    sources = {page.path: page for page in [*project.all_pages, *project.includes]}
    plain = {path: _plain_lines_kept(page) for path, page in sources.items()}
    texts = [" ".join(text for _, text in lines) for lines in plain.values()]
    checked = {page.path for page in project.pages}
    for sentence in _essay_sentences_kept(essay_file.read_text(encoding="utf-8")):
        if any(sentence.text in text for text in texts):
            continue
        path, line, shown = _closest(sentence.text, plain)
        if path is None or path not in checked:
            continue
        difference, word = _difference(sentence.text, shown)
        # The column of the word that differs, when it stands on that line.
        col = sources[path].lines[line - 1].find(word) + 1 if word else 0
        yield Diagnostic(
            path,
            line,
            max(col, 1),
            "ES001",
            f"the essay's sentence '{_short(sentence.text)}' is not here word for word"
            f"{difference}; the essay's text is never edited (put a correction in an "
            f"editor's note); the essay is in {ESSAY_FILE}",
        )


def _closest(sentence, plain):
    """The page and line that share the most words with ``sentence``, and its text."""
    words = set(sentence.split())
    best = (0, None, 0, "")
    for path, lines in plain.items():
        for index, (number, text) in enumerate(lines):
            shared = len(words & set(text.split()))
            if shared > best[0]:
                # The sentence may go on over the next lines of the paragraph.
                around = " ".join(t for _, t in lines[index : index + 4])
                best = (shared, path, number, around)
    # Too little in common: the sentence was removed, not changed; point at nothing.
    if best[0] < max(3, len(words) // 3):
        return None, 0, ""
    return best[1:]


def _difference(sentence: str, shown: str) -> tuple[str, str | None]:
    """' ('maneuvered' is 'manoeuvred' here)' for the first words that differ, and the
    first word of the page's text that differs (None where a word is missing)."""
    ours, theirs = sentence.split(), shown.split()
    matcher = difflib.SequenceMatcher(None, ours, theirs, autojunk=False)
    opcodes = [op for op in matcher.get_opcodes() if op[0] != "equal"]
    # Before the sentence's first word and after its last, the text is another sentence's.
    inside = [op for op in opcodes if op[1] > 0 and op[1] < len(ours)]
    if not inside:
        return "", None
    tag, i1, i2, j1, j2 = inside[0]
    essay_words, here = " ".join(ours[i1:i2]), " ".join(theirs[j1:j2])
    if tag == "insert":
        return f" ('{here}' is added here)", theirs[j1]
    if tag == "delete":
        return f" ('{essay_words}' is missing here)", None
    return f" ('{essay_words}' is '{here}' here)", theirs[j1]


def _short(text: str) -> str:
    return text if len(text) <= 60 else text[:57] + "..."
