"""Claim-status blocks, and the passages marked by their form: Markdown in, exact HTML out."""

import textwrap

import markdown
import pytest

from divergence.site.claims import STATUSES, page_default

EXTENSIONS = ["divergence.markdown.status", "admonition", "pymdownx.details"]


def check(source: str, expected: str) -> None:
    """Convert ``source`` and compare with ``expected``, both dedented."""
    html = markdown.markdown(textwrap.dedent(source), extensions=EXTENSIONS)
    assert html == textwrap.dedent(expected).strip()


@pytest.mark.parametrize("status", list(STATUSES.values()), ids=list(STATUSES))
def test_a_status_block_opens_with_its_marker_and_is_a_group_named_by_it(status):
    """The marker is text with an icon hidden from screen readers: never colour alone."""
    check(
        f"""
        /// status | {status.id}
        Robert Service argues.

        - And a list.
        ///
        """,
        f"""
        <div aria-labelledby="dv-status-1" class="dv-status" data-divergence-status="{status.id}" role="group">
        <p class="dv-claim" id="dv-status-1"><span aria-hidden="true" class="dv-icon dv-icon--{status.id}"></span>{status.label}</p>
        <p>Robert Service argues.</p>
        <ul>
        <li>And a list.</li>
        </ul>
        </div>
        """,  # noqa: E501
    )


def test_the_four_labels():
    assert [s.label for s in STATUSES.values()] == [
        "Documented history",
        "Historians' interpretation",
        "Counterfactual speculation",
        "Editorial note",
    ]


def test_markers_on_one_page_have_their_own_ids():
    html = markdown.markdown(
        "/// status | documented\nA.\n///\n\n/// status | editorial\nB.\n///\n",
        extensions=EXTENSIONS,
    )
    assert 'id="dv-status-1"' in html
    assert 'id="dv-status-2"' in html


def test_an_unknown_status_is_flagged_with_the_closest_one():
    check(
        """
        /// status | interpretaton
        Typo.
        ///
        """,
        """
        <div class="dv-status" data-divergence-problem="unknown claim status 'interpretaton' (did you mean 'interpretation'?); use one of: documented, interpretation, speculation, editorial" data-divergence-source="/// status | interpretaton">
        <p>Typo.</p>
        </div>
        """,  # noqa: E501
    )


def test_a_status_block_without_a_status_is_flagged_not_left_as_text():
    check(
        """
        /// status
        None.
        ///
        """,
        """
        <div class="dv-status" data-divergence-problem="the status block names no status: write '/// status | speculation'; use one of: documented, interpretation, speculation, editorial" data-divergence-source="/// status">
        <p>None.</p>
        </div>
        """,  # noqa: E501
    )


def test_a_status_block_never_closed_is_flagged():
    html = markdown.markdown("/// status | documented\nOpen.\n\nThe rest.\n", extensions=EXTENSIONS)
    assert (
        "data-divergence-problem=\"'/// status | documented' is never closed; end it with a "
        "line of 3 slashes: '///'\""
    ) in html


# ---- Passages whose form shows their kind


def test_editors_notes_are_in_the_editors_voice_documented_when_they_cite_a_source():
    check(
        """
        !!! editor "Editor's note"

            A correction [@kotkin2014].

        !!! editor "Editor's note"

            No source is known.

        ??? commentary "Commentary written for the essay"

            Words.

        !!! note

            Plain.
        """,
        """
        <div class="admonition editor" data-divergence-status="documented" data-divergence-voice="editors">
        <p class="admonition-title">Editor's note</p>
        <p>A correction [@kotkin2014].</p>
        </div>
        <div class="admonition editor" data-divergence-status="editorial" data-divergence-voice="editors">
        <p class="admonition-title">Editor's note</p>
        <p>No source is known.</p>
        </div>
        <details class="commentary" data-divergence-status="speculation">
        <summary>Commentary written for the essay</summary>
        <p>Words.</p>
        </details>
        <div class="admonition note">
        <p class="admonition-title">Note</p>
        <p>Plain.</p>
        </div>
        """,  # noqa: E501
    )


def test_the_essay_passage_before_an_editors_note_is_marked_and_linked_to_it():
    check(
        """
        The essay's claim.

        !!! editor "Editor's note"

            The correction [@kotkin2014].
        """,
        """
        <p data-divergence-status="qualified">The essay's claim.<span class="dv-qualified"> (<a href="#editor-note-1">see the editor's note below</a>)</span></p>
        <div class="admonition editor" data-divergence-status="documented" data-divergence-voice="editors" id="editor-note-1">
        <p class="admonition-title">Editor's note</p>
        <p>The correction [@kotkin2014].</p>
        </div>
        """,  # noqa: E501
    )


def test_the_italic_introduction_under_the_h1_is_editorial():
    check(
        """
        # Title

        *The editors' introduction, with a [link](x.md).*

        *Italics later on are the page's.*
        """,
        """
        <h1>Title</h1>
        <p data-divergence-status="editorial"><em>The editors' introduction, with a <a href="x.md">link</a>.</em></p>
        <p><em>Italics later on are the page's.</em></p>
        """,  # noqa: E501
    )


@pytest.mark.parametrize(
    "source",
    [
        "# Title\n\n*Italic* and then not.\n",
        "# Title\n\nPlain text.\n",
        "Text before.\n\n*Italic, but no H1 above it.*\n",
    ],
)
def test_only_a_paragraph_wholly_in_italics_right_under_the_h1_is_an_introduction(source):
    assert "data-divergence-status" not in markdown.markdown(source, extensions=EXTENSIONS)


# ---- The page default


@pytest.mark.parametrize(
    ("meta", "expected"),
    [
        ({"track": "alternate", "status": "documented"}, "documented"),
        ({"track": "actual"}, "documented"),
        ({"track": "divergence"}, "speculation"),
        ({"track": "alternate"}, "speculation"),
        ({"track": "reference"}, "editorial"),
        # An unknown status (FM003 reports it) falls back to the track's.
        ({"track": "reference", "status": "editoral"}, "editorial"),
        ({"status": "interpretation"}, "interpretation"),
    ],
)
def test_page_default_comes_from_status_else_from_the_track(meta, expected):
    assert page_default(meta).id == expected


def test_a_page_without_track_or_status_has_no_default():
    assert page_default({}) is None
    assert page_default({"status": ["speculation"]}) is None
