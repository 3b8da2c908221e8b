"""A page's suggested citation, from plain data: title, URL, dates, site and provenance.

Four forms of one web page: Chicago (17th ed., notes-bibliography), APA (7th ed.), MLA
(9th ed.) and BibTeX. Pure functions, no MkDocs objects, so the exact strings are tested
without a build.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from divergence.plugin.cite.titles import headline_case, sentence_case
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


# MLA's abbreviations of the months (MLA Handbook, 9th ed.).
MLA_MONTHS = (
    "Jan.",
    "Feb.",
    "Mar.",
    "Apr.",
    "May",
    "June",
    "July",
    "Aug.",
    "Sept.",
    "Oct.",
    "Nov.",
    "Dec.",
)


@dataclass(frozen=True)
class Citation:
    """The forms of one page's citation, ready to show and copy."""

    key: str
    chicago: str
    apa: str
    mla: str
    bibtex: str


def cite(
    *,
    title: str,
    path: str,
    url: str | None,
    updated: date,
    site: str,
    author: str,
    provenance: str | None = None,
    evidence: str = "",
    names: Iterable[str] = (),
) -> Citation:
    """Cite one page.

    ``path`` is the page's URL relative to the site's root (``aftermath/economic-policy/``),
    so the key stays the same wherever the site is published; ``url`` is the absolute
    address, or None when the site has no ``site_url``. ``provenance`` says where the
    page's text comes from when its author is not ``author``; ``evidence`` (the page's
    running text) and ``names`` (known proper names) tell which words APA's sentence-case
    title keeps capitalised (see ``sentence_case``); the site's name is always one.
    """
    key = bibtex_key(site, path)
    headline = headline_case(title)
    common = {"url": url, "updated": updated, "site": site, "author": author}
    return Citation(
        key=key,
        chicago=chicago(title=headline, provenance=provenance, **common),
        apa=apa(
            title=sentence_case(title, evidence, names={site, *names}),
            provenance=provenance,
            **common,
        ),
        mla=mla(title=headline, provenance=provenance, **common),
        bibtex=bibtex(key=key, title=headline, provenance=provenance, **common),
    )


def chicago(
    *,
    title: str,
    url: str | None,
    updated: date,
    site: str,
    author: str,
    provenance: str | None = None,
) -> str:
    """A Chicago (17th ed., 14.206) web-page citation, notes-bibliography form.

    The provenance is a descriptive phrase after the site's name, where Chicago puts what
    the reader needs to know about the kind of source. The site's home page, titled with
    the site's name, is cited as the website (its title set in italics in print).
    """
    parts = [_sentence(author)]
    if title != site:
        parts.append(f'"{_sentence(_nested_quotes(title))}"')
    parts.append(_sentence(site))
    if provenance:
        parts.append(_sentence(provenance))
    parts.append(f"Last modified {long_date(updated)}.")
    if url:
        parts.append(f"{url}.")
    return " ".join(parts)


def apa(
    *,
    title: str,
    url: str | None,
    updated: date,
    site: str,
    author: str,
    provenance: str | None = None,
) -> str:
    """An APA (7th ed.) webpage reference: a group author, dated, no retrieval date.

    The title comes in sentence case (``sentence_case``) and would be set in italics,
    which plain text cannot carry; the provenance is a bracketed description after the
    title. The URL ends the reference with no period. The site's name follows the title
    unless it is the title (the home page).
    """
    described = f"{title} [{provenance}]" if provenance else title
    parts = [
        _sentence(author),
        f"({updated.year}, {MONTHS[updated.month - 1]} {updated.day}).",
        _sentence(described),
    ]
    if title.casefold() != site.casefold():
        parts.append(_sentence(site))
    if url:
        parts.append(url)
    return " ".join(parts)


def mla(
    *,
    title: str,
    url: str | None,
    updated: date,
    site: str,
    author: str,
    provenance: str | None = None,
) -> str:
    """An MLA (9th ed.) works-cited entry for a page on a website.

    An organisation as author drops its initial article; the site is the
    container (italics in print), the date is the page's last update and the URL goes
    without its scheme. No access date: MLA makes it optional for a dated
    page, and a built page cannot know the day it is read. The provenance is an
    optional element at the end of the entry.
    """
    words = author.split(maxsplit=1)
    if len(words) == 2 and words[0].casefold() in _ARTICLES:
        author = words[1]
    location = re.sub(r"^https?://", "", url) if url else None
    container = ", ".join(filter(None, [site, mla_date(updated), location]))
    parts = [_sentence(author)]
    # The home page, titled with the site's name, is the website itself: no page title.
    if title != site:
        parts.append(f'"{_sentence(_nested_quotes(title))}"')
    parts.append(_sentence(container))
    if provenance:
        parts.append(_sentence(provenance))
    return " ".join(parts)


def bibtex(
    *,
    key: str,
    title: str,
    url: str | None,
    updated: date,
    site: str,
    author: str,
    provenance: str | None = None,
) -> str:
    """A BibTeX ``@misc`` entry; author and title are braced so no style re-cases them."""
    fields = [
        ("author", f"{{{tex_escape(author)}}}"),
        ("title", f"{{{tex_escape(title)}}}"),
    ]
    if url:
        fields.append(("howpublished", f"\\url{{{_url_for_tex(url)}}}"))
    note = f"Last updated {updated.isoformat()}"
    if provenance:
        note = f"{tex_escape(_sentence(provenance))} {note}"
    fields += [
        ("organization", tex_escape(site)),
        ("year", str(updated.year)),
        ("note", note),
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


def mla_date(day: date) -> str:
    """``25 Nov. 2026``: day, abbreviated month and year, as MLA writes dates."""
    return f"{day.day} {MLA_MONTHS[day.month - 1]} {day.year}"


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
