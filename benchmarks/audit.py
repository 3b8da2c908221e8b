"""Audit the built site as a reader's browser meets it: Lighthouse scores and page weight.

Prints figures beside the budgets of DESIGN.md; asserts nothing, and exits non-zero only
when it cannot run (the strict build fails, Chromium or Lighthouse is missing).

1. Builds the site (strict) and a plain Material build of the same Markdown into a
   temporary folder, and serves each on a free port of 127.0.0.1 like a real host: gzip
   for text, long cache lifetimes for assets/, short ones for pages, 404.html with 404.
2. Lighthouse 12 (node_modules) on one page of each type, mobile and desktop: the four
   category scores and every audit that is not passed, with what Lighthouse points at.
3. Page weight of every page on a first visit (empty cache, until the network is idle) in
   headless Chromium: requests, bytes before and after gzip, our own CSS and JS.

    .venv/bin/python benchmarks/audit.py [--only lighthouse|weight] [--quick] [--runs 3]
        [--pages home,glossary] [--reports DIR]
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import lighthouse_runs
import page_weight
from common import (
    CHROMIUM,
    ENV,
    MKDOCS,
    REPO,
    StaticHost,
    commit_measured,
    free_port,
    machine,
    plain_config,
)

# One page of each type the site has (the nav of mkdocs.yml, and more), by URL path.
PAGE_TYPES = [
    ("home", ""),
    ("essay page", "point-of-divergence/"),
    ("section index", "aftermath/"),
    ("expert page", "experts/kotkin/"),
    ("bibliography", "reading/bibliography/"),
    ("timeline index", "timeline/"),
    ("timeline era", "timeline/succession/"),
    ("comparison", "timeline/comparison/"),
    ("glossary", "glossary/"),
    ("people", "people/"),
    ("editors' guide", "contributing/editing/"),
    # Outside the nav: the whole essay on one page, to print or read offline.
    ("single-page essay", "print/"),
    ("404", "no-such-page/"),
]


@dataclass
class Site:
    """A built site served on its own port."""

    name: str
    folder: Path
    port: int
    pages: list[str] = field(default_factory=list)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/"

    def has(self, path: str) -> bool:
        return path == "no-such-page/" or (self.folder / path / "index.html").is_file()


def build(workdir: Path) -> tuple[Site, Site]:
    """Our strict build and the plain one, each told the address it will be served at."""
    ours = Site("ours", workdir / "ours", free_port())
    plain = Site("plain Material", workdir / "plain", free_port())
    # SITE_URL as `make serve` sets it: canonical links and the 404 page's asset URLs
    # point at the server that serves the build, as they do on the real host.
    print("building the site (strict) and the plain Material build ...", flush=True)
    subprocess.run(
        [*MKDOCS, "build", "--quiet", "--strict", "-d", str(ours.folder)],
        check=True,
        cwd=REPO,
        env=ENV | {"SITE_URL": ours.url},
    )
    config = plain_config(workdir, site_url=plain.url)
    subprocess.run(
        [*MKDOCS, "build", "--quiet", "-f", str(config), "-d", str(plain.folder)],
        check=True,
        cwd=REPO,
        env=ENV,
    )
    for site in (ours, plain):
        folders = (p.parent.relative_to(site.folder) for p in site.folder.rglob("index.html"))
        site.pages = sorted("" if f == Path() else f"{f.as_posix()}/" for f in folders)
        site.pages.append("no-such-page/")
    return ours, plain


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", choices=["lighthouse", "weight"], help="run one part")
    parser.add_argument(
        "--quick", action="store_true", help="Lighthouse on mobile only and not on plain Material"
    )
    parser.add_argument(
        "--pages", help="Lighthouse only on these page types, e.g. 'home,glossary,404'"
    )
    parser.add_argument("--reports", type=Path, help="keep Lighthouse's JSON reports here")
    parser.add_argument(
        "--runs", type=int, default=1, help="Lighthouse runs per page, the median reported"
    )
    args = parser.parse_args()
    if args.reports:
        args.reports.mkdir(parents=True, exist_ok=True)
    for tool in (CHROMIUM, lighthouse_runs.LIGHTHOUSE):
        if not Path(tool).is_file():
            print(f"audit: {tool} is missing (make audit installs it)", file=sys.stderr)
            return 2
    print(f"commit: {commit_measured()}")
    print(f"machine: {machine()}")
    with tempfile.TemporaryDirectory(prefix="divergence-audit-") as tmp:
        workdir = Path(tmp)
        try:
            ours, plain = build(workdir)
        except subprocess.CalledProcessError as error:
            print(f"audit: the build failed ({error}); nothing to audit", file=sys.stderr)
            return 1
        if args.only in (None, "weight"):
            page_weight.run_all(ours, plain, PAGE_TYPES)
        if args.only in (None, "lighthouse"):
            wanted = {p.strip() for p in args.pages.split(",")} if args.pages else None
            types = [t for t in PAGE_TYPES if wanted is None or t[0] in wanted]
            forms = ["mobile"] if args.quick else ["mobile", "desktop"]
            sites = [ours] if args.quick else [ours, plain]
            with StaticHost(ours.folder, ours.port), StaticHost(plain.folder, plain.port):
                lighthouse_runs.run_all(sites, types, args.reports or workdir, forms, args.runs)
    return 0


if __name__ == "__main__":
    sys.exit(main())
