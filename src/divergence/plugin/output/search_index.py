"""What we add to Material's search index (search/search_index.json) once it is written.

- Each result says which history its page belongs to: the page's entry is titled with
  its track ("Economic Policy · Alternate history"). (Not as a tag: Material draws each
  result's tags as a navigation landmark without a name, which axe reports.)
- A `mkdocs serve --dirty` rebuild builds only the edited pages, and Material writes the
  index from the pages built in that build: the entries of the pages not built again are
  kept from the build before, so the preview's search still finds every page.
"""

from __future__ import annotations

import json
from pathlib import Path


def _page(doc: dict) -> str:
    return doc["location"].split("#", 1)[0]


class SearchIndex:
    def __init__(self) -> None:
        self._docs: list[dict] | None = None
        # Page URL -> the name of its history, from each built page's track.
        self.histories: dict[str, str] = {}

    def after_build(self, site_dir: str, *, dirty: bool) -> None:
        path = Path(site_dir) / "search" / "search_index.json"
        if not path.is_file():
            return
        index = json.loads(path.read_text(encoding="utf-8"))
        for doc in index["docs"]:
            history = self.histories.get(doc["location"])
            if history and "#" not in doc["location"]:
                doc["title"] = f"{doc['title']} · {history}"
        if dirty and self._docs is not None:
            rebuilt = {_page(doc) for doc in index["docs"]}
            index["docs"] = [d for d in self._docs if _page(d) not in rebuilt] + index["docs"]
        path.write_text(json.dumps(index, separators=(",", ":")), encoding="utf-8")
        self._docs = index["docs"]
