"""The study layer (issue 16): questions at the end of every essay part, and the lesson page.

The essay's parts come from mkdocs.yml's nav, not from a list kept here: they are the nav
entries titled with one of the essay's own headings ("The Actual History", "Internal Party
Dynamics", ...). Section index pages have no title in the nav, and the expert and reading
pages are titled after people and books, so neither counts as a part.
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterator
from urllib.parse import unquote, urlsplit

import pytest
from mkdocs.utils.yaml import yaml_load

from sitebuild import REPO

ESSAY = (REPO / "tests" / "fixtures" / "essay.txt").read_text(encoding="utf-8")
with (REPO / "mkdocs.yml").open(encoding="utf-8") as config:
    NAV = yaml_load(config)["nav"]

QUESTIONS = "Questions for discussion"
LESSON = "A lesson in 45 minutes"
# What may follow the questions: the page's notes, its dates and "Cite this page", never
# more of the page's own text.
CONTENT = "h1, h2, h3, h4, h5, h6, p, ul, ol, table, .admonition, .dv-status, .dv-contrast"


def titled_pages(items: list) -> Iterator[tuple[str, str]]:
    """Every (title, path) of the nav that has a title of its own, at any depth."""
    for item in items:
        if not isinstance(item, dict):
            continue
        for title, target in item.items():
            if isinstance(target, list):
                yield from titled_pages(target)
            else:
                yield title, target


def essay_parts() -> list[str]:
    headings = {line.strip() for line in ESSAY.splitlines() if line.strip()}
    return [path for title, path in titled_pages(NAV) if title in headings]


def built(path: str) -> str:
    """The built HTML file of a page's Markdown path (directory URLs)."""
    stem = path.removesuffix(".md")
    if stem == "index" or stem.endswith("/index"):
        return f"{stem}.html"
    return f"{stem}/index.html"


def resolve(page: str, href: str) -> tuple[str, str] | None:
    """The built file and anchor a link of ``page`` points to; None if it leaves the site."""
    parts = urlsplit(href)
    if parts.scheme or parts.netloc:
        return None
    target = page
    if parts.path:
        target = posixpath.normpath(posixpath.join(posixpath.dirname(page), parts.path))
        if parts.path.endswith("/") or not posixpath.splitext(target)[1]:
            target = posixpath.join(target, "index.html")
    return target, unquote(parts.fragment)


def broken_links(site, page: str, links) -> list[str]:
    """The links of ``page`` whose target file or anchor the build does not have."""
    broken = []
    for link in links:
        resolved = resolve(page, link["href"])
        if resolved is None:
            continue
        target, anchor = resolved
        if not (site.site_dir / target).is_file():
            broken.append(f"{link['href']}: no page {target}")
        elif anchor and target.endswith(".html") and site.soup(target).find(id=anchor) is None:
            broken.append(f"{link['href']}: {target} has no anchor #{anchor}")
    return broken


def test_the_essay_parts_come_from_the_nav():
    parts = essay_parts()
    # The two single pages and at least one page from a section of several.
    assert len(parts) > 2, parts
    assert not [path for path in parts if path.endswith("index.md")], parts


@pytest.mark.parametrize("part", essay_parts())
def test_every_essay_part_ends_with_questions_marked_editorial(real_site, part):
    page = built(part)
    soup = real_site.soup(page)
    headings = [
        h for h in soup.select("article h2") if h.get_text(strip=True).rstrip("¶") == QUESTIONS
    ]
    assert len(headings) == 1, f"{page}: {len(headings)} '{QUESTIONS}' headings"
    block = headings[0].find_next_sibling()
    assert block is not None and "dv-status" in block.get("class", []), page
    assert block.get("data-divergence-status") == "editorial", page
    assert block.select_one(".dv-claim").get_text(strip=True) == "Editorial note", page

    questions = block.select(":scope > ol > li")
    assert 3 <= len(questions) <= 5, f"{page}: {len(questions)} questions"
    for number, question in enumerate(questions, 1):
        # The editors' own links: the glossary's automatic term links do not count.
        pointers = question.select("a[href]:not(.dv-term)")
        assert pointers, f"{page}: question {number} links to nothing"
        assert broken_links(real_site, page, pointers) == [], f"{page}: question {number}"
    assert any("need to believe" in " ".join(q.get_text().split()) for q in questions), (
        f"{page}: no question asks what one would need to believe for the counterfactual"
    )
    later = [sibling.name for sibling in block.find_next_siblings() if sibling.css.match(CONTENT)]
    assert later == [], f"{page}: page text after the questions"


def test_the_lesson_is_in_the_nav_and_every_link_on_it_resolves(real_site):
    paths = [path for title, path in titled_pages(NAV) if title == LESSON]
    assert len(paths) == 1, f"'{LESSON}' is in the nav {len(paths)} times"
    page = built(paths[0])
    soup = real_site.soup(page)
    assert soup.select_one("h1").get_text(strip=True).rstrip("¶") == LESSON
    assert [a.get_text(strip=True) for a in soup.select("a.md-nav__link--active")] == [LESSON]

    links = soup.select("article a[href]")
    assert broken_links(real_site, page, links) == []
    # It sends the class to the questions of every essay part.
    targets = {resolve(page, a["href"]) for a in links}
    wanted = {(built(part), "questions-for-discussion") for part in essay_parts()}
    assert wanted <= targets, sorted(wanted - targets)
