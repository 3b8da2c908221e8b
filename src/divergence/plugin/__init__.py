"""``divergence``: the one MkDocs plugin for the site's content features.

It loads the site model (data files → ``divergence.site``) once a build, hands it to our
Markdown extensions, and runs each feature's events in a fixed order:

- ``last_updated``: each page's date, from one `git log` a build;
- ``tracks``: the page's history and default kind of claim, for the badge;
- ``cite``: "Cite this page";
- ``glossary``: the Glossary and People pages, and where each entry is mentioned;
- ``timeline``: the era and comparison pages, timeline.json and timeline.csv;
- ``citations``: what mkdocs-bibtex leaves to us (see citations/feature.py);
- ``printable``: the whole essay on one page.

While serving (``make serve``, ``--dirty``), a first feature records what each page shows
of the data, so that an edit builds again only the pages that show it (serving.py).

What must happen before or after another plugin says so with ``event_priority``, never
by its place in mkdocs.yml: our citation guard reads each page's Markdown before
mkdocs-bibtex does. The pages generated from data are listed in ``divergence.site.generated``,
which the checker reads to validate links to them without starting MkDocs.
"""

from __future__ import annotations

from pathlib import Path

import jinja2
from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.plugins import BasePlugin, event_priority

from divergence.plugin.citations.feature import Citations
from divergence.plugin.cite.feature import Cite
from divergence.plugin.glossary import Glossary
from divergence.plugin.last_updated import LastUpdated
from divergence.plugin.og_image import OgImage
from divergence.plugin.printable.feature import Printable
from divergence.plugin.printable.model import PrintableConfig
from divergence.plugin.serving import (
    GeneratedSources,
    Records,
    SharedInputs,
    ShownInputs,
    build_again,
    stale_pages,
)
from divergence.plugin.timeline import Timeline
from divergence.plugin.tracks import Tracks
from divergence.site import BIB_FILE, SiteData, load_site

_BYTECODE_CACHE = jinja2.FileSystemBytecodeCache()
# Our Markdown extensions that read the site model: the plugin tells them where it is.
EXTENSIONS = ("divergence.markdown.mentions", "divergence.markdown.timeline")


class DivergenceConfig(Config):
    printable = c.SubConfig(PrintableConfig)


def features(
    site: SiteData,
    config: DivergenceConfig,
    records: Records,
    serving: GeneratedSources | None = None,
) -> list:
    """The content features, in the order their events run; ``serving`` (in a `mkdocs
    serve --dirty` build): where generated pages keep their Markdown, and each page's
    record of what it shows of the data is kept."""
    return [
        # First: it reads each page's Markdown as written, snippet lines included.
        *([ShownInputs(site, records)] if serving is not None else []),
        LastUpdated(site.root, site.bib_file),
        Tracks(records),
        Cite(site),
        Glossary(site, records.mentions, serving),
        Timeline(site, serving),
        OgImage(site),
        Citations(site, records.citations),
        Printable(config.printable),
    ]


def bib_file(config) -> str:
    """The bibliography that mkdocs-bibtex reads, relative to the project root."""
    bibtex = config.plugins.get("bibtex")
    return (bibtex.config.bib_file if bibtex is not None else None) or BIB_FILE


class DivergencePlugin(BasePlugin[DivergenceConfig]):
    def __init__(self) -> None:
        super().__init__()
        self.dirty = False
        # What pages gave to the site-wide lists; kept between `--dirty` rebuilds.
        self.records = Records()
        self.shared_inputs = SharedInputs()
        self.generated_sources = GeneratedSources()

    def on_startup(self, *, command, dirty):
        # `make serve` rebuilds with --dirty: only the pages edited since the last build.
        self.dirty = dirty

    def on_config(self, config):
        # `mkdocs serve` keeps this object: everything is set up afresh for each build,
        # except, with --dirty, what the pages not built again gave to the lists.
        root = Path(config.config_file_path).parent
        self.site = load_site(root, bib_file(config))
        for name in EXTENSIONS:
            if name in config.markdown_extensions:
                config.mdx_configs.setdefault(name, {})["root"] = str(root)
        if not self.dirty:
            self.records = Records()
        serving = self.generated_sources if self.dirty else None
        self.features = features(self.site, self.config, self.records, serving)
        return self._run("on_config", config)

    # Before other plugins look at which pages changed (divergence/checks, in --dirty).
    @event_priority(100)
    def on_files(self, files, /, *, config):
        # A --dirty rebuild after an edit outside docs/ builds again the pages that show
        # what changed: every page for mkdocs.yml or a template (serving.py).
        changed = self.shared_inputs.changed(config)
        files = self._run("on_files", files, config=config)
        if self.dirty and changed and self.shared_inputs.shown_by_every_page(config, changed):
            build_again(files.documentation_pages())
            self.records.clear()
        elif self.dirty:
            # Also after a page edit: a page may show another's headings (serving.py).
            # Not the single page: built with all its parts, it would double the cost of
            # most data edits; it follows print.md, templates and mkdocs.yml (BENCHMARKS.md,
            # "What a served page may lack").
            build_again(stale_pages(files, self.records, self.site))
        return files

    def on_shutdown(self):
        self.generated_sources.remove()

    def on_nav(self, nav, /, *, config, files):
        return self._run("on_nav", nav, config=config, files=files)

    # Before mkdocs-bibtex (priority 0) reads the citations.
    @event_priority(50)
    def on_page_markdown(self, markdown, /, *, page, config, files):
        return self._run("on_page_markdown", markdown, page=page, config=config, files=files)

    # Before the checks read the HTML (divergence/checks, priority -50).
    @event_priority(50)
    def on_page_content(self, html, /, *, page, config, files):
        return self._run("on_page_content", html, page=page, config=config, files=files)

    def on_env(self, env, /, *, config, files):
        # MkDocs makes a new theme environment for every build, which compiles every
        # template it renders again (a fifth of a build, more of a `serve` rebuild).
        # Jinja's bytecode cache keeps the compiled templates, keyed by their source, in
        # its per-user temporary folder.
        env.bytecode_cache = _BYTECODE_CACHE
        return self._run("on_env", env, config=config, files=files)

    def on_page_context(self, context, /, *, page, config, nav):
        return self._run("on_page_context", context, page=page, config=config, nav=nav)

    def _run(self, event: str, value, **kwargs):
        for feature in self.features:
            hook = getattr(feature, event, None)
            if hook is not None:
                result = hook(value, **kwargs)
                value = value if result is None else result
        return value
