"""The search index of a `mkdocs serve --dirty` rebuild, made whole again.

Material's search plugin writes search/search_index.json from the pages built in that
build; a --dirty rebuild builds only the edited pages, so the preview's search would find
nothing else. The entries of the pages not built again are kept from the build before.
"""

from __future__ import annotations

import json
from pathlib import Path


def _page(doc: dict) -> str:
    return doc["location"].split("#", 1)[0]


class SearchIndex:
    def __init__(self) -> None:
        self._docs: list[dict] | None = None

    def after_build(self, site_dir: str, *, dirty: bool) -> None:
        path = Path(site_dir) / "search" / "search_index.json"
        if not path.is_file():
            return
        index = json.loads(path.read_text(encoding="utf-8"))
        if dirty and self._docs is not None:
            rebuilt = {_page(doc) for doc in index["docs"]}
            index["docs"] = [d for d in self._docs if _page(d) not in rebuilt] + index["docs"]
            path.write_text(json.dumps(index, separators=(",", ":")), encoding="utf-8")
        self._docs = index["docs"]
