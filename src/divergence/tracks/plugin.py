"""MkDocs adapter: hand each page's track to the theme, which renders the badge.

The front matter itself is validated by the checks (rules FM001-FM004), in the build and
in `divergence check`.
"""

from __future__ import annotations

from mkdocs.plugins import BasePlugin
from mkdocs.structure.pages import Page

from divergence.tracks.model import TRACKS


class TracksPlugin(BasePlugin):
    """Sets `divergence_track` for overrides/divergence/track-badge.html."""

    def on_page_context(self, context, /, *, page: Page, config, nav):
        """Expose the page's track (or None when it has none) to the templates."""
        context["divergence_track"] = TRACKS.get(page.meta.get("track"))
        return context
