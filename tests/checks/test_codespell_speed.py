"""SP001's shortcut past codespell's whole dictionary finds what codespell finds without it."""

import contextlib
import io
from pathlib import Path

import codespell_lib
import pytest
from codespell_lib import _codespell
from codespell_lib import main as codespell

from divergence.checks.rules import _codespell_speed
from divergence.checks.rules._codespell_speed import dictionary_for


def _keys(name: str) -> list[str]:
    path = Path(codespell_lib.__file__).parent / "data" / name
    return [line.split("->")[0] for line in path.read_text("utf-8").splitlines()]


def _every_entry_in_context(path: Path) -> Path:
    """Each entry of the default dictionaries as editors might write it: in a sentence,
    capitalised, in capitals, after a backslash, in a compound, with either apostrophe,
    in a link and an e-mail address."""
    lines = []
    for key in _keys("dictionary.txt") + _keys("dictionary_rare.txt"):
        curly = key.replace("'", "’")  # noqa: RUF001 (the typographic apostrophe)
        lines.append(
            f"The {key} and {key.capitalize()}, {key.upper()}; \\{key} x-{key} {key}'s "
            f"{curly} <https://example.org/{key}> {key}@example.org"
        )
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _run(*arguments: str, shortcut: bool) -> tuple[str, int]:
    """codespell's report and how many dictionary entries it built."""
    built = []
    original = _codespell.build_dict

    def counting(filename, misspellings, ignore_words):
        original(filename, misspellings, ignore_words)
        built.append(len(misspellings))

    files = [Path(a) for a in arguments if not a.startswith("-") and Path(a).is_file()]
    output = io.StringIO()
    with contextlib.ExitStack() as stack:
        stack.enter_context(contextlib.redirect_stdout(output))
        stack.enter_context(pytest.MonkeyPatch.context()).setattr(
            _codespell, "build_dict", counting
        )
        if shortcut:
            stack.enter_context(dictionary_for(path.read_text("utf-8") for path in files))
        codespell("--disable-colors", *arguments)
    return output.getvalue(), built[-1]


def test_written_for_the_pinned_codespell():
    # With another version the shortcut is left out (slower, still correct): this says
    # so when requirements.lock moves, so that it is checked again or removed.
    from codespell_lib._version import __version__

    assert __version__ == _codespell_speed.VERSION


def test_every_dictionary_entry_is_found_as_without_the_shortcut(tmp_path):
    corpus = str(_every_entry_in_context(tmp_path / "corpus.md"))
    expected, whole = _run(corpus, shortcut=False)
    found, reduced = _run(corpus, shortcut=True)
    assert expected.count("\n") > 100_000  # every entry, in several forms
    assert found == expected
    assert reduced == whole  # every entry was reachable, so every entry was read


def test_only_the_entries_a_page_can_reach_are_read(tmp_path):
    page = tmp_path / "page.md"
    page.write_text("Trotsky was abandonned by the Politburo in 1927.\n", encoding="utf-8")
    expected, whole = _run(str(page), shortcut=False)
    found, reduced = _run(str(page), shortcut=True)
    assert found == expected and "abandonned ==> abandoned" in found
    assert 0 < reduced < whole / 1000


def test_a_word_after_a_backslash_is_found_as_without_the_shortcut(tmp_path):
    # After a backslash codespell takes "\\nword" for an escape sequence, and reports the
    # word only if it is a misspelling without its first letter too: that form must
    # be read, though the page does not contain it.
    keys = set(_keys("dictionary.txt"))
    word = next(k for k in sorted(keys) if k[0] in "abfnrtv" and k[1:] in keys)
    page = tmp_path / "page.md"
    page.write_text(f"Written as \\{word} here.\n", encoding="utf-8")
    expected, _ = _run(str(page), shortcut=False)
    found, _ = _run(str(page), shortcut=True)
    assert f"{word} ==>" in expected
    assert found == expected


@pytest.mark.parametrize(
    ("option", "name", "text"),
    [
        # "x-abandonned" is one word to codespell by default, "abandonned" with these.
        (["--ignore-regex", "x-"], "page.md", "Read x-abandonned now."),
        (["--regex", "[a-z]+"], "page.md", "Read x-abandonned now."),
        (["--ignore-multiline-regex", "x-"], "page.md", "Read x-abandonned now."),
        # The link erased, "arent'" is left, which the dictionary has.
        (["--uri-ignore-words-list", "*"], "page.md", "Read arent'https://example.org/ now."),
        # A word of the file's name, not of its text.
        (["--check-filenames"], "abandonned.md", "Nothing wrong here."),
    ],
)
def test_options_that_change_the_words_read_the_whole_dictionary(tmp_path, option, name, text):
    page = tmp_path / name
    page.write_text(text + "\n", encoding="utf-8")
    expected, whole = _run(*option, str(page), shortcut=False)
    found, reduced = _run(*option, str(page), shortcut=True)
    assert "==>" in expected  # the option is what makes codespell find it
    assert found == expected
    assert reduced == whole


def test_a_file_that_is_not_utf8_reads_the_whole_dictionary(tmp_path):
    page = tmp_path / "latin1.md"
    page.write_bytes("Caf\xe9 abandonned.\n".encode("latin-1"))
    expected, whole = _run(str(page), shortcut=False)
    found, reduced = _run(str(page), shortcut=True)
    assert found == expected and "abandonned ==> abandoned" in found
    assert reduced == whole
