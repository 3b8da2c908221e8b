"""Keep citation syntax inside code as text.

mkdocs-bibtex rewrites every ``[@key]`` of a page, code included, so an example in the
editors' guide would turn into a footnote marker (and leave a dead back-link). Before it
runs, the ``@`` of citations inside code is swapped for a private-use character; after
rendering, the character becomes ``@`` again.
"""

from __future__ import annotations

import re

# U+E000 (private use) never appears in our text; it stands for '@' while bibtex runs.
PLACEHOLDER = "\ue000"
_FENCE = re.compile(r"^(\s*)(`{3,}|~{3,})")
_INLINE_CODE = re.compile(r"(`+)(.+?)\1")
_CITATION = re.compile(r"\[[^\[\]]*@[^\[\]]*\]")


def protect(markdown: str) -> str:
    """Hide the '@' of citation-like text in fenced blocks and inline code spans."""
    lines = markdown.split("\n")
    fence: str | None = None
    for index, line in enumerate(lines):
        match = _FENCE.match(line)
        if fence:
            if match and match.group(2)[0] == fence[0] and len(match.group(2)) >= len(fence):
                fence = None
            else:
                lines[index] = _hide(line)
            continue
        if match:
            fence = match.group(2)
            continue
        lines[index] = _INLINE_CODE.sub(lambda m: _hide(m.group()), line)
    return "\n".join(lines)


def restore(html: str) -> str:
    """Put back every '@' that :func:`protect` hid."""
    return html.replace(PLACEHOLDER, "@")


def _hide(text: str) -> str:
    return _CITATION.sub(lambda m: m.group().replace("@", PLACEHOLDER), text)
