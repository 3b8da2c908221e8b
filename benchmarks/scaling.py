"""Build time as the site grows: 100, 500, 1000 synthetic pages added to a copy of the site.

Prints figures; asserts nothing. Each size gets its own copy of the work tree (a one-commit
git repository, so dates come from git as in the real project) with generated pages added
to docs/ and to the nav, built strictly with our configuration and without strictness
with the plain Material configuration of build_time.py.

The synthetic pages are copies of an essay page (contrast block, citations, editor's
notes, glossary terms) under a title of their own. In the nav they form a new tab,
"Synthetic", of parts of 100 pages, each made of chapters of 10: how a large site would
be organised, and with `navigation.prune` a page carries only its own chapter's links and
the names of the other chapters. The plain build derives the same tree from the folders.

    .venv/bin/python benchmarks/scaling.py [--sizes 100,500,1000] [--runs 1]
"""

from __future__ import annotations

import argparse
import posixpath
import re
import statistics
import tempfile
from pathlib import Path

from common import MKDOCS, commit_all, copy_project, plain_config, table, timed

# A representative page: prose, a contrast block, citations, editor's notes, terms.
TEMPLATE = "docs/aftermath/economic-policy.md"
PART, CHAPTER = 100, 10


def add_pages(root: Path, count: int) -> int:
    """Write ``count`` synthetic pages under docs/synthetic/ and add them to the nav."""
    if not count:
        return 0
    text = (root / TEMPLATE).read_text(encoding="utf-8")
    front, body = re.match(r"(---\n.*?\n---\n)(.*)", text, re.DOTALL).groups()
    body = re.sub(r"^# .*$", "# {title}", body, count=1, flags=re.MULTILINE)
    # The template's links are relative to its folder; every synthetic page is three
    # folders deep (synthetic/part-NN/chapter-NN/): relative to that, they hold.
    folder = posixpath.dirname(TEMPLATE.removeprefix("docs/"))
    body = re.sub(
        r"\]\((?![a-z]+:|/|#)([^)\s]+)\)",
        lambda m: "]({})".format(
            posixpath.relpath(posixpath.join(folder, m[1]), "synthetic/part/chapter")
        ),
        body,
    )
    nav = ["  - Synthetic:"]
    for index in range(count):
        part, chapter = index // PART + 1, index % PART // CHAPTER + 1
        if index % PART == 0:
            nav.append(f"      - Part {part}:")
        if index % CHAPTER == 0:
            nav.append(f"          - Chapter {part}.{chapter}:")
        rel = f"synthetic/part-{part:02}/chapter-{chapter:02}/page-{index + 1:04}.md"
        title = f"Synthetic page {index + 1}"
        page = root / "docs" / rel
        page.parent.mkdir(parents=True, exist_ok=True)
        page.write_text(front + body.replace("{title}", title), encoding="utf-8")
        nav.append(f"              - {title}: {rel}")
    config = root / "mkdocs.yml"
    lines = config.read_text(encoding="utf-8").splitlines()
    start = lines.index("nav:")
    # The nav ends at the next top-level key (or the end of the file).
    end = next(
        (i for i in range(start + 1, len(lines)) if lines[i] and not lines[i][0].isspace()),
        len(lines),
    )
    while end > start + 1 and not lines[end - 1].strip():
        end -= 1
    lines[end:end] = nav
    config.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return count


def html_bytes(site: Path, folder: str) -> float:
    """Mean size in KB of the built pages under ``folder``."""
    pages = list((site / folder).rglob("index.html"))
    return sum(p.stat().st_size for p in pages) / len(pages) / 1024 if pages else 0.0


def measure(sizes: list[int], runs: int) -> list[dict]:
    """Build times (medians of ``runs``) of ours and plain Material for each size."""
    results = []
    for size in [0, *sizes]:
        with tempfile.TemporaryDirectory(prefix=f"divergence-scaling-{size}-") as tmp:
            root = Path(tmp) / "project"
            copy_project(root, commit=False)
            add_pages(root, size)
            commit_all(root)
            ours_cmd = [*MKDOCS, "build", "--quiet", "--strict", "-d", str(Path(tmp) / "ours")]
            plain_cmd = [
                *MKDOCS,
                "build",
                "--quiet",
                "-f",
                str(plain_config(Path(tmp), root / "docs")),
                "-d",
                str(Path(tmp) / "plain"),
            ]
            print(f"  scaling: {size} synthetic pages, {runs} run(s) each", flush=True)
            pairs = [(timed(plain_cmd, root), timed(ours_cmd, root)) for _ in range(runs)]
            results.append(
                {
                    "added": size,
                    "plain": statistics.median(p for p, _ in pairs),
                    "ours": statistics.median(o for _, o in pairs),
                    "ours_pages": len(list((Path(tmp) / "ours").rglob("index.html"))),
                    "plain_pages": len(list((Path(tmp) / "plain").rglob("index.html"))),
                    "ours_kb": html_bytes(Path(tmp) / "ours", "synthetic"),
                    "plain_kb": html_bytes(Path(tmp) / "plain", "synthetic"),
                }
            )
    return results


def report(results: list[dict]) -> None:
    rows = []
    slopes: dict[str, list[float]] = {"ours": [], "plain": []}
    for previous, r in zip([None, *results], results, strict=False):
        cells = [str(r["added"]), f"{r['ours_pages']} / {r['plain_pages']}"]
        for build in ("ours", "plain"):
            pages = r[f"{build}_pages"]
            cells += [f"{r[build]:.2f}", f"{r[build] / pages * 1000:.1f}"]
            if previous is None:
                cells += ["–", "–"]
                continue
            # The slope: what each page added since the previous size cost.
            slope = (r[build] - previous[build]) / (pages - previous[f"{build}_pages"]) * 1000
            slopes[build].append(slope)
            cells += [f"{slope:.1f}", f"{r[f'{build}_kb']:.0f}"]
        cells.append(f"{r['ours'] / r['plain']:.2f} x")
        rows.append(cells)
    print(
        "\nScaling: build time with synthetic pages added (budget: the cost per page stays "
        "flat). 'ms/page since previous' = extra time / extra pages from the size above it, "
        "the slope that stays flat when the cost per page does; 'KB/page' = mean HTML size of "
        "a synthetic page, which grows with the nav it carries.\n"
    )
    header = ["added", "pages built: ours / plain"]
    for build in ("ours", "plain"):
        header += [f"{build} s", f"{build} ms/page", f"{build} ms/page since previous"]
        header.append(f"{build} KB/page")
    print(table(rows, [*header, "ours/plain"]))
    for build, values in slopes.items():
        if len(values) > 2:
            print(
                f"{build}: ms per added page from the second size on: "
                + ", ".join(f"{v:.1f}" for v in values[1:])
                + f" ({values[-1] / values[1]:.2f} x from first to last; flat is about 1.0)"
            )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="100,500,1000")
    parser.add_argument("--runs", type=int, default=1)
    args = parser.parse_args()
    report(measure([int(s) for s in args.sizes.split(",")], args.runs))


if __name__ == "__main__":
    main()
