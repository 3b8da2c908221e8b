"""Print: the chrome goes, the text and its notes stay, ink on white in either colour scheme,
and the whole essay on one page prints as a PDF with each part on a new page."""

from __future__ import annotations

import re

import pytest

pytestmark = pytest.mark.browser

PAGE = "aftermath/party-dynamics/"
PRINT = "print/"
# Material's header (search, palette toggle), tabs, breadcrumbs, both sidebars, footer,
# back-to-top and edit buttons, and our claim filter: none of them is any use on paper.
CHROME = {
    "header": ".md-header",
    "search": ".md-search",
    "palette toggle": "[data-md-component=palette]",
    "tabs": ".md-tabs",
    "breadcrumbs": ".md-path",
    "navigation": ".md-sidebar--primary",
    "table of contents": ".md-sidebar--secondary",
    "footer": ".md-footer",
    "back to top": ".md-top",
    "edit button": ".md-content__button",
    "claim filter": ".dv-claims__filter",
}
KEPT = {
    "title": "article h1",
    "track badge": ".dv-track",
    "claim status": ".dv-claims__default",
    "citations": "article sup a.footnote-ref",
    "notes": ".footnote",
    "editor's note": ".admonition.editor",
    "cite this page": ".dv-cite",
    "last updated": ".md-source-file",
}


def luminance(css_colour: str) -> float:
    """Relative luminance (0 black, 1 white) of a computed rgb()/rgba() colour."""
    red, green, blue = (int(v) / 255 for v in re.findall(r"[\d.]+", css_colour)[:3])

    def linear(c):
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    return 0.2126 * linear(red) + 0.7152 * linear(green) + 0.0722 * linear(blue)


def shown(page, selector):
    return page.evaluate(
        """s => [...document.querySelectorAll(s)].some(e => e.checkVisibility())""", selector
    )


def test_print_hides_the_chrome_and_keeps_the_text_notes_and_citation(page, site_url):
    page.goto(site_url + PAGE)
    assert {name: shown(page, s) for name, s in CHROME.items()} == dict.fromkeys(CHROME, True) | {
        # The back-to-top button shows only after scrolling up.
        "back to top": shown(page, CHROME["back to top"]),
    }
    page.emulate_media(media="print")
    assert {name: shown(page, s) for name, s in CHROME.items()} == dict.fromkeys(CHROME, False)
    assert {name: shown(page, s) for name, s in KEPT.items()} == dict.fromkeys(KEPT, True)


@pytest.mark.parametrize("scheme", ["default", "slate"])
def test_print_is_dark_ink_on_white_in_either_scheme(page, site_url, scheme):
    page.goto(site_url + PAGE)
    page.evaluate("s => document.body.setAttribute('data-md-color-scheme', s)", scheme)
    page.emulate_media(media="print")
    colours = page.evaluate(
        """() => {
          const style = s => getComputedStyle(document.querySelector(s));
          return {
            background: style("body").backgroundColor,
            text: style("article p").color,
            link: style("article p a:not(.dv-term)").color,
            notes: style(".footnote").color,
            citation: style(".dv-cite pre code").color,
          };
        }"""
    )
    assert luminance(colours.pop("background")) > 0.95, scheme
    assert {name: luminance(c) < 0.2 for name, c in colours.items()} == dict.fromkeys(
        colours, True
    ), colours


def test_print_spells_out_each_parts_address_and_no_other_link(page, site_url):
    page.goto(site_url + PRINT)
    page.emulate_media(media="print")
    after = page.evaluate(
        """() => {
          const after = a => getComputedStyle(a, "::after").content;
          return {
            online: after(document.querySelector("#actual-history .dv-print__about a")),
            note: after(document.querySelector(".footnote a[href^='http']")),
            link: after(document.querySelector(
              "article .dv-print__part p > a[href]:not(.dv-print__online)")),
          };
        }"""
    )
    assert re.fullmatch(r'" <https://[^>]+/actual-history/>"', after["online"]), after
    assert after["note"] == after["link"] == "none"


def test_the_whole_essay_prints_to_pdf_each_part_on_a_new_page(page, site_url):
    page.goto(site_url + PRINT)
    page.emulate_media(media="print")
    breaks = page.evaluate(
        """() => [...document.querySelectorAll("section.dv-print__part")].map(
             s => [s.id, getComputedStyle(s).breakBefore])"""
    )
    assert dict(breaks)["actual-history"] == "page"
    assert dict(breaks)["aftermath-economic-policy"] == "auto"
    pdf = page.pdf(format="A4")
    assert pdf.startswith(b"%PDF")
    # One page or more for each of the seven top-level parts, and more for their sections.
    assert len(re.findall(rb"/Type\s*/Page\b", pdf)) > 20
