"""Build code for The Trotsky Succession, in the order data flows.

``site`` reads the data files into one model; ``markdown`` holds the Python-Markdown
extensions that render inside a page; ``plugin`` holds the MkDocs plugins that need the
whole site; ``checks`` is the content checker. A module imports only from the packages
before its own (tests/unit/test_layout.py).
"""
