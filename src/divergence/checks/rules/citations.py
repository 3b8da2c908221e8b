"""Citations: unknown keys (CT001), unused entries (CT002), the bibliography's syntax
(CT003), and documented passages without a source (CL001, on the built HTML)."""

from __future__ import annotations

import re
from html.parser import HTMLParser

from divergence.checks import scan
from divergence.checks.registry import rule
from divergence.site.claims import STATUSES, page_default
from divergence.site.diagnostics import Diagnostic, unknown_citation
from divergence.site.frontmatter import FrontMatter

# The templates' example key: FM005 reports the placeholder itself.
TEMPLATE_KEY = "replacewithkey"
_LABELS = {"dv-claim", "dv-contrast__label"}
_VOID = {"br", "hr", "img", "input", "meta", "link", "source", "wbr"}


@rule("CT001", "citation-unknown-key", "A citation key is not in the bibliography.")
def unknown_key(project):
    """mkdocs-bibtex warns without naming the page; this names page, line and column."""
    bibliography = project.bibliography
    if bibliography is None:
        return
    # Included text is cited on every page that includes it: check it where it is written.
    for page in [*project.pages, *project.includes]:
        for citation in scan.citations(page):
            if citation.key not in bibliography.entries and citation.key != TEMPLATE_KEY:
                yield unknown_citation(
                    page.path,
                    citation.line,
                    citation.col,
                    citation.key,
                    bibliography.entries,
                    bibliography.path,
                )
    # The sources of glossary terms and people, checked where the data file names them.
    yield from (d for d in project.glossary.diagnostics if d.code == "CT001")
    if project.timeline is not None:
        yield from (d for d in project.timeline.diagnostics if d.code == "CT001")


@rule("CT002", "citation-unused-entry", "A bibliography entry is cited by no page.")
def unused_entry(project):
    bibliography = project.bibliography
    # Only a run over the whole site, with every data file read, knows that nothing
    # cites an entry: a data file YAML cannot read hides its citations (YM001 says why).
    if bibliography is None or project.partial or project.unreadable_data:
        return
    sources = [*project.all_pages, *project.includes]
    cited = {c.key for page in sources for c in scan.citations(page)}
    # Glossary and people entries cite their sources on the generated pages.
    cited |= {key for entry in project.glossary.entries for key in entry.sources}
    if project.timeline is not None:
        cited |= {key for event in project.timeline.events for key in event.sources}
    for entry in bibliography.entries.values():
        if entry.key not in cited:
            yield Diagnostic(
                bibliography.path,
                entry.line,
                entry.col,
                "CT002",
                f"'{entry.key}' is cited by no page; cite it with [@{entry.key}] or remove it",
            )


@rule("CT003", "bibliography-syntax", "The bibliography has an entry that cannot be read.")
def bibliography_syntax(project):
    bibliography = project.bibliography
    if bibliography is None:
        if project.bib_path is not None and not project.bib_path.is_file():
            yield Diagnostic(
                "mkdocs.yml", 1, 1, "CT003", f"bib_file '{project.bib_path.name}' does not exist"
            )
        return
    for problem in bibliography.problems:
        yield Diagnostic(bibliography.path, problem.line, problem.col, "CT003", problem.message)


@rule(
    "CL001",
    "documented-uncited",
    "A passage presented as documented history cites no source.",
    needs="html",
)
def documented_uncited(project):
    """A passage is documented when a block, a contrast's actual side or (for unmarked
    top-level paragraphs) the page's default says so; it must carry a footnote reference
    or a link to the bibliography in the built page."""
    for page, rendered in project.rendered_pages():
        front = page.front_matter
        if not isinstance(front, FrontMatter):
            continue
        default = page_default({key: field.value for key, field in front.fields.items()})
        finder = _Passages(default.id if default else None)
        finder.feed(rendered)
        for text in map(_without_marker, finder.uncited):
            yield Diagnostic(
                page.path,
                _locate(page, text),
                1,
                "CL001",
                f"documented passage '{text[:50]}' cites no source; add [@key] or mark it "
                "with its real status (/// status | interpretation)",
            )


class _Passages(HTMLParser):
    """Collects the text of documented passages that contain no citation."""

    def __init__(self, default: str | None) -> None:
        super().__init__(convert_charrefs=True)
        self.default = default
        self.stack: list[dict] = []  # open elements: tag, documented passage state
        self.uncited: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        # Markers and side labels ("Documented history", "Actual history") are ours.
        label = bool(_LABELS & set((attrs.get("class") or "").split()))
        status = attrs.get("data-divergence-status")
        legend = "dv-legend" in (attrs.get("class") or "").split()
        passage = None
        if legend or any(element["legend"] for element in self.stack):
            # The legend's sample markers are not claims.
            passage = {"skip": True}
        elif status == "documented" or (
            status is None and not self.stack and tag == "p" and self.default == "documented"
        ):
            passage = {"text": [], "cited": False}
        elif status:
            passage = {"skip": True}
        if tag in _VOID:
            self._cite(tag, attrs)
            return
        self.stack.append({"tag": tag, "passage": passage, "legend": legend, "label": label})
        self._cite(tag, attrs)

    def _cite(self, tag, attrs):
        current = self._current()
        if current is None:
            return
        href = attrs.get("href") or ""
        if (tag == "sup" and (attrs.get("id") or "").startswith("fnref")) or "bibliography" in href:
            current["cited"] = True

    def handle_endtag(self, tag):
        while self.stack:
            element = self.stack.pop()
            passage = element["passage"]
            if passage and not passage.get("skip") and not passage["cited"]:
                text = " ".join("".join(passage["text"]).split())
                if text:
                    self.uncited.append(text)
            if element["tag"] == tag:
                break

    def handle_data(self, data):
        current = self._current()
        if current is not None and not any(element["label"] for element in self.stack):
            current["text"].append(data)
            if "[@" in data:
                current["cited"] = True

    def _current(self):
        for element in reversed(self.stack):
            passage = element["passage"]
            if passage is not None:
                return None if passage.get("skip") else passage
        return None


def _without_marker(text: str) -> str:
    # The passage's marker ("Documented history") is ours, not the editor's text.
    for status in STATUSES.values():
        text = text.removeprefix(status.label).strip()
    return text


def _locate(page, text: str) -> int:
    words = re.escape(" ".join(text.split()[:4]))
    for number in range(page.body_start, len(page.lines)):
        if re.search(words, page.lines[number]):
            return number + 1
    return page.body_start + 1
