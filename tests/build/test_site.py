"""The real site, built once with --strict: warnings, the essay's text, structure, origins."""

from __future__ import annotations

import re
from pathlib import Path

from essay_text import missing_sentences, page_text, split_sentences
from sitebuild import REPO

ESSAY = (REPO / "tests" / "fixtures" / "essay.txt").read_text(encoding="utf-8")

# Hosts named in the JavaScript that Material ships, none of which our pages request; each
# group says why, and test_no_request_leaves_the_site backs the reasons it can check.
_COMMENT_HOSTS = [
    "bit.ly",
    "chasen.org",
    "clipboardjs.com",
    "code.google.com",
    "developer.mozilla.org",
    "docs.python.org",
    "en.wikipedia.org",
    "github.com",
    "lunrjs.com",
    "msdn.microsoft.com",
    "narwhaljs.org",
    "people.mozilla.org",
    "snowball.tartarus.org",
    "tartarus.org",
    "underscorejs.org",
    "wiki.commonjs.org",
    "wiki.ecmascript.org",
    "www.mozilla.org",
]
MATERIAL_JS_HOSTS = {
    **dict.fromkeys(_COMMENT_HOSTS, "licence and source comments of bundled libraries"),
    "unpkg.com": "Mermaid (no page has a diagram) and a ResizeObserver polyfill (every "
    "browser Material supports has ResizeObserver)",
    "api.github.com": "repository statistics, fetched only for the data-md-component=source "
    "element, which overrides/partials/source.html removes",
    "${e}": "the same for GitLab (the host is the repository's)",
}
# <link rel> values that make the browser fetch (canonical, prev and next do not).
FETCHING_RELS = {
    "stylesheet",
    "preload",
    "prefetch",
    "modulepreload",
    "icon",
    "apple-touch-icon",
    "manifest",
    "preconnect",
    "dns-prefetch",
}
ABSOLUTE = re.compile(r"^(?:[a-z][a-z0-9+.-]*:)?//", re.I)
CSS_URL = re.compile(r"""(?:url\(\s*['"]?|@import\s+['"])([^'")\s]+)""", re.I)
JS_URL = re.compile(r"""https?://([^/\s'"`)<>\\]+)""")


def essay_headings() -> list[str]:
    """The essay's own headings: lines that are not sentences or list items."""
    return [
        line.strip()
        for line in ESSAY.splitlines()
        if line.strip()
        and not line.startswith("- ")
        and not line.rstrip().endswith((".", ":", "?", '"'))
    ]


def nav_order(site) -> list[str]:
    """The built pages in reading order, following each page's <link rel="next">."""
    order = ["index.html"]
    while link := site.soup(order[-1]).select_one('link[rel="next"]'):
        target = _resolve(order[-1], link["href"])
        assert target not in order, f"the nav loops back to {target}"
        order.append(target)
    return order


def _resolve(current: str, href: str) -> str:
    """The built file a relative directory URL points to, from the page ``current``."""
    parts = list(Path(current).parent.parts)
    for piece in href.split("/"):
        if piece == "..":
            parts.pop()
        elif piece not in ("", "."):
            parts.append(piece)
    return "/".join([*parts, "index.html"])


def test_strict_build_prints_no_warning(real_site):
    assert real_site.logs == []
    assert real_site.aborted is None


def test_every_sentence_of_the_essay_is_on_the_site(real_site):
    """Split the essay into sentences; report any the built pages do not contain verbatim."""
    texts = [page_text((real_site.site_dir / rel).read_text()) for rel in real_site.html_files()]
    missing = missing_sentences(ESSAY, texts)
    report = "\n".join(f"- {s.text!r}\n  in paragraph: {s.paragraph!r}" for s in missing)
    assert not missing, f"{len(missing)} sentences of the essay are not on the site:\n{report}"
    assert sum(len(split_sentences(line)) for line in ESSAY.splitlines()) > 150


def test_every_page_has_one_h1_a_description_a_badge_and_an_edit_link(real_site):
    descriptions = {}
    for rel in real_site.html_files():
        soup = real_site.soup(rel)
        assert len(soup.select("h1")) == 1, rel
        if rel == "404.html":
            continue
        description = soup.select_one('meta[name="description"]')["content"].strip()
        assert description, rel
        descriptions.setdefault(description, []).append(rel)
        assert len(soup.select("article [data-divergence-track]")) == 1, rel
        # Generated pages (glossary, people) edit their data file instead.
        assert (
            soup.select_one(
                'article a[href*="/edit/main/docs/"], article a[href*="/edit/main/data/"]'
            )
            is not None
        ), rel
    # A page that forgot its own description would inherit the site's: all must differ.
    assert {d: pages for d, pages in descriptions.items() if len(pages) > 1} == {}


def test_nav_follows_the_essay_and_reaches_every_page(real_site):
    order = nav_order(real_site)
    # Outside the nav by design: the error page, and the whole essay on one page (printable).
    outside = {"404.html", "print/index.html"}
    assert sorted(order) == [rel for rel in real_site.html_files() if rel not in outside]
    titles = [
        real_site.soup(rel).select_one("h1").get_text(strip=True).rstrip("¶") for rel in order
    ]
    headings = essay_headings()
    assert [t for t in titles if t in headings] == headings


def test_no_request_leaves_the_site(real_site):
    """Nothing in the HTML, CSS or JavaScript fetches from another origin."""
    site = real_site.site_dir
    problems = []
    for rel in real_site.html_files():
        soup = real_site.soup(rel)
        assert not soup.select('[data-md-component="source"], .mermaid, pre.mermaid'), rel
        for tag in soup.find_all(True):
            urls = [tag.get(a) for a in ("src", "poster", "data", "action") if tag.get(a)]
            urls += [u.split()[0] for u in tag.get("srcset", "").split(",") if u.strip()]
            if tag.name == "link" and FETCHING_RELS & set(tag.get("rel", [])):
                urls.append(tag.get("href", ""))
            urls += CSS_URL.findall(tag.get("style", ""))
            if tag.name == "style":
                urls += CSS_URL.findall(tag.get_text())
            # JSON-LD is data, never run: its schema.org and canonical URLs fetch nothing.
            if tag.name == "script" and tag.get("type") != "application/ld+json":
                urls += [f"//{host}" for host in JS_URL.findall(tag.get_text())]
            problems += [f"{rel}: <{tag.name}> {u}" for u in urls if ABSOLUTE.match(u)]
    for css in site.rglob("*.css"):
        problems += [
            f"{css.name}: {u}" for u in CSS_URL.findall(css.read_text()) if ABSOLUTE.match(u)
        ]
    for js in site.rglob("*.js"):
        hosts = set(JS_URL.findall(js.read_text(encoding="utf-8")))
        problems += [f"{js.name}: {host}" for host in sorted(hosts - MATERIAL_JS_HOSTS.keys())]
    assert problems == []


def test_every_page_is_in_our_colours_before_any_script_runs(real_site):
    """Material's first palette entry decides the colours a page has without JavaScript
    (and before its script runs): ours, not the theme's indigo."""
    for rel in real_site.html_files():
        body = real_site.soup(rel).body
        assert (body["data-md-color-primary"], body["data-md-color-accent"]) == (
            "custom",
            "custom",
        ), rel
