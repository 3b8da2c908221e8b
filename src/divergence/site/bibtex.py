"""A BibTeX reader that keeps line numbers, for diagnostics that point into references.bib.

pybtex (used by mkdocs-bibtex) parses the file for rendering; this reader only finds the
entries, their keys and fields, and where each one stands.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

# '@type{' at the start of an entry; @comment, @string and @preamble are not entries.
_ENTRY_START = re.compile(r"@\s*([A-Za-z]+)\s*([{(])")
_NOT_ENTRIES = {"comment", "string", "preamble"}
_KEY = re.compile(r"\s*([^,\s{}()=\"#%'~]+)\s*,")
# A field's name and how its value opens: a brace, a quote, or neither (a number, a macro).
_FIELD = re.compile(r"([A-Za-z][\w-]*)\s*=\s*([{\"]?)")
_ENTRY_AT_LINE_START = re.compile(r"\n@\s*[A-Za-z]+\s*[{(]")
_FIELD_LINE = re.compile(r"^\s*[A-Za-z][\w-]*\s*=")


@dataclass(frozen=True)
class Entry:
    key: str
    kind: str
    line: int
    col: int
    # Field name -> (value without braces, 1-based line of the field).
    fields: dict[str, tuple[str, int]] = field(default_factory=dict)
    # Fields whose whole value is protected by an inner pair of braces: a name that is
    # one unit, such as an organisation as author ("{{Hoover Institution}}").
    protected: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Problem:
    line: int
    col: int
    message: str


@dataclass
class Bibliography:
    path: str
    entries: dict[str, Entry]
    problems: list[Problem]


def read_bibliography(path: str, text: str) -> Bibliography:
    """Every entry of ``text`` with its position, and every structural problem found."""
    entries: dict[str, Entry] = {}
    problems: list[Problem] = []
    position = 0
    while match := _ENTRY_START.search(text, position):
        kind = match.group(1).lower()
        line, col = _line_col(text, match.start())
        end = _closing(text, match.end(), ")" if match.group(2) == "(" else "}")
        if end is None:
            # Read on from the next entry, so that one missing brace is one problem and
            # the entries after it (and the citations of them) are still known.
            following = _ENTRY_AT_LINE_START.search(text, match.end())
            stop = following.start() + 1 if following else len(text)
            body = text[match.end() : stop]
            where = _unclosed_field(body, line)
            problems.append(
                Problem(
                    where or line,
                    1 if where else col,
                    f"entry at line {line} is never closed"
                    + (
                        f": the value that starts at line {where} has no closing brace"
                        if where
                        else ""
                    )
                    + "; check its braces",
                )
            )
            if (key_match := _KEY.match(body)) and kind not in _NOT_ENTRIES:
                entries.setdefault(key_match.group(1), Entry(key_match.group(1), kind, line, col))
            if following is None:
                break
            position = stop
            continue
        position = end + 1
        if kind in _NOT_ENTRIES:
            continue
        body = text[match.end() : end]
        key_match = _KEY.match(body)
        if not key_match:
            problems.append(
                Problem(line, col, f"@{kind} entry has no key; write '@{kind}{{key,' first")
            )
            continue
        key = key_match.group(1)
        if key in entries:
            first = entries[key].line
            problems.append(
                Problem(line, col, f"duplicate key '{key}' (first defined at line {first})")
            )
            continue
        fields, protected = _fields(body, key_match.end(), text, match.end())
        entries[key] = Entry(key, kind, line, col, fields, protected)
    return Bibliography(path, entries, problems)


def _fields(body: str, start: int, text: str, offset: int):
    """Each field's value, braces and quotes removed, with the line where the field starts;
    and the names of the fields whose value is wrapped whole in an inner pair of braces."""
    fields, protected = {}, set()
    position = start
    while field_match := _FIELD.search(body, position):
        opener = field_match.group(2)
        if opener == "{":
            end = _closing(body, field_match.end(), "}")
        elif opener == '"':
            end = body.find('"', field_match.end())
        else:
            end = body.find(",", field_match.end())
        end = len(body) if end is None or end < 0 else end
        raw = body[field_match.end() : end].strip()
        value = re.sub(r"\s+", " ", raw.replace("{", "").replace("}", ""))
        line = _line_col(text, offset + field_match.start())[0]
        name = field_match.group(1).lower()
        fields[name] = (value.strip(), line)
        if raw.startswith("{") and _closing(raw, 1, "}") == len(raw) - 1:
            protected.add(name)
        position = end + 1
    return fields, frozenset(protected)


def short_label(entry: Entry) -> str:
    """A work as a short citation names it: "Kotkin 2014", "Davies and Wheatcroft 2004";
    a reference work by its publisher and title: "Wikipedia, “Leon Trotsky”"."""
    value = {name: text for name, (text, _) in entry.fields.items()}
    title = value.get("title", entry.key)
    role = "author" if "author" in value else "editor"
    people = value.get(role)
    if people:
        if role in entry.protected:
            names = people
        else:
            surnames = [
                p.split(",")[0].strip() if "," in p else p.split()[-1]
                for p in re.split(r"\s+and\s+", people)
            ]
            names = " and ".join(surnames) if len(surnames) <= 2 else f"{surnames[0]} et al."
        # A work without a year (a letter, a web page) is named by its title.
        return f"{names} {value['year']}" if "year" in value else f"{names}, “{title}”"
    publisher = value.get("howpublished") or value.get("publisher") or value.get("organization")
    if publisher:
        return f"{publisher.split(',')[0].strip()}, “{title}”"
    return title


def _closing(text: str, start: int, closer: str) -> int | None:
    """Index of the bracket that closes the entry opened just before ``start``."""
    opener = "(" if closer == ")" else "{"
    depth = 1
    for index in range(start, len(text)):
        char = text[index]
        if char == "{" or char == opener:
            depth += 1
        elif char == "}" or char == closer:
            depth -= 1
            if depth == 0:
                return index
        elif char == "@" and text[index - 1] == "\n" and depth > 0:
            # A new entry starts before this one closed.
            return None
    return None


def _unclosed_field(body: str, first_line: int) -> int | None:
    """The line of a field whose braces are still open when the next field begins."""
    depth, opened_at = 1, None
    for number, line in enumerate(body.split("\n"), start=first_line):
        if depth > 1 and _FIELD_LINE.match(line):
            return opened_at
        if depth == 1:
            opened_at = number
        depth += line.count("{") - line.count("}")
    return None


def _line_col(text: str, index: int) -> tuple[int, int]:
    line = text.count("\n", 0, index) + 1
    return line, index - (text.rfind("\n", 0, index) + 1) + 1
