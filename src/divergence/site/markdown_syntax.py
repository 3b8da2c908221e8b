"""The bits of Markdown syntax that several extensions and checks must agree on.

One definition each, so the citation guard, the bibliography's "cited on" lists and the
checker all read a citation (and skip code) the same way.
"""

from __future__ import annotations

import re

# An opening or closing code fence; group 1 is the fence itself (``` or ~~~, 3 or more).
FENCE = re.compile(r"^\s*(`{3,}|~{3,})")
# An inline code span (any number of backticks).
INLINE_CODE = re.compile(r"(`+)(.+?)\1")
# A citation block as mkdocs-bibtex reads it: [@key], [see @a; @b]; not a link [text](url).
# Group 1 is what stands between the brackets.
CITATION_BLOCK = re.compile(r"\[([^\[\]]*@[^\[\]]*)\](?!\()")
# One key inside a citation block.
CITATION_KEY = re.compile(r"(?:^|[\s;\[])@(?P<key>[\w-]+)")
