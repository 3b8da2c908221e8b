"""The positioned BibTeX reader: whole field values, and the short labels built from them."""

from __future__ import annotations

import pytest

from divergence.site.bibtex import read_bibliography, short_label

BIB = """\
@book{kotkin2014,
  author    = {Kotkin, Stephen},
  title     = {Stalin, Vol. I: Paradoxes of Power, 1878–1928},
  year      = {2014}
}

@book{davieswheatcroft2004,
  author    = {Davies, R. W. and Wheatcroft, Stephen G.},
  title     = {The Years of Hunger},
  year      = 2004
}

@book{three2000,
  author    = {Ash, A. and Birch, B. and Cole, C.},
  title     = {Three},
  year      = {2000}
}

@misc{hoover,
  author       = {{Hoover Institution}},
  title        = {{Stephen Kotkin}},
  url          = {https://example.org/kotkin}
}

@misc{wikikronstadt,
  title        = {{Kronstadt rebellion}},
  howpublished = {Wikipedia, The Free Encyclopedia},
  url          = {https://example.org/wiki/Kronstadt}
}

@misc{letter,
  author       = {Lenin, V. I.},
  title        = "{Letter to the Congress}",
  note         = {Dictated 23–26 December 1922}
}
"""


@pytest.mark.parametrize(
    ("key", "label"),
    [
        ("kotkin2014", "Kotkin 2014"),
        ("davieswheatcroft2004", "Davies and Wheatcroft 2004"),
        ("three2000", "Ash et al. 2000"),
        ("hoover", "Hoover Institution, “Stephen Kotkin”"),
        ("wikikronstadt", "Wikipedia, “Kronstadt rebellion”"),
        ("letter", "Lenin, “Letter to the Congress”"),
    ],
)
def test_a_work_is_named_as_a_short_citation_names_it(key, label):
    assert short_label(read_bibliography("refs.bib", BIB).entries[key]) == label


def test_field_values_are_read_whole_with_their_lines():
    entry = read_bibliography("refs.bib", BIB).entries["wikikronstadt"]
    assert entry.fields["title"] == ("Kronstadt rebellion", 26)
    assert entry.fields["url"] == ("https://example.org/wiki/Kronstadt", 28)
    assert entry.protected == {"title"}
