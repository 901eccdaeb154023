"""Every script prints right: bidirectional order, joined Arabic, Korean, combining marks, controls."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest

from tests.briefing.pdf.conftest import render
from tests.briefing.pdf.reading import has_pdftotext, page_texts, pdftotext, word_boxes

pytestmark = pytest.mark.skipif(not has_pdftotext(), reason="needs poppler's pdftotext")


def book_with_background(brief, *paragraphs: str):
    """The book of ``brief`` with its first paper's background set to ``paragraphs``."""
    note = replace(brief.notes[0], background="\n\n".join(paragraphs), objectives="", their_position="",
                   talking_points="", defensives="", red_lines="")
    return render(replace(brief, notes=(note,)), sections=frozenset({"papers"}))


def drawn_line(data: bytes, first_word: str) -> list[str]:
    """The words of the line holding ``first_word``, left to right as drawn (glyphs as drawn)."""
    words = word_boxes(data, 1)
    y = next(w[2] for w in words if w[0] == first_word or w[0] == first_word[::-1])
    return [w[0] for w in sorted((w for w in words if abs(w[2] - y) < 1), key=lambda w: w[1])]


def test_a_hebrew_sentence_with_a_latin_abbreviation_and_a_percentage_reads_right_to_left(sample_brief):
    data, result = book_with_background(sample_brief, "צמיחה של GDP 3% השנה")
    assert result.warnings == ()
    # Drawn left to right: the last Hebrew word first, then "GDP 3%" as one left-to-right run
    # (the per cent sign after its number), then the first two Hebrew words.
    assert drawn_line(data, "GDP") == ["הנשה", "GDP", "3%", "לש", "החימצ"]


def test_arabic_letters_are_joined_not_isolated(sample_brief):
    data, result = book_with_background(sample_brief, "مرحبا بالعالم")
    assert result.warnings == ()
    text = " ".join(page_texts(data))
    joined = re.findall("[\ufe70-\ufeff]", text)
    # every letter of the two words is drawn in a contextual (initial/medial/final) form
    assert len(joined) == len("مرحبابالعالم")
    assert "\ufee3" in joined      # meem, initial form: it joins the letter after it


def test_korean_prints_in_the_shipped_korean_font_with_no_warning(sample_brief):
    data, result = book_with_background(sample_brief, "한미일 무역 협상 (2022년 2월)")
    assert result.warnings == ()
    assert "한미일 무역 협상 (2022년 2월)" in pdftotext(data)


def test_a_letter_with_a_separate_combining_mark_prints_as_one_character(sample_brief):
    data, result = book_with_background(sample_brief, "The Cafe\u0301 Agreement of Zu\u0308rich")
    assert result.warnings == ()
    text = pdftotext(data)
    assert "The Café Agreement of Zürich" in text
    assert "\u0301" not in text and "\u0308" not in text


def test_directional_controls_reorder_and_are_not_printed(sample_brief):
    data, result = book_with_background(
        sample_brief,
        "Before \u202eoverride\u202c after.",             # RLO … PDF: drawn right to left
        "Start \u202bשלום world\u202c end \u2067עולם\u2069 \u200fdone\u200e.",  # RLE, RLI, marks
    )
    assert result.warnings == ()
    text = pdftotext(data)
    assert "Before edirrevo after." in text
    # (pdftotext itself wraps the right-to-left runs it finds in RLE … PDF)
    assert not re.search("[\u061c\u200e\u200f\u202d\u202e\u2066-\u2069\ufffd]", text)
    assert not re.search("[\u202a-\u202e\u2066-\u2069]", " ".join(page_texts(data)))
    # inside the right-to-left embedding, "world" comes before (left of) the Hebrew word
    line = drawn_line(data, "Start")
    assert line.index("world") < line.index("םולש")
