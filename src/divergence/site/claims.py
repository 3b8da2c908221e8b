"""The claim-status vocabulary: the four kinds of claim and where each page's default comes from.

The page default is the front matter's `status`, or else the one its track implies; blocks
(`/// status | ...`), contrast sides and two kinds of box mark the passages that differ
(see divergence.markdown.blocks and docs/contributing/conventions.md).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass


@dataclass(frozen=True)
class Status:
    """One kind of claim, as the reader sees it on its marker."""

    id: str
    label: str


STATUSES: dict[str, Status] = {
    status.id: status
    for status in (
        Status("documented", "Documented history"),
        Status("interpretation", "Historians' interpretation"),
        Status("speculation", "Counterfactual speculation"),
        Status("editorial", "Editorial note"),
    )
}

# The heading of the legend on the home page (includes/claim-status-legend.md), which the
# line under each page's badge links to.
LEGEND_ANCHOR = "kinds-of-claim"

# A page without `status` takes the one its track implies.
TRACK_DEFAULTS = {
    "actual": "documented",
    "divergence": "speculation",
    "alternate": "speculation",
    "reference": "editorial",
}

# Boxes whose kind says what they are: `!!! editor` and `!!! commentary` (or `???`).
# An editor's note speaks in the editors' voice and states what the sources establish,
# with its sources: documented history, so that reading only documented history shows
# the corrections (a note that cites nothing is editorial: markdown/status.py).
# Commentary written for the essay is speculation.
BOX_STATUSES = {"editor": "documented", "commentary": "speculation"}
# Whose voice a box is, where it is not the essay's.
BOX_VOICES = {"editor": "editors"}
# The mark of an essay passage that an editor's note right after it corrects or qualifies:
# neither plain documented history nor any other kind until the note has been read.
QUALIFIED = "qualified"


def page_default(meta: Mapping[str, object]) -> Status | None:
    """The status of a page's unmarked passages, from its front matter (None: no track).

    An unknown `status` falls back to the track's, so the page still renders; rule FM003
    reports the mistake.
    """
    status = STATUSES.get(str(meta.get("status")))
    if status is None:
        status = STATUSES.get(TRACK_DEFAULTS.get(str(meta.get("track")), ""))
    return status
