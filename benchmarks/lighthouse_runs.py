"""Lighthouse 12 from node_modules on one page of each type: scores and what is not passed.

Used by audit.py. Findings are grouped: an audit that fails the same way on many pages is
printed once, with the pages it fails on.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
from collections import Counter, defaultdict
from pathlib import Path

from common import CHROMIUM, CHROMIUM_ARGS, ENV, REPO, table

LIGHTHOUSE = REPO / "node_modules" / ".bin" / "lighthouse"
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
# A run takes 15-60 s here; a hung Chromium must not hang the audit.
TIMEOUT = 240
# Audits Lighthouse shows but does not score.
UNSCORED = ("notApplicable", "manual", "informative")


def run(url: str, desktop: bool, out: Path, missing_page: bool = False) -> dict | str:
    """One Lighthouse run: the parsed report, or why there is none."""
    command = [
        str(LIGHTHOUSE),
        url,
        "--quiet",
        "--output=json",
        f"--output-path={out}",
        f"--only-categories={','.join(CATEGORIES)}",
        f"--chrome-flags={' '.join(CHROMIUM_ARGS)}",
        # Error reporting would try to reach the network, which is blocked here.
        "--no-enable-error-reporting",
        "--max-wait-for-load=60000",
    ]
    if desktop:
        command.append("--preset=desktop")
    if missing_page:
        # Otherwise Lighthouse refuses a page served with 404, which is what a 404 page is.
        command.append("--ignore-status-code")
    # Its own process group, so that a timeout ends Chromium too, not only Node.
    process = subprocess.Popen(
        command,
        env=ENV | {"CHROME_PATH": CHROMIUM},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    try:
        _, err = process.communicate(timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.communicate()
        return f"timed out after {TIMEOUT} s"
    if process.returncode != 0 or not out.is_file():
        return f"exit {process.returncode}: {err.strip()[-300:]}"
    report = json.loads(out.read_text(encoding="utf-8"))
    if report.get("runtimeError"):
        return f"runtime error: {report['runtimeError'].get('message')}"
    return report


def scores(report: dict) -> list[str]:
    values = [report["categories"][c]["score"] for c in CATEGORIES]
    return ["–" if v is None else f"{v * 100:.0f}" for v in values]


def audits_of(report: dict) -> tuple[list, list]:
    """(not passed, could not be computed): each (category, weight, audit)."""
    refs = {}
    for name in CATEGORIES:
        for ref in report["categories"][name]["auditRefs"]:
            refs[ref["id"]] = (name, ref.get("weight", 0))
    failed, errored = [], []
    for audit_id, (category, weight) in refs.items():
        audit = report["audits"][audit_id]
        mode = audit.get("scoreDisplayMode")
        if mode == "error":
            errored.append((category, weight, audit))
        elif mode not in UNSCORED and audit["score"] is not None and audit["score"] < 1:
            failed.append((category, weight, audit))
    return failed, errored


def describe(audit: dict, limit: int = 8) -> list[str]:
    """What Lighthouse points at: the nodes, URLs or values in the audit's details."""
    items = (audit.get("details") or {}).get("items") or []
    lines = [_item(item) for item in items[:limit]]
    if len(items) > limit:
        lines.append(f"... and {len(items) - limit} more")
    return [line for line in lines if line]


def _item(item: dict) -> str:
    parts = []
    for key in ("node", "relatedNode"):
        node = item.get(key)
        if isinstance(node, dict):
            parts.append(node.get("selector") or "")
            if key == "node":
                parts.append((node.get("snippet") or "")[:120])
                explanation = " ".join((node.get("explanation") or "").split())
                parts.append(explanation.removeprefix("Fix any of the following: ")[:400])
    for key in ("url", "frameUrl", "source", "label", "description", "signal", "reason"):
        value = item.get(key)
        if isinstance(value, str):
            parts.append(value[:160])
        elif isinstance(value, dict) and value.get("url"):
            parts.append(f"{value['url']}:{value.get('line', '')}")
    location = item.get("location")
    if isinstance(location, dict) and isinstance(location.get("original"), dict):
        parts.append(f"({location['original'].get('file')})")
    for key in ("wastedMs", "wastedBytes", "totalBytes", "transferSize", "value"):
        value = item.get(key)
        if isinstance(value, int | float) and not isinstance(value, bool):
            parts.append(f"{key}={value:.0f}" if abs(value) >= 1 else f"{key}={value:.3g}")
    sub = (item.get("subItems") or {}).get("items") or []
    if sub:
        parts.append("[" + "; ".join(_item(entry) for entry in sub[:4]) + "]")
    return " ".join(p for p in parts if p)


def median_run(url: str, desktop: bool, out: Path, missing_page: bool, runs: int) -> dict | str:
    """The run with the median performance score of ``runs`` (Lighthouse's advice against
    its variability); the first error if every run fails."""
    reports = []
    for attempt in range(runs):
        target = out if runs == 1 else out.with_suffix(f".{attempt + 1}.json")
        reports.append(run(url, desktop, target, missing_page))
    good = [r for r in reports if isinstance(r, dict)]
    if not good:
        return reports[0]
    good.sort(key=lambda r: r["categories"]["performance"]["score"] or 0)
    return good[(len(good) - 1) // 2]


def run_all(sites, page_types, workdir: Path, form_factors: list[str], runs: int = 1) -> None:
    """Run Lighthouse on each site's page types and print the scores and the findings.

    Ours and plain Material run one after the other for each page and form factor, so
    that both meet the same load on the machine.
    """
    rows = []
    # (site, category, weight, id, title) -> [(where, score and value, details)]
    failures: dict[tuple, list] = defaultdict(list)
    # error message -> (audits, runs)
    errors: dict[str, tuple[set, set]] = defaultdict(lambda: (set(), set()))
    warnings: Counter = Counter()
    for label, path in page_types:
        for form in form_factors:
            for site in sites:
                if not site.has(path):
                    continue
                slug = path.strip("/").replace("/", "_") or "home"
                out = workdir / f"{site.name.split()[0]}-{slug}-{form}.json"
                print(f"  lighthouse {form:7} {site.name}: /{path}", flush=True)
                missing = label == "404"
                report = median_run(site.url + path, form == "desktop", out, missing, runs)
                where = f"{label} {form}"
                if isinstance(report, str):
                    rows.append([label, form, site.name, *["no result"] * 7])
                    errors[report][0].add("the whole run")
                    errors[report][1].add(f"{site.name}: {where}")
                    continue
                audits = report["audits"]
                rows.append(
                    [
                        label,
                        form,
                        site.name,
                        *scores(report),
                        audits["total-blocking-time"].get("displayValue", ""),
                        audits["largest-contentful-paint"].get("displayValue", ""),
                        f"{report['environment'].get('benchmarkIndex', 0):.0f}",
                    ]
                )
                warnings.update(w.split(". ")[0] for w in report.get("runWarnings", []))
                failed, errored = audits_of(report)
                for category, weight, audit in failed:
                    key = (site.name, category, weight, audit["id"], audit["title"])
                    value = f"{audit['score']:.2f} {audit.get('displayValue', '')}".strip()
                    failures[key].append((where, value, tuple(describe(audit))))
                for _, _, audit in errored:
                    message = " ".join(str(audit.get("errorMessage", "")).split())[:200]
                    errors[message][0].add(audit["id"])
                    errors[message][1].add(f"{site.name}: {where}")
    print(
        f"\nLighthouse 12.2.3 scores, {'one run' if runs == 1 else f'median of {runs} runs'} "
        "each (budget: 100 in each category, mobile and desktop). "
        "TBT and LCP weigh most in the performance score; 'CPU' is Lighthouse's benchmark "
        "index of the machine during the run (lower is slower: the performance score falls "
        "when others load the machine).\n"
    )
    header = ["page", "form factor", "build", *CATEGORIES, "TBT", "LCP", "CPU"]
    print(table(rows, header))
    for warning, count in warnings.items():
        print(f"run warning ({count} runs): {warning}")
    for weighted in (True, False):
        print(
            "\nAudits not passed that lower a score: [category, weight] id — title"
            if weighted
            else "\nDiagnostics not passed (weight 0: they do not change the score by themselves)"
        )
        found = sorted(
            (item for item in failures.items() if (item[0][2] > 0) == weighted),
            key=lambda item: (item[0][0], -item[0][2], item[0][3]),
        )
        for (site, category, weight, audit_id, title), runs in found:
            print(f"\n{site}: [{category}, weight {weight}] {audit_id} — {title}")
            print("  on: " + "; ".join(f"{where} ({value})" for where, value, _ in runs))
            shown: dict[tuple, list] = defaultdict(list)
            for where, _, details in runs:
                if details:
                    shown[details].append(where)
            # Diagnostics: what the first run points at is enough.
            for details, where in list(shown.items())[: None if weighted else 1]:
                print(f"  {'details' if weighted else 'e.g.'} ({'; '.join(where)}):")
                for line in details:
                    print(f"    {line}")
        if not found:
            print("\nnone")
    if errors:
        print("\nAudits Lighthouse could not compute (a tool problem, not a finding on the site):")
        for message, (audit_ids, runs) in sorted(errors.items()):
            print(f"\n{message}\n  audits: {', '.join(sorted(audit_ids))}")
            print(f"  on {len(runs)} of {len(rows)} runs: {'; '.join(sorted(runs))}")
