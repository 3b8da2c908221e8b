"""SP002: a word one or two letters away from a name the site knows, such as "Trotksy".

A spelling checker knows English, not the names of this history. The names here are the
titles and aliases of data/people.yml and data/glossary.yml, read through the site
model. A word is flagged when it is close to one of those names (one edit for names of up
to eight letters, two for longer ones; a swap of two letters is one edit) and is neither
a name, an English word nor a word of _typos.toml. Code (fenced blocks, `spans`),
citation keys and the authors of references.bib are not prose and are skipped.
"""

import functools
import re
import tomllib

from divergence.checks.registry import rule
from divergence.checks.rules.linters import LinterError
from divergence.site.diagnostics import Diagnostic

# A run of word characters; only runs of letters alone are words (not ids like kotkin2014).
_TOKEN = re.compile(r"(?<![@\w])\w+")
_LETTERS = re.compile(r"[^\W\d_]+")
_FENCE = re.compile(r"^\s*(```|~~~)")
_CODE_SPAN = re.compile(r"`[^`\n]*`")
_URL = re.compile(r"\w+://\S+")
# A BibTeX entry's key ("@book{kotkin2014,") is an id, not prose; its authors and editors
# are scholars, not the people of this history ("Lewin" is no slip for "Lenin").
_BIB_KEY = re.compile(r"@\w+\{[^,\s]*")
_BIB_NAMES = re.compile(r"^\s*(author|editor|translator)\s*=.*", re.I)
# Names shorter than this ("Mao", "Koba") are too close to too many English words.
_SHORTEST = 5
# English endings, so that "forces" is known from "force" and "works" from "work".
_ENDINGS = ("s", "es", "ed", "d", "ing", "er", "ers", "ly", "al")


def known_names(project):
    """Every word of every name and alias in the people and glossary files."""
    return {
        word
        for entry in project.glossary.entries
        for name in entry.names
        for word in _LETTERS.findall(name)
    }


@rule("SP002", "name-spelling", "A name spelt unlike any form the data files know.")
def name_spelling(project):
    targets = _targets(project.glossary.entries)
    # Names of an unreadable data file are missing from the list: YM001 comes first.
    if not targets or project.unreadable_data:
        return []
    index = _index(targets)
    known = {name.casefold() for name in known_names(project)} | _word_list(project.root)
    # Each distinct word is judged once: the name it misspells, or None when it is fine.
    verdicts = dict.fromkeys(known)
    english = None
    found = []
    for source in [*project.pages, *project.includes, *project.data_files]:
        prose = _prose(source)
        wrong = set()
        for word in set(_TOKEN.findall(prose)):
            folded = word.casefold()
            if folded not in verdicts:
                # No name is within reach of a word of three letters or fewer.
                near = _nearest(folded, index) if len(word) > 3 and word.isalpha() else None
                if near is not None:
                    english = english or _english()
                    near = None if _is_english(folded, english) else near
                verdicts[folded] = near
            if verdicts[folded] is not None:
                wrong.add(word)
        # Rare: only then is each place of the word worked out.
        for token in _TOKEN.finditer(prose):
            if token.group() in wrong:
                found.append(_diagnostic(source, prose, token, verdicts[token.group().casefold()]))
    return found


def _diagnostic(source, prose, token, near):
    word, (name, proper) = token.group(), near
    # A common noun keeps the writer's lower case: "commisar", did you mean "commissar"?
    if word[0].islower() and not proper:
        name = name[0].lower() + name[1:]
    line_start = prose.rfind("\n", 0, token.start()) + 1
    return Diagnostic(
        source.path,
        prose.count("\n", 0, token.start()) + 1,
        token.start() - line_start + 1,
        "SP002",
        f"'{word}' is not a name the site knows (did you mean '{name}'?); if it is right, add "
        "it to the person's or term's aliases in data/people.yml or data/glossary.yml",
    )


def _prose(source):
    """The file's text with code, URLs and BibTeX keys and names blanked out, lines and
    columns kept."""
    in_fence = False
    lines = []
    for line in source.lines:
        if source.path.endswith(".bib"):
            line = _BIB_NAMES.sub(_blank, line)
        if source.path.endswith(".md") and _FENCE.match(line):
            in_fence = not in_fence
            line = ""
        elif in_fence:
            line = ""
        lines.append(_BIB_KEY.sub(_blank, _URL.sub(_blank, _CODE_SPAN.sub(_blank, line))))
    return "\n".join(lines)


def _blank(match):
    # Keeps the columns of the words after it.
    return " " * len(match.group())


def _targets(entries):
    """The names a word is compared with: {folded: (rank, name, proper)}. The rank puts a
    word of an entry's title before one of its aliases, so "Zinovev" is told "Zinoviev",
    not the transliteration "Zinovyev"; proper names (people) keep their capital."""
    targets = {}
    for entry in entries:
        for rank, name in enumerate([entry.title, " ".join(entry.aliases)]):
            for word in _LETTERS.findall(name):
                if len(word) < _SHORTEST or not word.isascii():
                    continue
                target = (rank, word, entry.kind.case_sensitive)
                folded = word.casefold()
                targets[folded] = min(targets.get(folded, target), target)
    return targets


def _index(targets):
    """Each name under every string it gives with as many letters deleted as its limit
    allows: two words within that many edits give a string in common (symmetric delete)."""
    index = {}
    for folded, target in targets.items():
        for variant in _deletions(folded, _limit(folded)):
            index.setdefault(variant, {})[folded] = target
    return index


def _limit(name):
    return 1 if len(name) <= 8 else 2


def _deletions(word, depth):
    found = {word}
    for _ in range(depth):
        found |= {w[:i] + w[i + 1 :] for w in found for i in range(len(w))}
    return found


def _nearest(word, index):
    """(name, proper) that ``word`` is one slip away from, or None; derived forms (a
    plural, "-ism", "-ist") do not count."""
    candidates = {}
    for variant in _deletions(word, 2 if len(word) >= 8 else 1):
        candidates.update(index.get(variant, {}))
    best = None
    for folded, (rank, name, proper) in candidates.items():
        limit = _limit(folded)
        # A slip rarely hits the first letter, which the eye checks first.
        if folded[0] != word[0] or word.startswith(folded) or _stem(folded) == _stem(word):
            continue
        distance = _distance(word, folded, limit)
        if distance <= limit:
            best = min(best or (distance, rank, name, proper), (distance, rank, name, proper))
    return best[2:] if best else None


def _stem(word):
    for ending in ("ists", "ist", "isms", "ism", "ites", "ite", "s"):
        if word.endswith(ending) and len(word) > len(ending) + 3:
            return word[: -len(ending)]
    return word


def _distance(a, b, limit):
    """Damerau-Levenshtein distance (optimal string alignment), capped at ``limit + 1``."""
    before, row = None, list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        current = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            current[j] = min(row[j] + 1, current[j - 1] + 1, row[j - 1] + (a[i - 1] != b[j - 1]))
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                current[j] = min(current[j], before[j - 2] + 1)
        if min(current) > limit:
            return limit + 1
        before, row = row, current
    return row[-1]


def _word_list(root):
    """The words of _typos.toml's [default.extend-words], known to both spelling rules."""
    path = root / "_typos.toml"
    if not path.is_file():
        return set()
    try:
        config = tomllib.loads(path.read_text("utf-8"))
    except tomllib.TOMLDecodeError as error:
        raise LinterError(f"_typos.toml cannot be read: {error}") from error
    words = config.get("default", {}).get("extend-words", {})
    return {word.casefold() for word in words}


@functools.cache
def _english():
    # 115,000 English words, loaded only when a word comes close to a name, and once a
    # process (`mkdocs serve` checks every rebuild).
    from english_words import get_english_words_set

    return get_english_words_set(["gcide"], lower=True)


def _is_english(word, english):
    """``word`` or its stem is in the dictionary, in American or British spelling."""
    forms = {word, word.replace("isation", "ization").replace("ise", "ize")}
    for form in list(forms):
        for ending in _ENDINGS:
            if form.endswith(ending) and len(form) > len(ending) + 2:
                stem = form[: -len(ending)]
                forms |= {stem, stem + "e"}
    return not forms.isdisjoint(english)
