"""Every rule, in catalogue order (docs/contributing/checks.md has a section for each).

Rules are grouped by family, one module each: front matter, links, citations, html,
blocks, snippets, the external linters, data (a table over the site model's problems)
and the essay's text.
"""

from divergence.checks.registry import Rule
from divergence.checks.rules import (
    blocks,
    citations,
    data,
    essay,
    front_matter,
    html,
    links,
    linters,
    name_spelling,
    snippets,
)

RULES: tuple[Rule, ...] = (
    front_matter.yaml_syntax,
    front_matter.required,
    front_matter.value,
    front_matter.unknown_key,
    front_matter.placeholder,
    links.target,
    links.anchor,
    links.built,
    links.not_in_nav,
    citations.unknown_key,
    citations.unused_entry,
    citations.bibliography_syntax,
    html.unsafe,
    html.image_alt,
    links.http,
    links.self_absolute,
    blocks.literal_syntax,
    blocks.block_structure,
    blocks.admonition_type,
    blocks.admonition_body,
    blocks.table_cells,
    blocks.block_unclosed,
    snippets.missing,
    linters.spelling,
    name_spelling.name_spelling,
    linters.markdown_style,
    data.yaml_syntax,
    *data.MODEL_RULES.values(),
    data.page_anchor,
    essay.essay_text,
    citations.documented_uncited,
)
