"""The track vocabulary and the front-matter rules of every page."""

from divergence.frontmatter import read_front_matter
from divergence.tracks.model import TRACKS, check_front_matter


def diagnostics(source: str) -> list[str]:
    return [str(d) for d in check_front_matter("docs/p.md", read_front_matter(source))]


def test_the_four_tracks():
    """Actual history, the divergence, the alternate history and reference pages."""
    assert list(TRACKS) == ["actual", "divergence", "alternate", "reference"]
    assert all(track.label and track.summary and track.icon for track in TRACKS.values())


def test_valid_front_matter_has_no_diagnostics():
    assert diagnostics("---\ndescription: A page.\ntrack: reference\n---\n") == []


def test_unknown_track_suggests_the_closest():
    assert diagnostics("---\ndescription: A page.\ntrack: alternative\n---\n") == [
        "docs/p.md:3:8: FM002 unknown track 'alternative' (did you mean 'alternate'?); "
        "use one of: actual, divergence, alternate, reference"
    ]


def test_every_missing_key_is_reported_at_the_end_of_the_front_matter():
    assert diagnostics("---\ntitle: A page\n---\n") == [
        "docs/p.md:3:1: FM001 front matter has no 'description'; add 'description: ...' "
        "(one sentence of plain text for search engines and link previews)",
        "docs/p.md:3:1: FM001 front matter has no 'track'; add 'track: ...' "
        "(one of: actual, divergence, alternate, reference)",
    ]


def test_empty_description_is_rejected():
    assert diagnostics("---\ndescription: ''\ntrack: actual\n---\n") == [
        "docs/p.md:2:14: FM003 'description' must be one sentence of plain text, used as the "
        "page's meta description"
    ]
