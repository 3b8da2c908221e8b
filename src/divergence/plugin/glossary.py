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
import string
import unicodedata
from dataclasses import dataclass

from mkdocs.structure.files import File

from divergence.plugin.serving import GeneratedSources, build_again, generated_page
from divergence.plugin.templates import template
from divergence.plugin.urls import data_edit_url, page_url
from divergence.site import SiteData
from divergence.site.generated import GLOSSARY_DOWNLOAD, written_ids
from divergence.site.glossary import (
    KINDS,
    PEOPLE,
    PEOPLE_GROUPS,
    Entry,
    glossary_json,
    people_group,
    people_group_id,
)

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


@dataclass(frozen=True)
class Letter:
    """One letter of an A–Z bar and the entry it leads to (None: no entry starts with it)."""

    letter: str
    target: str | None


def listed_name(entry: Entry) -> str:
    """How the People page lists a person: "Bukharin, Nikolai"; terms as they are.

    The surname is the name's last word unless `surname` says otherwise; a name written
    surname first (Chiang Kai-shek, Mao Zedong) is listed as written.
    """
    if entry.kind is not PEOPLE:
        return entry.title
    surname = str(entry.data.get("surname") or entry.title.rsplit(" ", 1)[-1])
    if entry.title.startswith(f"{surname} ") or not entry.title.endswith(surname):
        return entry.title
    given = entry.title[: -len(surname)].strip()
    return f"{surname}, {given}" if given else surname


def sort_key(entry: Entry) -> tuple[str, str]:
    """Alphabetical by the listed name, accents and case folded (Ölbild with Olbild)."""
    return (_folded(listed_name(entry)), entry.id)


def life_years(entry: Entry) -> str:
    """'1888–1938', 'born 1959', or '' when neither date is known: for the People list."""
    born, died = (str(entry.data.get(k) or "")[:4] for k in ("born", "died"))
    if born and died:
        return f"{born}–{died}"
    return f"born {born}" if born else (f"died {died}" if died else "")


def az_bar(entries: list[Entry]) -> list[Letter]:
    """A to Z, each letter leading to the first of ``entries`` (in order) listed under it.

    Entries that start with no Latin letter (a digit, Cyrillic) come first, under "#".
    """
    first: dict[str, str] = {}
    for entry in entries:
        initial = _folded(listed_name(entry))[:1].upper()
        first.setdefault(initial if initial in string.ascii_uppercase else "#", entry.id)
    letters = [Letter("#", first["#"])] if "#" in first else []
    return letters + [Letter(c, first.get(c)) for c in string.ascii_uppercase]


@dataclass(frozen=True)
class Group:
    """A part of the People page: its heading's id and title, its people and A–Z bar."""

    id: str
    title: str
    entries: list[Entry]
    letters: list[Letter]


def people_groups(people: list[Entry]) -> list[Group]:
    """The People page's groups, in PEOPLE_GROUPS order, each keeping the people's order."""
    groups = []
    for value, title in PEOPLE_GROUPS.items():
        members = [p for p in people if people_group(p) == value]
        if members:
            groups.append(Group(people_group_id(value), title, members, az_bar(members)))
    return groups


def _folded(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().casefold()


class Glossary:
    def __init__(
        self, site: SiteData, mentions: dict[str, tuple], sources: GeneratedSources | None = None
    ) -> None:
        self.site = site
        # By page source path: (page, its mentions); kept between --dirty rebuilds.
        self.mentions = mentions
        # While serving, the pages' Markdown is kept in files (serving.py).
        self.sources = sources

    def _unreadable(self, kind):
        """The YM001 problem of ``kind``'s data file, if YAML cannot read it."""
        found = self.site.glossary.diagnostics
        return next((d for d in found if d.path == kind.file and d.code == "YM001"), None)

    def on_files(self, files, /, *, config):
        collection = self.site.glossary
        by_id = collection.by_id()
        for kind in KINDS:
            entries = sorted((e for e in collection.entries if e.kind is kind), key=sort_key)
            unreadable = self._unreadable(kind)
            if not entries and unreadable is None:
                continue
            content = template(f"{kind.list_key}-page.md").render(
                entries=entries,
                letters=az_bar(entries),
                groups=people_groups(entries) if kind is PEOPLE else [],
                by_id=by_id,
                placeholder=_PLACEHOLDER,
                listed_name=listed_name,
                life_years=life_years,
                unreadable=unreadable,
                written_ids=written_ids(self.site.texts[kind.file]) if unreadable else [],
            )
            files.append(generated_page(config, kind.page, content, self.sources))
        if any(files.get_file_from_path(kind.page) for kind in KINDS):
            files.append(File.generated(config, DATA_FILE, content=glossary_json(collection)))
        return files

    def on_page_content(self, html, /, *, page, config, files):
        # "Mentioned on" is a reader's path: the editors' guide (docs/contributing/, the
        # folder DESIGN.md gives it and the checks' "editors' guide page" type matches)
        # names terms in its examples, which are not mentions a reader should be sent to.
        if not page.file.src_uri.startswith("contributing/"):
            source = page.file.src_uri
            mentions = mentions_in(html)
            before = self.mentions.get(source, (None, []))
            if (getattr(before[0], "title", None), before[1]) != (page.title, mentions) and (
                mentions or before[1]
            ):
                # The lists of the Glossary and People pages change: a --dirty build
                # (`make serve`) builds them again. They are the last pages of the build
                # (on_nav), so they have not been looked at yet.
                build_again(f for kind in KINDS if (f := files.get_file_from_path(kind.page)))
            self.mentions[source] = (page, mentions)
        return html

    def on_nav(self, nav, /, *, config, files):
        # Each page lists where the other's entries are mentioned: when a --dirty build
        # (`make serve`) builds one, it builds both. (After every plugin's on_files, which
        # decide what else is built again: serving.py.)
        pages = [f for kind in KINDS if (f := files.get_file_from_path(kind.page))]
        if any(f.is_modified() for f in pages):
            build_again(pages)
        # Last in the build's order (MkDocs converts pages in the order of `files`), so
        # that every page that may change their lists is converted before them.
        for file in pages:
            files.remove(file)
            files.append(file)
        return nav

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
