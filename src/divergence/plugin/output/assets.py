"""Serve our own CSS and JavaScript minified, our scripts as one file.

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

from divergence.plugin.output.minify import minified

BUNDLE = "assets/javascripts/divergence.js"
# Our inline scripts, by their id; their text holds no "</script" (HTML would end it there).
_INLINE = re.compile(r'(<script id="dv-[\w-]+">)(.*?)(</script>)', re.DOTALL)


def with_inline_scripts_minified(html: str) -> str:
    return _INLINE.sub(lambda m: m[1] + _minified_inline(m[2]) + m[3], html)


# Every page carries the same few scripts: minify each text once a build, not once a page.
@functools.lru_cache(maxsize=16)
def _minified_inline(text: str) -> str:
    return minified("inline.js", text).strip()


def is_bundled(script) -> bool:
    """A classic script of ours: not minified upstream, no module, defer or async."""
    path = str(script)
    if not path.endswith(".js") or ".min." in path or "//" in path:
        return False
    return not isinstance(script, ExtraScriptValue) or not (
        script.type or script.defer or script.async_
    )


def missing_scripts_error(paths: list[str]):
    from mkdocs.exceptions import PluginError

    listed = ", ".join(f"docs/{p}" for p in paths)
    return PluginError(f"divergence/output: extra_javascript lists {listed}, which is missing")
