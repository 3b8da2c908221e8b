"""Hand each page's track and default claim status to the theme.

The theme renders the badge (overrides/divergence/track-badge.html) and, under it, the
kind of claim the page's unmarked passages make (overrides/divergence/claim-status.html).
The front matter itself is validated by the checks (rules FM001-FM004), in the build and
in `divergence check`.
"""

from __future__ import annotations

from mkdocs.structure.pages import Page

from divergence.plugin.urls import page_url
from divergence.site.claims import LEGEND_ANCHOR, STATUSES, page_default
from divergence.site.tracks import TRACKS


class Tracks:
    """Sets `divergence_track` and `divergence_status` (and its legend) for the templates."""

    def __init__(self, records) -> None:
        # Whether the home page has the legend, kept between --dirty rebuilds (which
        # convert the home page only when it is edited).
        self.legend = records.legend

    def on_page_context(self, context, /, *, page: Page, config, nav):
        """Expose the page's track and default status (None when it has no track)."""
        context["divergence_track"] = TRACKS.get(page.meta.get("track"))
        context["divergence_status"] = page_default(page.meta)
        context["divergence_statuses"] = list(STATUSES.values())
        context["divergence_legend_url"] = self._legend_url(page, nav)
        return context

    def _legend_url(self, page: Page, nav) -> str | None:
        """The link from ``page`` to the legend on the home page, if the home page has it.

        Every page is converted before any is rendered, so the home page's headings are
        known (in a --dirty rebuild, from when the home page was last converted).
        """
        home = nav.homepage
        if home is None:
            return None
        if home.content is not None:
            self.legend["home"] = _has_anchor(home.toc, LEGEND_ANCHOR)
        if not self.legend.get("home"):
            return None
        return f"{page_url(home, page)}#{LEGEND_ANCHOR}"


def _has_anchor(items, anchor: str) -> bool:
    return any(item.id == anchor or _has_anchor(item.children, anchor) for item in items)
