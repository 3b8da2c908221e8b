"""The whole essay on one page (divergence/printable): fixture sites and the real site."""

from __future__ import annotations

import collections
import posixpath
from urllib.parse import unquote, urlsplit

from mkdocs.config import load_config

from divergence.plugin.printable.model import part_id, selects
from essay_text import missing_sentences, page_text
from sitebuild import REPO

ESSAY = (REPO / "tests" / "fixtures" / "essay.txt").read_text(encoding="utf-8")
PRINT = "print/index.html"

PAGES = {
    "docs/index.md": (
        "---\ntrack: reference\n---\n# Home\n\nRead [it all on one page](print.md).\n"
    ),
    "docs/history.md": (
        "---\ntrack: actual\n---\n# The Actual History\n\n"
        "Lenin fell ill.[^1] See [the economy](part/economy.md#plans) and [the people](people.md)."
        "\n\n## Testament\n\nSuppressed.[^2]\n\n[^1]: A first source.\n[^2]: A second source.\n"
    ),
    "docs/part/index.md": "---\ntrack: alternate\n---\n# The Aftermath\n\nWhat follows.\n",
    "docs/part/economy.md": (
        "---\ntrack: alternate\n---\n# Economic Policy\n\n## Plans\n\n"
        "Gradual change.[^1] Back to [the Testament](../history.md#testament).\n\n"
        "[^1]: Another first source, numbered 1 on its own page too.\n"
    ),
    "docs/people.md": "---\ntrack: reference\n---\n# People\n\nNot part of the essay.\n",
    "docs/print.md": (
        "---\ndescription: All of it.\ntrack: reference\nsearch:\n  exclude: true\n---\n"
        "# The Whole Essay\n\nEvery part.\n"
    ),
}
CONFIG = {
    "site_url": "https://example.org/essay/",
    "plugins": [
        "search",
        {"divergence": {"printable": {"parts": ["index.md", "history.md", "part/"]}}},
    ],
    "markdown_extensions": ["footnotes", "attr_list", {"toc": {"permalink": True}}],
    "nav": [
        {"Home": "index.md"},
        {"History": "history.md"},
        {"Aftermath": ["part/index.md", {"Economy": "part/economy.md"}]},
        {"People": "people.md"},
    ],
    "theme": {
        "name": "material",
        "custom_dir": str(REPO / "overrides"),
        "font": False,
        "features": ["navigation.indexes"],
    },
}


def ids(soup) -> list[str]:
    return [tag["id"] for tag in soup.select("[id]")]


def headings(article) -> list[tuple[str, str]]:
    return [(h.name, h.get_text().rstrip("¶")) for h in article.select("h1, h2, h3, h4, h5, h6")]


def test_the_parts_follow_the_nav_with_their_own_notes_and_anchors(fixture_site):
    site = fixture_site(PAGES, **CONFIG)
    assert site.logs == []
    soup = site.soup(PRINT)
    article = soup.select_one("article")
    parts = article.select("section.dv-print__part")
    assert [(p["id"], "dv-print__part--top" in p["class"]) for p in parts] == [
        ("home", True),
        ("history", True),
        ("part", True),
        ("part-economy", False),
    ]
    assert (
        headings(article)
        == [
            ("h1", "The Whole Essay"),
            ("h2", "Home"),
            ("h2", "The Actual History"),
            ("h3", "Testament"),
            ("h2", "The Aftermath"),
            ("h3", "Economic Policy"),
            ("h4", "Plans"),
            ("h2", "Cite this page"),
        ][: len(headings(article))]
    )
    # Every id once, though both pages number their first note 1.
    assert [i for i, n in collections.Counter(ids(soup)).items() if n > 1] == []
    history, economy = parts[1], parts[3]
    assert [a["href"] for a in history.select("sup a.footnote-ref")] == [
        "#history--fn:1",
        "#history--fn:2",
    ]
    assert (
        history.select_one('[id="history--fn:2"]').get_text().strip().startswith("A second source.")
    )
    assert economy.select_one("sup a.footnote-ref")["href"] == "#part-economy--fn:1"
    links = {a.get_text(): a["href"] for a in article.select("p a:not(.footnote-ref)")}
    assert links["the economy"] == "#part-economy--plans"
    assert links["the Testament"] == "#history--testament"
    assert links["the people"] == "../people/"
    assert links["it all on one page"] == "#"


def test_every_anchor_on_the_single_page_exists(fixture_site):
    soup = fixture_site(PAGES, **CONFIG).soup(PRINT)
    targets = set(ids(soup))
    hrefs = [a["href"] for a in soup.select('a[href^="#"]') if a["href"] != "#"]
    assert hrefs and [h for h in hrefs if unquote(h[1:]) not in targets] == []


def test_each_part_says_which_history_and_where_it_is_online(fixture_site):
    soup = fixture_site(PAGES, **CONFIG).soup(PRINT)
    part = soup.select_one("section#part-economy")
    assert part["aria-labelledby"] == "part-economy--economic-policy"
    assert part.select_one(".dv-track__label").get_text() == "Alternate history"
    about = " ".join(part.select_one(".dv-print__about").get_text().split())
    assert about == (
        "Unless marked otherwise, passages in this part are: Counterfactual speculation. "
        "Online: Economy"
    )
    online = part.select_one(".dv-print__about a")["href"]
    assert online == "https://example.org/essay/part/economy/"
    # Its unmarked passages carry the page's default, so the reader's filter still works.
    assert part.select_one(".dv-print__about ~ p")["data-divergence-status"] == "speculation"
    # The single page itself has one badge, and its own status line first.
    assert len(soup.select("article [data-divergence-track]")) == 1


def test_the_single_page_is_outside_the_nav_and_search_with_a_full_toc(fixture_site):
    site = fixture_site(PAGES, **CONFIG)
    soup = site.soup(PRINT)
    nav = [a["href"] for a in soup.select("nav.md-nav--primary a.md-nav__link[href]")]
    assert not any("print" in href for href in nav)
    toc = [a["href"] for a in soup.select("nav.md-nav--secondary a.md-nav__link")]
    assert toc[:4] == [
        "#home--home",
        "#history--the-actual-history",
        "#history--testament",
        "#part--the-aftermath",
    ]
    assert "#part-economy--plans" in toc
    index = (site.site_dir / "search" / "search_index.json").read_text(encoding="utf-8")
    assert "The Whole Essay" not in index
    assert "Gradual change" in index


def test_a_missing_page_or_part_is_a_warning(fixture_site):
    pages = {k: v for k, v in PAGES.items() if k != "docs/print.md"}
    config = {
        **CONFIG,
        "plugins": [
            {"divergence": {"printable": {"parts": ["index.md", "nowhere/"]}}},
        ],
    }
    site = fixture_site(pages, **config)
    assert site.logs == [
        "WARNING:divergence: the page 'print.md' is not in docs/; add it (front "
        "matter, title and introduction) or change the plugin's `printable.page` option",
        "WARNING:Doc file 'index.md' contains a link 'print.md', but the target is not found "
        "among documentation files.",
    ]
    pages = PAGES
    site = fixture_site(pages, **config)
    assert site.logs == [
        "WARNING:divergence: 'nowhere/' in `printable.parts` matches no page in the nav",
    ]


# ---- The real site


def test_the_single_page_holds_every_sentence_of_the_essay(real_site):
    html = (real_site.site_dir / PRINT).read_text(encoding="utf-8")
    assert missing_sentences(ESSAY, [page_text(html)]) == []


def test_the_single_page_is_well_formed_and_linked_from_home(real_site):
    soup = real_site.soup(PRINT)
    assert [i for i, n in collections.Counter(ids(soup)).items() if n > 1] == []
    assert len(soup.select("h1")) == 1
    targets = set(ids(soup))
    anchors = [a["href"] for a in soup.select('a[href^="#"]') if a["href"] != "#"]
    assert [h for h in anchors if unquote(h[1:]) not in targets] == []
    # Every citation still leads to its reference, in its own part's notes.
    for ref in soup.select("article section sup[id] a.footnote-ref"):
        note = soup.select_one(f'[id="{ref["href"][1:]}"]')
        part = ref.find_parent("section", class_="dv-print__part")
        assert note.find_parent("section", class_="dv-print__part") is part, ref["href"]
    # Links to the rest of the site lead to built pages.
    for a in soup.select("article a[href]"):
        parts = urlsplit(a["href"])
        if parts.scheme or parts.netloc or not parts.path:
            continue
        target = posixpath.normpath(posixpath.join("print", unquote(parts.path)))
        path = real_site.site_dir / target
        assert (path / "index.html").is_file() or path.is_file(), a["href"]
    link = real_site.soup("index.html").select_one('article a[href="print/"]')
    assert link.get_text() == "The whole essay on one page"


def test_the_single_page_keeps_mentions_as_text_and_the_parts_keep_their_links(real_site):
    printed = real_site.soup(PRINT).select_one("article")
    assert printed.select("a.dv-term") == []
    # The words stay: the home page's first linked mention is in the printed home part.
    home = real_site.soup("index.html").select_one("article a.dv-term")
    part = printed.select_one("section#home").get_text(" ", strip=True)
    assert home.get_text() in part


def test_the_single_page_follows_the_essays_order(real_site):
    """The parts are the pages that the plugin's `printable.parts` select, in nav order.

    Derived from mkdocs.yml, so that a page added as the editors' guide says (an expert's
    page in the nav, say) is expected here too; only the essay's own order is fixed.
    """
    config = load_config(config_file=str(REPO / "mkdocs.yml"))
    selected = config.plugins["divergence"].config.printable.parts
    expected = [part_id(page) for page in _nav_pages(config.nav) if selects(selected, page)]
    parts = [s["id"] for s in real_site.soup(PRINT).select("article section.dv-print__part")]
    assert parts == expected
    assert parts[:4] == ["home", "actual-history", "point-of-divergence", "aftermath"]
    assert parts.index("aftermath-culture-society") < parts.index("impact")


def _nav_pages(nav):
    for item in nav:
        if isinstance(item, dict):
            for value in item.values():
                yield from _nav_pages(value if isinstance(value, list) else [value])
        elif isinstance(item, str) and item.endswith(".md"):
            yield item
