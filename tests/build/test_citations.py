"""Citations: shared includes that cite, the bibliography page, and the .bib download."""

import yaml

from golden import BASE_FILES

BIB = """\
@book{kotkin2014,
  author = {Kotkin, Stephen},
  title = {Stalin, Vol. I: Paradoxes of Power, 1878--1928},
  publisher = {Penguin Press},
  year = {2014}
}

@book{deutscher1954,
  author = {Deutscher, Isaac},
  title = {The Prophet Armed: Trotsky, 1879--1921},
  publisher = {Oxford University Press},
  year = {1954}
}
"""
NOTICE = """\
!!! note "Shared note"

    Kotkin doubts the Testament's provenance [@kotkin2014].
"""
PAGE = """\
---
description: A page that pulls in a shared note and cites a book.
track: reference
---

# Trotsky

Deutscher wrote the life of Trotsky [@deutscher1954].

--8<-- "includes/notice.md"
"""


def build(fixture_site, **extra):
    config = yaml.safe_load(BASE_FILES["mkdocs.yml"])
    config["nav"] = ["index.md", "trotsky.md", "reading/bibliography.md"]
    files = {
        **{k: v for k, v in BASE_FILES.items() if k != "mkdocs.yml"},
        "data/references.bib": BIB,
        "includes/notice.md": NOTICE,
        "docs/trotsky.md": PAGE,
    }
    return fixture_site(files, **config)


def test_a_citation_in_an_included_file_resolves(fixture_site):
    site = build(fixture_site)
    assert site.logs == []
    article = site.soup("trotsky/index.html").select_one("article")
    note = article.select_one(".admonition")
    assert note.select_one('a.footnote-ref[href="#fn:kotkin2014"]') is not None
    assert "[@" not in article.get_text()
    references = [li.get_text(" ", strip=True) for li in article.select(".footnote li")]
    assert [r.split(".")[0] for r in references] == ["Isaac Deutscher", "Stephen Kotkin"]


def test_bibliography_page_lists_every_work_once_with_its_citing_pages(fixture_site):
    site = build(fixture_site)
    article = site.soup("reading/bibliography/index.html").select_one("article")
    works = article.select("p.dv-work")
    # Sorted by author; anchors are the citation keys; no footnote back-links.
    assert [w["id"] for w in works] == ["deutscher1954", "kotkin2014"]
    assert works[0].get_text(" ", strip=True).startswith("Isaac Deutscher. The Prophet Armed")
    assert not article.select(".footnote-backref")
    cited = [
        [(a.get_text(), a["href"]) for a in w.find_next("p", class_="dv-cited-by").select("a")]
        for w in works
    ]
    assert cited == [
        [("Trotsky", "../../trotsky/")],
        [("Home", "../../"), ("Trotsky", "../../trotsky/")],
    ]


def test_references_bib_is_published_and_linked(fixture_site):
    site = build(fixture_site)
    assert (site.site_dir / "references.bib").read_text() == BIB
    link = site.soup("reading/bibliography/index.html").select_one('a[href$="references.bib"]')
    assert link["href"] == "../../references.bib"


def test_a_page_number_in_a_citation_stays_on_the_page(fixture_site):
    """mkdocs-bibtex's simple mode drops 'p. 200' with a warning naming no page; the
    citation guard keeps it beside the note mark, and the citation resolves."""
    page = PAGE.replace("[@deutscher1954]", "[@deutscher1954, p. 200]")
    config = yaml.safe_load(BASE_FILES["mkdocs.yml"])
    config["nav"] = ["index.md", "trotsky.md", "reading/bibliography.md"]
    files = {
        **{k: v for k, v in BASE_FILES.items() if k != "mkdocs.yml"},
        "data/references.bib": BIB,
        "includes/notice.md": NOTICE,
        "docs/trotsky.md": page,
    }
    site = fixture_site(files, **config)
    assert site.logs == []
    paragraph = site.soup("trotsky/index.html").select_one("article p:has(a.footnote-ref)")
    assert paragraph.get_text() == "Deutscher wrote the life of Trotsky 1 (p. 200)."
    assert paragraph.select_one('a.footnote-ref[href="#fn:deutscher1954"]') is not None
