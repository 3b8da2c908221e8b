"""Fixture sites: "Cite this page" in four styles at the end of every page, linked from its
top, dated from git or the build."""

from __future__ import annotations

import json
from datetime import UTC, datetime

from divergence.site import load_site
from divergence.site.glossary import PEOPLE
from sitebuild import REPO, commit

PAGES = {
    "docs/index.md": "---\ndescription: Home.\ntrack: reference\n---\n# Home\n\nText.\n",
    "docs/aftermath/economic-policy.md": (
        "---\ndescription: The economy.\ntrack: alternate\n---\n# Economic Policy\n\nPlans.\n"
    ),
    "docs/trade.md": "---\ndescription: Trade.\ntrack: actual\n---\n# Trade & Aid {draft}\n",
}
CONFIG = {
    "site_name": "The Trotsky Succession",
    "site_author": "The Trotsky Succession editors",
    "site_url": "https://example.org/trotsky-succession/",
    "plugins": [
        "search",
        "divergence",
    ],
}
URL = "https://example.org/trotsky-succession/aftermath/economic-policy/"
STYLES = ["Chicago (17th edition)", "APA (7th edition)", "MLA (9th edition)", "BibTeX"]
PROVENANCE = "Essay reproduced as received, author not named, with the editors' notes"


def citation(site, rel):
    """The section's heading and its labelled blocks, as text."""
    section = site.soup(rel).select_one("article section.dv-cite")
    return {
        "heading": section.select_one("h2").get_text().rstrip("¶"),
        **{
            figure.figcaption.get_text(): figure.select_one("pre > code").get_text()
            for figure in section.select("figure")
        },
    }


def test_each_page_ends_with_its_citation_dated_by_its_last_commit(fixture_site, tmp_path):
    """Four styles, exactly, with the page's address, the date of its last commit and, on a
    page of the essay (its unmarked passages are not the editors'), where the essay is from."""
    commit(tmp_path / "project", PAGES, "2025-03-09T10:00:00+00:00")
    site = fixture_site(PAGES, **CONFIG)
    assert site.logs == []
    assert citation(site, "aftermath/economic-policy/index.html") == {
        "heading": "Cite this page",
        "Chicago (17th edition)": (
            'The Trotsky Succession editors. "Economic Policy." The Trotsky Succession. '
            f"{PROVENANCE}. Last modified March 9, 2025. {URL}."
        ),
        "APA (7th edition)": (
            f"The Trotsky Succession editors. (2025, March 9). Economic policy [{PROVENANCE}]. "
            f"The Trotsky Succession. {URL}"
        ),
        "MLA (9th edition)": (
            'Trotsky Succession editors. "Economic Policy." The Trotsky Succession, '
            f"9 Mar. 2025, example.org/trotsky-succession/aftermath/economic-policy/. "
            f"{PROVENANCE}."
        ),
        "BibTeX": (
            "@misc{trotskysuccession-aftermath-economic-policy,\n"
            "  author = {{The Trotsky Succession editors}},\n"
            "  title = {{Economic Policy}},\n"
            f"  howpublished = {{\\url{{{URL}}}}},\n"
            "  organization = {The Trotsky Succession},\n"
            "  year = {2025},\n"
            f"  note = {{{PROVENANCE}. Last updated 2025-03-09}}\n"
            "}"
        ),
    }
    # The home page is the editors' (track: reference): no provenance in any style.
    home = citation(site, "index.html")
    assert all(PROVENANCE not in home[style] for style in STYLES)
    # Titled with the site's name, it is cited as the website, the name kept as it is.
    assert home["APA (7th edition)"] == (
        "The Trotsky Succession editors. (2025, March 9). The Trotsky Succession. "
        "https://example.org/trotsky-succession/"
    )
    # A title with characters special in HTML and TeX: plain in Chicago, escaped in BibTeX.
    trade = citation(site, "trade/index.html")
    assert '"Trade & Aid {draft}." The Trotsky Succession.' in trade["Chicago (17th edition)"]
    assert r"  title = {{Trade \& Aid \{draft\}}}," in trade["BibTeX"]
    assert trade["BibTeX"].startswith("@misc{trotskysuccession-trade,\n")
    assert citation(site, "index.html")["BibTeX"].startswith("@misc{trotskysuccession,\n")


def test_the_section_is_a_labelled_h2_after_the_content_and_not_on_the_404_page(
    fixture_site,
):
    site = fixture_site(PAGES, **CONFIG)
    assert site.logs == []
    for rel in ("index.html", "aftermath/economic-policy/index.html", "trade/index.html"):
        article = site.soup(rel).select_one("article")
        sections = article.select("section.dv-cite")
        assert len(sections) == 1, rel
        section = sections[0]
        heading = section.select_one("h2#cite-this-page")
        assert heading is not None and section["aria-labelledby"] == "cite-this-page"
        assert section.find_next_sibling() is None, f"{rel}: the citation is not last"
        assert [f["id"] for f in section.select("figure")] == [
            "cite-chicago",
            "cite-apa",
            "cite-mla",
            "cite-bibtex",
        ]
        assert [f.figcaption.get_text() for f in section.select("figure")] == STYLES
        # Code blocks, which Material gives a copy button (content.code.copy).
        assert len(section.select("figure > pre > code")) == 4
        assert len(article.select("h1")) == 1
        # Reachable from the top: a link beside the title, before it in reading order.
        top = article.select("a.dv-cite-link")
        assert [a["href"] for a in top] == ["#cite-this-page"], rel
        assert top[0].get_text(strip=True) == "Cite this page"
        assert article.select_one("h1") in top[0].find_all_next("h1"), rel
    assert site.soup("404.html").select(".dv-cite, #cite-this-page, .dv-cite-link") == []
    # The section comes from the template, not the page's Markdown: search does not index it.
    index = (site.site_dir / "search" / "search_index.json").read_text(encoding="utf-8")
    assert "Cite this page" not in index and "@misc" not in index
    assert len(json.loads(index)["docs"]) > 0


def test_a_page_without_git_history_is_cited_with_the_build_date_silently(fixture_site):
    """Outside a repository the git plugin falls back to the build date, logged at INFO."""
    before = datetime.now(UTC).date()
    site = fixture_site(PAGES, **CONFIG)
    after = datetime.now(UTC).date()
    assert (site.logs, site.aborted) == ([], None)
    note = citation(site, "aftermath/economic-policy/index.html")["BibTeX"].splitlines()[-2]
    assert note in {
        f"  note = {{{PROVENANCE}. Last updated {day.isoformat()}}}" for day in (before, after)
    }


def test_without_the_git_plugin_the_build_date_is_cited_silently(fixture_site, monkeypatch):
    """No git date at all in the page's meta: MkDocs' build date (SOURCE_DATE_EPOCH) instead."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(int(datetime(2027, 2, 3, tzinfo=UTC).timestamp())))
    config = {**CONFIG, "plugins": ["divergence"]}
    site = fixture_site(PAGES, **config)
    assert (site.logs, site.aborted) == ([], None)
    cited = citation(site, "aftermath/economic-policy/index.html")
    assert "Last modified February 3, 2027." in cited["Chicago (17th edition)"]
    assert "(2027, February 3)." in cited["APA (7th edition)"]
    assert ", 3 Feb. 2027, " in cited["MLA (9th edition)"]
    assert "  year = {2027},\n" in cited["BibTeX"]
    assert "Last updated 2027-02-03}\n}" in cited["BibTeX"]


def test_a_section_is_cited_by_its_own_address(fixture_site):
    """The section says how, with the page's first section as the example."""
    pages = {**PAGES, "docs/trade.md": PAGES["docs/trade.md"] + "\n## Grain exports\n\nText.\n"}
    site = fixture_site(pages, **CONFIG)
    how = site.soup("trade/index.html").select("section.dv-cite > p")[-1]
    assert "give its own address in place of the page's" in how.get_text(" ", strip=True)
    example = how.select_one("a")
    assert (example["href"], example.get_text()) == (
        "#grain-exports",
        "https://example.org/trotsky-succession/trade/#grain-exports",
    )
    assert site.soup("trade/index.html").select_one("h2#grain-exports") is not None
    # A page without sections has no example, but the same advice.
    how = site.soup("aftermath/economic-policy/index.html").select("section.dv-cite > p")[-1]
    assert how.select("a") == []
    assert "the ¶ link beside each heading" in " ".join(how.get_text().split())


def test_every_page_of_the_real_site_offers_four_styles_from_its_top(real_site):
    """Each page but the 404 links to its citation beside its title and ends with it in four
    styles, each giving the page's own published address; the essay's pages (whose unmarked
    passages are not the editors') say where the essay comes from, the others do not."""
    essay_pages = 0
    for rel in real_site.html_files():
        soup = real_site.soup(rel)
        if rel == "404.html":
            assert soup.select(".dv-cite, .dv-cite-link") == [], rel
            continue
        article = soup.select_one("article")
        assert [a["href"] for a in article.select("a.dv-cite-link")] == ["#cite-this-page"], rel
        canonical = soup.select_one('link[rel="canonical"]')["href"]
        forms = {
            f.figcaption.get_text(): f.select_one("pre > code").get_text()
            for f in article.select(".dv-cite figure")
        }
        assert list(forms) == STYLES, rel
        chicago, apa, mla, bibtex = forms.values()
        assert chicago.endswith(f" {canonical}."), rel
        assert chicago.startswith("The Trotsky Succession editors. "), rel
        assert apa.startswith("The Trotsky Succession editors. ("), rel
        assert apa.endswith(f" {canonical}"), rel
        assert mla.startswith("Trotsky Succession editors. "), rel
        # Every page but the home page (the website itself) names its own title.
        assert chicago.startswith('The Trotsky Succession editors. "') != (rel == "index.html")
        assert f", {canonical.split('://', 1)[1]}." in mla, rel
        assert f"\\url{{{canonical}}}" in bibtex, rel
        status = soup.select_one("[data-divergence-default-status]")
        essay = status is not None and status["data-divergence-default-status"] != "editorial"
        essay_pages += essay
        for text in forms.values():
            assert (PROVENANCE in text) == essay, (rel, text)
    assert essay_pages > 0


def test_apa_keeps_a_persons_name_in_a_pages_title(real_site):
    """A page titled with a name from data/people.yml keeps its capitals in APA's sentence
    case ("Stephen Kotkin", not "Stephen kotkin")."""
    people = {e.title for e in load_site(REPO).glossary.entries if e.kind is PEOPLE}
    titled = 0
    for rel in real_site.html_files():
        soup = real_site.soup(rel)
        h1 = soup.select_one("article h1")
        if h1 is None or h1.get_text().rstrip("¶").strip() not in people:
            continue
        titled += 1
        name = h1.get_text().rstrip("¶").strip()
        assert f"). {name} [" in soup.select_one("#cite-apa code").get_text(), rel
    assert titled > 0
