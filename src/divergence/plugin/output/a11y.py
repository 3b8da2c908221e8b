"""Drop ``autocomplete`` from Material's two hidden checkbox toggles.

Material's base.html writes ``<input type="checkbox" ... autocomplete="off">`` for the
drawer and the search toggles, outside any block, so no template override can reach them
short of copying the whole of base.html. HTML allows ``autocomplete`` only on text-like
inputs (the Nu Html Checker reports it on every page). Material added it so that Firefox
does not restore an open drawer when the page is reloaded; without it, a reload in
Firefox may show the drawer or search as the reader left them, which is harmless.
"""

from __future__ import annotations

# Matched exactly: if Material changes this markup, the Nu Html Checker test fails rather
# than this fix quietly doing something else.
TOGGLES = ('id="__drawer" autocomplete="off"', 'id="__search" autocomplete="off"')


def without_checkbox_autocomplete(html: str) -> str:
    """``html`` with the ``autocomplete`` attribute removed from Material's toggles."""
    for toggle in TOGGLES:
        html = html.replace(toggle, toggle.removesuffix(' autocomplete="off"'))
    return html
