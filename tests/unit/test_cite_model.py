"""The suggested citation of a page: exact Chicago and BibTeX text, keys and escaping."""

from datetime import date

import pytest

from divergence.plugin.cite.model import bibtex_key, chicago, cite, long_date, tex_escape

SITE = "The Trotsky Succession"
AUTHOR = "The Trotsky Succession editors"
URL = "https://divergence-history.github.io/trotsky-succession/aftermath/economic-policy/"


def test_a_page_is_cited_in_chicago_style_and_as_bibtex():
    """The forms the site shows, character for character."""
    citation = cite(
        title="Economic Policy",
        path="aftermath/economic-policy/",
        url=URL,
        updated=date(2026, 11, 25),
        site=SITE,
        author=AUTHOR,
    )
    assert citation.key == "trotskysuccession-aftermath-economic-policy"
    assert citation.chicago == (
        'The Trotsky Succession editors. "Economic Policy." The Trotsky Succession. '
        f"Last modified November 25, 2026. {URL}."
    )
    assert citation.bibtex == (
        "@misc{trotskysuccession-aftermath-economic-policy,\n"
        "  author = {{The Trotsky Succession editors}},\n"
        "  title = {{Economic Policy}},\n"
        f"  howpublished = {{\\url{{{URL}}}}},\n"
        "  organization = {The Trotsky Succession},\n"
        "  year = {2026},\n"
        "  note = {Last updated 2026-11-25}\n"
        "}"
    )


def test_without_a_site_url_the_citation_gives_no_address():
    """A site built without site_url still cites the page, without a URL."""
    citation = cite(
        title="Home", path="", url=None, updated=date(2026, 1, 5), site=SITE, author=AUTHOR
    )
    assert citation.chicago == (
        'The Trotsky Succession editors. "Home." The Trotsky Succession. '
        "Last modified January 5, 2026."
    )
    assert "howpublished" not in citation.bibtex
    assert citation.bibtex.startswith("@misc{trotskysuccession,\n")


@pytest.mark.parametrize(
    ("path", "key"),
    [
        ("", "trotskysuccession"),
        ("aftermath/", "trotskysuccession-aftermath"),
        ("aftermath/economic-policy/", "trotskysuccession-aftermath-economic-policy"),
        # Without directory URLs (use_directory_urls: false).
        ("index.html", "trotskysuccession"),
        ("aftermath/index.html", "trotskysuccession-aftermath"),
        ("aftermath/economic-policy.html", "trotskysuccession-aftermath-economic-policy"),
        # Only lowercase ASCII letters, digits and hyphens, whatever the path holds.
        ("impact/world-war-ii/", "trotskysuccession-impact-world-war-ii"),
        ("people/Trotsky_Lev%20D./", "trotskysuccession-people-trotsky-lev-20d"),
        ("people/bucharin-é/", "trotskysuccession-people-bucharin-e"),
        ("people/троцкий/", "trotskysuccession-people"),
    ],
)
def test_the_key_comes_from_the_site_name_and_the_page_path(path, key):
    assert bibtex_key(SITE, path) == key


@pytest.mark.parametrize(
    ("site", "prefix"),
    [
        ("The Trotsky Succession", "trotskysuccession"),
        ("A", "a"),
        ("", "site"),
        ("Ölbild 2", "olbild2"),
    ],
)
def test_the_key_prefix_drops_a_leading_article(site, prefix):
    assert bibtex_key(site, "") == prefix


def test_tex_specials_in_a_title_are_escaped():
    """Braces cannot unbalance the entry; TeX's other specials print as themselves."""
    citation = cite(
        title=r"Plans {draft} & 100% of $5 #1 a_b ^ ~ \ end",
        path="p/",
        url="https://example.org/p/",
        updated=date(2026, 3, 1),
        site="Site & Co",
        author="Editors {of} the site",
    )
    assert citation.bibtex.splitlines()[1:3] == [
        r"  author = {{Editors \{of\} the site}},",
        r"  title = {{Plans \{draft\} \& 100\% of \$5 \#1 a\_b \^{} \~{} \textbackslash{} end}},",
    ]
    assert r"  organization = {Site \& Co}," in citation.bibtex
    # The Chicago form is plain text: nothing is escaped.
    assert '"Plans {draft} & 100% of $5 #1 a_b ^ ~ \\ end." Site & Co.' in citation.chicago


def test_braces_in_a_url_cannot_close_the_field():
    citation = cite(
        title="T",
        path="p/",
        url="https://example.org/{p}\\/",
        updated=date(2026, 3, 1),
        site="S",
        author="A",
    )
    assert r"  howpublished = {\url{https://example.org/%7Bp%7D%5C/}}," in citation.bibtex


def test_unicode_is_kept_as_written():
    """Cyrillic and typographic characters go through: modern BibTeX tools read UTF-8."""
    assert tex_escape("Троцкий — «Итоги»") == "Троцкий — «Итоги»"


@pytest.mark.parametrize(
    ("title", "quoted"),
    [
        ("Economic Policy", '"Economic Policy."'),
        # A title's own question mark or full stop ends it; no period is added.
        ("What If Trotsky Had Won?", '"What If Trotsky Had Won?"'),
        ("Notes, etc.", '"Notes, etc."'),
        # Quotation marks inside the quoted title become single (Chicago 6.11).
        ('The "Left Opposition"', "\"The 'Left Opposition.'\""),
        ("The \u201cLeft Opposition\u201d", '"The \u2018Left Opposition.\u2019"'),
        # An apostrophe that closes a plural possessive is not a quotation mark.
        ("The Workers'", '"The Workers\'."'),
    ],
)
def test_chicago_quotes_the_title_and_closes_it(title, quoted):
    text = chicago(title=title, url=None, updated=date(2026, 1, 1), site="S", author="A")
    assert text == f"A. {quoted} S. Last modified January 1, 2026."


@pytest.mark.parametrize(
    ("day", "text"),
    [(date(2026, 1, 1), "January 1, 2026"), (date(1924, 1, 21), "January 21, 1924")],
)
def test_dates_are_written_in_english_whatever_the_locale(day, text):
    assert long_date(day) == text
