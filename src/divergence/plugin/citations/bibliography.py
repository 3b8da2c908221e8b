"""The site's bibliography page: every work of references.bib once, with the pages citing it.

It replaces mkdocs-bibtex's ``\\full_bibliography``, whose entries carry back-links to
footnotes on other pages, which do not exist on the bibliography page.
"""

from __future__ import annotations

from dataclasses import dataclass

from divergence.site.markdown_syntax import CITATION_BLOCK, CITATION_KEY, FENCE, INLINE_CODE


@dataclass(frozen=True)
class Work:
    """One entry of the bibliography, formatted as mkdocs-bibtex formats its footnotes."""

    key: str
    text: str
    sort_key: tuple
    # primary, scholarship or reference (the entry's `sourcetype`).
    kind: str = ""


# The kinds of source, in the order the bibliography lists them, each with its heading
# and what it means for a reader weighing a claim.
KINDS = (
    ("scholarship", "Scholarship", "Historians' books and articles: the works to cite."),
    (
        "primary",
        "Primary sources",
        "Documents of the time, memoirs and official records: evidence, read with care.",
    ),
    (
        "reference",
        "Reference works",
        "Encyclopedias and other reference works, cited with the date they were read.",
    ),
)


@dataclass(frozen=True)
class Group:
    kind: str
    title: str
    about: str
    works: list[Work]


def grouped(works: list[Work]) -> list[Group]:
    """The works under their kind of source; an entry of no known kind comes last."""
    groups = [Group(k, t, a, [w for w in works if w.kind == k]) for k, t, a in KINDS]
    known = {k for k, _, _ in KINDS}
    other = [w for w in works if w.kind not in known]
    groups.append(Group("other", "Other works", "Works not yet typed by the editors.", other))
    return [group for group in groups if group.works]


def cited_keys(markdown: str) -> list[str]:
    """The citation keys of a page, in order of first citation, code excluded."""
    keys: dict[str, None] = {}
    fence = None
    for line in markdown.splitlines():
        match = FENCE.match(line)
        if fence or match:
            if match and (fence is None or match.group(1)[0] == fence[0]):
                fence = None if fence else match.group(1)
            continue
        line = INLINE_CODE.sub("", line)
        for block in CITATION_BLOCK.finditer(line):
            keys.update(dict.fromkeys(CITATION_KEY.findall(block.group(1))))
    return list(keys)


def sort_key(entry) -> tuple:
    """Author surnames, then year, then title: the order of a printed bibliography."""
    people = entry.persons.get("author") or entry.persons.get("editor") or []
    names = " ".join(" ".join(p.last_names) for p in people).casefold()
    title = entry.fields.get("title", "").casefold()
    return (names or title, entry.fields.get("year", ""), title)
