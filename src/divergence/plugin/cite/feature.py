"""Hand each page's suggested citation to the theme.

overrides/divergence/cite-this-page.html renders it at the end of every page. The date is
the page's last git revision, which the plugin's last_updated feature puts in the page's
meta; without it the citation gives the build date.
"""

from __future__ import annotations

import html
import logging
from datetime import date

from mkdocs.structure.pages import Page

from divergence.plugin.cite.model import cite

# Set by last_updated for every page: YYYY-MM-DD.
from divergence.plugin.last_updated import ISO as GIT_DATE

log = logging.getLogger("mkdocs.plugins.divergence")


class Cite:
    """Sets `divergence_citation` for overrides/divergence/cite-this-page.html."""

    def on_config(self, config):
        if not config.site_url:
            log.info("divergence/cite: no site_url, so the citations give no page address")

    def on_page_context(self, context, /, *, page: Page, config, nav):
        """Expose the page's citation (key, Chicago text, BibTeX entry) to the templates."""
        git_date = page.meta.get(GIT_DATE)
        if not git_date:
            log.debug("divergence/cite: %s has no git date; citing the build date", page.file)
        context["divergence_citation"] = cite(
            # MkDocs takes a title from the page's h1 with its HTML entities (&amp;) kept.
            # The home page's nav title is "Home": cite it by the site's name.
            title=html.unescape(
                config.site_name if page.is_homepage else (page.title or config.site_name)
            ),
            path=page.url,
            url=page.canonical_url,
            # MkDocs' build date honours SOURCE_DATE_EPOCH, for reproducible builds.
            updated=date.fromisoformat(git_date or page.update_date),
            site=config.site_name,
            author=config.site_author or config.site_name,
        )
        return context
