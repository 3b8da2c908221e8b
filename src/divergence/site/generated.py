"""Where the plugin puts the pages it generates from the data files, and their anchors.

Kept in the site model, free of MkDocs: the Markdown extensions link to these pages, the
plugin generates them and the checker validates links to them without starting MkDocs.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from divergence.site import SiteData

BIBLIOGRAPHY_PAGE = "reading/bibliography.md"
BIBLIOGRAPHY_DOWNLOAD = "references.bib"
TIMELINE_INDEX = "timeline/index.md"
TIMELINE_COMPARISON = "timeline/comparison.md"
# The open-data download of the glossary and people files.
GLOSSARY_DOWNLOAD = "glossary.json"
# The picture a shared link shows: the divergence chart (plugin/og_image.py).
OG_IMAGE = "assets/images/og-chart.png"


# An entry's id as the data files write it, found even where YAML cannot read the file.
_ID_LINE = re.compile(r"^\s*-?\s*id:\s*[\"']?([a-z0-9-]+)", re.M)


def written_ids(text: str) -> list[str]:
    """The ids written in a data file, read line by line (for a file YAML cannot read:
    its page keeps an anchor for each, so links to the entries still land on it)."""
    return list(dict.fromkeys(_ID_LINE.findall(text)))


def salvaged(text: str, key: str):
    """One top-level section of a data file YAML cannot read as a whole, when that part
    reads alone (None when it does not): the timeline's eras and themes, so that its
    pages and their anchors stay while the editor fixes the file."""
    import yaml

    match = re.search(rf"^{key}:.*?(?=^\S|\Z)", text, re.M | re.S)
    try:
        return (yaml.safe_load(match.group()) or {}).get(key) if match else None
    except yaml.YAMLError:
        return None


def salvaged_eras(text: str) -> list:
    from divergence.site.timeline import Era

    items = salvaged(text, "eras")
    return [
        Era(str(e["id"]), str(e["title"]), int(str(e["start"])[:4]), int(str(e["end"])[:4]))
        for e in items or []
        if isinstance(e, dict) and {"id", "title", "start", "end"} <= e.keys()
    ]


def timeline_unreadable(site: SiteData):
    """The YM001 problem of data/timeline.yml, if YAML cannot read it."""
    timeline = site.timeline
    found = timeline.diagnostics if timeline is not None else []
    return next((d for d in found if d.code == "YM001"), None)


def timeline_era_page(era_id: str) -> str:
    return f"timeline/{era_id}.md"


def generated_pages(site: SiteData) -> dict[str, set[str]]:
    """Every page and file generated from data, with the anchor ids each page has.

    A data file that cannot be read still gives its page (which then says why), so links
    to it stay good and the one finding is the file's own.
    """
    from divergence.site.glossary import KINDS, PEOPLE, people_group, people_group_id

    pages: dict[str, set[str]] = {}
    texts = site.texts
    unreadable = {d.path for d in site.glossary.diagnostics if d.code == "YM001"}
    for kind in KINDS:
        if kind.file in texts:
            pages[kind.page] = set(written_ids(texts[kind.file]) if kind.file in unreadable else ())
    for entry in site.glossary.entries:
        pages.setdefault(entry.kind.page, set()).add(entry.id)
        if entry.kind is PEOPLE:
            pages[PEOPLE.page].add(people_group_id(people_group(entry)))
    if any(kind.file in texts for kind in KINDS):
        pages[GLOSSARY_DOWNLOAD] = set()
    timeline = site.timeline
    if timeline_unreadable(site) is not None:
        from divergence.site.timeline import FILE

        ids = set(written_ids(texts[FILE]))
        pages[TIMELINE_INDEX] = ids | {"point-of-divergence"}
        pages[TIMELINE_COMPARISON] = set(salvaged(texts[FILE], "themes") or ())
        pages["timeline.json"] = pages["timeline.csv"] = set()
        for era in salvaged_eras(texts[FILE]):
            pages[timeline_era_page(era.id)] = set(ids)
    elif timeline is not None:
        # Events that cannot be read are listed, with their ids, on every view.
        unreadable = {e.id for e in timeline.unreadable}
        # Each year's rows and (on the whole timeline) each era's open with an anchor.
        years = {f"year-{e.date.year}" for e in timeline.events}
        eras = {f"era-{era.id}" for era in timeline.eras}
        pages[TIMELINE_INDEX] = {e.id for e in timeline.events} | {"point-of-divergence"}
        pages[TIMELINE_INDEX] |= unreadable | years | eras
        for era in timeline.eras:
            shown = [e for e in timeline.events if era.holds(e)]
            ids = {e.id for e in shown} | {f"year-{e.date.year}" for e in shown}
            pages[timeline_era_page(era.id)] = ids | unreadable
        pages[TIMELINE_COMPARISON] = set(timeline.themes)
        pages["timeline.json"] = pages["timeline.csv"] = set()
    if timeline is not None:
        pages[OG_IMAGE] = set()
    if site.bibliography is not None:
        pages[BIBLIOGRAPHY_PAGE] = set(site.bibliography.entries)
        pages[BIBLIOGRAPHY_DOWNLOAD] = set()
    return pages
