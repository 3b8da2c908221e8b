"""MkDocs adapter: serve our own CSS and JavaScript minified, our scripts as one file.

The sources in docs/assets/ are commented for editors; a reader's first visit should not
pay for the comments (DESIGN.md: our own CSS and JS at most 6 KB gzip). Theme files are
minified upstream and left alone, as is anything already named ``*.min.*``. Scripts written
into every page by overrides/main.html (``<script id="dv-…">``) are minified in the built
page, so no page carries their comments either.

Our scripts are listed one by one in mkdocs.yml, each with one job, and served as one
file (``BUNDLE``, in their order): a request fewer on every first visit (DESIGN.md: at most
8) and one gzip stream instead of several.
"""

from __future__ import annotations

import functools
import re

from mkdocs.config.config_options import ExtraScriptValue
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files

from divergence.assets.minify import minified

BUNDLE = "assets/javascripts/divergence.js"
# Our inline scripts, by their id; their text holds no "</script" (HTML would end it there).
_INLINE = re.compile(r'(<script id="dv-[\w-]+">)(.*?)(</script>)', re.DOTALL)


def with_inline_scripts_minified(html: str) -> str:
    return _INLINE.sub(lambda m: m[1] + _minified_inline(m[2]) + m[3], html)


# Every page carries the same few scripts: minify each text once a build, not once a page.
@functools.lru_cache(maxsize=16)
def _minified_inline(text: str) -> str:
    return minified("inline.js", text).strip()


def _bundled(script) -> bool:
    """A classic script of ours: not minified upstream, no module, defer or async."""
    path = str(script)
    if not path.endswith(".js") or ".min." in path or "//" in path:
        return False
    return not isinstance(script, ExtraScriptValue) or not (
        script.type or script.defer or script.async_
    )


class AssetsPlugin(BasePlugin):
    def on_config(self, config):
        # `mkdocs serve` keeps this object: decided afresh for each build.
        self._bundled = [str(s) for s in config.extra_javascript if _bundled(s)]
        if len(self._bundled) < 2:
            self._bundled = []
            return config
        scripts, first = [], True
        for script in config.extra_javascript:
            if not _bundled(script):
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
                raise _missing(missing)
            # Each source ends its statements; a newline keeps one's last comment-free line
            # apart from the next one's first.
            content = "\n".join(f.content_string.rstrip() for f in sources) + "\n"
            for source in sources:
                files.remove(source)
            files.append(File.generated(config, BUNDLE, content=content))
        return files

    def on_post_page(self, output, /, *, page, config):
        return with_inline_scripts_minified(output)

    def on_post_template(self, output_content, /, *, template_name, config):
        # The 404 page is a theme template, not a page.
        if template_name.endswith(".html"):
            return with_inline_scripts_minified(output_content)
        return output_content


def _missing(paths: list[str]):
    from mkdocs.exceptions import PluginError

    listed = ", ".join(f"docs/{p}" for p in paths)
    return PluginError(f"divergence/assets: extra_javascript lists {listed}, which is missing")
