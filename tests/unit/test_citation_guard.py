"""Citation syntax in code, or naming an unknown key, is kept from mkdocs-bibtex."""

from divergence.plugin.citations.guard import PLACEHOLDER, protect, restore

KNOWN = {"kotkin2014", "service2009"}


def test_citations_in_code_are_hidden_and_restored():
    markdown = "Cite with `[@key]`.\n\n```markdown\nA claim [@kotkin2014].\n```\n"
    protected = protect(markdown, KNOWN)
    assert "@" not in protected
    assert restore(protected) == markdown


def test_known_citations_in_prose_are_left_for_bibtex():
    markdown = "Kotkin [@kotkin2014] and both [@service2009; @kotkin2014]."
    assert protect(markdown, KNOWN) == markdown


def test_a_locator_and_a_prefix_stay_on_the_page_beside_the_bare_citation():
    """mkdocs-bibtex's simple mode would drop 'p. 200' and 'see' with a warning."""
    markdown = "Service [@service2009, p. 200] and [see @kotkin2014, ch. 3; @service2009]."
    assert protect(markdown, KNOWN) == (
        "Service [@service2009] (p. 200) and see [@kotkin2014] (ch. 3)[@service2009]."
    )


def test_a_block_with_an_unknown_key_stays_text():
    protected = protect("A claim [@kotkin2041] and [@kotkin2014].", KNOWN)
    assert protected == f"A claim [{PLACEHOLDER}kotkin2041] and [@kotkin2014]."


def test_links_and_tildes_fences_are_handled():
    """[text @x](url) is a link, not a citation; ~~~ fences are code too."""
    markdown = "[mail @me](https://example.com)\n~~~\n[@x]\n~~~\n"
    assert (
        protect(markdown, KNOWN) == f"[mail @me](https://example.com)\n~~~\n[{PLACEHOLDER}x]\n~~~\n"
    )


def test_without_a_bibliography_only_code_is_guarded():
    assert protect("[@anything] `[@x]`") == f"[@anything] `[{PLACEHOLDER}x]`"


def test_footnote_numbers_side_by_side_are_put_in_ascending_order():
    from divergence.plugin.citations.feature import numbers_in_order

    def ref(key, number, seen=""):
        return (
            f'<sup id="fnref{seen}:{key}"><a class="footnote-ref" href="#fn:{key}">'
            f"{number}</a></sup>"
        )

    html = f"<p>A claim.{ref('deutscher1959', 3, '3')} {ref('kotkin2014', 1, '6')}</p>"
    assert numbers_in_order(html) == (
        f"<p>A claim.{ref('kotkin2014', 1, '6')} {ref('deutscher1959', 3, '3')}</p>"
    )
    # A lone number, or numbers with words between them, stay where they are.
    apart = f"<p>{ref('b', 2)} and {ref('a', 1)}</p>"
    assert numbers_in_order(apart) == apart
