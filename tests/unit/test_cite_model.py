"""The suggested citation of a page: exact Chicago, APA, MLA and BibTeX text, keys, escaping."""

from datetime import date

import pytest

from divergence.plugin.cite.model import (
    bibtex_key,
    chicago,
    cite,
    long_date,
    mla,
    mla_date,
    tex_escape,
)
from divergence.plugin.cite.titles import headline_case, sentence_case

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
        title=r"Plans {draft} & 100% of $5 #1 A_b ^ ~ \ End",
        path="p/",
        url="https://example.org/p/",
        updated=date(2026, 3, 1),
        site="Site & Co",
        author="Editors {of} the site",
    )
    assert citation.bibtex.splitlines()[1:3] == [
        r"  author = {{Editors \{of\} the site}},",
        r"  title = {{Plans \{draft\} \& 100\% of \$5 \#1 A\_b \^{} \~{} \textbackslash{} End}},",
    ]
    assert r"  organization = {Site \& Co}," in citation.bibtex
    # The Chicago form is plain text: nothing is escaped.
    assert '"Plans {draft} & 100% of $5 #1 A_b ^ ~ \\ End." Site & Co.' in citation.chicago


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


# ---- APA, MLA and the essay's provenance

PROVENANCE = "Essay reproduced as received, author not named, with the editors' notes"
POD = "https://divergence-history.github.io/trotsky-succession/point-of-divergence/"


def test_an_essay_page_is_cited_in_four_styles_with_its_provenance():
    """Each style as a student hands it in, character for character."""
    citation = cite(
        title="The Point of Divergence",
        path="point-of-divergence/",
        url=POD,
        updated=date(2026, 9, 4),
        site=SITE,
        author=AUTHOR,
        provenance=PROVENANCE,
        evidence="Lenin died in January 1924, and Trotsky was ill.",
    )
    assert citation.chicago == (
        'The Trotsky Succession editors. "The Point of Divergence." The Trotsky Succession. '
        "Essay reproduced as received, author not named, with the editors' notes. "
        f"Last modified September 4, 2026. {POD}."
    )
    assert citation.apa == (
        "The Trotsky Succession editors. (2026, September 4). The point of divergence "
        "[Essay reproduced as received, author not named, with the editors' notes]. "
        f"The Trotsky Succession. {POD}"
    )
    assert citation.mla == (
        'Trotsky Succession editors. "The Point of Divergence." The Trotsky Succession, '
        "4 Sept. 2026, divergence-history.github.io/trotsky-succession/point-of-divergence/. "
        "Essay reproduced as received, author not named, with the editors' notes."
    )
    assert citation.bibtex == (
        "@misc{trotskysuccession-point-of-divergence,\n"
        "  author = {{The Trotsky Succession editors}},\n"
        "  title = {{The Point of Divergence}},\n"
        f"  howpublished = {{\\url{{{POD}}}}},\n"
        "  organization = {The Trotsky Succession},\n"
        "  year = {2026},\n"
        "  note = {Essay reproduced as received, author not named, with the editors' notes. "
        "Last updated 2026-09-04}\n"
        "}"
    )


def test_an_editors_page_is_cited_without_provenance_and_its_title_is_recased():
    """APA: sentence case, no period after the URL; MLA and Chicago: headline style."""
    url = "https://example.org/site/timeline/revolution/"
    citation = cite(
        title="Revolution and civil war",
        path="timeline/revolution/",
        url=url,
        updated=date(2026, 6, 30),
        site=SITE,
        author=AUTHOR,
    )
    assert citation.chicago == (
        'The Trotsky Succession editors. "Revolution and Civil War." The Trotsky Succession. '
        f"Last modified June 30, 2026. {url}."
    )
    assert citation.apa == (
        "The Trotsky Succession editors. (2026, June 30). Revolution and civil war. "
        f"The Trotsky Succession. {url}"
    )
    assert citation.mla == (
        'Trotsky Succession editors. "Revolution and Civil War." The Trotsky Succession, '
        "30 June 2026, example.org/site/timeline/revolution/."
    )
    assert "note = {Last updated 2026-06-30}" in citation.bibtex


def test_the_home_page_is_cited_as_the_website():
    """Titled with the site's name: no page title beside it, and APA keeps its capitals."""
    url = "https://example.org/site/"
    citation = cite(
        title=SITE, path="", url=url, updated=date(2026, 2, 3), site=SITE, author=AUTHOR
    )
    assert citation.chicago == (
        "The Trotsky Succession editors. The Trotsky Succession. "
        f"Last modified February 3, 2026. {url}."
    )
    assert citation.apa == (
        f"The Trotsky Succession editors. (2026, February 3). The Trotsky Succession. {url}"
    )
    assert citation.mla == (
        "Trotsky Succession editors. The Trotsky Succession, 3 Feb. 2026, example.org/site/."
    )


def test_apa_and_mla_without_a_site_url_give_no_address():
    citation = cite(
        title="Home", path="", url=None, updated=date(2026, 5, 1), site=SITE, author=AUTHOR
    )
    assert citation.apa == (
        "The Trotsky Succession editors. (2026, May 1). Home. The Trotsky Succession."
    )
    assert citation.mla == (
        'Trotsky Succession editors. "Home." The Trotsky Succession, 1 May 2026.'
    )


@pytest.mark.parametrize(
    ("author", "listed"),
    [
        ("The Trotsky Succession editors", "Trotsky Succession editors."),
        ("An Editorial Board", "Editorial Board."),
        # Only a leading article goes, and only before a further word.
        ("Editors of the Site", "Editors of the Site."),
        ("The", "The."),
    ],
)
def test_mla_drops_an_organisations_initial_article(author, listed):
    text = mla(title="T", url=None, updated=date(2026, 1, 1), site="S", author=author)
    assert text == f'{listed} "T." S, 1 Jan. 2026.'


@pytest.mark.parametrize(
    ("day", "text"),
    [
        (date(2026, 1, 9), "9 Jan. 2026"),
        (date(2026, 5, 31), "31 May 2026"),
        (date(2026, 7, 4), "4 July 2026"),
        (date(2026, 9, 1), "1 Sept. 2026"),
        (date(2026, 12, 25), "25 Dec. 2026"),
    ],
)
def test_mla_dates_abbreviate_the_month_as_mla_does(day, text):
    assert mla_date(day) == text


@pytest.mark.parametrize(
    ("title", "headline"),
    [
        ("Economic Policy", "Economic Policy"),
        ("Revolution and civil war", "Revolution and Civil War"),
        ("A lesson in 45 minutes", "A Lesson in 45 Minutes"),
        # Both parts of a compound; a minor word inside it stays lowercase.
        ("Long-term Survival of the Soviet System", "Long-Term Survival of the Soviet System"),
        ("editor-in-chief notes", "Editor-in-Chief Notes"),
        # Minor words: lowercase inside, capitalised first, last and after a colon.
        ("The War Of The Worlds", "The War of the Worlds"),
        ("Lenin's testament: a reading of", "Lenin's Testament: A Reading Of"),
        # Capitals already there stay; what starts with no letter stays as written.
        ("NEPmen and the NKVD", "NEPmen and the NKVD"),
        ("Trade & Aid {draft}", "Trade & Aid {draft}"),
        ("The 1930s", "The 1930s"),
    ],
)
def test_headline_case(title, headline):
    assert headline_case(title) == headline


EVIDENCE = (
    "In the Soviet state of the 1930s, during the Cold War and after World War II, "
    "the party ruled; global trade and the war economy grew, and Trotsky wrote."
)


@pytest.mark.parametrize(
    ("title", "sentence"),
    [
        ("The Evolution of Soviet Governance", "The evolution of Soviet governance"),
        ("The Cold War and Global Communism", "The Cold War and global communism"),
        ("World War II and Global Conflict", "World War II and global conflict"),
        ("Internal Party Dynamics", "Internal party dynamics"),
        ("Long-term Survival of the Soviet System", "Long-term survival of the Soviet system"),
        ("What If Trotsky Had Won?", "What if Trotsky had won?"),
        # After a colon, a subtitle's first word keeps its capital.
        ("Lenin's Testament: A Reading", "Lenin's testament: A reading"),
        # Acronyms and words with digits keep theirs.
        ("The NKVD in the 1930s", "The NKVD in the 1930s"),
        ("People", "People"),
    ],
)
def test_apa_sentence_case_keeps_the_proper_names_the_page_writes(title, sentence):
    assert sentence_case(title, EVIDENCE) == sentence


def test_a_name_only_at_the_start_of_sentences_is_not_taken_for_proper():
    """ "Global" opens a sentence here, never stands inside one: it is lowercased."""
    assert sentence_case("Global Trade", "Global trade grew. Global markets") == "Global trade"


def test_known_names_keep_their_capitals_whatever_the_page_says():
    """A person's name, or a proper term, given as a name: kept though the text never shows it."""
    names = {"Sheila Fitzpatrick", "Cold War"}
    assert sentence_case("Sheila Fitzpatrick", "", names) == "Sheila Fitzpatrick"
    assert sentence_case("The Cold War", "", names) == "The Cold War"
    assert sentence_case("The Cold War", "") == "The cold war"
