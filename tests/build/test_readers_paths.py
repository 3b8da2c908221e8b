"""Readers' paths free of editors' material: the editors' guide (docs/contributing/) is never
a place "Mentioned on" sends a reader, and it ranks below the reader pages in search."""

from __future__ import annotations

import json
from urllib.parse import urljoin

from sitebuild import REPO

GLOSSARY = """\
terms:
  - id: troika
    term: Troika
    short: The informal alliance of Zinoviev, Kamenev and Stalin against Trotsky.
    definition: The informal ruling alliance formed in 1922-23 while Lenin was ill.
"""
PAGE = """\
---
description: {description}
track: {track}
---

# {title}

The troika kept Trotsky out.
"""
GUIDE = "contributing/"


def test_a_guide_page_naming_a_term_is_not_listed_where_the_term_is_mentioned(fixture_site):
    files = {
        "data/glossary.yml": GLOSSARY,
        "docs/index.md": PAGE.format(description="A page.", track="actual", title="Succession"),
        f"docs/{GUIDE}index.md": PAGE.format(
            description="How to add a term.", track="reference", title="Terms and people"
        ),
    }
    site = fixture_site(
        files,
        markdown_extensions=["attr_list", "toc", "divergence.markdown.mentions"],
        nav=["index.md", "glossary.md", f"{GUIDE}index.md"],
    )
    assert site.aborted is None, site.logs
    # The guide's mention is linked like any other: only the backlink leaves it out.
    assert site.soup(f"{GUIDE}index.html").select("article a.dv-term")
    mentioned = (
        site.soup("glossary/index.html").select_one("#troika").find_next(class_="dv-mentions")
    )
    assert [(a.get_text(), a["href"]) for a in mentioned.select("a")] == [("Succession", "../")]


def test_no_mentioned_on_list_of_the_real_site_names_a_guide_page(real_site):
    listed = 0
    for page in ("glossary/index.html", "people/index.html"):
        for link in real_site.soup(page).select(".dv-mentions a[href]"):
            listed += 1
            target = urljoin(f"/{page}", link["href"])
            assert not target.startswith(f"/{GUIDE}"), (page, link["href"])
    assert listed  # the lists exist, so the check above read something


def test_every_guide_page_ranks_below_the_reader_pages_in_search(real_site):
    index = json.loads((real_site.site_dir / "search" / "search_index.json").read_text())
    boosts: dict[str, set] = {}
    for doc in index["docs"]:
        boosts.setdefault(doc["location"].split("#")[0], set()).add(doc.get("boost", 1))
    guide = sorted(
        path.relative_to(REPO / "docs").with_suffix("").as_posix()
        for path in (REPO / "docs" / GUIDE).glob("*.md")
    )
    assert guide
    for page in guide:
        location = page.removesuffix("index") if page.endswith("/index") else page + "/"
        assert boosts[location] and max(boosts[location]) < 1, (page, boosts.get(location))
    readers = [loc for loc in boosts if loc and not loc.startswith(GUIDE)]
    assert readers and all(boosts[loc] == {1} for loc in readers)
