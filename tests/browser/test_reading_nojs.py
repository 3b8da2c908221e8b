"""Without JavaScript every page still reads: its heading and all of its text are shown."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

# The page's heading, and the blocks of text that the browser does not render (hidden by
# a style that waits for a script, collapsed, transparent, or of no size).
UNREAD = """() => {
  const article = document.querySelector("article.md-content__inner");
  if (!article) return { heading: null, hidden: ["no article"] };
  const shown = (e) =>
    e.checkVisibility({ opacityProperty: true, visibilityProperty: true }) &&
    e.getBoundingClientRect().width > 0;
  const h1 = article.querySelector("h1");
  const blocks = article.querySelectorAll("h1, h2, h3, p, li, dt, dd, td, th, blockquote");
  return {
    heading: h1 && shown(h1) ? h1.textContent.replace("\\u00b6", "").trim() : null,
    words: article.innerText.split(/\\s+/).length,
    hidden: [...blocks]
      .filter((e) => e.textContent.trim() && !shown(e))
      .map((e) => e.tagName + ": " + e.textContent.trim().slice(0, 50)),
  };
}"""


def test_every_page_reads_without_javascript(
    new_context, published, site_url, site_pages, real_site
):
    page = published(new_context(java_script_enabled=False)).new_page()
    unread = {}
    for rel in site_pages:
        page.goto(site_url + rel)
        found = page.evaluate(UNREAD)
        built = real_site.soup(rel + "index.html" if rel.endswith("/") or not rel else rel)
        expected = built.select_one("article h1").get_text().replace("¶", "").strip()
        if found["heading"] != expected or found["hidden"] or found["words"] < 50:
            unread[rel or "/"] = found
    assert len(site_pages) > 30
    assert unread == {}
