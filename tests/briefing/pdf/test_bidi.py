"""Right-to-left text: typed order for layout, visual order for drawing, line by line."""

from __future__ import annotations

import re
import subprocess
import tempfile
from dataclasses import replace
from pathlib import Path

import pytest

from briefing.pdf.bidi import is_rtl_paragraph, visual_order
from tests.briefing.pdf.conftest import render

HEBREW = ("עברית נכתבת מימין לשמאל, וזה משפט ארוך מספיק כדי להתגלגל ליותר משורה אחת "
          "בעמוד המודפס של הספר, ועוד קצת כדי שיהיו שלוש שורות לפחות בעמוד הזה של הספר.")


@pytest.mark.parametrize(("typed", "rtl", "drawn"), [
    ("abc", False, "abc"),
    ("שלום עולם", False, "םלוע םולש"),
    ("The minister said שלום to everyone", False, "The minister said םולש to everyone"),
    ("abc 12 34", False, "abc 12 34"),  # W7: numbers after Latin stay where they are
    ("שלום 1,000 עולם", False, "םלוע 1,000 םולש"),  # W4: a number keeps its separator
    ("שלום (עולם) 2022", True, "2022 (םלוע) םולש"),  # brackets mirrored, the number read left to right
    ("עברית English words עברית", True, "תירבע English words תירבע"),
    ("a (ש) b", False, "a (ש) b"),
    ("פגישה עם ישראל — Round 1 (2022)", True, "Round 1 (2022) — לארשי םע השיגפ"),  # N0: a pair stays whole
    ("שלום (abc) עולם", True, "םלוע (abc) םולש"),
    ("שלום 50% עולם", True, "םלוע 50% םולש"),  # W5: the per cent sign stays with its number
    ("مرحبا 50% بالعالم", True, "ملاعلاب %50 ابحرم"),  # W2: after Arabic letters it is an Arabic number
])
def test_a_line_is_drawn_in_the_bidirectional_algorithms_order(typed, rtl, drawn):
    assert visual_order(typed, rtl) == drawn


def test_a_paragraph_takes_the_direction_of_its_first_strong_letter():
    assert is_rtl_paragraph("2022: שלום, and English")
    assert not is_rtl_paragraph("(1) The minister said שלום")
    assert not is_rtl_paragraph("2022 — 100%")


def _words_with_boxes(data: bytes) -> list[tuple[str, float, float, float]]:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "book.pdf"
        path.write_bytes(data)
        html = subprocess.run(["pdftotext", "-bbox", "-f", "1", "-l", "1", str(path), "-"],
                              capture_output=True, text=True, check=True).stdout
    return [(word, float(x0), float(x1), float(y))
            for x0, y, x1, word in re.findall(
                r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)</word>', html)]


def test_a_wrapped_right_to_left_paragraph_reads_from_the_top_right(sample_brief):
    note = replace(sample_brief.notes[0], background=HEBREW, objectives="An English paragraph.",
                   their_position="", talking_points="", defensives="", red_lines="")
    data, _ = render(replace(sample_brief, notes=(note,)), sections=frozenset({"papers"}))
    words = _words_with_boxes(data)  # as drawn: each word's glyphs left to right
    hebrew = [w for w in words if re.search("[\u0590-\u05ff]", w[0])]
    lines = sorted({round(w[3]) for w in hebrew})
    assert len(lines) >= 2
    # Read as a Hebrew reader does: lines top down, each from the right; a word's glyphs reversed.
    read = [w[0][::-1] for y in lines for w in sorted((w for w in hebrew if round(w[3]) == y),
                                                      key=lambda w: -w[2])]
    assert read == HEBREW.split()
    # Every line ends at the right margin (the last one too: the paragraph is right-aligned),
    # while the English paragraph below starts at the left one.
    right_edges = [max(w[2] for w in hebrew if round(w[3]) == y) for y in lines]
    assert max(right_edges) - min(right_edges) < 1
    english = next(w for w in words if w[0] == "An")
    assert english[1] < min(w[1] for w in hebrew) + 1
    assert english[1] < right_edges[0] - 200


def test_python_bidis_embedding_levels_are_read_not_guessed():
    """bidi.py reads the levels from python-bidi's debug answer: if a new version words it
    differently, this fails (instead of every line quietly falling back to one style)."""
    from briefing.pdf.bidi import _levels

    assert _levels("abc שלום 12", False) == [0, 0, 0, 0, 1, 1, 1, 1, 1, 2, 2]
    assert _levels("a\u202ebc\u202c", False)[2:4] == [1, 1]   # b and c, overridden


@pytest.mark.parametrize(("typed", "rtl", "drawn"), [
    ("צמיחה של GDP 3% השנה", True, "הנשה GDP 3% לש החימצ"),   # the per cent sign stays after 3
    ("a \u202eabc\u202c d", False, "a cba d"),                 # RLO … PDF, not drawn themselves
    ("abc \u2067שלום 1\u2069 def", False, "abc 1 םולש def"),   # an isolate
])
def test_mixed_text_follows_the_unicode_algorithm(typed, rtl, drawn):
    assert visual_order(typed, rtl) == drawn
