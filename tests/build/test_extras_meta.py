"""Link previews and search engines: Open Graph, Twitter card and a JSON-LD Article per page,
and a sitemap of absolute URLs dated from git (overrides/divergence/page-meta.html,
overrides/sitemap.xml)."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET

from divergence.plugin.og_image import OG_IMAGE
from sitebuild import REPO, commit

SITE_URL = "https://example.org/trotsky-succession/"
# A title written to break out of an attribute and out of the JSON's script element.
HOSTILE = "Stalin & Trotsky </script><script>alert(1)</script> \"quoted\" 'single'"
PAGES = {
    "docs/index.md": "---\ndescription: The home page.\ntrack: reference\n---\n# Home\n",
    "docs/aftermath/economy.md": (
        "---\ndescription: Plans & prices.\ntrack: alternate\n---\n# Economic Policy\n\nPlans.\n"
    ),
    "docs/hostile.md": (
        f"---\ntitle: {json.dumps(HOSTILE)}\ntrack: reference\n---\n# Anything\n\nText.\n"
    ),
}
CONFIG = {
    "site_name": "The Trotsky Succession",
    "site_description": "The site's own description.",
    "site_author": "The Trotsky Succession editors",
    "site_url": SITE_URL,
    "plugins": [
        "search",
        "divergence",
    ],
}
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def meta(soup) -> dict[str, str]:
    """The page's Open Graph and Twitter tags, by property or name."""
    tags = soup.select('meta[property^="og:"], meta[property^="article:"], meta[name^="twitter:"]')
    return {tag.get("property") or tag["name"]: tag["content"] for tag in tags}


def article(soup) -> dict:
    (script,) = soup.select('script[type="application/ld+json"]')
    return json.loads(script.string)


def sitemap(site) -> dict[str, str | None]:
    root = ET.parse(site.site_dir / "sitemap.xml").getroot()
    return {
        url.findtext(f"{SITEMAP}loc"): url.findtext(f"{SITEMAP}lastmod")
        for url in root.iter(f"{SITEMAP}url")
    }


def test_each_page_describes_itself_to_link_previews(fixture_site, tmp_path):
    commit(tmp_path / "project", PAGES, "2024-05-01T12:00:00+00:00")
    site = fixture_site(PAGES, **CONFIG)
    assert site.logs == []
    url = SITE_URL + "aftermath/economy/"
    soup = site.soup("aftermath/economy/index.html")
    assert meta(soup) == {
        "og:type": "article",
        "og:site_name": "The Trotsky Succession",
        "og:title": "Economic Policy",
        "og:description": "Plans & prices.",
        "og:url": url,
        "article:modified_time": "2024-05-01",
        "twitter:card": "summary",
        "twitter:title": "Economic Policy",
        "twitter:description": "Plans & prices.",
    }
    assert soup.select_one('link[rel="canonical"]')["href"] == url
    assert article(soup) == {
        "@context": "https://schema.org",
        "@type": "Article",
        "headline": "Economic Policy",
        "description": "Plans & prices.",
        "url": url,
        "mainEntityOfPage": url,
        "inLanguage": "en",
        "dateModified": "2024-05-01",
        "author": {"@type": "Organization", "name": "The Trotsky Succession editors"},
        "publisher": {"@type": "Organization", "name": "The Trotsky Succession", "url": SITE_URL},
        "isPartOf": {"@type": "WebSite", "name": "The Trotsky Succession", "url": SITE_URL},
    }


def test_the_home_page_is_the_website_under_the_site_name(fixture_site, tmp_path):
    commit(tmp_path / "project", PAGES, "2024-05-01T12:00:00+00:00")
    soup = fixture_site(PAGES, **CONFIG).soup("index.html")
    assert meta(soup)["og:type"] == "website"
    assert meta(soup)["og:title"] == article(soup)["headline"] == "The Trotsky Succession"
    assert article(soup)["url"] == SITE_URL


def test_titles_cannot_break_out_of_attributes_or_the_script(fixture_site, tmp_path):
    commit(tmp_path / "project", PAGES, "2024-05-01T12:00:00+00:00")
    site = fixture_site(PAGES, **CONFIG)
    head = (site.site_dir / "hostile/index.html").read_text(encoding="utf-8").split("</head>")[0]
    # Material's <title> holds the raw title, as text: nothing in it is markup.
    head = re.sub(r"<title>.*?</title>", "", head, flags=re.S)
    assert "<script>alert(1)" not in head
    (data,) = re.findall(r'<script type="application/ld\+json">(.*?)</script>', head, re.S)
    assert "<" not in data and ">" not in data and "&" not in data
    # Tags in a title are dropped, as in the theme's <title>; the rest arrives intact.
    expected = "Stalin & Trotsky alert(1) \"quoted\" 'single'"
    soup = site.soup("hostile/index.html")
    assert meta(soup)["og:title"] == meta(soup)["twitter:title"] == expected
    assert json.loads(data)["headline"] == expected
    # A page without a description of its own takes the site's.
    assert meta(soup)["og:description"] == json.loads(data)["description"]
    assert json.loads(data)["description"] == "The site's own description."


def test_without_site_url_no_address_is_guessed(fixture_site):
    site = fixture_site(PAGES, **{**CONFIG, "site_url": None})
    soup = site.soup("aftermath/economy/index.html")
    assert "og:url" not in meta(soup)
    assert {"url", "mainEntityOfPage", "isPartOf"}.isdisjoint(article(soup))
    assert "url" not in article(soup)["publisher"]


def test_the_404_page_describes_no_article(fixture_site):
    soup = fixture_site(PAGES, **CONFIG).soup("404.html")
    assert meta(soup) == {}
    assert soup.select('script[type="application/ld+json"]') == []


def test_sitemap_lists_every_page_by_absolute_url_dated_from_git(fixture_site, tmp_path):
    commit(tmp_path / "project", PAGES, "2024-05-01T12:00:00+00:00")
    site = fixture_site(PAGES, **CONFIG)
    assert sitemap(site) == {
        SITE_URL: "2024-05-01",
        SITE_URL + "aftermath/economy/": "2024-05-01",
        SITE_URL + "hostile/": "2024-05-01",
    }
    assert (site.site_dir / "sitemap.xml").read_text(encoding="utf-8").startswith("<?xml")


def test_sitemap_dates_a_page_without_a_git_date_by_the_build(fixture_site, monkeypatch):
    # Without the git plugin (or for a page it skips), MkDocs' build date: reproducible.
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "86400")
    site = fixture_site(PAGES, **{**CONFIG, "plugins": ["search", "divergence"]})
    assert site.logs == []
    assert set(sitemap(site).values()) == {"1970-01-02"}
    assert "dateModified" not in article(site.soup("aftermath/economy/index.html"))


# ---- The real site


def test_every_page_of_the_site_has_its_preview_and_article(real_site):
    site_url = re.search(r"^site_url: .*\"(.+)\"", (REPO / "mkdocs.yml").read_text(), re.M)[1]
    for rel in real_site.html_files():
        soup = real_site.soup(rel)
        if rel == "404.html":
            continue
        canonical = soup.select_one('link[rel="canonical"]')["href"]
        assert canonical.startswith(site_url), rel
        tags, data = meta(soup), article(soup)
        description = soup.select_one('meta[name="description"]')["content"]
        assert tags["og:url"] == data["url"] == canonical, rel
        assert tags["og:description"] == data["description"] == description, rel
        assert tags["og:title"] == data["headline"] != "", rel
        assert data["inLanguage"] == "en", rel
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", data["dateModified"]), rel
        # The preview image: the chart, served by the site itself, with its description.
        assert tags["og:image"] == site_url + OG_IMAGE, rel
        assert tags["twitter:card"] == "summary_large_image", rel
        assert "21 January 1924" in tags["og:image:alt"], rel
    png = (real_site.site_dir / OG_IMAGE).read_bytes()
    assert png.startswith(b"\x89PNG\r\n\x1a\n")
    # The IHDR chunk: width and height, then the size link previews ask for.
    size = (int.from_bytes(png[16:20], "big"), int.from_bytes(png[20:24], "big"))
    assert size == (int(tags["og:image:width"]), int(tags["og:image:height"])) == (1200, 630)


def test_the_sitemap_lists_every_page_of_the_site(real_site):
    listed = sitemap(real_site)
    home = min(listed, key=len)
    assert home.startswith("https://")
    expected = {
        home + rel.removesuffix("index.html") for rel in real_site.html_files() if rel != "404.html"
    }
    assert set(listed) == expected
    for url, lastmod in listed.items():
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", lastmod or ""), url
    # An essay page is dated like its article data, from git.
    page = real_site.soup("actual-history/index.html")
    assert listed[home + "actual-history/"] == article(page)["dateModified"]
