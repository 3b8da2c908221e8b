"""When each page last changed, from git: one `git log` for the whole project a build.

Material shows a page's "Last updated" from ``page.meta.git_revision_date_localized``, the
key of the git-revision-date-localized plugin, which asks git once per file. Pages made
from data are dated by their data file. Without git or history for a file (an archive, a
page not yet committed) the page gets the build date, which honours SOURCE_DATE_EPOCH.
"""

from __future__ import annotations

import html
import logging
import subprocess
from datetime import UTC, date, datetime
from pathlib import Path

from divergence.site.dates import readable
from divergence.site.generated import BIBLIOGRAPHY_PAGE
from divergence.site.glossary import KINDS
from divergence.site.timeline import FILE as TIMELINE_FILE

log = logging.getLogger("mkdocs.plugins.divergence")

# Material's keys (shown text, and the ISO date our templates, the sitemap and "Cite this
# page" read).
SHOWN = "git_revision_date_localized"
ISO = "git_revision_date_localized_raw_iso_date"


def commit_dates(root: Path) -> dict[str, date]:
    """The date of the last commit that changed each file, by path relative to ``root``."""
    try:
        out = subprocess.run(
            ["git", "-C", str(root), "log", "--format=%x00%ct", "--name-only", "--relative"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
    except (OSError, subprocess.CalledProcessError):
        return {}
    dates: dict[str, date] = {}
    for commit in out.split("\0")[1:]:
        stamp, _, names = commit.partition("\n")
        when = datetime.fromtimestamp(int(stamp), UTC).date()
        for name in names.split():
            # Newest commit first: keep the first date seen.
            dates.setdefault(name, when)
    return dates


class LastUpdated:
    def __init__(self, root: Path, bib_file: str) -> None:
        self.root = root
        # A generated page is as new as the data it is made from.
        self.sources = {kind.page: kind.file for kind in KINDS}
        self.sources[BIBLIOGRAPHY_PAGE] = bib_file
        self.dates: dict[str, date] = {}

    def on_files(self, files, /, *, config):
        self.dates = commit_dates(self.root)
        if not self.dates:
            log.info("divergence: no git history here; pages are dated by the build date")
        self.docs = Path(config.docs_dir).resolve().relative_to(self.root.resolve()).as_posix()
        return files

    def on_page_markdown(self, markdown, /, *, page, config, files):
        uri = page.file.src_uri
        if uri in self.sources:
            source = self.sources[uri]
        elif page.file.generated_by and uri.startswith("timeline/"):
            source = TIMELINE_FILE
        else:
            source = f"{self.docs}/{uri}"
        when = self.dates.get(source)
        if when is not None:
            # Only a known change date: the sitemap and "Cite this page" fall back to the
            # build date themselves, and the page's metadata then gives none.
            page.meta[ISO] = when.isoformat()
        else:
            when = date.fromisoformat(page.update_date)
        page.meta[SHOWN] = (
            f'<span class="dv-updated" title="{when.isoformat()}">'
            f"{html.escape(readable(when.isoformat()))}</span>"
        )
        return markdown
