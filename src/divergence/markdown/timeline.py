"""``divergence.markdown.timeline``: the timeline tables, the comparison and the chart.

A page asks for one with a line of its own:

    <!-- divergence:timeline -->                every event, year by year
    <!-- divergence:timeline era=succession -->  the events of one era
    <!-- divergence:comparison -->              the two histories theme by theme
    <!-- divergence:chart -->                   the divergence chart (chart/), labelled
    <!-- divergence:chart compact -->           the same, marks only, for an overview
    <!-- divergence:chart era=succession -->     the chart of one era's span

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
from importlib import resources

import jinja2
import rcssmin
from markdown import Extension
from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import Treeprocessor

from divergence.markdown.chart import render_chart
from divergence.markdown.timeline_views import theme_rows, year_rows
from divergence.site import SiteData, load_site
from divergence.site.generated import (
    BIBLIOGRAPHY_PAGE,
    TIMELINE_INDEX,
    salvaged,
    timeline_era_page,
    timeline_unreadable,
    written_ids,
)
from divergence.site.timeline import FILE, Event

_MARKER = re.compile(
    r"^<!-- divergence:(timeline|comparison|chart)( compact)?(?: era=([\w-]+))? -->$"
)
# What a marker line becomes until the tree is built: plain letters, which no inline
# pattern touches.
_PLACEHOLDER = re.compile(r"^DIVERGENCEMARKER(timeline|comparison|chart)x(compact)?x([\w-]*)x$")


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
            # On every view: links to such an event (from pages, or to its era) land on
            # the notice that says why it is not shown.
            unreadable=timeline.unreadable,
        )
    )


def chart_figure(site: SiteData, compact: bool, era_id: str | None, tabled: set, prefix: str):
    """The chart in a figure, with a link past its marks for keyboard users; its marks link
    to the rows of ``tabled`` events on the same page, the others to their era pages."""
    timeline = site.timeline
    era = next((e for e in timeline.eras if e.id == era_id), None) if era_id else None
    links = Links(site, tabled)
    figure = etree.Element("figure", {"class": "dv-chart-figure"})
    skip = etree.SubElement(figure, "a", {"class": "dv-chart-skip", "href": f"#{prefix}-end"})
    skip.text = "Skip the chart"
    svg = render_chart(timeline, href=links.event, compact=compact, era=era, title_id_prefix=prefix)
    # The chart's styles travel with it (an SVG style element applies to the page), so
    # pages without a chart do not load them.
    style = etree.Element("style")
    style.text = chart_css()
    svg.insert(2, style)
    figure.append(svg)
    caption = etree.SubElement(figure, "figcaption", {"id": f"{prefix}-end"})
    caption.text = (
        "Every mark is an event and links to it on the timeline, where the table "
        "lists the same events in words."
    )
    return figure


@functools.cache
def chart_css() -> str:
    text = (resources.files("divergence.markdown.chart") / "chart.css").read_text("utf-8")
    return rcssmin.cssmin(text)


class MarkerPreprocessor(Preprocessor):
    """Turns each marker line into a paragraph of its own holding a placeholder."""

    def run(self, lines: list[str]) -> list[str]:
        out: list[str] = []
        for line in lines:
            match = _MARKER.match(line.strip())
            if match:
                compact = "compact" if match[2] else ""
                out += ["", f"DIVERGENCEMARKER{match[1]}x{compact}x{match[3] or ''}x", ""]
            else:
                out.append(line)
        return out


def _unreadable_notice(site: SiteData, problem, kind: str) -> etree.Element:
    """What stands in for a view while data/timeline.yml cannot be read: why, and an
    anchor for each event (or, on the comparison, theme) written in the file, so that
    links still land here."""
    notice = etree.Element("div", {"class": "admonition warning dv-timeline"})
    title = etree.SubElement(notice, "p", {"class": "admonition-title"})
    title.text = "The timeline cannot be shown until its data file is fixed"
    text = etree.SubElement(notice, "p")
    text.text = (
        f"{problem.path} cannot be read: line {problem.line}, column {problem.col}: "
        f"{problem.message}. Run make check to see the same message."
    )
    text = site.texts[FILE]
    if kind == "timeline":
        ids = ["point-of-divergence", *written_ids(text)]
    else:
        ids = list(salvaged(text, "themes") or ()) if kind == "comparison" else []
    if ids:
        anchors = etree.SubElement(notice, "div", {"hidden": "hidden"})
        for anchor in ids:
            etree.SubElement(anchors, "span", {"id": anchor})
    return notice


class TimelineTreeprocessor(Treeprocessor):
    """Puts each view where its placeholder paragraph stands."""

    def __init__(self, md, root: str) -> None:
        super().__init__(md)
        self.root = root

    def run(self, root: etree.Element) -> None:
        found = [
            (parent, child, match)
            for parent in root.iter()
            for child in parent
            if child.tag == "p" and (match := _PLACEHOLDER.match(child.text or ""))
        ]
        if not found:
            return
        site = load_site(self.root)
        # A chart links to the rows of a table on the same page, else to the era pages.
        tabled = {
            event.id
            for _, _, match in found
            if match[1] == "timeline" and site.timeline is not None
            for event in site.timeline.events
            if match[3] is None or getattr(site.timeline.era_of(event), "id", None) == match[3]
        }
        for number, (parent, child, match) in enumerate(found, 1):
            kind, compact, era = match[1], bool(match[2]), match[3] or None
            if site.timeline is None:
                view = etree.Element("p", {"class": "dv-timeline"})
                view.text = "The timeline cannot be shown: data/timeline.yml is missing."
            elif (broken := timeline_unreadable(site)) is not None:
                view = _unreadable_notice(site, broken, kind)
            elif kind == "chart":
                view = chart_figure(site, compact, era, tabled, f"dv-chart-{number}")
            else:
                view = etree.fromstring(render(site, kind, era))
            view.tail = child.tail
            index = list(parent).index(child)
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
