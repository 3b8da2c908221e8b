"""MkDocs adapter: serve our own CSS and JavaScript minified.

The sources in docs/assets/ are commented for editors; a reader's first visit should not
pay for the comments (DESIGN.md: our own CSS and JS at most 6 KB gzip). Theme files are
minified upstream and left alone, as is anything already named ``*.min.*``.
"""

from __future__ import annotations

from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import Files

from divergence.assets.minify import minified


class AssetsPlugin(BasePlugin):
    def on_files(self, files: Files, /, *, config) -> Files:
        ours = {*config.extra_css, *(str(s) for s in config.extra_javascript)}
        for file in files:
            if file.src_uri in ours and not file.generated_by and ".min." not in file.src_uri:
                file.content_string = minified(file.src_uri, file.content_string)
        return files
