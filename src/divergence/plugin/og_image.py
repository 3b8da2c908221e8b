"""The picture that a shared link shows (``og:image``): the compact divergence chart on
white beside the site's title and description, a 1200 x 630 PNG rendered at build time.

The chart is the one the home page shows (``divergence.markdown.chart``), drawn from
data/timeline.yml; resvg (the ``resvg-py`` wheel, no system library) renders it with the
machine's fonts, offline, and the same input gives the same bytes. The chart's colours are
CSS custom properties, which resvg does not read: they are resolved here to the light
scheme's values, the ones the chart's stylesheet falls back to. The PNG is a generated file
(nothing is written into docs/); ``overrides/divergence/page-meta.html`` names it, with an
absolute URL, when the site has a ``site_url``.
"""

from __future__ import annotations

import functools
import logging
import re
import xml.etree.ElementTree as etree
from pathlib import Path

from mkdocs.structure.files import File

from divergence.markdown.chart import render_chart, to_string
from divergence.markdown.chart.text import wrap
from divergence.markdown.timeline import chart_css
from divergence.site import SiteData
from divergence.site.dates import readable
from divergence.site.generated import OG_IMAGE

log = logging.getLogger("mkdocs.plugins.divergence")

WIDTH, HEIGHT = 1200, 630
MARGIN = 64
# The site's red (docs/assets/stylesheets/divergence.css) and the light scheme's text.
RED, INK, GREY = "#a4161a", "#1a1a1a", "#4d4d4d"
# Debian's fonts-dejavu-core: present wherever fontconfig is (Chromium, which the tests
# need, pulls it in). resvg picks another installed font for a family it cannot find.
FONT = "DejaVu Sans"
FONT_DIRS = ("/usr/share/fonts", "/usr/local/share/fonts", "~/.local/share/fonts", "~/.fonts")

_CUSTOM = re.compile(r"(--[\w-]+)\s*:\s*([^;}]+);?")
_VAR = re.compile(r"var\(\s*(--[\w-]+)\s*(?:,\s*([^()]*))?\)")
_MIX = re.compile(
    r"color-mix\(in srgb,\s*(#[0-9a-f]{3,8})\s+([\d.]+)%\s*,\s*(#[0-9a-f]{3,8})\s*\)", re.I
)


class OgImage:
    """Renders the preview image and tells page-meta.html where it is."""

    def __init__(self, site: SiteData) -> None:
        self.site = site
        self.image: dict | None = None

    def on_files(self, files, /, *, config):
        self.image = None
        timeline = self.site.timeline
        if timeline is None:
            return files
        if not any(_fonts()):
            log.warning(
                "divergence: no font in %s for the text of %s; install Debian's fonts-dejavu-core",
                ", ".join(FONT_DIRS),
                OG_IMAGE,
            )
        chart = render_chart(timeline, href=lambda event: "#", compact=True)
        heading = chart.findtext("title") or ""
        svg = card(config.site_name, config.site_description or "", chart)
        files.append(File.generated(config, OG_IMAGE, content=render_png(svg)))
        divergence = timeline.point_of_divergence
        alt = f"{config.site_name}: {heading}, drawn as two lanes"
        if divergence is not None:
            alt += f" that run as one until {readable(divergence.iso)} and split there"
        self.image = {"path": OG_IMAGE, "alt": alt + ".", "width": WIDTH, "height": HEIGHT}
        return files

    def on_page_context(self, context, /, *, page, config, nav):
        # Link previews need an absolute address: without site_url there is none to give.
        if self.image is not None and config.site_url:
            url = config.site_url.rstrip("/") + "/" + self.image["path"]
            context["divergence_og_image"] = {**self.image, "url": url}
        return context


def card(title: str, description: str, chart: etree.Element) -> str:
    """The image as SVG: the title and description on the left, the chart on the right."""
    svg = etree.Element(
        "svg",
        {
            "xmlns": "http://www.w3.org/2000/svg",
            "width": str(WIDTH),
            "height": str(HEIGHT),
            "viewBox": f"0 0 {WIDTH} {HEIGHT}",
            "font-family": FONT,
        },
    )
    etree.SubElement(svg, "rect", {"width": str(WIDTH), "height": str(HEIGHT), "fill": "#fff"})
    etree.SubElement(svg, "rect", {"width": str(WIDTH), "height": "12", "fill": RED})
    style = etree.SubElement(svg, "style")
    style.text = flat_css(chart_css())
    # The chart as drawn for the home page, scaled to the image's height.
    _, _, drawn_width, drawn_height = (float(n) for n in chart.get("viewBox").split())
    height = HEIGHT - 12 - 2 * 24
    width = drawn_width * height / drawn_height
    chart.set("x", f"{WIDTH - MARGIN - width:.1f}")
    chart.set("y", "36")
    chart.set("width", f"{width:.1f}")
    chart.set("height", f"{height:.1f}")
    # Label widths are estimated for the browser's fonts; DejaVu Sans runs a little wider.
    chart.set("overflow", "visible")
    room = WIDTH - 3 * MARGIN - width
    y = 150.0
    for line in wrap(title, room, 64):
        _text(svg, line, y, 64, INK, bold=True)
        y += 76
    y += 28
    for line in wrap(description, room, 30):
        _text(svg, line, y, 30, GREY)
        y += 42
    # The chart's own title, under the text: what the picture shows.
    lines = wrap(chart.findtext("title") or "", room, 24)
    for number, line in enumerate(lines):
        _text(svg, line, HEIGHT - 48 - 32 * (len(lines) - 1 - number), 24, RED, bold=True)
    svg.append(chart)
    return to_string(svg)


def _text(svg: etree.Element, line: str, y: float, size: int, fill: str, *, bold=False) -> None:
    attributes = {"x": str(MARGIN), "y": f"{y:.0f}", "font-size": str(size), "fill": fill}
    if bold:
        attributes["font-weight"] = "700"
    etree.SubElement(svg, "text", attributes).text = line


def flat_css(css: str) -> str:
    """``css`` with its custom properties replaced by their values (or their fallbacks)
    and ``color-mix()`` computed, which resvg needs."""
    # The first definition of each property: the chart's, on .dv-chart.
    values = {name: value.strip() for name, value in reversed(_CUSTOM.findall(css))}

    def resolve(text: str) -> str:
        # A value may name another property (ink, paper): a few rounds resolve the chain.
        for _ in range(8):
            resolved = _VAR.sub(lambda m: values.get(m[1], m[2] or ""), text)
            if resolved == text:
                break
            text = resolved
        return _MIX.sub(lambda m: _mix(m[1], float(m[2]) / 100, m[3]), text)

    return resolve(_CUSTOM.sub("", css))


def _rgb(colour: str) -> tuple[float, float, float]:
    """An opaque #rgb, #rrggbb or #rrggbbaa colour as it shows on white."""
    digits = colour.lstrip("#")
    if len(digits) in (3, 4):
        digits = "".join(d * 2 for d in digits)
    channels = [int(digits[i : i + 2], 16) for i in range(0, len(digits), 2)]
    alpha = channels[3] / 255 if len(channels) == 4 else 1.0
    return tuple(c * alpha + 255 * (1 - alpha) for c in channels[:3])


def _mix(first: str, share: float, second: str) -> str:
    mixed = (a * share + b * (1 - share) for a, b in zip(_rgb(first), _rgb(second), strict=True))
    return "#" + "".join(f"{round(c):02x}" for c in mixed)


def _fonts():
    for folder in FONT_DIRS:
        path = Path(folder).expanduser()
        if path.is_dir():
            yield from (p for p in path.rglob("*") if p.suffix.lower() in (".ttf", ".otf"))


@functools.lru_cache(maxsize=4)
def render_png(svg: str) -> bytes:
    """The PNG of ``svg``; the same SVG is rendered once per process (``mkdocs serve``)."""
    import resvg_py

    return bytes(resvg_py.svg_to_bytes(svg_string=svg, font_family=FONT, sans_serif_family=FONT))
