"""Hand each page's suggested citation to the theme.

overrides/divergence/cite-this-page.html renders it at the end of every page, and
overrides/main.html links to it from beside the page's title. The date is the page's
last git revision, which the plugin's last_updated feature puts in the page's meta;
without one the citation gives the build date.
"""

from __future__ import annotations

import html
import logging
import re
from datetime import date

from mkdocs.structure.pages import Page

from divergence.plugin.cite.model import cite

# Set by last_updated for every page: YYYY-MM-DD.
from divergence.plugin.last_updated import ISO as GIT_DATE
from divergence.site import SiteData
from divergence.site.claims import page_default
from divergence.site.glossary import PEOPLE

log = logging.getLogger("mkdocs.plugins.divergence")
# What is not running text in a page's HTML: headings (in headline style) and code,
# whose words may stand in any case; then every tag.
_NOT_PROSE = re.compile(r"<(h[1-6]|code)\b.*?</\1>|<[^>]*>", re.DOTALL)
# Words a proper name may hold in lowercase ("Communist Party of the Soviet Union").
_SMALL_WORDS = frozenset({"of", "the", "and", "for", "in", "on", "to"})
# What is known of the essay's origin (the home page says it is published unchanged): it
# came to the editors as it stands, with no author's name; everything around it is
# theirs. Cited on the pages whose unmarked passages are the essay's.
PROVENANCE = "Essay reproduced as received, author not named, with the editors' notes"


class Cite:
    """Sets `divergence_citation` for overrides/divergence/cite-this-page.html."""

    def __init__(self, site: SiteData) -> None:
        self.site = site
        # Proper names known to the site, set for each build in on_config.
        self.names: frozenset[str] = frozenset()

    def on_config(self, config):
        if not config.site_url:
            log.info("divergence: no site_url, so the citations give no page address")
        # Proper names, which APA's sentence-case titles keep capitalised: people's names
        # and their other forms ("Stephen Kotkin"), and the terms written with a capital on
        # every word but the small ones ("Cold War", "Communist Party of the Soviet Union").
        site = self.site
        self.names = frozenset(
            name
            for entry in site.glossary.entries
            for name in entry.names
            if entry.kind is PEOPLE or _proper_term(name)
        )

    def on_page_context(self, context, /, *, page: Page, config, nav):
        """Expose the page's citation (key, four forms) and its first section to the theme."""
        git_date = page.meta.get(GIT_DATE)
        if not git_date:
            log.debug("divergence: %s has no git date; citing the build date", page.file)
        # A page whose default kind of claim is not the editors' is the essay's text.
        status = page_default(page.meta)
        essay = status is not None and status.id != "editorial"
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
            provenance=PROVENANCE if essay else None,
            # Only running text tells which capitalised words are proper names.
            evidence=html.unescape(_NOT_PROSE.sub(" ", page.content or "")),
            names=self.names,
        )
        # The example of a section's own address: the page's first section, if any.
        context["divergence_cite_section"] = _first_section(page.toc.items)
        return context


def _first_section(items):
    """The first second-level heading in a page's table of contents, or None."""
    for item in items:
        if item.level == 2:
            return item
        found = _first_section(item.children)
        if found is not None:
            return found
    return None


def _proper_term(name: str) -> bool:
    words = name.split()
    return len(words) > 1 and all(w[0].isupper() or w in _SMALL_WORDS for w in words)
