"""The editors' checks inside `mkdocs build`: every problem listed, then the strict failure."""

from golden import BASE_FILES

PAGE = """\
---
description: A page with two mistakes that MkDocs alone would not name.
track: reference
---

# Mistakes

Kotkin wrote a biography [@kotkin2041], see [the archive](http://example.com/).
"""


def test_build_lists_each_problem_with_its_position_then_fails(fixture_site):
    """mkdocs-bibtex names no page for an unknown key; the checks name page, line, column."""
    files = {**BASE_FILES, "docs/mistakes.md": PAGE}
    site = fixture_site(files, **_config())
    assert site.logs == [
        "WARNING:docs/mistakes.md:8:27: CT001 unknown citation key 'kotkin2041' (did you mean "
        "'kotkin2014'?); add the work to data/references.bib or fix the key",
        "WARNING:docs/mistakes.md:8:59: UR001 'http://example.com/' is not encrypted; use "
        "'https://example.com/'",
    ]
    assert site.aborted == "Aborted with 2 warnings in strict mode!"
    # Nothing is dropped: the page is built with all its text, the unknown key as written
    # (the citation guard keeps mkdocs-bibtex, and its traceback, away from it).
    text = site.soup("mistakes/index.html").select_one("article").get_text()
    assert "Kotkin wrote a biography [@kotkin2041], see the archive." in text


def test_missing_snippet_is_reported_before_the_build_stops(fixture_site):
    """The build stops cleanly at a missing snippet, after listing every problem found."""
    page = PAGE.replace("[@kotkin2041]", "[@kotkin2014]") + '\n--8<-- "includes/gone.md"\n'
    files = {**BASE_FILES, "docs/mistakes.md": page}
    site = fixture_site(files, **_config())
    assert site.logs == [
        "WARNING:docs/mistakes.md:8:59: UR001 'http://example.com/' is not encrypted; use "
        "'https://example.com/'",
        "WARNING:docs/mistakes.md:10:9: SN001 snippet file 'includes/gone.md' does not exist "
        "(looked in: .)",
        "ERROR:the build cannot go on while a snippet file is missing (SN001 above); all other "
        "problems found so far are listed above",
    ]
    # MkDocs logs the PluginError's message (above) and aborts without a traceback.
    assert site.aborted == "Aborted with a BuildError!"


def _config():
    """The golden base project's mkdocs.yml, as keyword overrides for fixture_site."""
    import yaml

    config = yaml.safe_load(BASE_FILES["mkdocs.yml"])
    return config


def test_a_data_file_yaml_cannot_read_is_one_finding_and_its_pages_say_why(fixture_site):
    """The glossary and the timeline, each with one slip: one YM001 each, nothing else, and
    the preview keeps every page (the broken files' pages say why they are empty)."""
    glossary = "terms:\n  - id: troika\n     term: Troika\n"
    timeline = (
        'point_of_divergence: "1924-01-21"\nthemes:\n  leadership: Party leadership\n'
        'eras:\n  - {id: succession, title: "The succession", start: "1922", end: "1925"}\n'
        'events:\n  - id: lenin-death\n     date: "1924-01-21"\n'
    )
    page = PAGE.replace(
        "[@kotkin2041], see [the archive](http://example.com/)",
        (
            "[@kotkin2014]: the [troika](glossary.md#troika), [Lenin's death]"
            "(timeline/succession.md#lenin-death), [leadership](timeline/comparison.md#leadership)"
        ),
    )
    files = {
        **BASE_FILES,
        "data/glossary.yml": glossary,
        "data/timeline.yml": timeline,
        "docs/mistakes.md": page,
        "docs/timeline/index.md": "---\ndescription: T.\ntrack: divergence\n---\n\n# Timeline\n\n"
        "<!-- divergence:timeline -->\n",
    }
    config = _config()
    config["markdown_extensions"] += [
        "divergence.markdown.mentions",
        "divergence.markdown.timeline",
    ]
    site = fixture_site(files, **config)
    assert site.logs == [
        "WARNING:data/glossary.yml:3:10: YM001 not valid YAML: mapping values are not allowed here",
        "WARNING:data/timeline.yml:8:10: YM001 not valid YAML: mapping values are not allowed here",
    ]
    notice = site.soup("glossary/index.html").select_one("article .admonition.warning")
    assert "data/glossary.yml cannot be read: line 3, column 10" in notice.get_text()
    assert site.soup("glossary/index.html").select_one('[id="troika"]') is not None
    era = site.soup("timeline/succession/index.html").select_one("article .admonition.warning")
    assert "data/timeline.yml cannot be read: line 8, column 10" in era.get_text()
    assert site.soup("timeline/succession/index.html").select_one('[id="lenin-death"]')
