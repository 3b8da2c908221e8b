"""Front matter is read with the position of every key, so diagnostics can point at it."""

import pytest
import yaml

from divergence.site.frontmatter import read_front_matter


def test_positions_are_one_based_lines_and_columns_of_the_values():
    """Line 1 is the opening '---'; the column is where the value starts."""
    front = read_front_matter("---\ntrack: actual\ndescription:   Hello there.\n---\n# Title\n")
    assert front.present
    assert (front.fields["track"].value, front.fields["track"].line) == ("actual", 2)
    assert front.fields["track"].col == 8
    assert (front.fields["description"].line, front.fields["description"].col) == (3, 16)
    assert front.end_line == 4


def test_folded_values_are_read_whole():
    """A folded description keeps its text, reported where it starts."""
    front = read_front_matter("---\ndescription: >-\n  One\n  sentence.\n---\n")
    assert front.fields["description"].value == "One sentence."
    assert front.fields["description"].line == 2


def test_page_without_front_matter():
    """No front matter: nothing present, and line 1 is where it would go."""
    front = read_front_matter("# Just a title\n")
    assert (front.present, front.fields, front.end_line) == (False, {}, 1)


def test_invalid_yaml_raises_with_a_mark():
    """Broken YAML is an error for the caller to report, never an empty mapping."""
    with pytest.raises(yaml.YAMLError) as error:
        read_front_matter("---\ntrack: [actual\n---\n")
    assert error.value.problem_mark is not None
