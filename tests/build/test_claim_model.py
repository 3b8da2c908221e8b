"""The claim model on every page: whose voice and what kind of claim are kept apart.

An editor's note speaks in the editors' voice and reports documented history; the essay's
passage right before it, which the note corrects or qualifies, is marked so where it
stands and never carries an unqualified "documented" marker.
"""

from __future__ import annotations

PASSAGES = {"p", "ul", "ol", "blockquote"}


def notes_and_passages(soup):
    """(note, the element right before it) for every editor's note of a page."""
    for note in soup.select("article .admonition.editor, article details.editor"):
        before = note.find_previous_sibling()
        yield note, before


def test_every_editors_note_is_in_the_editors_voice_and_documented_when_it_cites(real_site):
    seen = 0
    for rel in real_site.html_files():
        for note, _ in notes_and_passages(real_site.soup(rel)):
            seen += 1
            cites = note.select_one("sup[id*=fnref]") is not None
            expected = "documented" if cites else "editorial"
            assert note.get("data-divergence-status") == expected, rel
            assert note.get("data-divergence-voice") == "editors", rel
    assert seen > 20, "the site's editor's notes were not found"


def test_no_passage_a_note_corrects_is_shown_as_plain_documented_history(real_site):
    marked = 0
    for rel in real_site.html_files():
        if rel.startswith("print/"):
            continue
        for note, before in notes_and_passages(real_site.soup(rel)):
            if before is None or before.name not in PASSAGES:
                continue
            if before.get("data-divergence-status") not in (None, "qualified"):
                continue  # marked with its own kind by the editors (a status block)
            assert before.get("data-divergence-status") == "qualified", (rel, before.text[:80])
            link = before.select_one(".dv-qualified a")
            assert link is not None and link["href"] == f"#{note['id']}", rel
            marked += 1
    assert marked > 10
