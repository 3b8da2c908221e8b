"""A student's indexes and citations in a real browser: the Glossary's A–Z bar and the entry
it lands on, People in surname order, and "Cite this page" from the top of a page."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from divergence.plugin.glossary import az_bar, listed_name, people_groups, sort_key
from divergence.site import load_site
from divergence.site.glossary import PEOPLE, TERMS
from sitebuild import REPO

pytestmark = pytest.mark.browser

DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 375, "height": 800}


def entries(kind):
    site = load_site(REPO)
    return sorted((e for e in site.glossary.entries if e.kind is kind), key=sort_key)


def landed(page, entry_id):
    """The element the address points at is the entry's heading, highlighted, and in view
    below the sticky header."""
    page.wait_for_url(re.compile(f"#{entry_id}$"))
    heading = page.locator(f"[id='{entry_id}']")
    expect(heading).to_be_in_viewport()
    assert page.evaluate("document.querySelector(':target')?.id") == entry_id
    style = heading.evaluate(
        "h => [getComputedStyle(h).backgroundColor, getComputedStyle(h).boxShadow]"
    )
    assert style[0] not in ("rgba(0, 0, 0, 0)", "transparent") and style[1] != "none", style
    header = page.locator(".md-header").bounding_box()
    assert heading.bounding_box()["y"] >= header["y"] + header["height"] - 1


def test_the_glossary_a_to_z_leads_to_each_letters_first_entry_highlighted(
    new_context, published, site_url
):
    terms = entries(TERMS)
    bar = [item for item in az_bar(terms) if item.target]
    context = published(new_context(viewport=DESKTOP))
    page = context.new_page()
    page.goto(site_url + "glossary/")
    links = page.locator("nav.dv-az a")
    expect(links).to_have_text([item.letter for item in bar])
    # Letters without entries are there, but not links: the keyboard passes over them.
    expect(page.locator("nav.dv-az span")).to_have_count(26 - len(bar))
    links.nth(0).focus()
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == bar[1].letter
    # Enter follows the focused letter to the first entry listed under it.
    page.keyboard.press("Enter")
    landed(page, bar[1].target)
    # A click on a letter further down the alphabet does the same.
    last = bar[-1]
    links.filter(has_text=re.compile(f"^{last.letter}$")).click()
    landed(page, last.target)


def test_an_entry_reached_from_another_page_by_instant_navigation_is_highlighted(
    new_context, published, site_url
):
    context = published(new_context(viewport=DESKTOP))
    page = context.new_page()
    page.goto(site_url + "actual-history/")
    page.evaluate("window.sameDocument = true")
    term = page.locator("article a.dv-term[href*='glossary/#']").first
    entry_id = term.get_attribute("href").split("#", 1)[1]
    term.click()
    landed(page, entry_id)
    # Material swapped the page in: the same document, yet the entry is the :target.
    assert page.evaluate("window.sameDocument === true")


def test_the_a_to_z_bar_wraps_on_a_phone(new_context, site_url):
    page = new_context(viewport=PHONE).new_page()
    page.goto(site_url + "glossary/")
    bar = page.locator("nav.dv-az").bounding_box()
    assert bar["x"] >= 0 and bar["x"] + bar["width"] <= PHONE["width"]
    assert page.evaluate("document.scrollingElement.scrollWidth") <= PHONE["width"]
    letters = page.locator("nav.dv-az :is(a, span)").all()
    assert len({round(letter.bounding_box()["y"]) for letter in letters}) > 1


def test_people_are_in_surname_order_in_their_groups(page, site_url):
    groups = people_groups(entries(PEOPLE))
    page.goto(site_url + "people/")
    expect(page.locator("article h2:not(#cite-this-page)")).to_have_text(
        [f"{group.title}¶" for group in groups]
    )
    for group in groups:
        heading = page.locator(f"article h2#{group.id}")
        names = heading.evaluate(
            """h => {
              const names = [];
              for (let e = h.nextElementSibling; e && e.tagName !== 'H2'; e = e.nextElementSibling)
                if (e.tagName === 'H3') names.push(e.firstChild.textContent.trim());
              return names;
            }"""
        )
        # "Bukharin, Nikolai (1888–1938)": by surname, then the life years.
        listed = [re.sub(r" \([^)]*\)$", "", name) for name in names]
        assert listed == [listed_name(person) for person in group.entries]
        assert listed == sorted(listed, key=str.casefold), listed
        assert any(re.search(r"\(\d{4}–\d{4}\)$", name) for name in names)


def test_cite_this_page_is_reached_from_the_top_and_copies_each_style(new_context, site_url):
    context = new_context(viewport=DESKTOP, permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.goto(site_url + "point-of-divergence/")
    link = page.locator("article a.dv-cite-link")
    # Beside the title, on the first screen.
    expect(link).to_be_in_viewport()
    link.click()
    page.wait_for_url(re.compile("#cite-this-page$"))
    expect(page.locator("#cite-this-page")).to_be_in_viewport()
    figures = page.locator(".dv-cite figure")
    expect(figures.locator("figcaption")).to_have_text(
        ["Chicago (17th edition)", "APA (7th edition)", "MLA (9th edition)", "BibTeX"]
    )
    for index in range(4):
        figure = figures.nth(index)
        figure.hover()
        figure.locator("button[data-md-type=copy]").click()
        copied = page.evaluate("navigator.clipboard.readText()")
        assert copied.strip() == figure.locator("code").inner_text().strip()
