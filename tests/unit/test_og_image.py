"""The link-preview image (divergence.plugin.og_image): the chart's colours resolved for
resvg, and the same picture rendered to the same bytes."""

from __future__ import annotations

from divergence.markdown.chart import render_chart
from divergence.plugin.og_image import HEIGHT, WIDTH, card, flat_css, render_png
from divergence.site import load_site
from sitebuild import REPO


def test_custom_properties_resolve_through_chains_fallbacks_and_colour_mixes():
    css = (
        ".a{--paper:var(--md-bg,#fff);--band:color-mix(in srgb,#000 10%,var(--paper));"
        "color:var(--paper)}.b{fill:var(--band);stroke:var(--missing,#123456)}"
    )
    assert flat_css(css) == ".a{color:#fff}.b{fill:#e6e6e6;stroke:#123456}"


def test_a_translucent_colour_mixes_as_it_shows_on_white():
    # #000000de is Material's text colour, 87 % black: on white, grey 33 (0x21); halfway
    # from there to white is 144 (0x90).
    assert flat_css(".a{fill:color-mix(in srgb,#000000de 50%,#fff)}") == ".a{fill:#909090}"


def test_the_chart_card_renders_to_the_same_png_each_time():
    timeline = load_site(REPO).timeline
    chart = render_chart(timeline, href=lambda event: "#", compact=True)
    svg = card("The Trotsky Succession", "What if Trotsky had succeeded Lenin?", chart)
    assert "var(" not in svg and "color-mix" not in svg
    first = render_png.__wrapped__(svg)
    assert first == render_png.__wrapped__(svg)
    assert first.startswith(b"\x89PNG")
    assert (int.from_bytes(first[16:20], "big"), int.from_bytes(first[20:24], "big")) == (
        WIDTH,
        HEIGHT,
    )
