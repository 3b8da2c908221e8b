"""Fixture sites: the track badge on every page, and front-matter errors in the build log."""

PAGES = {
    "docs/index.md": "---\ndescription: Home.\ntrack: reference\n---\n\n# Home\n\nText.\n",
    "docs/actual.md": "---\ndescription: What happened.\ntrack: actual\n---\n\n# Actual\n",
    "docs/fork.md": "---\ndescription: The turn.\ntrack: divergence\n---\n\n# Fork\n",
    "docs/what-if.md": "---\ndescription: What if.\ntrack: alternate\n---\n\n# What if\n",
}


def test_each_track_has_its_labelled_badge_before_the_content(fixture_site):
    """The badge names the track in text, with an icon hidden from screen readers. It comes
    before the page's heading, except on the home page, whose title comes first."""
    site = fixture_site(PAGES)
    assert site.logs == []
    expected = {
        "index.html": ("reference", "Reference"),
        "actual/index.html": ("actual", "Actual history"),
        "fork/index.html": ("divergence", "Point of divergence"),
        "what-if/index.html": ("alternate", "Alternate history"),
    }
    for rel, (track, label) in expected.items():
        article = site.soup(rel).select_one("article")
        badges = article.select("[data-divergence-track]")
        assert [badge["data-divergence-track"] for badge in badges] == [track], rel
        badge = badges[0]
        assert badge.name == "aside"
        assert badge["aria-label"] == "Which history this page describes"
        assert badge.select_one(".dv-track__label").get_text() == label
        assert badge.select_one(".dv-track__icon")["aria-hidden"] == "true"
        assert badge.select_one(".dv-track__icon svg") is not None
        heading = article.select_one("h1")
        if rel == "index.html":
            # The home page's title, and all its text, come before the badge.
            assert badge.find_previous("h1") is heading
            assert badge.find_previous("p", string="Text.") is not None
        else:
            # The badge comes before the page's heading, so it is the first thing read.
            assert badge.find_next("h1") is heading


def test_meta_description_comes_from_front_matter(fixture_site):
    site = fixture_site(PAGES)
    meta = site.soup("fork/index.html").select_one('meta[name="description"]')
    assert meta["content"] == "The turn."


# The badge needs only the tracks plugin; the front-matter rules run in the checks plugin.
PLUGINS = ["divergence", "divergence/checks"]


def test_every_front_matter_problem_is_logged_with_its_position(fixture_site):
    """All problems of all pages are listed, then the strict build fails; no page is dropped."""
    pages = dict(PAGES)
    pages["docs/bad.md"] = "---\ntile: Bad\ntrack: alternative\n---\n\n# Bad\n\nKept text.\n"
    pages["docs/none.md"] = "# No front matter\n\nAlso kept.\n"
    site = fixture_site(pages, plugins=PLUGINS)
    assert site.logs == [
        "WARNING:docs/bad.md:2:1: FM004 unknown front-matter key 'tile' (did you mean "
        "'title'?); allowed keys: title, description, track, status, hide, search",
        "WARNING:docs/bad.md:3:8: FM003 unknown track 'alternative' (did you mean "
        "'alternate'?); use one of: actual, divergence, alternate, reference",
        "WARNING:docs/bad.md:4:1: FM002 front matter has no 'description'; add "
        "'description: ...' (one sentence of plain text for search engines and link previews)",
        "WARNING:docs/none.md:1:1: FM002 front matter has no 'description'; add "
        "'description: ...' (one sentence of plain text for search engines and link previews)",
        "WARNING:docs/none.md:1:1: FM002 front matter has no 'track'; add 'track: ...' "
        "(one of: actual, divergence, alternate, reference)",
    ]
    assert site.aborted == "Aborted with 5 warnings in strict mode!"
    assert "Kept text." in site.soup("bad/index.html").select_one("article").get_text()
    assert "Also kept." in site.soup("none/index.html").select_one("article").get_text()


def test_broken_front_matter_yaml_is_an_error_not_page_text(fixture_site):
    """MkDocs silently treats unparsable front matter as content; we report it."""
    pages = dict(PAGES)
    pages["docs/broken.md"] = "---\ndescription: x\ntrack: [actual\n---\n\n# Broken\n"
    site = fixture_site(pages, plugins=PLUGINS)
    assert site.logs == [
        "WARNING:docs/broken.md:4:1: FM001 front matter is not valid YAML: expected ',' or "
        "']', but got '<stream end>' (while parsing a flow sequence at line 3)"
    ]
    assert site.aborted == "Aborted with 1 warnings in strict mode!"
