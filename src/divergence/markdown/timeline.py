"""``divergence.markdown.timeline``: the timeline tables and the comparison by theme.

A page asks for one with a line of its own:

    <!-- divergence:timeline -->                every event, year by year
    <!-- divergence:timeline era=succession -->  the events of one era
    <!-- divergence:comparison -->              the two histories theme by theme
    <!-- divergence:events page=impact/economy.md -->
                                                the events a page discusses, by lane
    <!-- divergence:chart -->                   the divergence chart (chart/), labelled
    <!-- divergence:chart compact -->           the same, marks only, for an overview
    <!-- divergence:chart era=succession -->     the chart of one era's span

The last one goes at the end of an essay page, naming that page (the extension does not
know which page it converts).

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

from divergence.markdown.blocks import PROBLEM, SOURCE
from divergence.markdown.chart import render_chart
from divergence.markdown.timeline_views import section_title, theme_rows, year_groups
from divergence.site import SiteData, load_site
from divergence.site.diagnostics import did_you_mean
from divergence.site.generated import (
    BIBLIOGRAPHY_PAGE,
    TIMELINE_INDEX,
    salvaged,
    timeline_era_page,
    timeline_unreadable,
    written_ids,
)
from divergence.site.sources import read_text
from divergence.site.timeline import FILE, Era, Event

_MARKER = re.compile(
    r"^<!-- divergence:(?:(timeline)(?: era=([\w-]+))?|(comparison)|(events) page=(\S+\.md)"
    r"|(chart)( compact)?(?: era=([\w-]+))?) -->$"
)


def views_asked(markdown: str) -> list[tuple[str, str | None]]:
    """The views of the timeline ``markdown`` asks for: (kind, era or page) by marker line."""
    views = []
    for line in markdown.splitlines():
        match = _MARKER.match(line.strip())
        if match:
            views.append((match[1] or match[3] or match[4] or match[6], match[5]))
    return views


# What a marker line becomes until the tree is built: plain letters and digits, which no
# inline pattern touches (the argument is hex-encoded: a path has slashes and dots; a
# trailing 'c' is a compact chart).
_PLACEHOLDER = re.compile(r"^DIVERGENCEMARKER(timeline|comparison|events|chart)x([0-9a-f]*)x(c?)$")
# The site's one vocabulary for the two histories (docs/contributing/conventions.md).
LANES = {"actual": "Actual history", "alternate": "Alternate history"}


@functools.cache
def templates() -> jinja2.Environment:
    # One environment a process: `mkdocs serve` reuses the compiled templates.
    return jinja2.Environment(
        loader=jinja2.PackageLoader("divergence.markdown", "templates"), auto_reload=False
    )


class Links:
    """Docs-relative URLs from a page showing ``shown`` to events, pages and sources."""

    def __init__(self, site: SiteData, shown: set[str], eras_shown: set[str] = frozenset()):
        self.site, self.shown, self.eras_shown = site, shown, eras_shown
        self._pages: dict[str, str | None] = {}

    def era(self, era: Era) -> str:
        """Where the era is shown on this page, else its own page."""
        return f"#era-{era.id}" if era.id in self.eras_shown else self.era_page(era)

    def era_page(self, era: Era) -> str:
        return f"/{timeline_era_page(era.id)}"

    def timeline(self) -> str:
        return f"/{TIMELINE_INDEX}"

    def discussion(self, event: Event) -> str | None:
        """The name of the page, and section, that discusses the event: "The Actual
        History: Lenin's illness" (read from the page's Markdown in docs/)."""
        if not event.page_path:
            return None
        path = event.page_path
        if path not in self._pages:
            self._pages[path] = read_text(self.site.root / "docs" / path)
        text = self._pages[path]
        if text is None:
            return None
        title = section_title(text, None) or path
        anchor = event.page.partition("#")[2] or None
        section = section_title(text, anchor) if anchor else None
        return f"{title}: {section}" if section else title

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


def render(site: SiteData, kind: str, argument: str | None = None) -> str:
    """The HTML of one timeline view, with docs-relative links.

    ``argument`` is the era of a timeline view, the page of an events view.
    """
    timeline = site.timeline
    if kind == "comparison":
        return (
            templates()
            .get_template("comparison.html")
            .render(rows=theme_rows(timeline), link=Links(site, set()), lanes=LANES)
        )
    if kind == "events":
        events = [e for e in timeline.events if e.page_path == argument]
        return (
            templates()
            .get_template("page-events.html")
            .render(
                page=argument,
                marker=f"<!-- divergence:events page={argument} -->",
                lanes={track: [e for e in events if e.track == track] for track in LANES},
                labels=LANES,
                link=Links(site, set()),
                problem=(PROBLEM, SOURCE),
            )
        )
    era = next((e for e in timeline.eras if e.id == argument), None) if argument else None
    shown = {e.id for e in timeline.events if era is None or era.holds(e)}
    groups = year_groups(timeline, era)
    return (
        templates()
        .get_template("timeline.html")
        .render(
            groups=groups,
            link=Links(site, shown, {g.opens.id for g in groups if g.opens}),
            lanes=LANES,
            pod=timeline.point_of_divergence,
            era=era,
            eras=timeline.eras,
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
                kind = match[1] or match[3] or match[4] or match[6]
                argument = (match[2] or match[5] or match[8] or "").encode().hex()
                compact = "c" if match[7] else ""
                out += ["", f"DIVERGENCEMARKER{kind}x{argument}x{compact}", ""]
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
        eras = {era.id for era in site.timeline.eras} if site.timeline else set()
        # A chart links to the rows of a timeline table on the same page, else to the
        # event's era page.
        tabled = {
            event.id
            for _, _, match in found
            if match[1] == "timeline" and site.timeline is not None
            for event in site.timeline.events
            if not match[2]
            or getattr(site.timeline.era_of(event), "id", None) == bytes.fromhex(match[2]).decode()
        }
        for number, (parent, child, match) in enumerate(found, 1):
            kind, argument = match[1], bytes.fromhex(match[2]).decode() or None
            if site.timeline is None:
                view = etree.Element("p", {"class": "dv-timeline"})
                view.text = "The timeline cannot be shown: data/timeline.yml is missing."
            elif (broken := timeline_unreadable(site)) is not None:
                view = _unreadable_notice(site, broken, kind)
            elif kind in ("timeline", "chart") and argument and argument not in eras:
                # Shown where it stands, and reported by BL002 with its line.
                view = etree.Element("p", {"class": "dv-timeline"})
                view.text = f"The {kind} cannot be shown: there is no era '{argument}'."
                view.set(SOURCE, f"<!-- divergence:{kind} era={argument} -->")
                view.set(
                    PROBLEM,
                    f"no era '{argument}' in data/timeline.yml"
                    f"{did_you_mean(argument, eras)}; the eras are listed under 'eras:'",
                )
            elif kind == "chart":
                view = chart_figure(site, bool(match[3]), argument, tabled, f"dv-chart-{number}")
            else:
                view = etree.fromstring(render(site, kind, argument))
            view.tail = child.tail
            index = list(parent).index(child)
            parent.remove(child)
            parent.insert(index, view)


class ChartLinksTreeprocessor(Treeprocessor):
    """Moves each chart mark's link to ``xlink:href`` once MkDocs has made it relative.

    Material's instant navigation resolves every ``[href]`` of a page it loads by assigning
    the element's ``href``, which an SVG ``<a>`` does not allow (its ``href`` is read-only):
    the assignment throws and the page is never swapped in. Browsers follow ``xlink:href``
    alike, and ``[href]`` does not match it.
    """

    def run(self, root: etree.Element) -> None:
        for svg in root.iter("svg"):
            if "dv-chart" in (svg.get("class") or "").split():
                for link in svg.iter("a"):
                    href = link.attrib.pop("href", None)
                    if href is not None:
                        link.set("xlink:href", href)


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
        # After MkDocs has checked the chart's links and made them relative ("relpath", 0).
        md.treeprocessors.register(ChartLinksTreeprocessor(md), "divergence-chart-links", -10)


def makeExtension(**kwargs):
    return TimelineExtension(**kwargs)
