"""Keep citation syntax that is not a real citation as text.

mkdocs-bibtex rewrites every ``[@key]`` of a page, code included, so an example in the
editors' guide would turn into a footnote marker (and leave a dead back-link); and a key
missing from the bibliography makes it log a traceback that names no page. Before it runs,
the ``@`` of citations inside code, and of citations naming an unknown key, is swapped for
a private-use character; after rendering it becomes ``@`` again. The unknown key stays
visible on the page, and rule CT001 reports it with its position.
"""

from __future__ import annotations

import re
from collections.abc import Collection

from divergence.site.markdown_syntax import CITATION_BLOCK, CITATION_KEY, FENCE, INLINE_CODE

# One citation of a block as mkdocs-bibtex reads it: prefix, @key, then ", locator".
_AFFIXED = re.compile(r"(?P<prefix>[^@;]*?)\s*@(?P<key>[\w-]+)(?:\s*,\s*(?P<suffix>[^;]+))?")
# U+E000 (private use) never appears in our text; it stands for '@' while bibtex runs.
PLACEHOLDER = "\ue000"


def protect(markdown: str, known_keys: Collection[str] | None = None) -> str:
    """Hide the '@' of citation-like text in code, and of citations of unknown keys."""
    lines = markdown.split("\n")
    fence: str | None = None
    for index, line in enumerate(lines):
        match = FENCE.match(line)
        if fence:
            if match and match.group(1)[0] == fence[0] and len(match.group(1)) >= len(fence):
                fence = None
            else:
                lines[index] = _hide(line)
            continue
        if match:
            fence = match.group(1)
            continue
        line = INLINE_CODE.sub(lambda m: _hide(m.group()), line)
        if known_keys is not None:
            line = CITATION_BLOCK.sub(lambda m: _hide_unknown(m.group(), known_keys), line)
        lines[index] = line
    return "\n".join(lines)


def restore(html: str) -> str:
    """Put back every '@' that :func:`protect` hid."""
    return html.replace(PLACEHOLDER, "@")


def _hide(text: str) -> str:
    return CITATION_BLOCK.sub(lambda m: m.group().replace("@", PLACEHOLDER), text)


def _hide_unknown(block: str, known_keys: Collection[str]) -> str:
    keys = CITATION_KEY.findall(block)
    if all(key in known_keys for key in keys):
        return _affixes_outside(block)
    return block.replace("@", PLACEHOLDER)


def _affixes_outside(block: str) -> str:
    """``[see @a, p. 200; @b]`` as ``see [@a] (p. 200)[@b]``.

    mkdocs-bibtex's simple mode drops a citation's prefix and locator ("Affixes not
    supported"); a scholarly page needs the page number, so it stays beside the
    footnote mark, and the citation mkdocs-bibtex sees is the bare key.
    """
    parts = [_AFFIXED.fullmatch(part.strip()) for part in block[1:-1].split(";")]
    if not all(parts) or not any(p["prefix"] or p["suffix"] for p in parts):
        return block
    return "".join(
        (f"{p['prefix']} " if p["prefix"] else "")
        + f"[@{p['key']}]"
        + (f" ({p['suffix'].strip()})" if p["suffix"] else "")
        for p in parts
    )
