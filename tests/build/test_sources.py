"""Sources: every work typed and dated, few reference-work citations, no raw BibTeX shown.

The site's promise to students is that they can tell a historian's book from an encyclopedia
article: every entry of the bibliography says which kind of source it is, web pages say when
they were checked, and the reader pages lean on scholarship and primary sources.
"""

from __future__ import annotations

import datetime
import re
from collections import Counter

import pytest
from bs4 import BeautifulSoup
from mkdocs.utils.yaml import yaml_load
from pybtex.database import parse_file

from sitebuild import REPO

SOURCE_TYPES = {"primary", "scholarship", "reference"}
# At most this share of the citations on reader pages may go to reference works.
MAX_REFERENCE_SHARE = 0.10
# The editors' guide (docs/contributing/) explains the site; every other page is for readers.
GUIDE = "contributing/"
ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
# What BibTeX markup looks like when it leaks into a page: a command, a brace, an entry head.
RAW_BIBTEX = re.compile(r"\\[A-Za-z]+|[{}]|@[A-Za-z]+\s*\{")


def bib_path():
    """The bibliography file mkdocs-bibtex reads, as mkdocs.yml names it."""
    with open(REPO / "mkdocs.yml", encoding="utf-8") as config_file:
        config = yaml_load(config_file)
    for plugin in config["plugins"]:
        if isinstance(plugin, dict) and "bibtex" in plugin:
            return REPO / plugin["bibtex"]["bib_file"]
    raise AssertionError("mkdocs.yml configures no bibtex plugin")


@pytest.fixture(scope="module")
def bibliography():
    return parse_file(str(bib_path()), bib_format="bibtex")


def entry_line(key: str) -> int:
    """The line of references.bib where the entry ``key`` starts, for the failure message."""
    text = bib_path().read_text(encoding="utf-8")
    match = re.search(r"^@\w+\s*\{\s*" + re.escape(key) + r"\s*,", text, re.M)
    return text.count("\n", 0, match.start()) + 1 if match else 0


def citations(soup, keys) -> list[tuple[str, str]]:
    """(key, how) for every citation on a page: footnote marks and links into the bibliography.

    mkdocs-bibtex turns ``[@key]`` into a footnote mark pointing at ``#fn:key``; the
    timeline lists an event's sources as links to ``…/bibliography/#key``.
    """
    found = []
    for link in soup.select("article a[href]"):
        path, _, fragment = link["href"].partition("#")
        if "footnote-ref" in link.get("class", []) and fragment.removeprefix("fn:") in keys:
            found.append((fragment.removeprefix("fn:"), "footnote"))
        elif path and fragment in keys:
            found.append((fragment, "link"))
    return found


def test_every_entry_has_a_source_type_and_every_web_page_an_access_date(bibliography):
    today = datetime.date.today()
    problems = []
    for key, entry in bibliography.entries.items():
        where = f"{bib_path().name}:{entry_line(key)}: '{key}'"
        kind = entry.fields.get("sourcetype", "")
        if kind not in SOURCE_TYPES:
            problems.append(f"{where} sourcetype is {kind!r}, not one of {sorted(SOURCE_TYPES)}")
        if "url" in entry.fields:
            visited = entry.fields.get("urldate", "")
            if not ISO_DATE.fullmatch(visited):
                problems.append(f"{where} has a url but no urldate YYYY-MM-DD ({visited!r})")
            elif datetime.date.fromisoformat(visited) > today:
                problems.append(f"{where} urldate {visited} is in the future")
        for name, value in entry.fields.items():
            if "\\url" in value:
                problems.append(f"{where} {name} holds \\url; put the address in the url field")
    assert problems == []


def test_reference_works_are_at_most_a_tenth_of_the_citations_on_reader_pages(
    real_site, bibliography
):
    keys = set(bibliography.entries)
    kinds = Counter()
    ways = Counter()
    for rel in real_site.html_files():
        if rel.startswith(GUIDE):
            continue
        for key, how in citations(real_site.soup(rel), keys):
            kinds[bibliography.entries[key].fields.get("sourcetype", f"untyped {key}")] += 1
            ways[how] += 1
    # An untyped work could hide a reference work from the count.
    assert set(kinds) <= SOURCE_TYPES, sorted(set(kinds) - SOURCE_TYPES)
    # Both ways of citing were seen, so the count below covers the pages and the timeline.
    assert ways["footnote"] > 0 and ways["link"] > 0, ways
    total = sum(kinds.values())
    share = kinds["reference"] / total
    assert share <= MAX_REFERENCE_SHARE, (
        f"{kinds['reference']} of {total} citations on reader pages ({share:.1%}) go to "
        f"reference works; at most {MAX_REFERENCE_SHARE:.0%} may"
    )


def test_no_page_shows_raw_bibtex(real_site):
    leaks = []
    for rel in real_site.html_files():
        # A fresh parse: the shared soup stays whole for the other tests. Code blocks may
        # show BibTeX on purpose ("Cite this page", the editors' guide).
        page = BeautifulSoup((real_site.site_dir / rel).read_text(encoding="utf-8"), "html.parser")
        for shown_as_code in page.select("pre, code, script, style"):
            shown_as_code.decompose()
        text = page.get_text(" ")
        leaks += [
            f"{rel}: {text[max(match.start() - 40, 0) : match.end() + 40]!r}"
            for match in RAW_BIBTEX.finditer(text)
        ]
    assert leaks == []
