"""Fixture sites: "Cite this page" at the end of every page, dated from git or the build."""

from __future__ import annotations

import json
from datetime import UTC, datetime

from sitebuild import commit

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


def citation(site, rel):
    """The section's heading and its two labelled blocks, as text."""
    section = site.soup(rel).select_one("article section.dv-cite")
    return {
        "heading": section.select_one("h2").get_text().rstrip("¶"),
        **{
            figure.figcaption.get_text(): figure.select_one("pre > code").get_text()
            for figure in section.select("figure")
        },
    }


def test_each_page_ends_with_its_citation_dated_by_its_last_commit(fixture_site, tmp_path):
    """Chicago and BibTeX, exactly, with the page's address and the date of its last commit."""
    commit(tmp_path / "project", PAGES, "2025-03-09T10:00:00+00:00")
    site = fixture_site(PAGES, **CONFIG)
    assert site.logs == []
    assert citation(site, "aftermath/economic-policy/index.html") == {
        "heading": "Cite this page",
        "Chicago": (
            'The Trotsky Succession editors. "Economic Policy." The Trotsky Succession. '
            f"Last modified March 9, 2025. {URL}."
        ),
        "BibTeX": (
            "@misc{trotskysuccession-aftermath-economic-policy,\n"
            "  author = {{The Trotsky Succession editors}},\n"
            "  title = {{Economic Policy}},\n"
            f"  howpublished = {{\\url{{{URL}}}}},\n"
            "  organization = {The Trotsky Succession},\n"
            "  year = {2025},\n"
            "  note = {Last updated 2025-03-09}\n"
            "}"
        ),
    }
    # A title with characters special in HTML and TeX: plain in Chicago, escaped in BibTeX.
    trade = citation(site, "trade/index.html")
    assert '"Trade & Aid {draft}." The Trotsky Succession.' in trade["Chicago"]
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
        assert [f["id"] for f in section.select("figure")] == ["cite-chicago", "cite-bibtex"]
        # Code blocks, which Material gives a copy button (content.code.copy).
        assert len(section.select("figure > pre > code")) == 2
        assert len(article.select("h1")) == 1
    assert site.soup("404.html").select(".dv-cite, #cite-this-page") == []
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
    assert note in {f"  note = {{Last updated {day.isoformat()}}}" for day in (before, after)}


def test_without_the_git_plugin_the_build_date_is_cited_silently(fixture_site, monkeypatch):
    """No git date at all in the page's meta: MkDocs' build date (SOURCE_DATE_EPOCH) instead."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(int(datetime(2027, 2, 3, tzinfo=UTC).timestamp())))
    config = {**CONFIG, "plugins": ["divergence"]}
    site = fixture_site(PAGES, **config)
    assert (site.logs, site.aborted) == ([], None)
    cited = citation(site, "aftermath/economic-policy/index.html")
    assert "Last modified February 3, 2027." in cited["Chicago"]
    assert "  year = {2027},\n  note = {Last updated 2027-02-03}\n}" in cited["BibTeX"]


def test_every_page_of_the_real_site_can_be_cited(real_site):
    """Each page but the 404 ends with its citation, giving its own published address."""
    for rel in real_site.html_files():
        soup = real_site.soup(rel)
        if rel == "404.html":
            assert soup.select(".dv-cite") == [], rel
            continue
        canonical = soup.select_one('link[rel="canonical"]')["href"]
        chicago = soup.select_one("article .dv-cite #cite-chicago code").get_text()
        assert chicago.endswith(f" {canonical}."), rel
        assert chicago.startswith('The Trotsky Succession editors. "'), rel
