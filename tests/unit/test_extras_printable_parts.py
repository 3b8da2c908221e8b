"""The single-page essay's pure parts: which pages, their anchors, and how a part is rewritten."""

from __future__ import annotations

import pytest

from divergence.plugin.printable.model import Addresses, part_id, selects
from divergence.plugin.printable.render import rewrite

PAGES = [
    ("", "home"),
    ("actual-history/", "actual-history"),
    ("aftermath/", "aftermath"),
    ("aftermath/economy/", "aftermath-economy"),
    ("people/", None),
    ("print/", None),
]


@pytest.mark.parametrize(
    ("src_uri", "expected"),
    [
        ("index.md", "home"),
        ("actual-history.md", "actual-history"),
        ("aftermath/index.md", "aftermath"),
        ("aftermath/economic-policy.md", "aftermath-economic-policy"),
    ],
)
def test_a_parts_anchor_comes_from_its_path(src_uri, expected):
    assert part_id(src_uri) == expected


def test_parts_are_pages_or_everything_in_a_folder():
    patterns = ["index.md", "aftermath/"]
    assert selects(patterns, "index.md")
    assert selects(patterns, "aftermath/economy.md")
    assert not selects(patterns, "aftermath.md")
    assert not selects(patterns, "reading/index.md")


@pytest.mark.parametrize(
    ("href", "source", "expected"),
    [
        # Within the page: the part's prefix.
        ("#fn:kotkin2014", "actual-history/", "#actual-history--fn:kotkin2014"),
        # Another part, with and without an anchor.
        ("../aftermath/economy/#plans", "actual-history/", "#aftermath-economy--plans"),
        ("economy/", "aftermath/", "#aftermath-economy"),
        ("..", "actual-history/", "#home"),
        ("./", "", "#home"),
        # Not a part: relative to the single page, keeping a directory URL's slash.
        ("../../people/#lenin", "aftermath/economy/", "../people/#lenin"),
        ("glossary.json", "", "../glossary.json"),
        # The single page itself: its top, or its anchor.
        ("print/", "", "#"),
        ("../print/#x", "actual-history/", "#x"),
        # Elsewhere: unchanged.
        ("https://example.org/a/", "actual-history/", "https://example.org/a/"),
        ("mailto:editors@example.org", "", "mailto:editors@example.org"),
        ("/absolute/", "", "/absolute/"),
    ],
)
def test_links_lead_to_the_part_or_stay_relative_to_the_single_page(href, source, expected):
    prefix = dict(PAGES)[source]
    assert Addresses.of("print/", PAGES).link(href, source, prefix) == expected


def test_links_without_directory_urls():
    pages = [
        ("index.html", "home"),
        ("actual-history.html", "actual-history"),
        ("people.html", None),
    ]
    addresses = Addresses.of("print.html", pages)
    assert addresses.link("index.html#legend", "actual-history.html", "x") == "#home--legend"
    assert addresses.link("people.html#lenin", "actual-history.html", "x") == "people.html#lenin"
    assert addresses.relative("actual-history.html") == "actual-history.html"


def rewritten(content, **options):
    options = {
        "prefix": "p",
        "link": lambda href: f"[{href}]",
        "shift": 1,
        "status": None,
    } | options
    return rewrite(content, **options)


def test_ids_and_references_to_them_take_the_prefix():
    part = rewritten(
        '<p>Text<sup id="fnref:a"><a class="footnote-ref" href="#fn:a">1</a></sup></p>'
        '<div aria-labelledby="side-1 side-2" role="group"><label for="box">Box</label></div>'
        '<div class="footnote"><ol><li id="fn:a"><p>Work.</p></li></ol></div>'
    )
    assert part.body == (
        '<p>Text<sup id="p--fnref:a"><a class="footnote-ref" href="[#fn:a]">1</a></sup></p>'
        '<div aria-labelledby="p--side-1 p--side-2" role="group"><label for="p--box">Box</label>'
        '</div><div class="footnote"><ol><li id="p--fn:a"><p>Work.</p></li></ol></div>'
    )


def test_headings_move_down_and_the_first_one_is_set_apart():
    part = rewritten(
        '<h1 id="title">Title<a class="headerlink" href="#title">¶</a></h1>\n'
        '<h2 id="a">A</h2><h5>Deep</h5><h6>Deepest</h6>',
        shift=2,
    )
    assert part.heading == '<h3 id="p--title">Title<a class="headerlink" href="[#title]">¶</a></h3>'
    assert part.heading_id == "p--title"
    assert part.body == '\n<h4 id="p--a">A</h4><h6>Deep</h6><h6>Deepest</h6>'


def test_a_part_not_opening_with_a_heading_keeps_everything_in_its_body():
    part = rewritten('<p>Lead.</p><h1 id="t">T</h1>')
    assert (part.heading, part.heading_id) == ("", None)
    assert part.body == '<p>Lead.</p><h2 id="p--t">T</h2>'


def test_top_level_passages_carry_the_pages_default_status():
    part = rewritten(
        '<h1 id="t">T</h1><p>Plain.</p><p data-divergence-status="editorial">Note.</p>'
        '<ul><li><p>Nested.</p></li></ul><div class="admonition note"><p>Box.</p></div>'
        '<div class="dv-contrast"><p>Inside.</p></div><hr /><img alt="" src="a.png" />'
        "<p>After the void elements.</p>",
        status="speculation",
    )
    assert part.body == (
        '<p data-divergence-status="speculation">Plain.</p>'
        '<p data-divergence-status="editorial">Note.</p>'
        '<ul data-divergence-status="speculation"><li><p>Nested.</p></li></ul>'
        '<div class="admonition note" data-divergence-status="speculation"><p>Box.</p></div>'
        '<div class="dv-contrast"><p>Inside.</p></div><hr /><img alt="" src="[a.png]" />'
        '<p data-divergence-status="speculation">After the void elements.</p>'
    )


def test_attribute_values_and_text_stay_escaped():
    part = rewritten(
        '<p title="Lenin &amp; &quot;Trotsky&quot; &lt;b&gt;">a &lt;b&gt; &amp; c</p>'
        '<pre><code>&lt;a href="#x"&gt;</code></pre>'
    )
    assert part.body == (
        '<p title="Lenin &amp; &quot;Trotsky&quot; &lt;b&gt;">a &lt;b&gt; &amp; c</p>'
        '<pre><code>&lt;a href="#x"&gt;</code></pre>'
    )


def test_mentions_linked_to_the_glossary_become_plain_text():
    part = rewritten(
        '<p>What if <a href="../people/#trotsky" title="Leon Trotsky: Founder of the Red Army."'
        ' class="dv-term dv-term--person" data-divergence-entry="trotsky">Trotsky</a> had led'
        ' the <a class="dv-term dv-term--term" href="../glossary/#politburo">Politburo</a>?'
        ' <a class="dv-terminal" href="x.md">Other links</a> stay.</p>'
    )
    assert part.body == (
        '<p>What if Trotsky had led the Politburo? <a class="dv-terminal" href="[x.md]">Other'
        " links</a> stay.</p>"
    )
