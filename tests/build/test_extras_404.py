"""The 404 page (overrides/404.html): a way back from any depth, with nav and no dead link."""

from __future__ import annotations

import posixpath
import re
from urllib.parse import unquote, urlsplit

PAGES = {
    "docs/index.md": "---\ndescription: The home page.\n---\n# Home\n",
    "docs/actual-history.md": "---\ndescription: What happened.\n---\n# The Actual History\n",
    "docs/aftermath/index.md": "---\ndescription: The first years.\n---\n# Immediate Aftermath\n",
    "docs/aftermath/economy.md": "---\ndescription: Plans.\n---\n# Economic Policy\n",
}
CONFIG = {
    "site_name": "The Trotsky Succession",
    "site_url": "https://example.org/trotsky-succession/",
    "plugins": ["search", "divergence"],
    "theme": {
        "name": "material",
        "custom_dir": None,  # set below
        "font": False,
        "features": ["navigation.indexes", "navigation.tabs"],
    },
    "nav": [
        {"Home": "index.md"},
        {"The Actual History": "actual-history.md"},
        {
            "Immediate Aftermath": [
                "aftermath/index.md",
                {"Economic Policy": "aftermath/economy.md"},
            ]
        },
    ],
}


def config():
    from sitebuild import REPO

    theme = {**CONFIG["theme"], "custom_dir": str(REPO / "overrides")}
    return {**CONFIG, "theme": theme}


def dead_links(site, rel, base):
    """Links of the built page ``rel`` that lead nowhere when it is served at any depth.

    Every link must be absolute under ``base`` (the path of site_url), or an anchor, or go
    to another site: a relative link would resolve against the missing address.
    """
    problems = []
    for anchor in site.soup(rel).select("a[href]"):
        href = anchor["href"]
        parts = urlsplit(href)
        if parts.scheme or parts.netloc or href.startswith("#"):
            continue
        if not parts.path.startswith(base):
            problems.append(f"{href}: not absolute under {base}")
            continue
        target = posixpath.normpath(unquote(parts.path[len(base) :]) or ".")
        path = site.site_dir / target
        if path.is_dir():
            path = path / "index.html"
        if not path.is_file():
            problems.append(f"{href}: no such file")
    return problems


def test_404_explains_and_links_home_search_and_the_sections(fixture_site):
    site = fixture_site(PAGES, **config())
    assert site.logs == []
    soup = site.soup("404.html")
    assert soup.title.get_text() == "Page not found - The Trotsky Succession"
    article = soup.select_one("article")
    assert article.select_one("h1").get_text() == "Page not found"
    assert "There is no page at this address." in article.get_text()
    home = article.select_one("a")
    assert (home["href"], home.get_text()) == (
        "/trotsky-succession/",
        "Go to the home page of The Trotsky Succession",
    )
    assert "Search the whole site: press / or S" in " ".join(article.get_text().split())
    sections = [
        (a["href"], " ".join(a.parent.get_text().split()))
        for a in article.select("h2#main-sections + ul a")
    ]
    assert sections == [
        ("/trotsky-succession/actual-history/", "The Actual History: What happened."),
        ("/trotsky-succession/aftermath/", "Immediate Aftermath: The first years."),
    ]


def test_404_keeps_the_site_nav_and_search_with_absolute_links(fixture_site):
    site = fixture_site(PAGES, **config())
    soup = site.soup("404.html")
    nav = [a["href"] for a in soup.select("nav.md-nav--primary a.md-nav__link[href]")]
    assert "/trotsky-succession/actual-history/" in nav
    assert soup.select_one('[data-md-component="search"] input') is not None
    assets = [t.get("href") or t.get("src") for t in soup.select("link[href], script[src]")]
    assert all(a.startswith("/trotsky-succession/") for a in assets), assets
    assert dead_links(site, "404.html", "/trotsky-succession/") == []


# ---- The real site


def test_the_sites_404_has_no_dead_link_at_any_depth(real_site):
    from sitebuild import nav_titles

    soup = real_site.soup("404.html")
    base = urlsplit(soup.select_one('link[rel="stylesheet"][href*="assets/"]')["href"]).path.split(
        "assets/"
    )[0]
    assert re.fullmatch(r"/([\w.-]+/)*", base)
    assert dead_links(real_site, "404.html", base) == []
    listed = [a.get_text() for a in soup.select("article h2#main-sections + ul > li > a")]
    # Every top-level entry of the nav but the home page, in the nav's order and words.
    assert listed == [title for page, title in nav_titles().items() if page != "index.md"]
