"""The Glossary and People pages, and the pages that mention each entry.

The pages are generated from data/glossary.yml and data/people.yml through the templates
in templates/; the mentions themselves are linked by the Markdown extension
``divergence.markdown.mentions``. Each entry lists the pages (and sections) whose HTML
links to it, filled in once every page has been converted (MkDocs converts all pages
before it renders any).
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from mkdocs.structure.files import File

from divergence.plugin.templates import template
from divergence.plugin.urls import data_edit_url, page_url
from divergence.site import SiteData
from divergence.site.generated import GLOSSARY_DOWNLOAD, written_ids
from divergence.site.glossary import KINDS, glossary_json

_PLACEHOLDER = "<!-- divergence:mentions {id} -->"
# The open-data download of both files, linked from the Glossary and People pages.
DATA_FILE = GLOSSARY_DOWNLOAD
# In a page's HTML, in order: its second-level headings and its links to entries.
_HEADING_OR_MENTION = re.compile(
    r'<h2[^>]*\sid="(?P<section>[^"]+)"[^>]*>(?P<title>.*?)</h2>'
    r'|\sdata-divergence-entry="(?P<entry>[^"]+)"',
    re.DOTALL,
)
_PERMALINK = re.compile(r'<a class="headerlink".*?</a>', re.DOTALL)
_TAG = re.compile(r"<[^>]+>")


@dataclass(frozen=True)
class Mention:
    """Where a page mentions an entry: the section heading's id and text (or the page)."""

    entry_id: str
    section_id: str | None
    section_title: str | None


def mentions_in(page_html: str) -> list[Mention]:
    """The entries a page's HTML links to, each with the section it stands in."""
    found, section = [], (None, None)
    for match in _HEADING_OR_MENTION.finditer(page_html):
        if match["section"]:
            title = _TAG.sub("", _PERMALINK.sub("", match["title"]))
            section = (match["section"], html.unescape(title).strip())
        else:
            found.append(Mention(match["entry"], *section))
    return found


class Glossary:
    def __init__(self, site: SiteData, mentions: dict[str, tuple]) -> None:
        self.site = site
        # By page source path: (page, its mentions); kept between --dirty rebuilds.
        self.mentions = mentions

    def on_files(self, files, /, *, config):
        collection = self.site.glossary
        by_id = collection.by_id()
        for kind in KINDS:
            entries = sorted(
                (e for e in collection.entries if e.kind is kind),
                key=lambda e: e.title.casefold(),
            )
            # A file YAML cannot read still gives its page, saying why it is empty, so
            # that the pages linking to it keep working while the editor fixes it.
            unreadable = next(
                (d for d in collection.diagnostics if d.path == kind.file and d.code == "YM001"),
                None,
            )
            if not entries and unreadable is None:
                continue
            content = template(f"{kind.list_key}-page.md").render(
                entries=entries,
                by_id=by_id,
                placeholder=_PLACEHOLDER,
                unreadable=unreadable,
                written_ids=written_ids(self.site.texts[kind.file]) if unreadable else [],
            )
            files.append(File.generated(config, kind.page, content=content))
        if any(files.get_file_from_path(kind.page) for kind in KINDS):
            files.append(File.generated(config, DATA_FILE, content=glossary_json(collection)))
        return files

    def on_page_content(self, html, /, *, page, config, files):
        self.mentions[page.file.src_uri] = (page, mentions_in(html))
        return html

    def on_page_context(self, context, /, *, page, config, nav):
        kind = next((k for k in KINDS if k.page == page.file.src_uri), None)
        if kind is not None:
            page.content = self._fill_mentions(page)
            # A generated page has no source in docs/: "edit this page" opens its data file.
            page.edit_url = data_edit_url(config, kind.file)
        return context

    def _fill_mentions(self, list_page):
        content = list_page.content
        for entry in self.site.glossary.entries:
            marker = _PLACEHOLDER.format(id=entry.id)
            if marker not in content:
                continue
            places = []
            for page, mentions in self.mentions.values():
                sections = [m for m in mentions if m.entry_id == entry.id]
                if not sections:
                    continue
                url = page_url(page, list_page)
                places.append(
                    {
                        "title": page.title,
                        "url": url,
                        "sections": [
                            {"title": m.section_title, "url": f"{url}#{m.section_id}"}
                            for m in sections
                            if m.section_id
                        ],
                    }
                )
            content = content.replace(
                marker, template("mentioned-on.html").render(entry=entry, places=places)
            )
        return content
