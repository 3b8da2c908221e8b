"""Accessibility fixes for markup we do not write: task-list checkboxes named after their
item, and Material's checkbox toggles without ``autocomplete`` (src/divergence/a11y)."""

import textwrap

import markdown

from divergence.plugin.output.a11y import without_checkbox_autocomplete


def render(source: str) -> str:
    extensions = ["pymdownx.tasklist", "divergence.markdown.tasklist"]
    # As mkdocs.yml configures it: the checkbox inside an empty label.
    configs = {"pymdownx.tasklist": {"custom_checkbox": True}}
    return markdown.markdown(
        textwrap.dedent(source), extensions=extensions, extension_configs=configs
    )


def test_each_checkbox_is_named_after_its_item_text_with_markup_and_entities_as_text():
    html = render(
        """
        - [ ] Run `make test` & read [the guide](guide.md)
        - [x] Done <em>twice</em>
            - [ ] nested item
        """
    )
    assert html.count("aria-label=") == 3
    assert '<input aria-label="Run make test &amp; read the guide" type="checkbox" disabled' in html
    assert 'aria-label="Done twice" type="checkbox" disabled checked' in html
    assert 'aria-label="nested item"' in html


def test_a_loose_list_item_is_named_after_its_first_paragraph():
    html = render(
        """
        - [ ] First paragraph "quoted"

            Second paragraph.
        """
    )
    assert 'aria-label="First paragraph &quot;quoted&quot;"' in html


def test_ordinary_lists_are_untouched():
    assert "aria-label" not in render("- [link](x) item\n- other\n")


def test_material_toggles_lose_autocomplete_and_other_inputs_keep_it():
    page = (
        '<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer" '
        'autocomplete="off">'
        '<input class="md-toggle" data-md-toggle="search" type="checkbox" id="__search" '
        'autocomplete="off">'
        '<input type="text" class="md-search__input" autocomplete="off">'
    )
    assert without_checkbox_autocomplete(page) == (
        '<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer">'
        '<input class="md-toggle" data-md-toggle="search" type="checkbox" id="__search">'
        '<input type="text" class="md-search__input" autocomplete="off">'
    )
