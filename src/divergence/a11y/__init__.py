"""Accessibility and HTML validity fixes for markup we do not write ourselves.

Prefer fixing at the source: Material's partials are overridden in ``overrides/partials/``
(each says why). What remains here cannot be reached by a template: markup produced by a
Markdown extension (``tasklist.py``) and two lines of Material's ``base.html`` that no
block covers (``plugin.py``). tests/build/test_nu_html.py and tests/browser/test_axe.py
check the result.
"""
