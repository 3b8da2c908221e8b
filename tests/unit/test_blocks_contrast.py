"""Contrast blocks: Markdown in, exact HTML out (in the manner of pymdownx's MdCase)."""

import textwrap

import markdown

EXTENSIONS = ["divergence.markdown.contrast", "divergence.markdown.status", "pymdownx.superfences"]


# The opening of each side, as every contrast renders it (n: the contrast's number).
SIDES = {
    "actual": (
        '<div aria-labelledby="dv-contrast-{n}-actual" class="dv-contrast__side '
        'dv-contrast__side--actual" data-divergence-side="actual" '
        'data-divergence-status="documented" role="group">\n'
        '<p class="dv-contrast__label" id="dv-contrast-{n}-actual"><span aria-hidden="true" '
        'class="dv-icon dv-icon--documented"></span>Actual history</p>'
    ),
    "alternate": (
        '<div aria-labelledby="dv-contrast-{n}-alternate" class="dv-contrast__side '
        'dv-contrast__side--alternate" data-divergence-side="alternate" '
        'data-divergence-status="speculation" role="group">\n'
        '<p class="dv-contrast__label" id="dv-contrast-{n}-alternate"><span aria-hidden="true" '
        'class="dv-icon dv-icon--speculation"></span>Alternate history</p>'
    ),
}


def check(source: str, expected: str) -> None:
    """Convert ``source`` and compare with ``expected``, both dedented; in ``expected``,
    ``{actual1}`` and ``{alternate1}`` stand for the opening of each side of contrast 1."""
    html = markdown.markdown(textwrap.dedent(source), extensions=EXTENSIONS)
    sides = {f"{side}{n}": SIDES[side].format(n=n) for side in SIDES for n in (1, 2)}
    assert html == textwrap.dedent(expected).strip().format(**sides)


def test_a_contrast_is_a_section_named_by_its_title_with_two_labelled_groups():
    """The title is a paragraph (the page outline stays the essay's); sides are groups."""
    check(
        """
        //// contrast | Who leads the *party*

        /// actual
        Stalin, General Secretary since 1922.
        ///

        /// alternate
        Trotsky, with Zinoviev and Kamenev.
        ///

        ////

        After.
        """,
        """
        <section aria-labelledby="dv-contrast-1" class="dv-contrast">
        <p class="dv-contrast__title" id="dv-contrast-1">Who leads the <em>party</em></p>
        {actual1}
        <p>Stalin, General Secretary since 1922.</p>
        </div>
        {alternate1}
        <p>Trotsky, with Zinoviev and Kamenev.</p>
        </div>
        </section>
        <p>After.</p>
        """,
    )


def test_each_contrast_on_a_page_has_its_own_ids():
    check(
        """
        //// contrast | One
        /// actual
        A.
        ///
        /// alternate
        B.
        ///
        ////

        //// contrast | Two
        /// actual
        C.
        ///
        /// alternate
        D.
        ///
        ////
        """,
        """
        <section aria-labelledby="dv-contrast-1" class="dv-contrast">
        <p class="dv-contrast__title" id="dv-contrast-1">One</p>
        {actual1}
        <p>A.</p>
        </div>
        {alternate1}
        <p>B.</p>
        </div>
        </section>
        <section aria-labelledby="dv-contrast-2" class="dv-contrast">
        <p class="dv-contrast__title" id="dv-contrast-2">Two</p>
        {actual2}
        <p>C.</p>
        </div>
        {alternate2}
        <p>D.</p>
        </div>
        </section>
        """,
    )


def test_a_side_holds_any_markdown_and_nests_a_status_block_with_longer_fences():
    check(
        """
        ///// contrast | Who leads

        //// actual
        - Stalin stays.

        /// status | interpretation
        Kotkin argues.
        ///
        ////

        //// alternate
        Trotsky leads.
        ////

        /////
        """,
        """
        <section aria-labelledby="dv-contrast-1" class="dv-contrast">
        <p class="dv-contrast__title" id="dv-contrast-1">Who leads</p>
        {actual1}
        <ul>
        <li>Stalin stays.</li>
        </ul>
        <div aria-labelledby="dv-status-1" class="dv-status" data-divergence-status="interpretation" role="group">
        <p class="dv-claim" id="dv-status-1"><span aria-hidden="true" class="dv-icon dv-icon--interpretation"></span>Historians' interpretation</p>
        <p>Kotkin argues.</p>
        </div>
        </div>
        {alternate1}
        <p>Trotsky leads.</p>
        </div>
        </section>
        """,  # noqa: E501
    )


# ---- Mistakes: rendered as written, with the problem for rule BL002


def test_a_contrast_without_a_title_is_flagged_not_left_as_text():
    check(
        """
        //// contrast
        /// actual
        A.
        ///
        /// alternate
        B.
        ///
        ////
        """,
        """
        <section aria-labelledby="dv-contrast-1" class="dv-contrast" data-divergence-problem="the contrast has no title; write it after a bar: '//// contrast | Who leads the party'" data-divergence-source="//// contrast">
        <p class="dv-contrast__title" id="dv-contrast-1"></p>
        {actual1}
        <p>A.</p>
        </div>
        {alternate1}
        <p>B.</p>
        </div>
        </section>
        """,  # noqa: E501
    )


def test_a_contrast_with_one_side_is_flagged():
    check(
        """
        //// contrast | Only one
        /// actual
        A.
        ///
        ////
        """,
        """
        <section aria-labelledby="dv-contrast-1" class="dv-contrast" data-divergence-problem="the contrast needs an 'actual' side, then an 'alternate' side (found: actual); open each with '/// actual' or '/// alternate' and close it with '///'" data-divergence-source="//// contrast | Only one">
        <p class="dv-contrast__title" id="dv-contrast-1">Only one</p>
        {actual1}
        <p>A.</p>
        </div>
        </section>
        """,  # noqa: E501
    )


def test_sides_in_the_wrong_order_are_flagged():
    html = markdown.markdown(
        "//// contrast | T\n/// alternate\nB.\n///\n/// actual\nA.\n///\n////\n",
        extensions=EXTENSIONS,
    )
    assert "(found: alternate, actual)" in html


def test_text_outside_the_sides_is_flagged():
    html = markdown.markdown(
        "//// contrast | T\nLoose.\n\n/// actual\nA.\n///\n/// alternate\nB.\n///\n////\n",
        extensions=EXTENSIONS,
    )
    assert (
        'data-divergence-problem="the contrast has text outside its sides; move it into a '
        "side, or below the contrast's closing '////'\"" in html
    )


def test_a_contrast_with_the_fences_of_its_sides_is_flagged_with_the_fix():
    """Equal fences do not nest: the first '///' closes the contrast too."""
    html = markdown.markdown(
        "/// contrast | T\n\n/// actual\nA.\n///\n\n/// alternate\nB.\n///\n\n///\n",
        extensions=EXTENSIONS,
    )
    assert "and give the contrast four slashes: '//// contrast | Title'" in html


def test_a_side_outside_a_contrast_is_flagged():
    check(
        """
        /// alternate
        Out.
        ///
        """,
        """
        <div aria-labelledby="dv-side-1-alternate" class="dv-contrast__side dv-contrast__side--alternate" data-divergence-problem="'/// alternate' is outside a contrast; put both sides inside '//// contrast | Title' ... '////'" data-divergence-side="alternate" data-divergence-source="/// alternate" data-divergence-status="speculation" role="group">
        <p class="dv-contrast__label" id="dv-side-1-alternate"><span aria-hidden="true" class="dv-icon dv-icon--speculation"></span>Alternate history</p>
        <p>Out.</p>
        </div>
        """,  # noqa: E501
    )


def test_a_side_with_a_title_is_flagged():
    html = markdown.markdown(
        "//// contrast | T\n/// actual | Ours\nA.\n///\n/// alternate\nB.\n///\n////\n",
        extensions=EXTENSIONS,
    )
    assert (
        "a side takes no title (its label is 'Actual history'); write '/// actual' alone"
    ) in html


def test_a_contrast_never_closed_is_flagged():
    """pymdownx would close it silently at the end of the page, swallowing what follows."""
    html = markdown.markdown(
        "//// contrast | T\n/// actual\nA.\n///\n/// alternate\nB.\n///\n\nThe rest.\n",
        extensions=EXTENSIONS,
    )
    assert (
        "data-divergence-problem=\"'//// contrast | T' is never closed; end it with a line "
        "of 4 slashes: '////'\""
    ) in html


def test_a_misspelt_block_name_stays_literal_text_for_rule_bl001():
    check(
        """
        //// contrst | T

        Text.
        """,
        """
        <p>//// contrst | T</p>
        <p>Text.</p>
        """,
    )
