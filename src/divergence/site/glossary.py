"""Glossary terms and people, read from data/*.yml with the line of every entry and field.

Loading never raises: every problem becomes a diagnostic (rules DA001-DA005), and the
entries that can be read are kept, so one bad entry never hides the others.
"""

from __future__ import annotations

import datetime
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

import yaml

from divergence.site.dates import readable
from divergence.site.diagnostics import Diagnostic, did_you_mean, unknown_citation
from divergence.site.frontmatter import compose, construct, mapping, yaml_error_position

_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


@dataclass(frozen=True)
class Kind:
    """A data file: its top-level list, the title field and the fields an entry may have."""

    name: str
    file: str
    list_key: str
    title_key: str
    required: tuple[str, ...]
    optional: tuple[str, ...]
    # The generated page that lists the entries.
    page: str
    # Proper names match with their case; common nouns in any case.
    case_sensitive: bool


TERMS = Kind(
    "term",
    "data/glossary.yml",
    "terms",
    "term",
    ("id", "term", "short", "definition", "sources"),
    ("aliases", "related", "alternate_only"),
    "glossary.md",
    case_sensitive=False,
)
PEOPLE = Kind(
    "person",
    "data/people.yml",
    "people",
    "name",
    ("id", "name", "short", "sources"),
    ("native", "aliases", "born", "died", "roles", "fate", "group", "surname"),
    "people.md",
    case_sensitive=True,
)
KINDS = (TERMS, PEOPLE)
SHORT_LIMIT = 160
# The People page's groups, by the value of a person's `group` (absent: the first).
PEOPLE_GROUPS = {
    "history": "People of the history",
    "historian": "Historians and authors",
}


def people_group(entry: Entry) -> str:
    """The People page's group of a person (`group`, or the people of the history)."""
    return entry.data.get("group") or next(iter(PEOPLE_GROUPS))


def people_group_id(group: str) -> str:
    """The anchor of a group's heading on the People page: 'historians-and-authors'."""
    return "-".join(re.findall(r"[a-z0-9]+", PEOPLE_GROUPS[group].casefold()))


@dataclass
class Entry:
    """One glossary term or person."""

    kind: Kind
    id: str
    title: str
    short: str
    line: int
    aliases: list[str] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)
    related: list[str] = field(default_factory=list)
    data: dict = field(default_factory=dict)
    # Line of each field, for diagnostics about its value.
    lines: dict[str, int] = field(default_factory=dict)

    @property
    def lifespan(self) -> str:
        """'7 November 1879 – 21 August 1940', keeping each date's precision."""
        # A date DA004 rejects is shown as written, never guessed at.
        born, died = (
            (str(value) if date_problem(value) else readable(value)) if value else ""
            for value in (self.data.get("born"), self.data.get("died"))
        )
        if born and died:
            return f"{born} – {died}"
        return f"born {born}" if born else (f"died {died}" if died else "")

    @property
    def names(self) -> list[str]:
        """Every form that marks a mention of the entry in the text."""
        return [self.title, *self.aliases]


@dataclass
class Collection:
    """The entries of both files and the problems found reading them."""

    entries: list[Entry]
    diagnostics: list[Diagnostic]

    def by_id(self) -> dict[str, Entry]:
        return {entry.id: entry for entry in self.entries}


def glossary_json(collection: Collection) -> str:
    """Terms and people as open data: every field of the data files, by kind."""
    out: dict[str, list] = {kind.list_key: [] for kind in KINDS}
    for entry in collection.entries:
        out[entry.kind.list_key].append({key: entry.data[key] for key in entry.data})
    return json.dumps(out, ensure_ascii=False, indent=1, default=str)


def load(texts: dict[str, str], bib_keys: Iterable[str] | None = None) -> Collection:
    """Read the data files given as ``{path: text}`` (missing files are simply absent)."""
    entries: list[Entry] = []
    found: list[Diagnostic] = []
    for kind in KINDS:
        if kind.file in texts:
            entries_of_kind, problems = _read(kind, texts[kind.file])
            entries += entries_of_kind
            found += problems
    found += _cross_checks(entries, set(bib_keys) if bib_keys is not None else None)
    return Collection(entries, sorted(found))


def _read(kind: Kind, text: str) -> tuple[list[Entry], list[Diagnostic]]:
    path = kind.file
    try:
        root = compose(text)
    except yaml.YAMLError as error:
        line, col, problem = yaml_error_position(error)
        return [], [Diagnostic(path, line, col, "YM001", f"not valid YAML: {problem}")]
    items = mapping(root).get(kind.list_key)
    if items is None or not isinstance(items[1], yaml.SequenceNode):
        return [], [_d(path, 1, "DA004", f"the file must hold a list under '{kind.list_key}:'")]
    entries, found = [], []
    for node in items[1].value:
        entry, problems = _entry(kind, node)
        found += problems
        if entry is not None:
            entries.append(entry)
    return entries, found


def _entry(kind: Kind, node) -> tuple[Entry | None, list[Diagnostic]]:
    path, line = kind.file, node.start_mark.line + 1
    if not isinstance(node, yaml.MappingNode):
        return None, [_d(path, line, "DA004", f"each {kind.name} must be a mapping of fields")]
    fields = mapping(node)
    data = {key: construct(value) for key, (_, value) in fields.items()}
    lines = {key: key_node.start_mark.line + 1 for key, (key_node, _) in fields.items()}
    found = []
    allowed = (*kind.required, *kind.optional)
    for key in fields:
        if key not in allowed:
            found.append(
                _d(
                    path,
                    lines[key],
                    "DA004",
                    f"unknown field '{key}'{did_you_mean(key, allowed)}; "
                    f"a {kind.name} has: {', '.join(allowed)}",
                )
            )
    for key in kind.required:
        if key not in data or data[key] in (None, "", []):
            message = (
                f"{kind.name} has no sources; cite at least one key of data/references.bib"
                if key == "sources"
                else f"{kind.name} has no '{key}'"
            )
            found.append(_d(path, line, "DA003" if key == "sources" else "DA004", message))
    entry_id = str(data.get("id", ""))
    if entry_id and not _ID.match(entry_id):
        found.append(
            _d(
                path,
                lines["id"],
                "DA004",
                f"id '{entry_id}' must be lowercase letters, digits and hyphens",
            )
        )
    found += _people_fields(kind, data, lines)
    short = str(data.get("short") or "")
    if len(short) > SHORT_LIMIT:
        found.append(
            _d(
                path,
                lines["short"],
                "DA004",
                f"'short' has {len(short)} characters; the tooltip takes at most {SHORT_LIMIT}",
            )
        )
    for key in ("born", "died"):
        if data.get(key) and (problem := date_problem(data[key])):
            found.append(_d(path, lines[key], "DA004", f"'{key}': {problem}"))
    if not entry_id or not data.get(kind.title_key):
        return None, found
    return Entry(
        kind=kind,
        id=entry_id,
        title=str(data[kind.title_key]),
        short=" ".join(short.split()),
        line=line,
        aliases=[str(a) for a in data.get("aliases") or []],
        sources=[str(s) for s in data.get("sources") or []],
        related=[str(r) for r in data.get("related") or []],
        data=data,
        lines=lines,
    ), found


def _people_fields(kind: Kind, data: dict, lines: dict[str, int]) -> list[Diagnostic]:
    """A person's `group` is one of PEOPLE_GROUPS; `surname` begins or ends the name."""
    if kind is not PEOPLE:
        return []
    found = []
    group = data.get("group")
    if group is not None and group not in PEOPLE_GROUPS:
        found.append(
            _d(
                kind.file,
                lines["group"],
                "DA004",
                f"group '{group}' is not one of: {', '.join(PEOPLE_GROUPS)}"
                f"{did_you_mean(str(group), PEOPLE_GROUPS)}",
            )
        )
    surname, name = data.get("surname"), str(data.get("name") or "")
    if surname is not None and not (name.startswith(f"{surname} ") or name.endswith(f" {surname}")):
        found.append(
            _d(
                kind.file,
                lines["surname"],
                "DA004",
                f"surname '{surname}' must begin or end the name '{name}'",
            )
        )
    return found


def date_problem(value) -> str | None:
    """Why ``value`` is not a date as the data files write it (None when it is one)."""
    text = str(value)
    match = _DATE.match(text)
    if not match:
        return f"'{text}' is not a date: write YYYY, YYYY-MM or YYYY-MM-DD (New Style)"
    year, month, day = (int(part) if part else 1 for part in match.groups())
    try:
        datetime.date(year, month, day)
    except ValueError:
        return f"'{text}' is not a real date (YYYY-MM-DD: is the month or the day wrong?)"
    return None


def _cross_checks(entries: list[Entry], bib_keys: set[str] | None) -> list[Diagnostic]:
    found = []
    first_id: dict[str, Entry] = {}
    first_name: dict[str, Entry] = {}
    for entry in entries:
        path = entry.kind.file
        if entry.id in first_id:
            other = first_id[entry.id]
            found.append(
                _d(
                    path,
                    entry.lines["id"],
                    "DA001",
                    f"duplicate id '{entry.id}' (also at {other.kind.file}:{other.line})",
                )
            )
        else:
            first_id[entry.id] = entry
        for name in entry.names:
            key = name.casefold()
            other = first_name.get(key)
            if other is not None and other is not entry:
                field_name = "aliases" if name in entry.aliases else entry.kind.title_key
                found.append(
                    _d(
                        path,
                        entry.lines.get(field_name, entry.line),
                        "DA002",
                        f"'{name}' names both '{entry.id}' and '{other.id}' "
                        f"({other.kind.file}:{other.line}); keep it on one entry",
                    )
                )
            first_name.setdefault(key, entry)
    for entry in entries:
        path = entry.kind.file
        for related in entry.related:
            if related not in first_id:
                found.append(
                    _d(
                        path,
                        entry.lines["related"],
                        "DA005",
                        f"'{entry.id}' is related to '{related}', which is defined "
                        f"nowhere{did_you_mean(related, first_id)}",
                    )
                )
        if bib_keys is not None:
            for key in entry.sources:
                if key not in bib_keys:
                    found.append(
                        unknown_citation(
                            path, entry.lines["sources"], 1, key, bib_keys, "data/references.bib"
                        )
                    )
    return found


def _d(path: str, line: int, code: str, message: str) -> Diagnostic:
    return Diagnostic(path, line, 1, code, message)
