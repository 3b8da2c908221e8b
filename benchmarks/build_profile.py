"""Where the strict build spends its time: one build under cProfile, by phase, by package
(own time) and by plugin hook. Prints figures; asserts nothing. The profiler slows
everything down evenly enough to compare the parts, not to read absolute times. The
content checks run partly in forked processes, which the profile sees as waiting.

    .venv/bin/python benchmarks/build_profile.py
"""

from __future__ import annotations

import pstats
import subprocess
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

from common import ENV, REPO, table

# Packages worth naming; anything else counts as "other" (the standard library and the rest).
PACKAGES = [
    "divergence",
    "mkdocs_bibtex",
    "pybtex",
    "material",
    "pymdownx",
    "markdown",
    "mkdocs",
    "jinja2",
    "yaml",
    "bs4",
]


# mkdocs.commands.build functions, with what they call.
PHASES = {
    "build": "build(): everything after the configuration",
    "_populate_page": "  Markdown to HTML, every page (_populate_page)",
    "_build_page": "  templates, every page (_build_page)",
}


def package_of(filename: str) -> str:
    parts = Path(filename).parts
    if "site-packages" in parts:
        rest = parts[parts.index("site-packages") + 1 :]
        top = rest[0] if rest else ""
    elif "src" in parts and "divergence" in parts:
        rest = parts[parts.index("divergence") :]
        top = "divergence"
    else:
        return "other (standard library, subprocesses)"
    if top == "divergence" and len(rest) > 2:
        return f"divergence.{rest[1]}"
    if top == "material" and len(rest) > 3 and rest[1] == "plugins":
        return f"material.{rest[2]}"
    return top if top in PACKAGES else "other (standard library, subprocesses)"


def measure() -> dict:
    with tempfile.TemporaryDirectory(prefix="divergence-profile-") as tmp:
        out = Path(tmp) / "build.prof"
        command = [sys.executable, "-m", "cProfile", "-o", str(out), "-m", "mkdocs", "build"]
        command += ["--quiet", "--strict", "-d", str(Path(tmp) / "site")]
        subprocess.run(command, check=True, cwd=REPO, env=ENV)
        stats = pstats.Stats(str(out))
    total = stats.total_tt
    by_package: dict[str, float] = defaultdict(float)
    hooks: dict[str, float] = {}
    other: dict[str, float] = defaultdict(float)
    phases: dict[str, float] = {}
    for (filename, _, name), (_, _, tottime, cumtime, _) in stats.stats.items():
        where = Path(filename).as_posix()
        if where.endswith("mkdocs/commands/build.py") and name in PHASES:
            phases[PHASES[name]] = cumtime
        elif where.endswith("mkdocs/config/base.py") and name == "load_config":
            phases["load_config: read mkdocs.yml, import and set up plugins"] = cumtime
        elif where.endswith("mkdocs/plugins.py") and name.startswith("on_"):
            phases[f"  every plugin's {name}"] = cumtime
        package = package_of(filename)
        by_package[package] += tottime
        if package.startswith("other"):
            # Built-ins have no file: their name says what they do (waiting on a pipe...).
            other[name if filename == "~" else f"{Path(filename).name}: {name}"] += tottime
        # A plugin's event handlers, with what they call; mkdocs' own on_* dispatch to them.
        if name.startswith("on_") and package != "mkdocs" and "plugin" in Path(filename).name:
            key = f"{package}: {name}"
            hooks[key] = hooks.get(key, 0.0) + cumtime
    return {
        "total": total,
        "packages": dict(by_package),
        "hooks": hooks,
        "other": dict(other),
        "phases": phases,
    }


def report(figures: dict) -> None:
    total = figures["total"]
    print(f"\nWhere a strict build spends its time (cProfile, {total:.1f} s in all, profiled)\n")
    rows = [
        [name, f"{seconds:.2f}", f"{seconds / total:.0%}"]
        for name, seconds in sorted(figures["phases"].items(), key=lambda kv: -kv[1])
        if seconds / total >= 0.01
    ]
    print(table(rows, ["phase (with what it calls)", "s", "share"]))
    print()
    rows = [
        [name, f"{seconds:.2f}", f"{seconds / total:.0%}"]
        for name, seconds in sorted(figures["packages"].items(), key=lambda kv: -kv[1])
        if seconds / total >= 0.005
    ]
    print(table(rows, ["own time in", "s", "share"]))
    print("\nThe largest parts of 'other' (waiting on a child process shows as poll/read):\n")
    rows = [
        [name[:90], f"{seconds:.2f}", f"{seconds / total:.0%}"]
        for name, seconds in sorted(figures["other"].items(), key=lambda kv: -kv[1])[:8]
    ]
    print(table(rows, ["function", "s", "share"]))
    print("\nPlugin event handlers, with everything they call (hooks of 1 % or more):\n")
    rows = [
        [name, f"{seconds:.2f}", f"{seconds / total:.0%}"]
        for name, seconds in sorted(figures["hooks"].items(), key=lambda kv: -kv[1])
        if seconds / total >= 0.01
    ]
    print(table(rows, ["hook", "s", "share"]))


if __name__ == "__main__":
    report(measure())
