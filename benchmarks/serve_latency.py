"""`mkdocs serve` edit-to-reload latency: from saving a file to the browser showing the edit.

Prints figures; asserts nothing. Starts `mkdocs serve` with the Makefile's SERVE_FLAGS (as
`make serve` does) on a free port in a copy of the work tree, opens a page in headless
Chromium, then edits (1) that page's Markdown, (2) two data files, each shown on another
page, (3) a snippet under includes/ and (4) a theme template under overrides/, and times
how long until the open page shows the new text. Between edits the server is left to settle.

    .venv/bin/python benchmarks/serve_latency.py [--runs 5]
"""

from __future__ import annotations

import argparse
import re
import signal
import statistics
import subprocess
import tempfile
import time
import uuid
from pathlib import Path

from common import (
    CHROMIUM,
    CHROMIUM_ARGS,
    ENV,
    MKDOCS,
    copy_project,
    free_port,
    timed_reference,
    wait_for_port,
)

# DESIGN.md: a page edit within 1 s, a data edit within 2 s (a snippet too, our own aim);
# an edit to a template must reload the page, in no set time (None).
BUDGETS = {"page": 1.0, "data": 2.0, "snippet": 2.0, "template": None}
# How long an edit may take to show before the run counts as "never reloaded".
GIVE_UP = 120.0
# (what is edited, the file, the page that shows it)
EDITS = [
    ("page (Markdown)", "docs/aftermath/economic-policy.md", "aftermath/economic-policy/"),
    ("data file (glossary.yml)", "data/glossary.yml", "glossary/"),
    ("data file (timeline.yml)", "data/timeline.yml", "timeline/"),
    ("snippet (includes/)", "includes/experts/no-published-source.md", "experts/kotkin/"),
    ("template (overrides/main.html)", "overrides/main.html", "aftermath/economic-policy/"),
]


def serve_flags() -> list[str]:
    """`make serve`'s flags, read from the Makefile so the two cannot drift apart."""
    makefile = (Path(__file__).resolve().parent.parent / "Makefile").read_text("utf-8")
    return re.search(r"^SERVE_FLAGS := (.*)$", makefile, re.M)[1].split()


def edit(path: Path, original: str, token: str) -> None:
    """Put ``token`` into the text the page shows: a new paragraph, the first glossary
    definition or the first timeline event's summary (folded YAML blocks, so the token
    joins their first line)."""
    if path.suffix == ".md":
        text = f"{original.rstrip()}\n\nLatency probe {token}.\n"
    elif path.suffix == ".html":
        text = original.replace(
            "  {{ super() }}\n", f"  <p>Latency probe {token}.</p>\n  {{{{ super() }}}}\n", 1
        )
    else:
        text = re.sub(
            r"((?:definition|summary): >-\n(\s+))",
            rf"\g<1>Latency probe {token}. ",
            original,
            count=1,
        )
    path.write_text(text, encoding="utf-8")


def shows(page, token: str) -> bool:
    try:
        return bool(page.evaluate("t => document.body.innerText.includes(t)", token))
    except Exception:  # the page is navigating: its context went away mid-call
        return False


def build_times(log: Path) -> list[float]:
    text = log.read_text(encoding="utf-8", errors="replace")
    return [float(s) for s in re.findall(r"Documentation built in ([\d.]+) seconds", text)]


def settle(log: Path, quiet: float = 2.0, limit: float = 300.0) -> None:
    """Wait until mkdocs serve is idle: every rebuild finished, nothing logged for a while."""
    deadline = time.monotonic() + limit
    last, since = -1, time.monotonic()
    while time.monotonic() < deadline:
        text = log.read_text(encoding="utf-8", errors="replace")
        # Every rebuild ends in "Reloading browsers" or an error; the first build in neither.
        ended = text.count("Reloading browsers") + text.count("An error happened")
        busy = text.count("Building documentation...") - 1 > ended
        if len(text) != last or busy:
            last, since = len(text), time.monotonic()
        elif time.monotonic() - since >= quiet:
            return
        time.sleep(0.1)


def measure(runs: int) -> dict:
    """Median latency per kind of edit, and the rebuild times mkdocs serve reported."""
    from playwright.sync_api import sync_playwright

    results: dict[str, list[float | None]] = {kind: [] for kind, _, _ in EDITS}
    # How fast the host is while it runs: this machine's speed changes up to twofold.
    reference: list[float] = []
    with tempfile.TemporaryDirectory(prefix="divergence-serve-") as tmp:
        root = Path(tmp) / "project"
        copy_project(root)
        port = free_port()
        url = f"http://127.0.0.1:{port}/"
        log = Path(tmp) / "serve.log"
        with log.open("w") as out:
            server = subprocess.Popen(
                [*MKDOCS, "serve", *serve_flags(), "--dev-addr", f"127.0.0.1:{port}"],
                cwd=root,
                env=ENV | {"SITE_URL": url},
                stdout=out,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        try:
            print("  serve: waiting for the first build ...", flush=True)
            wait_for_port(port, timeout=600)
            first_build = build_times(log)
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
                page = browser.new_page()
                for kind, rel, page_path in EDITS:
                    path = root / rel
                    original = path.read_text(encoding="utf-8")
                    reference.append(timed_reference()[0])
                    # The last kind's file was put back: let that rebuild and its reload
                    # end first, or the reload aborts this navigation.
                    settle(log)
                    page.goto(url + page_path, wait_until="load")
                    for run in range(runs):
                        settle(log)
                        token = uuid.uuid4().hex[:12]
                        start = time.perf_counter()
                        edit(path, original, token)
                        elapsed = None
                        while time.perf_counter() - start < GIVE_UP:
                            if shows(page, token):
                                elapsed = time.perf_counter() - start
                                break
                            time.sleep(0.01)
                        results[kind].append(elapsed)
                        shown = "never shown" if elapsed is None else f"{elapsed:.2f} s"
                        print(f"  serve: {kind} edit {run + 1}/{runs}: {shown}", flush=True)
                    path.write_text(original, encoding="utf-8")
                browser.close()
        finally:
            server.send_signal(signal.SIGINT)
            try:
                server.wait(timeout=20)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait()
        rebuilds = build_times(log)[len(first_build) :]
    return {"runs": runs, "latency": results, "rebuilds": rebuilds, "reference": reference}


def report(figures: dict) -> None:
    print(
        f"\nmkdocs serve {' '.join(serve_flags())}: from saving a file to the open page "
        f"showing the edit ({figures['runs']} edits of each kind)\n"
    )
    reference = statistics.median(figures["reference"])
    print(
        f"reference loop (machine speed): median {reference:.2f} s over "
        f"{len(figures['reference'])} runs, one before each kind of edit"
    )
    for kind, values in figures["latency"].items():
        budget = BUDGETS[kind.split()[0]]
        shown = [v for v in values if v is not None]
        missed = len(values) - len(shown)
        if not shown:
            print(f"{kind}: the page never showed the edit within {GIVE_UP:.0f} s: NOT met")
            continue
        median = statistics.median(shown)
        if budget is None:
            verdict = "reloads: " + ("NOT met" if missed else "met")
        else:
            verdict = f"budget {budget:.0f} s " + (
                "met" if median <= budget and not missed else "NOT met"
            )
        print(
            f"{kind}: median {median:.2f} s (min {min(shown):.2f}, max {max(shown):.2f})"
            + (f", {missed} edit(s) never shown" if missed else "")
            + f": {verdict} ({median / reference:.2f} x the reference loop)"
        )
    if figures["rebuilds"]:
        rebuilds = figures["rebuilds"]
        print(
            f"rebuilds reported by mkdocs serve: median {statistics.median(rebuilds):.2f} s "
            f"(min {min(rebuilds):.2f}, max {max(rebuilds):.2f}, {len(rebuilds)} rebuilds): "
            "the rest of the latency is the file watcher and the reload"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    report(measure(parser.parse_args().runs))


if __name__ == "__main__":
    main()
