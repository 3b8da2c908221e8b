"""Minify one stylesheet or script: rcssmin and rjsmin, small and well-kept, no Node."""

from __future__ import annotations


def minified(name: str, text: str) -> str:
    """``text`` without comments and needless whitespace; other files unchanged."""
    if name.endswith(".css"):
        import rcssmin

        return rcssmin.cssmin(text)
    if name.endswith(".js"):
        import rjsmin

        return rjsmin.jsmin(text)
    return text
