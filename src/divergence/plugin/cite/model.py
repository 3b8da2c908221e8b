"""A page's suggested citation, from plain data: title, URL, last-updated date and site.

Pure functions, no MkDocs objects, so the exact strings are tested without a build.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date

from divergence.site.dates import MONTHS

# Characters that TeX reads as commands or markup inside a BibTeX field.
_TEX_SPECIALS = {
    "\\": r"\textbackslash{}",
    "{": r"\{",
    "}": r"\}",
    "$": r"\$",
    "&": r"\&",
    "%": r"\%",
    "#": r"\#",
    "_": r"\_",
    "^": r"\^{}",
    "~": r"\~{}",
}
_TEX_SPECIAL = re.compile("|".join(re.escape(char) for char in _TEX_SPECIALS))
# Closing quotation marks and the opening mark each pairs with.
_QUOTES = {'"': '"', "'": "'", "\u201d": "\u201c", "\u2019": "\u2018"}
# Articles dropped from the start of the site's name in the key prefix, as in author keys.
_ARTICLES = frozenset({"the", "a", "an"})


@dataclass(frozen=True)
class Citation:
    """The two forms of one page's citation, ready to show and copy."""

    key: str
    chicago: str
    bibtex: str


def cite(
    *, title: str, path: str, url: str | None, updated: date, site: str, author: str
) -> Citation:
    """Cite one page.

    ``path`` is the page's URL relative to the site's root (``aftermath/economic-policy/``),
    so the key stays the same wherever the site is published; ``url`` is the absolute
    address, or None when the site has no ``site_url``.
    """
    key = bibtex_key(site, path)
    return Citation(
        key=key,
        chicago=chicago(title=title, url=url, updated=updated, site=site, author=author),
        bibtex=bibtex(key=key, title=title, url=url, updated=updated, site=site, author=author),
    )


def chicago(*, title: str, url: str | None, updated: date, site: str, author: str) -> str:
    """A Chicago (17th ed., 14.206) web-page citation, notes-bibliography form."""
    parts = [
        _sentence(author),
        f'"{_sentence(_nested_quotes(title))}"',
        _sentence(site),
        f"Last modified {long_date(updated)}.",
    ]
    if url:
        parts.append(f"{url}.")
    return " ".join(parts)


def bibtex(*, key: str, title: str, url: str | None, updated: date, site: str, author: str) -> str:
    """A BibTeX ``@misc`` entry; author and title are braced so no style re-cases them."""
    fields = [
        ("author", f"{{{tex_escape(author)}}}"),
        ("title", f"{{{tex_escape(title)}}}"),
    ]
    if url:
        fields.append(("howpublished", f"\\url{{{_url_for_tex(url)}}}"))
    fields += [
        ("organization", tex_escape(site)),
        ("year", str(updated.year)),
        ("note", f"Last updated {updated.isoformat()}"),
    ]
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields)
    return f"@misc{{{key},\n{body}\n}}"


def bibtex_key(site: str, path: str) -> str:
    """A stable key from the site's name and the page's path, e.g. ``site-part-page``.

    Only lowercase ASCII letters, digits and hyphens, which every BibTeX tool accepts.
    """
    words = _ascii_words(site)
    while len(words) > 1 and words[0] in _ARTICLES:
        words = words[1:]
    prefix = "".join(words) or "site"
    # Without directory URLs a page's path ends in .html; the home page is index.html.
    path = re.sub(r"(?:^|/)index\.html?$|\.html?$", "", path.strip("/"))
    return "-".join([prefix, *_ascii_words(path)])


def long_date(day: date) -> str:
    """``November 25, 2026``: the date as Chicago writes it, whatever the locale."""
    return f"{MONTHS[day.month - 1]} {day.day}, {day.year}"


def tex_escape(text: str) -> str:
    """``text`` with TeX's special characters written as their escapes."""
    return _TEX_SPECIAL.sub(lambda match: _TEX_SPECIALS[match.group()], text)


# ---- Helpers


def _sentence(text: str) -> str:
    """``text`` closed with a period, unless it already ends a sentence.

    The period goes inside closing quotation marks, as Chicago puts it (6.9).
    """
    text = text.strip()
    body = text
    # A closing mark whose opening mark is there too; a plural possessive stays outside.
    while body and _QUOTES.get(body[-1], "\0") in body[:-1]:
        body = body[:-1]
    if body.endswith((".", "?", "!")):
        return text
    return f"{body}.{text[len(body) :]}"


def _nested_quotes(title: str) -> str:
    """Double quotes inside a quoted title become single quotes (Chicago 6.11)."""
    return title.replace('"', "'").replace("\u201c", "\u2018").replace("\u201d", "\u2019")


def _ascii_words(text: str) -> list[str]:
    """The runs of ASCII letters and digits in ``text``, lowercased, accents removed."""
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.findall(r"[a-z0-9]+", folded.lower())


def _url_for_tex(url: str) -> str:
    """A URL that cannot close or open a TeX group (MkDocs URLs are already quoted)."""
    return url.replace("\\", "%5C").replace("{", "%7B").replace("}", "%7D")
