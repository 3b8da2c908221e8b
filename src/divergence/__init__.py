"""Build extensions for The Trotsky Succession.

One subpackage per feature, each split into ``model`` (data and validation), ``render``
(data to HTML, when it has any) and ``plugin`` (the thin MkDocs adapter).
"""
