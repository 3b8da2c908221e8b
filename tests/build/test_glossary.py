"""Terms and people: mentions linked with their definition, generated pages with backlinks."""

GLOSSARY = """\
terms:
  - id: troika
    term: Troika
    aliases: [triumvirate, тройка]
    short: The informal alliance of Zinoviev, Kamenev and Stalin against Trotsky.
    definition: >-
      The informal ruling alliance formed in 1922-23 while Lenin was ill.
    related: [general-secretary]
    sources: [kotkin2014]
  - id: general-secretary
    term: General Secretary
    short: The head of the party's Secretariat, a post Stalin held from 1922.
    definition: The post of head of the Secretariat of the Central Committee.
    sources: [kotkin2014]
"""
PEOPLE = """\
people:
  - id: trotsky
    name: Leon Trotsky
    native: Лев Давидович Троцкий
    aliases: [Trotsky, Trotskii, Троцкий]
    born: "1879-11-07"
    died: "1940-08-21"
    short: Revolutionary, founder of the Red Army, defeated by Stalin.
    roles: [People's Commissar for Army and Navy Affairs (1918-1925)]
    fate: Expelled from the party in 1927 and murdered in Mexico in 1940.
    sources: [kotkin2014]
"""
BIB = """\
@book{kotkin2014,
  author = {Kotkin, Stephen},
  title = {Stalin, Vol. I: Paradoxes of Power, 1878--1928},
  publisher = {Penguin Press},
  year = {2014}
}
"""
PAGE = """\
---
description: A page about the succession.
track: actual
---

# Succession

The troika kept Trotsky out. Trotsky fought the Troika again, as `Trotsky` in code.

## Later

Trotsky lost; the [troika](#later) link stays a link; the General Secretary won.

### Heading with Trotsky

A triumvirate is a troika.
"""


def build(fixture_site, people=PEOPLE):
    files = {
        "data/glossary.yml": GLOSSARY,
        "data/people.yml": people,
        "data/references.bib": BIB,
        "docs/index.md": PAGE,
    }
    return fixture_site(
        files,
        plugins=[
            "search",
            "divergence",
            {"bibtex": {"bib_file": "data/references.bib"}},
        ],
        markdown_extensions=[
            "attr_list",
            "footnotes",
            "toc",
            "admonition",
            "divergence.markdown.mentions",
        ],
        nav=["index.md", "glossary.md", "people.md"],
        extra_css=[],
    )


def test_first_mention_per_section_links_with_its_definition(fixture_site):
    site = build(fixture_site)
    assert site.logs == []
    article = site.soup("index.html").select_one("article")
    links = [(a.get_text(), a["href"], a["title"]) for a in article.select("a.dv-term")]
    assert links == [
        (
            "troika",
            "glossary/#troika",
            "Troika: The informal alliance of Zinoviev, Kamenev and Stalin against Trotsky.",
        ),
        (
            "Trotsky",
            "people/#trotsky",
            "Leon Trotsky: Revolutionary, founder of the Red Army, defeated by Stalin.",
        ),
        # A new section marks its first mentions again; the author's link is left alone.
        (
            "Trotsky",
            "people/#trotsky",
            "Leon Trotsky: Revolutionary, founder of the Red Army, defeated by Stalin.",
        ),
        (
            "General Secretary",
            "glossary/#general-secretary",
            "General Secretary: The head of the party's Secretariat, a post Stalin held from 1922.",
        ),
        # An alias counts as the entry; the link in this section did not use up its mention.
        (
            "triumvirate",
            "glossary/#troika",
            "Troika: The informal alliance of Zinoviev, Kamenev and Stalin against Trotsky.",
        ),
    ]
    # Headings and code are never marked; text around the links is kept whole.
    assert not article.select("h3 a.dv-term, code a.dv-term")
    assert "The troika kept Trotsky out. Trotsky fought the Troika again" in article.get_text()


def test_glossary_and_people_pages_list_entries_aliases_and_backlinks(fixture_site):
    site = build(fixture_site)
    glossary = site.soup("glossary/index.html").select_one("article")
    entries = [h.get("id") for h in glossary.select("h2") if h.get("id") != "cite-this-page"]
    assert entries == ["general-secretary", "troika"]
    troika = glossary.select_one("#troika").find_next("p")
    assert troika.get_text() == "Also: triumvirate, тройка"
    mentioned = glossary.select_one("#troika").find_next(class_="dv-mentions")
    assert [(a.get_text(), a["href"]) for a in mentioned.select("a")] == [
        ("Succession", "../"),
        ("Later", "../#later"),
    ]
    secretary = glossary.select_one("#general-secretary").find_next(class_="dv-mentions")
    assert [(a.get_text(), a["href"]) for a in secretary.select("a")] == [
        ("Succession", "../"),
        ("Later", "../#later"),
    ]
    people = site.soup("people/index.html").select_one("article")
    text = people.get_text(" ", strip=True)
    assert "Лев Давидович Троцкий · 7 November 1879 – 21 August 1940" in text
    assert "Also: Trotsky, Trotskii, Троцкий" in text
    # Each entry cites its sources through mkdocs-bibtex.
    assert people.select('a.footnote-ref[href="#fn:kotkin2014"]')


def test_search_index_holds_every_alias(fixture_site):
    import json

    site = build(fixture_site)
    index = json.loads((site.site_dir / "search" / "search_index.json").read_text())
    text = " ".join(doc["text"] for doc in index["docs"])
    for alias in ("тройка", "Троцкий", "Trotskii", "triumvirate"):
        assert alias in text


# ---- The indexes: A–Z bars, people by surname in two groups, readers' wording

GROUPED_PEOPLE = (
    PEOPLE
    + """\
  - id: kotkin
    name: Stephen Kotkin
    group: historian
    born: "1959-02-17"
    short: Historian of Stalin.
    sources: [kotkin2014]
  - id: bukharin
    name: Nikolai Bukharin
    born: "1888"
    died: "1938-03-15"
    short: Bolshevik theorist, shot in 1938.
    sources: [kotkin2014]
  - id: chiang-kai-shek
    name: Chiang Kai-shek
    surname: Chiang
    born: "1887"
    died: "1975-04-05"
    short: Leader of the Kuomintang.
    sources: [kotkin2014]
"""
)


def bar(nav):
    """An A–Z bar as (letter, href or None) pairs."""
    return [(item.get_text(), item.get("href")) for item in nav.select("a, span")]


def test_the_glossary_opens_with_an_a_to_z_bar_to_each_letters_first_entry(fixture_site):
    site = build(fixture_site)
    article = site.soup("glossary/index.html").select_one("article")
    navs = article.select("nav.dv-az")
    assert len(navs) == 1 and navs[0]["aria-label"] == "Glossary from A to Z"
    letters = bar(navs[0])
    assert [letter for letter, _ in letters] == list("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
    assert {letter: href for letter, href in letters if href} == {
        "G": "#general-secretary",
        "T": "#troika",
    }
    # Before the first entry, and out of the search index.
    first_entry = article.select_one("h2#general-secretary")
    assert first_entry in navs[0].find_all_next("h2")
    assert navs[0].has_attr("data-search-exclude")


def test_people_are_listed_by_surname_with_their_years_in_two_groups(fixture_site):
    site = build(fixture_site, people=GROUPED_PEOPLE)
    assert site.logs == []
    article = site.soup("people/index.html").select_one("article")
    headings = [
        (h.name, h.get("id"), h.get_text().rstrip("¶").strip())
        for h in article.select("h2, h3")
        if h.get("id") != "cite-this-page"
    ]
    assert headings == [
        ("h2", "people-of-the-history", "People of the history"),
        ("h3", "bukharin", "Bukharin, Nikolai (1888–1938)"),
        ("h3", "chiang-kai-shek", "Chiang Kai-shek (1887–1975)"),
        ("h3", "trotsky", "Trotsky, Leon (1879–1940)"),
        ("h2", "historians-and-authors", "Historians and authors"),
        ("h3", "kotkin", "Kotkin, Stephen (born 1959)"),
    ]
    # The introduction leads to each group.
    intro = article.select_one("h1").find_next("p")
    assert [(a.get_text(), a["href"]) for a in intro.select("a")] == [
        ("People of the history", "#people-of-the-history"),
        ("Historians and authors", "#historians-and-authors"),
    ]
    # Each group has its own bar; the name as written stays under the heading.
    bars = [bar(nav) for nav in article.select("nav.dv-az")]
    assert [[href for _, href in b if href] for b in bars] == [
        ["#bukharin", "#chiang-kai-shek", "#trotsky"],
        ["#kotkin"],
    ]
    assert "Leon Trotsky · Лев Давидович Троцкий" in article.get_text(" ", strip=True)
    # Links to an entry keep working: its anchor is its id, as before.
    index = site.soup("index.html").select_one('article a.dv-term[href="people/#trotsky"]')
    assert index is not None


def test_the_reader_pages_do_not_speak_of_data_files(fixture_site):
    """The editors' guide names data/*.yml; the Glossary and People pages speak to readers."""
    site = build(fixture_site)
    for rel in ("glossary/index.html", "people/index.html"):
        article = site.soup(rel).select_one("article")
        text = article.get_text(" ", strip=True)
        assert ".yml" not in text and "data/" not in text, rel
        assert article.select('a[href="../glossary.json"]'), rel
