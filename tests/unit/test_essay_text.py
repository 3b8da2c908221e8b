"""The essay splitter and the coverage comparison used by the content-preservation test."""

from essay_text import essay_sentences, missing_sentences, page_text, split_sentences


def test_split_keeps_closing_quotes_and_titles_together():
    """A quotation's closing mark stays with its sentence; 'Dr.' does not end one."""
    paragraph = 'Dr. Ada Smith said: "It failed. It was late." Then she left.'
    assert split_sentences(paragraph) == [
        'Dr. Ada Smith said: "It failed.',
        'It was late."',
        "Then she left.",
    ]


def test_essay_sentences_strip_list_markers_and_keep_paragraphs():
    """List items count as sentences without their '-' marker."""
    essay = "Heading\nOne. Two?\n- An item\n"
    assert [(s.text, s.paragraph) for s in essay_sentences(essay)] == [
        ("Heading", "Heading"),
        ("One.", "One. Two?"),
        ("Two?", "One. Two?"),
        ("An item", "An item"),
    ]


def test_missing_sentence_is_reported_with_its_paragraph():
    """A dropped sentence is found even when the rest of its paragraph is present."""
    essay = "Lenin died in 1924. Stalin stayed General Secretary.\n"
    page = "<article><p>Lenin died in 1924.</p></article>"
    missing = missing_sentences(essay, [page_text(page)])
    assert [(s.text, s.paragraph) for s in missing] == [
        ("Stalin stayed General Secretary.", essay.strip())
    ]


def test_changed_word_counts_as_missing():
    """One changed word (or quotation mark) is a missing sentence, not a near match."""
    essay = 'He praised "the most capable man".\n'
    page = page_text("<article><p>He praised \u201cthe most capable man\u201d.</p></article>")
    assert len(missing_sentences(essay, [page])) == 1


def test_page_text_ignores_markup_and_citation_markers():
    """Links, emphasis, line breaks and footnote markers do not break a sentence."""
    html = (
        '<article><aside class="dv-track">Actual history</aside>'
        '<p>The <a href="#t">testament</a> was\n<em>read</em> to delegates'
        '<sup id="fnref:k"><a href="#fn:k">1</a></sup>.</p></article>'
    )
    assert page_text(html) == "The testament was read to delegates."
