"""``divergence/output``: what is done to the built output, page by page and file by file.

- our CSS and JavaScript served minified, our scripts as one file (assets.py);
- our inline scripts minified in every page (assets.py);
- valid HTML where Material's base.html is not and no block reaches (a11y.py);
- search results that say which history a page belongs to, and in a `mkdocs serve
  --dirty` rebuild a search index of every page (search_index.py).
"""

from __future__ import annotations

from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files

from divergence.plugin.output.a11y import without_checkbox_autocomplete
from divergence.plugin.output.assets import (
    BUNDLE,
    is_bundled,
    minified,
    missing_scripts_error,
    with_inline_scripts_minified,
)
from divergence.plugin.output.search_index import SearchIndex
from divergence.site.tracks import TRACKS


class OutputPlugin(BasePlugin):
    """Our assets served minified and bundled; every page's HTML made valid."""

    def __init__(self) -> None:
        super().__init__()
        self.dirty = False
        self.search_index = SearchIndex()

    def on_startup(self, *, command, dirty):
        self.dirty = dirty

    # After Material's search plugin has written the index (priority 0).
    @event_priority(-100)
    def on_post_build(self, *, config):
        self.search_index.after_build(config.site_dir, dirty=self.dirty)

    def on_page_context(self, context, /, *, page, config, nav):
        track = TRACKS.get(page.meta.get("track"))
        if track is not None:
            self.search_index.histories[page.url] = track.label
        return context

    def on_config(self, config):
        # `mkdocs serve` keeps this object: decided afresh for each build.
        self._bundled = [str(s) for s in config.extra_javascript if is_bundled(s)]
        if len(self._bundled) < 2:
            self._bundled = []
            return config
        scripts, first = [], True
        for script in config.extra_javascript:
            if not is_bundled(script):
                scripts.append(script)
            elif first:  # the bundle runs where the first of its scripts did
                scripts.append(BUNDLE)
                first = False
        config.extra_javascript = scripts
        return config

    def on_files(self, files: Files, /, *, config) -> Files:
        ours = {*config.extra_css, *(str(s) for s in config.extra_javascript), *self._bundled}
        for file in files:
            if file.src_uri in ours and not file.generated_by and ".min." not in file.src_uri:
                file.content_string = minified(file.src_uri, file.content_string)
        if self._bundled:
            sources = [files.get_file_from_path(path) for path in self._bundled]
            missing = [p for p, f in zip(self._bundled, sources, strict=True) if f is None]
            if missing:
                # Stop with its name rather than ship a bundle without it.
                raise missing_scripts_error(missing)
            # Each source ends its statements; a newline keeps one's last comment-free line
            # apart from the next one's first.
            content = "\n".join(f.content_string.rstrip() for f in sources) + "\n"
            for source in sources:
                files.remove(source)
            files.append(File.generated(config, BUNDLE, content=content))
        return files

    def on_post_page(self, output, /, *, page, config):
        return without_checkbox_autocomplete(with_inline_scripts_minified(output))

    def on_post_template(self, output_content, /, *, template_name, config):
        # The 404 page is a theme template, not a page.
        if template_name.endswith(".html"):
            return without_checkbox_autocomplete(with_inline_scripts_minified(output_content))
        return output_content
