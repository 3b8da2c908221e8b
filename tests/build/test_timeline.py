"""The dual-track timeline: lanes aligned by year, counterparts linked, era pages, open data."""

import csv
import io
import json

TIMELINE = """\
point_of_divergence: "1924-01-21"
themes:
  leadership: Party leadership
eras:
  - {id: succession, title: "The succession crisis, 1922–1925", start: "1922", end: "1925"}
  - {id: late-1920s, title: "The late 1920s, 1926–1929", start: "1926", end: "1929"}
events:
  - id: stalin-general-secretary
    date: "1922-04-03"
    track: actual
    title: Stalin elected General Secretary
    summary: The Central Committee elects Stalin to the new post.
    page: history.md#the-post
    themes: [leadership]
    sources: [kotkin2014]
  - id: trotsky-expelled
    date: "1927-11"
    track: actual
    title: Trotsky expelled from the party
    summary: Trotsky is expelled.
    themes: [leadership]
    sources: [kotkin2014]
    note: Sources give 12 or 14 November.
  - id: alt-stalin-removed
    date: "1924"
    track: alternate
    title: Stalin removed as General Secretary
    summary: In the essay, the Central Committee removes Stalin in mid-1924.
    page: history.md
    themes: [leadership]
    replaces: trotsky-expelled
"""
BIB = """\
@book{kotkin2014,
  author = {Kotkin, Stephen},
  title = {Stalin, Vol. I: Paradoxes of Power, 1878--1928},
  publisher = {Penguin Press},
  year = {2014}
}
"""
PAGES = {
    "docs/index.md": "---\ndescription: Home.\ntrack: reference\n---\n\n# Home\n\n[@kotkin2014]\n",
    "docs/history.md": (
        "---\ndescription: History.\ntrack: actual\n---\n\n# History\n\n## The post\n"
    ),
    "docs/timeline/index.md": (
        "---\ndescription: Timeline.\ntrack: divergence\n---\n\n# Timeline\n\n"
        "<!-- divergence:timeline -->\n"
    ),
}


def build(fixture_site):
    files = {**PAGES, "data/timeline.yml": TIMELINE, "data/references.bib": BIB}
    return fixture_site(
        files,
        plugins=[
            "search",
            "divergence",
            {"bibtex": {"bib_file": "data/references.bib"}},
        ],
        markdown_extensions=["attr_list", "footnotes", "toc", "divergence.markdown.timeline"],
    )


def test_lanes_are_aligned_by_year_with_the_point_of_divergence(fixture_site):
    site = build(fixture_site)
    assert site.logs == []
    table = site.soup("timeline/index.html").select_one("[data-divergence=timeline] table")
    assert [th.get_text() for th in table.select("thead th")] == [
        "Year",
        "What happened",
        "What might have happened",
    ]
    rows = [(r.get("id"), r.th.get_text(strip=True)) for r in table.select("tbody tr")]
    assert rows == [
        ("year-1922", "1922"),
        ("point-of-divergence", "1924"),
        ("year-1924", "1924"),
        ("year-1927", "1927"),
    ]
    first = table.select_one("#stalin-general-secretary")
    assert first.time["datetime"] == "1922-04-03"
    assert first.time.get_text() == "3 April 1922"
    assert first.select_one(".dv-event__title a")["href"] == "../history/#the-post"
    source = first.select_one(".dv-event__sources a")
    assert (source.get_text(), source["href"]) == (
        "Kotkin 2014",
        "../reading/bibliography/#kotkin2014",
    )
    alternate = table.select_one("#year-1924 .dv-timeline__lane--alternate #alt-stalin-removed")
    assert alternate.time.get_text() == "1924"


def test_counterparts_link_both_ways(fixture_site):
    site = build(fixture_site)
    index = site.soup("timeline/index.html")
    actual = index.select_one("#trotsky-expelled .dv-event__counterpart")
    assert actual.get_text(" ", strip=True) == (
        "Alternate history: Stalin removed as General Secretary"
    )
    assert actual.a["href"] == "#alt-stalin-removed"
    # On an era page, a counterpart in another era links to that era's page.
    era = site.soup("timeline/late-1920s/index.html")
    assert [e["id"] for e in era.select(".dv-event")] == ["trotsky-expelled"]
    link = era.select_one("#trotsky-expelled .dv-event__counterpart a")
    assert link["href"] == "../succession/#alt-stalin-removed"


def test_comparison_page_has_a_row_a_theme(fixture_site):
    site = build(fixture_site)
    table = site.soup("timeline/comparison/index.html").select_one("[data-divergence=comparison]")
    row = table.select_one("tr#leadership")
    assert row.th.get_text() == "Party leadership"
    lanes = [[a.get_text() for a in td.select("li > a:first-of-type")] for td in row.select("td")]
    assert lanes == [
        ["Stalin elected General Secretary", "Trotsky expelled from the party"],
        ["Stalin removed as General Secretary"],
    ]


def test_open_data_is_published(fixture_site):
    site = build(fixture_site)
    data = json.loads((site.site_dir / "timeline.json").read_text())
    assert data["point_of_divergence"] == "1924-01-21"
    assert [e["id"] for e in data["events"]] == [
        "stalin-general-secretary",
        "alt-stalin-removed",
        "trotsky-expelled",
    ]
    rows = list(csv.DictReader(io.StringIO((site.site_dir / "timeline.csv").read_text())))
    assert rows[2]["precision"] == "month" and rows[2]["note"] == "Sources give 12 or 14 November."
