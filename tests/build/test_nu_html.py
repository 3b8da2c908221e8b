"""The Nu Html Checker (vnu.jar) on every page and style sheet of the real site.

DESIGN.md's budget: zero errors. All files go to one Java process, which is slow to start.
The jar comes from node_modules (package-lock.json pins vnu-jar), which `make test`
installs: without it, or without Java, this fails on CI and skips elsewhere.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from sitebuild import REPO

VNU = REPO / "node_modules/vnu-jar/build/dist/vnu.jar"


def _require(what: str, present: bool) -> None:
    if present:
        return
    message = f"the Nu Html Checker needs {what}: run `make test`"
    if os.environ.get("CI") == "true":
        pytest.fail(message)
    pytest.skip(message)


def test_every_page_and_style_sheet_is_valid_html_and_css(real_site):
    _require(str(VNU.relative_to(REPO)), VNU.is_file())
    java = shutil.which("java")
    _require("java", java is not None)
    site = real_site.site_dir
    pages = [site / rel for rel in real_site.html_files()]
    sheets = sorted(site.rglob("*.css"))
    assert len(pages) > 30 and sheets  # the whole site, not an empty folder
    options = ["--format", "json", "--stdout", "--errors-only", "--also-check-css"]
    result = subprocess.run(
        [java, "-jar", str(VNU), *options, *map(str, pages + sheets)],
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )
    messages = json.loads(result.stdout)["messages"]
    findings = [_describe(site, message) for message in messages]
    assert not findings, (
        f"Nu Html Checker: {len(findings)} error(s) in {len(pages)} pages and "
        f"{len(sheets)} style sheets:\n" + "\n".join(findings)
    )
    assert result.returncode == 0, result.stderr


def _describe(site: Path, message: dict) -> str:
    """``path:line: message``, the path relative to the site, then the offending markup."""
    url = message.get("url", "")
    path = Path(unquote(urlsplit(url).path)).resolve() if url else None
    inside = path is not None and path.is_relative_to(site.resolve())
    rel = path.relative_to(site.resolve()).as_posix() if inside else url
    extract = " ".join(message.get("extract", "").split())
    return f"{rel}:{message.get('lastLine', '?')}: {message['message']}\n    {extract}"
