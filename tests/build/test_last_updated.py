"""Each page shows when it was last updated, and the build stays clean without full history."""

import subprocess
import tarfile

import pytest

from sitebuild import REPO, build_site


def test_every_page_shows_its_last_update(real_site):
    for rel in real_site.html_files():
        if rel == "404.html":
            continue
        date = real_site.soup(rel).select_one("article .md-source-file .dv-updated")
        assert date is not None and date.get_text(strip=True), rel


@pytest.mark.parametrize("checkout", ["shallow clone", "export without git"])
def test_strict_build_is_clean_without_full_history(checkout, tmp_path):
    """A CI shallow clone or a downloaded archive builds with no warning (build-date fallback)."""
    project = tmp_path / "project"
    if checkout == "shallow clone":
        subprocess.run(
            ["git", "clone", "--quiet", "--depth", "1", f"file://{REPO}", str(project)],
            check=True,
        )
    else:
        archive = tmp_path / "head.tar"
        subprocess.run(["git", "-C", str(REPO), "archive", "-o", str(archive), "HEAD"], check=True)
        with tarfile.open(archive) as tar:
            tar.extractall(project, filter="data")
    site = build_site(project / "mkdocs.yml", tmp_path / "site")
    assert (site.logs, site.aborted) == ([], None)
    date = site.soup("index.html").select_one(".md-source-file .dv-updated")
    assert date is not None and date.get_text(strip=True)
