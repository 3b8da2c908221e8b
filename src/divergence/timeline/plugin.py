"""MkDocs adapter: the timeline views, the era and comparison pages, and the open data.

Pages hold markers only (``<!-- divergence:timeline -->``, ``<!-- divergence:timeline
era=succession -->``, ``<!-- divergence:comparison -->``); the HTML comes from the Jinja
templates in overrides/divergence/.
"""

from __future__ import annotations

import re
from pathlib import Path

from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File
from mkdocs.utils import get_relative_url

from divergence.generated import (
    BIBLIOGRAPHY_PAGE,
    TIMELINE_COMPARISON,
    TIMELINE_INDEX,
    data_edit_url,
    timeline_era_page,
)
from divergence.timeline.model import FILE, Event, Timeline, load
from divergence.timeline.views import theme_rows, timeline_csv, timeline_json, year_rows

_ID = re.compile(r'\sid="([^"]+)"')
_MARKER = re.compile(r"<!-- divergence:(timeline|comparison)(?: era=([\w-]+))? -->")
INDEX = TIMELINE_INDEX
COMPARISON = TIMELINE_COMPARISON
BIBLIOGRAPHY = BIBLIOGRAPHY_PAGE
era_page = timeline_era_page


class TimelinePlugin(BasePlugin):
    """data/timeline.yml as the dual-track timeline, era pages and a comparison by theme."""

    def on_config(self, config):
        # `mkdocs serve` keeps this object: read the data afresh for every build.
        path = Path(config.config_file_path).parent / FILE
        self.timeline: Timeline | None = load(path.read_text("utf-8")) if path.is_file() else None
        self._env = None
        return config

    def on_files(self, files, /, *, config):
        timeline = self.timeline
        if timeline is None:
            return files
        for era in timeline.eras:
            content = self._template(config, "divergence/era-page.md").render(era=era)
            files.append(File.generated(config, era_page(era.id), content=content))
        content = self._template(config, "divergence/comparison-page.md").render()
        files.append(File.generated(config, COMPARISON, content=content))
        files.append(File.generated(config, "timeline.json", content=timeline_json(timeline)))
        files.append(File.generated(config, "timeline.csv", content=timeline_csv(timeline)))
        return files

    def on_page_content(self, html, /, *, page, config, files):
        if self.timeline is None or "<!-- divergence:" not in html:
            return html
        html = _MARKER.sub(lambda m: self._render(m, page, config, files), html)
        # MkDocs validates links to anchors against the ids its Markdown produced; the
        # events' ids come from our templates, so add them.
        anchors = getattr(page, "present_anchor_ids", None)
        if anchors is not None:
            anchors.update(_ID.findall(html))
        return html

    def on_page_context(self, context, /, *, page, config, nav):
        if page.file.generated_by and page.file.src_uri.startswith("timeline/"):
            page.edit_url = data_edit_url(config, FILE)
        return context

    def _render(self, match, page, config, files) -> str:
        timeline = self.timeline
        eras = {era.id: era for era in timeline.eras}
        era = eras.get(match.group(2)) if match.group(2) else None
        shown = {e.id for e in timeline.events if era is None or era.holds(e)}
        if match.group(1) == "comparison":
            shown = set()
        links = _Links(timeline, page, files, shown, self._sources(config))
        if match.group(1) == "comparison":
            return self._template(config, "divergence/comparison.html").render(
                rows=theme_rows(timeline), link=links
            )
        return self._template(config, "divergence/timeline.html").render(
            rows=year_rows(timeline, era),
            link=links,
            pod=timeline.point_of_divergence,
            era=era,
            eras=timeline.eras,
            themes=timeline.themes,
        )

    def _sources(self, config) -> dict[str, tuple[str, str]]:
        """{key: (short label, full reference)} from mkdocs-bibtex's bibliography."""
        registry = getattr(config.plugins.get("bibtex"), "registry", None)
        if registry is None:
            return {}
        labels = {}
        for key, entry in registry.bib_data.entries.items():
            people = entry.persons.get("author") or entry.persons.get("editor") or []
            name = " ".join(people[0].last_names) if people else entry.fields.get("title", key)
            name = re.sub(r"[{}]", "", name)
            labels[key] = (f"{name} {entry.fields.get('year', '')}".strip(), key)
        return labels

    def _template(self, config, name):
        # One Jinja environment a build: each new one compiles its templates again.
        if self._env is None:
            self._env = config.theme.get_env()
        return self._env.get_template(name)


class _Links:
    """URLs from the page being rendered to events, their pages and their sources."""

    def __init__(self, timeline, page, files, shown, sources) -> None:
        self.timeline, self.page, self.files, self.shown = timeline, page, files, shown
        self.sources = sources

    def event(self, event: Event) -> str:
        if event.id in self.shown:
            return f"#{event.id}"
        era = self.timeline.era_of(event)
        target = era_page(era.id) if era else INDEX
        return f"{self._url(target)}#{event.id}"

    def page_of(self, event: Event) -> str | None:
        if not event.page:
            return None
        path, _, anchor = event.page.partition("#")
        url = self._url(path)
        return f"{url}#{anchor}" if url and anchor else url

    def source(self, key: str) -> tuple[str, str]:
        label, _ = self.sources.get(key, (key, key))
        return label, f"{self._url(BIBLIOGRAPHY)}#{key}"

    def _url(self, src_uri: str) -> str | None:
        file = self.files.get_file_from_path(src_uri)
        if file is None:
            return None
        url = get_relative_url(file.url, self.page.url)
        if file.url.endswith("/") and not url.endswith("/"):
            url += "/"
        return url
