"""Make codespell's start-up cheaper without changing what it finds (rule SP001).

codespell reads its whole dictionary of known misspellings (65,000 entries) into objects
on every run: a sixth of a second, more than it then spends reading our pages. Yet it
looks up only the words of the files it checks: with its default word pattern, each run
of letters, digits, hyphens and apostrophes in a line, lower-cased (and, for a word right
after a backslash, that form minus its first letter). Those words are known before it
starts, so the dictionary can be read down to the entries they can reach, and
codespell's own ``build_dict`` then reads exactly those lines, in their order.

That holds only while nothing rewrites a line before its words are taken: so the
dictionary is read whole, as codespell would, when an option changes the word pattern or
removes text (``--regex``, ``--ignore-regex``, ``--ignore-multiline-regex``, URIs erased
with ``--uri-ignore-words-list '*'``), when it checks file names, detects encodings
itself, or when a file is not UTF-8. The patch is made for the codespell version pinned
in requirements.lock; with any other, nothing is patched (it is then only slower).
"""

from __future__ import annotations

import contextlib
import os
import re
import tempfile
from collections.abc import Iterable, Iterator

# The version this was written for and checked against (tests/checks/test_codespell_speed.py
# compares findings with and without it on every dictionary entry).
VERSION = "2.4.3"
# codespell's default word pattern (codespell_lib._codespell.word_regex_def).
_WORD = re.compile(r"[\w\-'’]+")  # noqa: RUF001 (codespell's own apostrophe)


@contextlib.contextmanager
def dictionary_for(texts: Iterable[str]) -> Iterator[None]:
    """Within, codespell's ``main`` reads only the dictionary entries that the checked
    files, whose ``texts`` are read as UTF-8, can reach."""
    from codespell_lib import _codespell
    from codespell_lib._version import __version__

    words = _words_of(texts)
    if __version__ != VERSION or words is None:
        yield
        return
    original_parse, original_build = _codespell.parse_options, _codespell.build_dict
    options_seen = []

    def parse_options(args):
        parsed = original_parse(args)
        options_seen.append(parsed[0])
        return parsed

    def build_dict(filename, misspellings, ignore_words):
        if not options_seen or not _plain(options_seen[-1]):
            return original_build(filename, misspellings, ignore_words)
        with _reachable_lines(filename, words) as kept:
            return original_build(kept, misspellings, ignore_words)

    _codespell.parse_options, _codespell.build_dict = parse_options, build_dict
    try:
        yield
    finally:
        _codespell.parse_options, _codespell.build_dict = original_parse, original_build


def _words_of(texts: Iterable[str]) -> set[str] | None:
    """Every form codespell may look up in these texts, or None if one is not UTF-8."""
    words: set[str] = set()
    try:
        for text in texts:
            words.update(word.lower() for word in _WORD.findall(text))
    except (OSError, UnicodeDecodeError):
        return None  # codespell reads that file another way (or reports it): no shortcut
    # A word after a backslash is also looked up without its first letter.
    words.update([word[1:] for word in words if len(word) > 1])
    return words


def _plain(options) -> bool:
    """Whether the words codespell takes from a line are the default pattern's matches."""
    return not (
        options.regex
        or options.ignore_regex
        or options.ignore_multiline_regex
        or options.hard_encoding_detection
        or options.check_filenames
        or any("*" in words for words in options.uri_ignore_words_list or ())
    )


@contextlib.contextmanager
def _reachable_lines(filename: str, words: set[str]) -> Iterator[str]:
    """A copy of dictionary ``filename`` with only the lines whose entries can be looked up.

    ``build_dict`` lower-cases a line's key and also files it under the key with the
    typewriter apostrophe replaced by the typographic one (its ``alt_chars``): a line is
    kept when either form is among ``words``.
    """
    from codespell_lib._spellchecker import alt_chars

    tables = [(old, str.maketrans(old, new)) for old, new in alt_chars]
    may_have_alternative = re.compile("|".join(re.escape(old) for old, _ in tables)).search

    def alternative(key: str) -> bool:
        return any(old in key and key.translate(table) in words for old, table in tables)

    with open(filename, encoding="utf-8") as dictionary:
        # Split as iterating the file would (newlines are translated on reading).
        lines = dictionary.read().split("\n")

    def reachable(line: str) -> bool:
        key = line.split("->", 1)[0].lower()
        return key in words or (may_have_alternative(key) is not None and alternative(key))

    # (No line is empty but the one after the file's last newline.)
    kept = [line for line in lines if line and reachable(line)]
    handle, path = tempfile.mkstemp(prefix="codespell-", suffix=".txt", text=True)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as copy:
            copy.write("\n".join(kept))
        yield path
    finally:
        os.unlink(path)
