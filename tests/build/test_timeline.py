"""The dual-track timeline: a row group a year, one history before the point of divergence,
pairs aligned, a year and era index, the comparison paired by theme, essay pages listing
their events, era pages, open data."""

import csv
import io
import json
import re

from mkdocs.utils.yaml import yaml_load

from divergence.site import load_site
from sitebuild import REPO

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
  - id: conference
    date: "1924-01-16"
    end: "1924-01-18"
    track: actual
    title: The Thirteenth Party Conference
    summary: The conference condemns the opposition.
    page: history.md
    themes: [leadership]
    sources: [kotkin2014]
  - id: alt-stalin-removed
    date: "1924"
    track: alternate
    title: Stalin removed as General Secretary
    summary: In the essay, the Central Committee removes Stalin in mid-1924.
    page: history.md#the-post
    themes: [leadership]
    replaces: congress
    after: alt-public
  - id: alt-public
    date: "1924-05"
    track: alternate
    title: The Testament read to the congress
    summary: The Letter is read to the whole congress.
    page: history.md
    themes: [leadership]
    replaces: withheld
  - id: withheld
    date: "1924-05-21"
    track: actual
    title: The Central Committee withholds the Testament
    summary: The plenum decides not to read the Letter in plenary session.
    page: history.md
    themes: [leadership]
    sources: [kotkin2014]
  - id: congress
    date: "1924-05-23"
    end: "1924-05-31"
    track: actual
    title: The Thirteenth Congress keeps Stalin
    summary: The congress keeps Stalin as General Secretary.
    page: history.md#the-post
    themes: [leadership]
    sources: [kotkin2014]
  - id: trotsky-expelled
    date: "1927-11"
    track: actual
    title: Trotsky expelled from the party
    summary: Trotsky is expelled.
    page: history.md
    themes: [leadership]
    sources: [kotkin2014]
    note: Sources give 12 or 14 November.
  - id: alt-new
    date: "1927"
    track: alternate
    title: A new event
    summary: Something the essay adds.
    page: history.md
    themes: [leadership]
    new: true
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
        "---\ndescription: History.\ntrack: actual\n---\n\n# History\n\n## The post\n\n"
        "Text [@kotkin2014].\n\n<!-- divergence:events page=history.md -->\n\n"
        "## Questions for discussion\n"
    ),
    "docs/timeline/index.md": (
        "---\ndescription: Timeline.\ntrack: divergence\n---\n\n# Timeline\n\n"
        "<!-- divergence:timeline -->\n"
    ),
}


def build(fixture_site, timeline=TIMELINE, pages=PAGES, checks=False):
    files = {**pages, "data/timeline.yml": timeline, "data/references.bib": BIB}
    return fixture_site(
        files,
        strict=not checks,
        plugins=[
            "search",
            "divergence",
            *(["divergence/checks"] if checks else []),
            {"bibtex": {"bib_file": "data/references.bib"}},
        ],
        markdown_extensions=["attr_list", "footnotes", "toc", "divergence.markdown.timeline"],
    )


def rows(table):
    """Each row of the table: its kind, then the event ids in each of its cells."""
    found = []
    for tr in table.select("tbody > tr"):
        kind = tr["class"][0].removeprefix("dv-timeline__")
        cells = [[li["id"] for li in td.select("li.dv-event")] for td in tr.select("td")]
        found.append((kind, tr.get("id"), [c for c in cells if c] or None))
    return found


def test_a_row_group_a_year_one_history_before_the_divergence_then_pairs(fixture_site):
    site = build(fixture_site)
    assert site.logs == []
    table = site.soup("timeline/index.html").select_one("[data-divergence=timeline] table")
    assert [th.get_text() for th in table.select("thead th")] == [
        "Actual history",
        "Alternate history",
    ]
    assert rows(table) == [
        ("era", "era-succession", None),
        ("group", "year-1922", None),
        ("shared", None, [["stalin-general-secretary"]]),
        ("group", "year-1924", None),
        ("shared", None, [["conference"]]),
        ("divergence", "point-of-divergence", None),
        ("pair", None, [["withheld"], ["alt-public"]]),
        ("pair", None, [["congress"], ["alt-stalin-removed"]]),
        ("era", "era-late-1920s", None),
        ("group", "year-1927", None),
        ("lanes", None, [["trotsky-expelled"], ["alt-new"]]),
    ]
    # The shared cell spans both lanes; the year is printed once.
    assert table.select_one(".dv-timeline__shared td")["colspan"] == "2"
    assert [th.get_text(strip=True) for th in table.select(".dv-timeline__group th")] == [
        "1922",
        "1924",
        "1927",
    ]
    lanes = table.select(".dv-timeline__pair td")
    assert [td["data-label"] for td in lanes[:2]] == ["Actual history", "Alternate history"]


def test_events_have_compact_dates_their_section_and_sources(fixture_site):
    site = build(fixture_site)
    index = site.soup("timeline/index.html")
    congress = index.select_one("#congress")
    assert congress.time["datetime"] == "1924-05-23"
    assert congress.time.get_text() == "23–31 May 1924"
    assert index.select_one("#conference time").get_text() == "16–18 January 1924"
    discussed = congress.select_one(".dv-event__page")
    assert discussed.get_text(" ", strip=True) == "Discussed in History: The post ."
    assert discussed.a["href"] == "../history/#the-post"
    # Without an anchor, the page's title.
    assert index.select_one("#withheld .dv-event__page a").get_text() == "History"
    source = congress.select_one(".dv-event__sources a")
    assert (source.get_text(), source["href"]) == (
        "Kotkin 2014",
        "../reading/bibliography/#kotkin2014",
    )


def test_counterparts_link_both_ways_in_the_sites_vocabulary(fixture_site):
    site = build(fixture_site)
    index = site.soup("timeline/index.html")
    actual = index.select_one("#congress .dv-event__counterpart")
    assert actual.get_text(" ", strip=True) == (
        "Alternate history: replaced by Stalin removed as General Secretary (1924)"
    )
    assert actual.a["href"] == "#alt-stalin-removed"
    alternate = index.select_one("#alt-stalin-removed .dv-event__counterpart")
    assert alternate.get_text(" ", strip=True) == (
        "Actual history: replaces The Thirteenth Congress keeps Stalin (23–31 May 1924)"
    )
    new = index.select_one("#alt-new .dv-event__counterpart").get_text(" ", strip=True)
    assert new.startswith("New in the alternate history")
    text = index.select_one("[data-divergence=timeline]").get_text(" ")
    for retired in ("In our timeline", "In the alternate timeline", "What might have happened"):
        assert retired not in text


def test_the_index_jumps_to_years_and_eras(fixture_site):
    site = build(fixture_site)
    index = site.soup("timeline/index.html").select_one("nav.dv-timeline__index")
    links = [(a.get_text(), a["href"]) for a in index.select("a")]
    assert links == [
        ("1922", "#year-1922"),
        ("1924", "#year-1924"),
        ("1927", "#year-1927"),
        ("The succession crisis, 1922–1925", "#era-succession"),
        ("The late 1920s, 1926–1929", "#era-late-1920s"),
    ]
    # On an era page: its own years, the other eras' pages, and the whole timeline.
    era = site.soup("timeline/late-1920s/index.html")
    links = [(a.get_text(), a["href"]) for a in era.select("nav.dv-timeline__index a")]
    assert links == [
        ("1927", "#year-1927"),
        ("The succession crisis, 1922–1925", "../succession/"),
        ("The late 1920s, 1926–1929", "#year-1927"),
        ("All years", "../"),
    ]
    assert era.select_one("nav.dv-timeline__index [aria-current=page]").get_text() == (
        "The late 1920s, 1926–1929"
    )
    assert [e["id"] for e in era.select(".dv-event")] == ["trotsky-expelled", "alt-new"]


def test_the_comparison_pairs_each_actual_event_with_what_replaces_it(fixture_site):
    site = build(fixture_site)
    table = site.soup("timeline/comparison/index.html").select_one("[data-divergence=comparison]")
    group = table.select_one("tr#leadership").parent
    assert group.select_one("th").get_text() == "Party leadership"
    titles = [
        [[li.a.get_text() for li in td.select("li")] for td in tr.select("td")]
        for tr in group.select("tr.dv-timeline__pair, tr.dv-timeline__lanes")
    ]
    assert titles == [
        [["The Central Committee withholds the Testament"], ["The Testament read to the congress"]],
        [["The Thirteenth Congress keeps Stalin"], ["Stalin removed as General Secretary"]],
        [
            [
                "Stalin elected General Secretary",
                "The Thirteenth Party Conference",
                "Trotsky expelled from the party",
            ],
            ["A new event"],
        ],
    ]
    discussed = group.select_one(".dv-event__page")
    assert discussed.get_text(" ", strip=True) == "; discussed in History"
    assert discussed.a["href"] == "../../history/"
    assert "(discussed)" not in table.get_text()


def test_an_essay_page_lists_its_events_by_lane_before_its_questions(fixture_site):
    site = build(fixture_site)
    page = site.soup("history/index.html")
    section = page.select_one("section.dv-page-events")
    assert section.find_next_sibling("h2").get_text(strip=True) == "Questions for discussion"
    lanes = {
        lane.select_one(".dv-page-events__label").get_text(): [
            (li.time.get_text(), li.a.get_text(), li.a["href"]) for li in lane.select("li")
        ]
        for lane in section.select(".dv-page-events__lane")
    }
    assert lanes == {
        "Actual history": [
            (
                "3 April 1922",
                "Stalin elected General Secretary",
                "../timeline/succession/#stalin-general-secretary",
            ),
            (
                "16–18 January 1924",
                "The Thirteenth Party Conference",
                "../timeline/succession/#conference",
            ),
            (
                "21 May 1924",
                "The Central Committee withholds the Testament",
                "../timeline/succession/#withheld",
            ),
            (
                "23–31 May 1924",
                "The Thirteenth Congress keeps Stalin",
                "../timeline/succession/#congress",
            ),
            (
                "November 1927",
                "Trotsky expelled from the party",
                "../timeline/late-1920s/#trotsky-expelled",
            ),
        ],
        "Alternate history": [
            (
                "May 1924",
                "The Testament read to the congress",
                "../timeline/succession/#alt-public",
            ),
            (
                "1924",
                "Stalin removed as General Secretary",
                "../timeline/succession/#alt-stalin-removed",
            ),
            ("1927", "A new event", "../timeline/late-1920s/#alt-new"),
        ],
    }
    # The heading is in the page's table of contents.
    assert page.select_one("nav.md-nav--secondary a[href='#on-the-timeline']") is not None


def test_a_marker_naming_no_page_or_era_of_the_data_is_reported_at_its_line(fixture_site):
    pages = {
        **PAGES,
        "docs/history.md": PAGES["docs/history.md"].replace("page=history.md", "page=elsewhere.md"),
        "docs/timeline/index.md": PAGES["docs/timeline/index.md"].replace(
            "divergence:timeline -->", "divergence:timeline era=late-1902s -->"
        ),
    }
    site = build(fixture_site, pages=pages, checks=True)
    section = site.soup("history/index.html").select_one("section.dv-page-events")
    assert section["data-divergence-source"] == "<!-- divergence:events page=elsewhere.md -->"
    shown = site.soup("timeline/index.html").select_one("p.dv-timeline")
    assert shown.get_text() == "The timeline cannot be shown: there is no era 'late-1902s'."
    assert site.logs == [
        "WARNING:docs/history.md:12:1: BL002 no event of data/timeline.yml has 'page: "
        "elsewhere.md'; check the page named in the marker",
        "WARNING:docs/timeline/index.md:8:1: BL002 no era 'late-1902s' in data/timeline.yml"
        " (did you mean 'late-1920s'?); the eras are listed under 'eras:'",
    ]


def test_open_data_is_published_in_the_sites_order(fixture_site):
    site = build(fixture_site)
    data = json.loads((site.site_dir / "timeline.json").read_text())
    assert data["point_of_divergence"] == "1924-01-21"
    assert [e["id"] for e in data["events"]] == [
        "stalin-general-secretary",
        "conference",
        "alt-public",
        "alt-stalin-removed",
        "withheld",
        "congress",
        "alt-new",
        "trotsky-expelled",
    ]
    rows = list(csv.DictReader(io.StringIO((site.site_dir / "timeline.csv").read_text())))
    expelled = rows[-1]
    assert (
        expelled["precision"] == "month" and expelled["note"] == "Sources give 12 or 14 November."
    )
    assert rows[3]["after"] == "alt-public"
    # Reused data says which history is speculation, as the rendered lanes do.
    assert {(e["track"], e["status"]) for e in data["events"]} == {
        ("actual", "documented"),
        ("alternate", "speculation"),
    }
    assert [row["status"] for row in rows] == [e["status"] for e in data["events"]]


# The site's own essay pages: their parts are the nav entries titled with one of the
# essay's headings (as in test_study_layer), read without building anything.
ESSAY = (REPO / "tests" / "fixtures" / "essay.txt").read_text(encoding="utf-8")
with (REPO / "mkdocs.yml").open(encoding="utf-8") as config:
    NAV = yaml_load(config)["nav"]


def _titled(items):
    for item in items:
        for title, target in item.items() if isinstance(item, dict) else ():
            yield from _titled(target) if isinstance(target, list) else [(title, target)]


def test_every_essay_page_lists_its_own_events_before_its_questions():
    headings = {line.strip() for line in ESSAY.splitlines() if line.strip()}
    parts = [path for title, path in _titled(NAV) if title in headings]
    assert len(parts) > 5
    timeline = load_site(REPO).timeline
    for path in parts:
        text = (REPO / "docs" / path).read_text(encoding="utf-8")
        markers = re.findall(r"^<!-- divergence:events page=(\S+) -->$", text, re.M)
        assert markers == [path], f"{path}: its events marker must name the page itself"
        questions = text.find("\n## Questions for discussion")
        if questions != -1:
            assert text.index("<!-- divergence:events") < questions, path
        assert any(e.page_path == path for e in timeline.events), f"{path} has no event"
