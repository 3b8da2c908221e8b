"""What the benchmark and audit scripts share: the plain Material baseline, project copies,
a static server that behaves like a real host, Chromium's flags and a note of the machine.

Not a test helper: the scripts print figures and never assert on them.
"""

from __future__ import annotations

import contextlib
import gzip
import http.server
import mimetypes
import os
import platform
import shutil
import socket
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

import yaml

REPO = Path(__file__).resolve().parent.parent
# The same interpreter that runs the script, so the venv's MkDocs and plugins are used.
MKDOCS = [sys.executable, "-m", "mkdocs"]
# Material prints an end-of-life notice on every run; it is not a build warning.
ENV = os.environ | {"NO_MKDOCS_2_WARNING": "1"}

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
# Debian's Chromium on machines without a display and with the network blocked: no calls
# home, which would be requests to another origin and could stall a run.
CHROMIUM_ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

# Everything of the work tree a build reads; caches, the venv and outputs stay behind.
_NOT_COPIED = shutil.ignore_patterns(
    ".git",
    ".venv",
    "node_modules",
    "site",
    "site-*",
    ".cache",
    "__pycache__",
    "*.egg-info",
    ".*_cache",
)

PLAIN_EXTENSIONS = [
    "abbr",
    "admonition",
    "attr_list",
    "def_list",
    "footnotes",
    "md_in_html",
    "tables",
    "toc",
    "pymdownx.details",
    "pymdownx.superfences",
]


def plain_config(workdir: Path, docs_dir: Path = REPO / "docs", site_url: str = "") -> Path:
    """A mkdocs.yml with Material and the same pages, nothing of ours and no bibtex.

    No nav (MkDocs derives it from the folders) and no theme features: the theme as it
    comes, which is what our figures are compared with.
    """
    config = {
        "site_name": "Plain",
        "docs_dir": str(docs_dir),
        "theme": {"name": "material", "font": False},
        "markdown_extensions": PLAIN_EXTENSIONS,
    }
    if site_url:
        config["site_url"] = site_url
    path = workdir / "plain.yml"
    path.write_text(yaml.safe_dump(config), encoding="utf-8")
    return path


def copy_project(dest: Path, *, commit: bool = True) -> Path:
    """Copy the work tree (as it is now, edits included) to ``dest``; return its mkdocs.yml.

    With ``commit`` the copy becomes a one-commit git repository, so the "last updated"
    and "cite this page" dates come from git as in the real project, at the same cost.
    """
    shutil.copytree(REPO, dest, ignore=_NOT_COPIED)
    if commit:
        commit_all(dest)
    return dest / "mkdocs.yml"


def commit_all(root: Path) -> None:
    """Commit everything under ``root`` (a fresh repository on first use)."""
    env = ENV | {
        "GIT_AUTHOR_NAME": "bench",
        "GIT_AUTHOR_EMAIL": "bench@localhost",
        "GIT_COMMITTER_NAME": "bench",
        "GIT_COMMITTER_EMAIL": "bench@localhost",
    }
    if not (root / ".git").exists():
        subprocess.run(["git", "init", "-q", str(root)], check=True, env=env)
    subprocess.run(["git", "-C", str(root), "add", "-A"], check=True, env=env)
    subprocess.run(
        ["git", "-C", str(root), "commit", "-q", "--no-verify", "-m", "benchmark copy"],
        check=True,
        env=env,
    )


def timed(command: list[str], cwd: Path = REPO) -> float:
    """Wall-clock seconds of ``command``, which must succeed."""
    start = time.perf_counter()
    subprocess.run(command, check=True, cwd=cwd, env=ENV)
    return time.perf_counter() - start


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for_port(port: int, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), 0.5):
            return
        time.sleep(0.1)
    raise TimeoutError(f"nothing listens on 127.0.0.1:{port} after {timeout:.0f} s")


def commit_measured() -> str:
    """The commit of the work tree, and whether it had uncommitted edits (others' work)."""
    head = subprocess.run(
        ["git", "-C", str(REPO), "log", "-1", "--format=%h %cI %s"],
        capture_output=True,
        text=True,
        check=False,
    ).stdout.strip()
    dirty = subprocess.run(
        ["git", "-C", str(REPO), "status", "--porcelain", "--untracked-files=no"],
        capture_output=True,
        text=True,
        check=False,
    ).stdout.strip()
    return head + (" (plus uncommitted edits in the work tree)" if dirty else "")


def machine() -> str:
    """One line on the machine and tool versions, to print beside every set of figures."""
    cpu = platform.processor() or platform.machine()
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    ram = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    os_name = platform.platform()
    with contextlib.suppress(OSError):
        for line in Path("/etc/os-release").read_text().splitlines():
            if line.startswith("PRETTY_NAME="):
                os_name = line.split("=", 1)[1].strip('"')
    versions = [f"Python {platform.python_version()}"]
    for name, command in (
        ("Node", ["node", "--version"]),
        ("", [CHROMIUM, "--version"]),
    ):
        with contextlib.suppress(OSError):
            out = subprocess.run(command, capture_output=True, text=True, check=False).stdout
            versions.append(f"{name} {out.strip()}".strip())
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    return (
        f"{os.cpu_count()} cores ({cpu}), {ram:.0f} GiB RAM, {os_name}; {'; '.join(versions)}; "
        f"load average {load}"
    )


# Compressed by the host like GitHub Pages or Netlify do; images and fonts are not.
_TEXT_TYPES = ("text/", "application/javascript", "application/json", "application/xml")
_TEXT_SUFFIXES = {".svg", ".map", ".bib", ".csv", ".xml", ".json", ".js", ".css", ".html"}


@dataclass
class Served:
    """One response of the static server, as the network saw it."""

    path: str
    status: int
    raw_bytes: int
    sent_bytes: int
    gzipped: bool


class StaticHost:
    """Serve a built site on 127.0.0.1 the way a real host does, and log what it sends.

    gzip for text when the client accepts it, long cache lifetimes for assets/ and short
    ones for pages, the site's 404.html with status 404 for a missing path, keep-alive.
    """

    def __init__(self, root: Path, port: int = 0, gzip_level: int = 6) -> None:
        self.root = root
        self.gzip_level = gzip_level
        self.log: list[Served] = []
        self._lock = threading.Lock()
        self._compressed: dict[Path, bytes] = {}
        self._server = http.server.ThreadingHTTPServer(("127.0.0.1", port), self._handler())
        self._server.daemon_threads = True
        self.port = self._server.server_address[1]
        self.url = f"http://127.0.0.1:{self.port}/"

    def __enter__(self) -> StaticHost:
        threading.Thread(target=self._server.serve_forever, daemon=True).start()
        return self

    def __exit__(self, *exc) -> None:
        self._server.shutdown()
        self._server.server_close()

    def take_log(self) -> list[Served]:
        """The responses sent since the last call."""
        with self._lock:
            log, self.log = self.log, []
        return log

    def _gzipped(self, path: Path, body: bytes) -> bytes:
        if path not in self._compressed:
            self._compressed[path] = gzip.compress(body, self.gzip_level, mtime=0)
        return self._compressed[path]

    def _handler(self):
        host = self

        class Handler(http.server.BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self):
                self._respond(head=False)

            def do_HEAD(self):
                self._respond(head=True)

            def _respond(self, head: bool) -> None:
                url_path = unquote(urlsplit(self.path).path)
                file, status = self._resolve(url_path)
                if file is None:
                    self.send_error(404)
                    return
                body = file.read_bytes()
                ctype = mimetypes.guess_type(file.name)[0] or "application/octet-stream"
                if ctype.startswith("text/") or ctype in ("application/javascript",):
                    ctype += "; charset=utf-8"
                textual = ctype.startswith(_TEXT_TYPES) or file.suffix in _TEXT_SUFFIXES
                gzipped = textual and "gzip" in self.headers.get("Accept-Encoding", "")
                sent = host._gzipped(file, body) if gzipped else body
                self.send_response(status)
                self.send_header("Content-Type", ctype)
                self.send_header("Content-Length", str(len(sent)))
                if textual:
                    self.send_header("Vary", "Accept-Encoding")
                if gzipped:
                    self.send_header("Content-Encoding", "gzip")
                # Theme assets carry a content hash in their names; ours are few and small.
                long_lived = url_path.startswith("/assets/") and status == 200
                self.send_header(
                    "Cache-Control", "public, max-age=31536000" if long_lived else "max-age=600"
                )
                self.end_headers()
                if not head:
                    self.wfile.write(sent)
                with host._lock:
                    host.log.append(Served(url_path, status, len(body), len(sent), gzipped))

            def _resolve(self, url_path: str) -> tuple[Path | None, int]:
                target = (host.root / url_path.lstrip("/")).resolve()
                if target.is_relative_to(host.root.resolve()):
                    if target.is_dir():
                        target = target / "index.html"
                    if target.is_file():
                        return target, 200
                missing = host.root / "404.html"
                return (missing, 404) if missing.is_file() else (None, 404)

            def log_message(self, *args):
                pass

        return Handler


def table(rows: list[list[str]], header: list[str]) -> str:
    """A Markdown table, so the output can be pasted into BENCHMARKS.md as it is."""
    widths = [max(len(str(r[i])) for r in [header, *rows]) for i in range(len(header))]
    lines = [
        "| " + " | ".join(str(c).ljust(w) for c, w in zip(header, widths, strict=True)) + " |",
        "| " + " | ".join("-" * w for w in widths) + " |",
    ]
    lines += [
        "| " + " | ".join(str(c).ljust(w) for c, w in zip(row, widths, strict=True)) + " |"
        for row in rows
    ]
    return "\n".join(lines)


# A fixed amount of pure-Python work: about 0.9 s on these machines when they are quiet.
REFERENCE = [sys.executable, "-c", "s = 0\nfor i in range(10_000_000): s += i"]
REFERENCE_KIND = "reference loop (machine speed)"


def timed_reference() -> tuple[float, float]:
    before = os.times()
    start = time.perf_counter()
    subprocess.run(REFERENCE, check=True)
    wall = time.perf_counter() - start
    after = os.times()
    return wall, after.children_user - before.children_user
