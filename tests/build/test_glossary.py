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


def build(fixture_site):
    files = {
        "data/glossary.yml": GLOSSARY,
        "data/people.yml": PEOPLE,
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
