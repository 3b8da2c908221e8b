"""MkDocs adapter: serve our own CSS and JavaScript minified.

The sources in docs/assets/ are commented for editors; a reader's first visit should not
pay for the comments (DESIGN.md: our own CSS and JS at most 6 KB gzip). Theme files are
minified upstream and left alone, as is anything already named ``*.min.*``. Scripts written
into every page by overrides/main.html (``<script id="dv-…">``) are minified in the built
page, so no page carries their comments either.
"""

from __future__ import annotations

import re

from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import Files

from divergence.assets.minify import minified

# Our inline scripts, by their id; their text holds no "</script" (HTML would end it there).
_INLINE = re.compile(r'(<script id="dv-[\w-]+">)(.*?)(</script>)', re.DOTALL)


def with_inline_scripts_minified(html: str) -> str:
    return _INLINE.sub(lambda m: m[1] + minified("inline.js", m[2]).strip() + m[3], html)


class AssetsPlugin(BasePlugin):
    def on_files(self, files: Files, /, *, config) -> Files:
        ours = {*config.extra_css, *(str(s) for s in config.extra_javascript)}
        for file in files:
            if file.src_uri in ours and not file.generated_by and ".min." not in file.src_uri:
                file.content_string = minified(file.src_uri, file.content_string)
        return files

    def on_post_page(self, output, /, *, page, config):
        return with_inline_scripts_minified(output)

    def on_post_template(self, output_content, /, *, template_name, config):
        # The 404 page is a theme template, not a page.
        if template_name.endswith(".html"):
            return with_inline_scripts_minified(output_content)
        return output_content
