"""``divergence.markdown.timeline``: the timeline tables and the comparison by theme.

A page asks for one with a line of its own:

    <!-- divergence:timeline -->                every event, year by year
    <!-- divergence:timeline era=succession -->  the events of one era
    <!-- divergence:comparison -->              the two histories theme by theme

The HTML comes from the Jinja templates beside this module and enters the page's tree, so
MkDocs sees the events' ids (anchor validation) and turns the docs-relative links
(``/timeline/succession.md#lenin-death``) into links relative to the page, checking each
one (``validation.links.absolute_links: relative_to_docs``). Without MkDocs the links stay
docs-relative. Nothing depends on the page being rendered: no state outside the tree.
"""

from __future__ import annotations

import functools
import re
import xml.etree.ElementTree as etree

import jinja2
from markdown import Extension
from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import Treeprocessor

from divergence.markdown.timeline_views import theme_rows, year_rows
from divergence.site import SiteData, load_site
from divergence.site.generated import BIBLIOGRAPHY_PAGE, TIMELINE_INDEX, timeline_era_page
from divergence.site.timeline import Event

_MARKER = re.compile(r"^<!-- divergence:(timeline|comparison)(?: era=([\w-]+))? -->$")
# What a marker line becomes until the tree is built: plain letters, which no inline
# pattern touches.
_PLACEHOLDER = re.compile(r"^DIVERGENCEMARKER(timeline|comparison)x([\w-]*)x$")


@functools.cache
def templates() -> jinja2.Environment:
    # One environment a process: `mkdocs serve` reuses the compiled templates.
    return jinja2.Environment(
        loader=jinja2.PackageLoader("divergence.markdown", "templates"), auto_reload=False
    )


class Links:
    """Docs-relative URLs from a page showing ``shown`` to events, pages and sources."""

    def __init__(self, site: SiteData, shown: set[str]) -> None:
        self.site, self.shown = site, shown

    def event(self, event: Event) -> str:
        if event.id in self.shown:
            return f"#{event.id}"
        era = self.site.timeline.era_of(event)
        target = timeline_era_page(era.id) if era else TIMELINE_INDEX
        return f"/{target}#{event.id}"

    def page_of(self, event: Event) -> str | None:
        return f"/{event.page}" if event.page else None

    def source(self, key: str) -> tuple[str, str]:
        return self.site.source_label(key), f"/{BIBLIOGRAPHY_PAGE}#{key}"


def render(site: SiteData, kind: str, era_id: str | None = None) -> str:
    """The HTML of one timeline view, with docs-relative links."""
    timeline = site.timeline
    if kind == "comparison":
        return (
            templates()
            .get_template("comparison.html")
            .render(rows=theme_rows(timeline), link=Links(site, set()))
        )
    era = next((e for e in timeline.eras if e.id == era_id), None) if era_id else None
    shown = {e.id for e in timeline.events if era is None or era.holds(e)}
    return (
        templates()
        .get_template("timeline.html")
        .render(
            rows=year_rows(timeline, era),
            link=Links(site, shown),
            pod=timeline.point_of_divergence,
            era=era,
            eras=timeline.eras,
            themes=timeline.themes,
        )
    )


class MarkerPreprocessor(Preprocessor):
    """Turns each marker line into a paragraph of its own holding a placeholder."""

    def run(self, lines: list[str]) -> list[str]:
        out: list[str] = []
        for line in lines:
            match = _MARKER.match(line.strip())
            if match:
                out += ["", f"DIVERGENCEMARKER{match[1]}x{match[2] or ''}x", ""]
            else:
                out.append(line)
        return out


class TimelineTreeprocessor(Treeprocessor):
    """Puts each view where its placeholder paragraph stands."""

    def __init__(self, md, root: str) -> None:
        super().__init__(md)
        self.root = root

    def run(self, root: etree.Element) -> None:
        for parent in list(root.iter()):
            for index, child in enumerate(list(parent)):
                match = child.tag == "p" and _PLACEHOLDER.match(child.text or "")
                if not match:
                    continue
                site = load_site(self.root)
                if site.timeline is None:
                    view = etree.Element("p", {"class": "dv-timeline"})
                    view.text = "The timeline cannot be shown: data/timeline.yml is missing."
                else:
                    view = etree.fromstring(render(site, match[1], match[2] or None))
                view.tail = child.tail
                parent.remove(child)
                parent.insert(index, view)


class TimelineExtension(Extension):
    def __init__(self, **kwargs) -> None:
        self.config = {"root": [".", "The project folder, which holds data/timeline.yml"]}
        super().__init__(**kwargs)

    def extendMarkdown(self, md) -> None:
        # Before MkDocs collects ids from raw HTML (21) and html_block stashes comments (20).
        md.preprocessors.register(MarkerPreprocessor(md), "divergence-timeline-marker", 25)
        # After attr_list (8); before the ids are collected (5) and links rewritten (0).
        md.treeprocessors.register(
            TimelineTreeprocessor(md, self.getConfig("root")), "divergence-timeline", 7
        )


def makeExtension(**kwargs):
    return TimelineExtension(**kwargs)
