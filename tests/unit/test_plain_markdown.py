"""Each page type renders with plain Python-Markdown and our extensions, without MkDocs.

This is what Zensical, or any other Python-Markdown pipeline, gets: the timeline's events,
the contrast's two sides and the links to terms and people. The expectations come from
the data files and the pages themselves.
"""

from __future__ import annotations

import re

import markdown
import pytest
import yaml
from bs4 import BeautifulSoup

from divergence.site import load_site
from divergence.site.generated import timeline_era_page
from sitebuild import REPO

SITE = load_site(REPO)
# The extensions of mkdocs.yml, with their options, as a plain Markdown pipeline takes them.
_CONFIG = yaml.load((REPO / "mkdocs.yml").read_text("utf-8"), Loader=yaml.BaseLoader)


def _extensions():
    names, options = [], {}
    for item in _CONFIG["markdown_extensions"]:
        name, settings = (item, {}) if isinstance(item, str) else next(iter(item.items()))
        names.append(name)
        options[name] = dict(settings)
    for ours in ("divergence.markdown.mentions", "divergence.markdown.timeline"):
        options[ours]["root"] = str(REPO)
    options["pymdownx.snippets"] = {"base_path": [str(REPO)], "check_paths": True}
    options.pop("toc", None)
    options["pymdownx.tasklist"] = {"custom_checkbox": True}
    return names, options


def render(text: str) -> BeautifulSoup:
    body = re.sub(r"\A---\n.*?\n---\n", "", text, flags=re.DOTALL)
    names, options = _extensions()
    html = markdown.Markdown(extensions=names, extension_configs=options).convert(body)
    return BeautifulSoup(html, "html.parser")


def test_the_whole_timeline_shows_every_event_with_its_id():
    soup = render((REPO / "docs/timeline/index.md").read_text("utf-8"))
    ids = {li["id"] for li in soup.select("li.dv-event")}
    assert ids == {event.id for event in SITE.timeline.events}
    assert soup.select_one("#point-of-divergence") is not None


@pytest.mark.parametrize("era", SITE.timeline.eras, ids=lambda era: era.id)
def test_an_era_page_shows_its_events_and_links_to_the_others_docs_relative(era):
    page = timeline_era_page(era.id)
    text = f"# {era.title}\n\n<!-- divergence:timeline era={era.id} -->\n"
    soup = render(text)
    shown = {li["id"] for li in soup.select("li.dv-event")}
    assert shown == {e.id for e in SITE.timeline.events if era.holds(e)}
    # Links to events elsewhere name their era page from the docs root; MkDocs would make
    # them relative to the page and check them.
    elsewhere = [a["href"] for a in soup.select("a[href^='/timeline/']")]
    assert all(not href.startswith(f"/{page}#") for href in elsewhere)


def test_the_comparison_has_a_row_group_a_theme():
    soup = render("<!-- divergence:comparison -->\n")
    assert [tr["id"] for tr in soup.select("tbody > tr[id]")] == list(SITE.timeline.themes)


def test_an_essay_page_has_its_contrast_sides_and_links_to_terms_and_people():
    soup = render((REPO / "docs/point-of-divergence.md").read_text("utf-8"))
    contrast = soup.select_one("section.dv-contrast")
    sides = [side["class"][-1] for side in contrast.select(".dv-contrast__side")]
    assert sides == ["dv-contrast__side--actual", "dv-contrast__side--alternate"]
    terms = {a["data-divergence-entry"]: a["href"] for a in soup.select("a.dv-term")}
    entries = SITE.glossary.by_id()
    assert terms, "the page mentions no term or person"
    for entry_id, href in terms.items():
        assert href == f"/{entries[entry_id].kind.page}#{entry_id}"


def test_the_glossary_page_links_no_entry_to_itself():
    soup = render("# Glossary\n\n<!-- divergence:no-mentions -->\n\nLenin and the troika.\n")
    assert soup.select("a.dv-term") == []
