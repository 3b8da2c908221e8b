"""The Glossary and People indexes: surname order, the two groups, the A–Z bars."""

from divergence.plugin.glossary import (
    Letter,
    az_bar,
    life_years,
    listed_name,
    people_groups,
    sort_key,
)
from divergence.site.glossary import PEOPLE, PEOPLE_GROUPS, TERMS, load

PEOPLE_YML = """\
people:
  - id: trotsky
    name: Leon Trotsky
    born: "1879-11-07"
    died: "1940-08-21"
    short: S.
    sources: [k]
  - id: kotkin
    name: Stephen Kotkin
    group: historian
    born: "1959-02-17"
    short: S.
    sources: [k]
  - id: chiang-kai-shek
    name: Chiang Kai-shek
    surname: Chiang
    born: "1887"
    died: "1975-04-05"
    short: S.
    sources: [k]
  - id: bukharin
    name: Nikolai Bukharin
    born: "1888"
    died: "1938-03-15"
    short: S.
    sources: [k]
  - id: marot
    name: John Eric Marot
    group: historian
    short: S.
    sources: [k]
  - id: olafsson
    name: Ásta Ólafsson
    died: "1901"
    short: S.
    sources: [k]
"""
TERMS_YML = """\
terms:
  - {id: zemstvo, term: Zemstvo, short: S., definition: D., sources: [k]}
  - {id: nep, term: New Economic Policy, short: S., definition: D., sources: [k]}
  - {id: decl, term: "46, Declaration of the", short: S., definition: D., sources: [k]}
  - {id: ntrade, term: nepmen, short: S., definition: D., sources: [k]}
"""


def entries(text, kind):
    collection = load({kind.file: text})
    assert collection.diagnostics == []
    return sorted(collection.entries, key=sort_key)


def test_people_are_listed_by_surname_and_sorted_so():
    people = entries(PEOPLE_YML, PEOPLE)
    assert [listed_name(p) for p in people] == [
        "Bukharin, Nikolai",
        # Written surname first, and listed as written.
        "Chiang Kai-shek",
        "Kotkin, Stephen",
        "Marot, John Eric",
        # Accents fold: Ó sorts with O.
        "Ólafsson, Ásta",
        "Trotsky, Leon",
    ]
    assert [life_years(p) for p in people] == [
        "1888–1938",
        "1887–1975",
        "born 1959",
        "",
        "died 1901",
        "1879–1940",
    ]


def test_people_fall_into_the_two_groups_in_order():
    # An empty `group:` is no group: the person stays with the people of the history.
    groups = people_groups(entries(PEOPLE_YML.replace('died: "1901"', "group:"), PEOPLE))
    assert [(g.id, g.title) for g in groups] == [
        ("people-of-the-history", PEOPLE_GROUPS["history"]),
        ("historians-and-authors", PEOPLE_GROUPS["historian"]),
    ]
    assert [[p.id for p in g.entries] for g in groups] == [
        ["bukharin", "chiang-kai-shek", "olafsson", "trotsky"],
        ["kotkin", "marot"],
    ]
    # Each group has its own bar, leading to its own entries.
    bar = {item.letter: item.target for item in groups[1].letters}
    assert (bar["K"], bar["M"], bar["B"]) == ("kotkin", "marot", None)


def test_the_az_bar_links_each_letter_to_its_first_entry_and_no_other():
    terms = entries(TERMS_YML, TERMS)
    bar = az_bar(terms)
    # An entry that starts with no Latin letter leads the bar, under "#".
    assert bar[0] == Letter("#", "decl")
    assert [item.letter for item in bar[1:]] == list("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
    linked = {item.letter: item.target for item in bar if item.target}
    # "nepmen" and "New Economic Policy" share N: the first in alphabetical order wins.
    assert linked == {"#": "decl", "N": "ntrade", "Z": "zemstvo"}


def test_without_such_entries_the_bar_has_no_hash():
    assert az_bar(entries(PEOPLE_YML, PEOPLE))[0].letter == "A"


def test_a_wrong_group_or_surname_is_reported_where_it_stands():
    text = PEOPLE_YML.replace("group: historian\n    born", "group: historians\n    born")
    text = text.replace("surname: Chiang", "surname: Kai")
    problems = [str(d) for d in load({PEOPLE.file: text}).diagnostics]
    assert problems == [
        "data/people.yml:10:1: DA004 group 'historians' is not one of: history, historian "
        "(did you mean 'historian'?)",
        "data/people.yml:16:1: DA004 surname 'Kai' must begin or end the name 'Chiang Kai-shek'",
    ]
