"""MkDocs adapter: load the entries, mark mentions on every page, generate the two list pages.

The glossary and people pages are generated from data/*.yml through Jinja templates in
overrides/divergence/; each entry lists the pages that mention it, filled in once every
page has been converted (MkDocs converts all pages before it renders any).
"""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File
from mkdocs.utils import get_relative_url

from divergence.generated import data_edit_url
from divergence.glossary.mentions import Matcher, MentionsExtension, PageState
from divergence.glossary.model import KINDS, Collection, glossary_json, load

log = logging.getLogger("mkdocs.plugins.divergence")
_PLACEHOLDER = "<!-- divergence:mentions {id} -->"
_NO_MENTIONS = {"reading/bibliography.md"}
# The open-data download of both files, linked from the Glossary and People pages.
DATA_FILE = "glossary.json"


class GlossaryPlugin(BasePlugin):
    """Terms and people: data/glossary.yml and data/people.yml."""

    def on_config(self, config):
        # `mkdocs serve` keeps this object: everything is read afresh for each build.
        root = Path(config.config_file_path).parent
        texts = {
            k.file: (root / k.file).read_text("utf-8") for k in KINDS if (root / k.file).is_file()
        }
        self.collection: Collection = load(texts)
        self.state = PageState()
        self.mentions: dict[str, list] = {}
        self._env = None
        config.markdown_extensions.append(
            MentionsExtension(Matcher(self.collection.entries), self.state)
        )
        return config

    def on_files(self, files, /, *, config):
        by_id = self.collection.by_id()
        for kind in KINDS:
            entries = sorted(
                (e for e in self.collection.entries if e.kind is kind),
                key=lambda e: e.title.casefold(),
            )
            if not entries:
                continue
            template = self._template(config, f"divergence/{kind.list_key}-page.md")
            content = template.render(entries=entries, by_id=by_id, placeholder=_PLACEHOLDER)
            files.append(File.generated(config, kind.page, content=content))
        if self.collection.entries:
            files.append(File.generated(config, DATA_FILE, content=glossary_json(self.collection)))
        return files

    def on_page_markdown(self, markdown, /, *, page, config, files):
        self.state.src_uri = page.file.src_uri
        # The list pages define the entries; marking them there would link each to itself.
        # The bibliography lists titles of works, not mentions.
        self.state.enabled = page.file.src_uri not in {*(k.page for k in KINDS), *_NO_MENTIONS}
        self.state.mentions = []
        return markdown

    def on_page_content(self, html, /, *, page, config, files):
        self.mentions[page.file.src_uri] = (page, list(self.state.mentions))
        return html

    def on_page_context(self, context, /, *, page, config, nav):
        kind = next((k for k in KINDS if k.page == page.file.src_uri), None)
        if kind is not None:
            page.content = self._fill_mentions(page, config)
            # A generated page has no source in docs/: "edit this page" opens its data file.
            page.edit_url = data_edit_url(config, kind.file)
        return context

    def _fill_mentions(self, list_page, config):
        template = self._template(config, "divergence/mentioned-on.html")
        content = list_page.content
        for entry in self.collection.entries:
            marker = _PLACEHOLDER.format(id=entry.id)
            if marker not in content:
                continue
            places = []
            for page, mentions in self.mentions.values():
                sections = [m for m in mentions if m.entry_id == entry.id]
                if not sections:
                    continue
                url = get_relative_url(page.url, list_page.url)
                # Directory URLs keep their slash ('..' would work, '../' reads as a folder).
                if (not page.url or page.url.endswith("/")) and not url.endswith("/"):
                    url += "/"
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
            content = content.replace(marker, template.render(entry=entry, places=places))
        return content

    def _template(self, config, name):
        # One Jinja environment a build: each new one compiles its templates again.
        if self._env is None:
            self._env = config.theme.get_env()
        return self._env.get_template(name)
