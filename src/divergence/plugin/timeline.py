"""The timeline's era pages and comparison page, and the timeline as open data.

The tables themselves are drawn by the Markdown extension ``divergence.markdown.timeline``
wherever a page asks for them; the pages generated here hold only the request.
"""

from __future__ import annotations

from mkdocs.structure.files import File

from divergence.markdown.timeline_views import timeline_csv, timeline_json
from divergence.plugin.serving import GeneratedSources, generated_page
from divergence.plugin.templates import template
from divergence.plugin.urls import data_edit_url
from divergence.site import SiteData
from divergence.site.generated import (
    TIMELINE_COMPARISON,
    salvaged_eras,
    timeline_era_page,
    timeline_unreadable,
)
from divergence.site.timeline import FILE


class Timeline:
    def __init__(self, site: SiteData, sources: GeneratedSources | None = None) -> None:
        self.site = site
        # While serving, the pages' Markdown is kept in files (serving.py).
        self.sources = sources

    def on_files(self, files, /, *, config):
        timeline = self.site.timeline
        if timeline is None:
            return files
        # A file YAML cannot read keeps its era pages (from its eras section), each
        # saying why it is empty, so that links to them still lead somewhere.
        unreadable = timeline_unreadable(self.site) is not None
        eras = salvaged_eras(self.site.texts[FILE]) if unreadable else timeline.eras
        for era in eras:
            content = template("era-page.md").render(era=era)
            files.append(generated_page(config, timeline_era_page(era.id), content, self.sources))
        content = template("comparison-page.md").render()
        files.append(generated_page(config, TIMELINE_COMPARISON, content, self.sources))
        files.append(File.generated(config, "timeline.json", content=timeline_json(timeline)))
        files.append(File.generated(config, "timeline.csv", content=timeline_csv(timeline)))
        return files

    def on_page_context(self, context, /, *, page, config, nav):
        if page.file.generated_by and page.file.src_uri.startswith("timeline/"):
            page.edit_url = data_edit_url(config, FILE)
        return context
