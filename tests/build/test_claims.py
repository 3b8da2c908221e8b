"""Claim status and contrasts in built sites: the page default, markers, boxes, mistakes."""

from __future__ import annotations

import gzip
import re

from essay_text import normalise
from sitebuild import REPO

EXTENSIONS = [
    "admonition",
    "pymdownx.details",
    "divergence.markdown.contrast",
    "divergence.markdown.status",
]

ALTERNATE_PAGE = """\
---
description: What if.
track: alternate
status: speculation
---

# What if

*The editors' introduction.*

The essay's speculation.

/// status | documented
A documented passage [@kotkin2014].
///

!!! editor "Editor's note"

    A correction [@kotkin2014].

!!! commentary "Commentary written for the essay"

    Words attributed to a historian.

//// contrast | Who leads the party

/// actual
Stalin stays [@kotkin2014].
///

/// alternate
The essay imagines Trotsky.
///

////
"""

PAGES = {
    "docs/index.md": "---\ndescription: Home.\ntrack: reference\n---\n\n# Home\n\nText.\n",
    # No `status`: the track's default applies.
    "docs/actual.md": "---\ndescription: What happened.\ntrack: actual\n---\n\n# Actual\n",
    "docs/what-if.md": ALTERNATE_PAGE,
}


def test_the_page_default_is_shown_once_right_under_the_badge(fixture_site):
    site = fixture_site(PAGES, markdown_extensions=EXTENSIONS)
    assert site.logs == []
    expected = {
        "index.html": ("editorial", "Editorial note"),
        "actual/index.html": ("documented", "Documented history"),
        "what-if/index.html": ("speculation", "Counterfactual speculation"),
    }
    for rel, (status, label) in expected.items():
        article = site.soup(rel).select_one("article")
        [claims] = article.select(".dv-claims")
        assert claims["data-divergence-default-status"] == status
        assert claims.find_previous_sibling() is article.select_one("[data-divergence-track]")
        default = claims.select_one(".dv-claims__default")
        assert normalise(default.get_text()) == (
            f"Unless marked otherwise, passages on this page are: {label}."
        )
        icon = default.select_one(".dv-icon")
        assert icon["class"] == ["dv-icon", f"dv-icon--{status}"]
        assert icon["aria-hidden"] == "true"
        # This home page has no legend to link to.
        assert default.select_one("a") is None


def test_the_default_links_to_the_legend_when_the_home_page_has_it(fixture_site):
    pages = dict(PAGES)
    pages["docs/index.md"] += "\n## Kinds of claim\n\nThe legend.\n"
    pages["docs/deep/page.md"] = "---\ndescription: Deep.\ntrack: actual\n---\n\n# Deep\n"
    site = fixture_site(pages, markdown_extensions=EXTENSIONS)
    assert site.logs == []
    links = {
        rel: site.soup(rel).select_one(".dv-claims__default a")["href"]
        for rel in ("index.html", "what-if/index.html", "deep/page/index.html")
    }
    assert links == {
        "index.html": "./#kinds-of-claim",
        "what-if/index.html": "../#kinds-of-claim",
        "deep/page/index.html": "../../#kinds-of-claim",
    }


def test_the_filter_is_in_the_page_but_hidden_until_javascript_shows_it(fixture_site):
    """Without JavaScript no control that cannot work is shown, and nothing is hidden."""
    site = fixture_site(PAGES, markdown_extensions=EXTENSIONS)
    claims = site.soup("what-if/index.html").select_one(".dv-claims")
    details = claims.select_one("details.dv-claims__filter")
    assert details.has_attr("hidden")
    buttons = details.select("button")
    assert [(b.get("value"), b["aria-pressed"]) for b in buttons] == [
        ("documented", "false"),
        ("interpretation", "false"),
        ("speculation", "false"),
        ("editorial", "false"),
        (None, "false"),
    ]
    hide = buttons[-1]
    assert hide.get_text(strip=True) == "Hide the others"
    assert hide.has_attr("disabled") and hide.has_attr("data-divergence-hide")
    assert not site.soup("what-if/index.html").select(".dv-off, [hidden]:not(details)")


def test_marked_passages_carry_their_status_and_a_marker(fixture_site):
    """Blocks open with a marker; editor's notes are documented (in the editors' voice),
    commentary is speculation."""
    site = fixture_site(PAGES, markdown_extensions=EXTENSIONS)
    article = site.soup("what-if/index.html").select_one("article")
    marked = [
        (element.name, element.get("class"), element["data-divergence-status"])
        for element in article.select("[data-divergence-status]")
    ]
    assert marked == [
        ("p", None, "editorial"),  # the italic introduction
        ("div", ["dv-status"], "documented"),
        ("div", ["admonition", "editor"], "documented"),
        ("div", ["admonition", "commentary"], "speculation"),
        ("div", ["dv-contrast__side", "dv-contrast__side--actual"], "documented"),
        ("div", ["dv-contrast__side", "dv-contrast__side--alternate"], "speculation"),
    ]
    block = article.select_one(".dv-status")
    assert block["role"] == "group"
    marker = block.select_one(".dv-claim")
    assert block["aria-labelledby"] == marker["id"]
    assert marker.get_text() == "Documented history"
    contrast = article.select_one("section.dv-contrast")
    title = contrast.select_one(".dv-contrast__title")
    assert contrast["aria-labelledby"] == title["id"]
    assert title.get_text() == "Who leads the party"
    labels = [label.get_text() for label in contrast.select(".dv-contrast__label")]
    assert labels == ["Actual history", "Alternate history"]
    # Nothing is left for rule BL002 on a correct page.
    assert not article.select("[data-divergence-problem]")


def test_an_invalid_contrast_is_reported_by_the_build_then_fails_it(fixture_site):
    """Never a silent fallback: each mistake is a warning with path:line, then --strict fails."""
    pages = dict(PAGES)
    pages["docs/bad.md"] = (
        "---\ndescription: Mistakes.\ntrack: alternate\n---\n\n# Bad\n\n"
        "//// contrast\n/// actual\nStalin stays.\n///\n////\n\n"
        "/// alternate\nAlone.\n///\n\n"
        "/// status | speculative\nText.\n///\n"
    )
    site = fixture_site(
        pages, markdown_extensions=EXTENSIONS, plugins=["divergence", "divergence/checks"]
    )
    assert site.logs == [
        "WARNING:docs/bad.md:8:1: BL002 the contrast has no title; write it after a bar: "
        "'//// contrast | Who leads the party'",
        "WARNING:docs/bad.md:8:1: BL002 the contrast needs an 'actual' side, then an "
        "'alternate' side (found: actual); open each with '/// actual' or '/// alternate' and "
        "close it with '///'",
        # The actual side is documented history, and cites nothing.
        "WARNING:docs/bad.md:10:1: CL001 documented passage 'Stalin stays.' cites no source; "
        "add [@key] or mark it with its real status (/// status | interpretation)",
        "WARNING:docs/bad.md:14:1: BL002 '/// alternate' is outside a contrast; put both sides "
        "inside '//// contrast | Title' ... '////'",
        "WARNING:docs/bad.md:18:1: BL002 unknown claim status 'speculative' (did you mean "
        "'speculation'?); use one of: documented, interpretation, speculation, editorial",
    ]
    assert site.aborted == "Aborted with 5 warnings in strict mode!"
    # The text is all there, not dropped.
    text = site.soup("bad/index.html").select_one("article").get_text()
    assert "Stalin stays." in text and "Alone." in text


def test_the_404_page_has_no_claim_status(fixture_site):
    site = fixture_site(PAGES, markdown_extensions=EXTENSIONS)
    assert site.soup("404.html").select(".dv-claims") == []


def test_our_own_css_and_javascript_stay_within_6_kb_gzip(real_site):
    """DESIGN.md's budget, as a page serves them: each file compressed on its own."""
    page = real_site.soup("index.html")
    ours = [
        *(link["href"] for link in page.select("link[rel=stylesheet]")),
        *(script["src"] for script in page.select("script[src]")),
    ]
    # Material's own files carry a content hash in their names.
    ours = [url for url in ours if not re.search(r"\.[0-9a-f]{8}\.min\.", url)]
    # Our scripts (claims.js, tooltips.js) are served as one file (divergence/assets).
    assert sorted(ours) == ["assets/javascripts/divergence.js", "assets/stylesheets/divergence.css"]
    served = {url: (real_site.site_dir / url).read_bytes() for url in ours}
    served["inline lazy search"] = page.select_one("script#dv-lazy-search").string.encode()
    sizes = {name: len(gzip.compress(data, 9)) for name, data in served.items()}
    assert sum(sizes.values()) <= 6 * 1024, sizes


# ---- The real site


def test_every_page_states_its_default_status_from_its_front_matter(real_site):
    from divergence.site.claims import page_default
    from divergence.site.frontmatter import read_front_matter

    for path in sorted((REPO / "docs").rglob("*.md")):
        rel = path.relative_to(REPO / "docs").as_posix()
        built = "index.html" if rel == "index.md" else rel.removesuffix(".md") + "/index.html"
        built = built.replace("/index/index.html", "/index.html")
        meta = {k: f.value for k, f in read_front_matter(path.read_text("utf-8")).fields.items()}
        [claims] = real_site.soup(built).select("article .dv-claims")
        assert claims["data-divergence-default-status"] == page_default(meta).id, rel
    # Every page of the essay, the guide and the reference says it in its front matter
    # (the timeline's pages, generated or kept by the timeline's editors, may rely on the
    # track's default).
    for path in sorted((REPO / "docs").rglob("*.md")):
        if not path.relative_to(REPO / "docs").as_posix().startswith("timeline/"):
            assert "status" in read_front_matter(path.read_text("utf-8")).fields, path


def test_the_legend_is_on_the_home_page_and_in_the_conventions(real_site):
    labels = [
        "Documented history",
        "Historians' interpretation",
        "Counterfactual speculation",
        "Editorial note",
    ]
    for rel in ("index.html", "contributing/conventions/index.html"):
        article = real_site.soup(rel).select_one("article")
        markers = [marker.get_text() for marker in article.select(".dv-status > .dv-claim")]
        assert markers[:4] == labels, rel
        assert "Highlight a kind of claim" in article.get_text()
    assert real_site.soup("index.html").select_one("h2#kinds-of-claim") is not None


ARGUMENT_PAGES = [
    f"{part}/{name}/index.html"
    for part, names in {
        "aftermath": ["party-dynamics", "economic-policy", "foreign-relations", "culture-society"],
        "impact": ["governance", "economy", "world-war-ii", "cold-war", "survival"],
    }.items()
    for name in names
]


def test_each_page_of_the_argument_opens_with_a_sourced_contrast(real_site):
    """After the editors' introduction: the actual side cited, the alternate the essay's."""
    for rel in ARGUMENT_PAGES:
        article = real_site.soup(rel).select_one("article")
        introduction = article.select_one("h1").find_next_sibling()
        assert introduction["data-divergence-status"] == "editorial", rel
        contrast = introduction.find_next_sibling()
        assert contrast.name == "section" and "dv-contrast" in contrast["class"], rel
        actual, alternate = contrast.select(".dv-contrast__side")
        assert actual.select("sup[id^='fnref']"), f"{rel}: the actual side cites nothing"
        text = normalise(alternate.get_text())
        assert text.startswith("Alternate history The essay "), rel
        for side in (actual, alternate):
            sentences = normalise(side.get_text()).count(". ")
            assert 1 <= sentences <= 3, f"{rel}: keep each side to two or three sentences"


def test_claims_script_is_loaded_on_every_page(real_site):
    # But the single-page essay, a document to print or save, which loads no script.
    for rel in real_site.html_files():
        if rel == "print/index.html":
            assert real_site.soup(rel).select("script[src]") == []
            continue
        scripts = [s.get("src", "") for s in real_site.soup(rel).select("script[src]")]
        assert any(src.endswith("assets/javascripts/divergence.js") for src in scripts), rel
