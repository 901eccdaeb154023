"""A paragraph stays one paragraph, however long: no gap, no short line, no word cut where
the builder cuts a huge paste into pieces for speed (``mdparagraphs.CHUNK``)."""

from __future__ import annotations

import re
from collections import defaultdict

import pytest

from briefing.pdf import styles
from briefing.pdf.mdparagraphs import CHUNK
from tests.briefing.pdf.reading import has_pdftotext, word_boxes
from tests.briefing.pdf.test_scripts import book_with_background

pytestmark = pytest.mark.skipif(not has_pdftotext(), reason="needs poppler's pdftotext")

LATIN = " ".join(f"Point{n} on the tariff schedule." for n in range(260))
JAPANESE = "".join(f"世界貿易機関の紛争解決制度について第{n}回の協議を行った。" for n in range(60))


def paragraph_lines(data: bytes, page: int, pattern: str) -> list[tuple[float, float, str]]:
    """(top y, right end, text) of each body line on ``page`` whose text matches ``pattern``."""
    lines: dict[float, list] = defaultdict(list)
    for word, x0, y0, x1, _ in word_boxes(data, page):
        lines[round(y0, 1)].append((x0, x1, word))
    out = []
    for y in sorted(lines):
        words = sorted(lines[y])
        if re.search(pattern, " ".join(w[2] for w in words)):
            out.append((y, words[-1][1], " ".join(w[2] for w in words)))
    return out


def test_a_long_latin_paragraph_prints_as_one_with_even_lines_and_full_lines(sample_brief):
    assert len(LATIN) > 3 * CHUNK
    data, result = book_with_background(sample_brief, LATIN, "After.")
    assert result.warnings == ()
    pages = [paragraph_lines(data, page, r"Point\d+|tariff|schedule") for page in (1, 2)]
    text = " ".join(line[2] for lines in pages for line in lines)
    assert text == LATIN          # every word, in order, one space between each
    checked = 0
    for page, lines in enumerate(pages, 1):
        gaps = {round(b[0] - a[0], 1) for a, b in zip(lines, lines[1:], strict=False)}
        assert len(gaps) == 1, gaps            # the same leading throughout: no paragraph gap
        right = max(line[1] for line in lines)
        # every line but the paragraph's last is full: it ends within a word's width of the margin
        for line in lines[:-1] if page == 2 else lines:
            assert right - line[1] < 60, (page, line)
            checked += 1
    assert checked > 40


def test_a_long_japanese_paragraph_is_not_cut_mid_word(sample_brief):
    assert len(JAPANESE) > CHUNK
    data, result = book_with_background(sample_brief, JAPANESE)
    assert result.warnings == ()
    lines = paragraph_lines(data, 1, "[\u3040-\u30ff\u4e00-\u9fff]")
    assert "".join(line[2] for line in lines) == JAPANESE   # on one page: every character
    gaps = [b[0] - a[0] for a, b in zip(lines, lines[1:], strict=False)]
    # a line's box starts higher or lower with the font of its digits and kana: about 14 pt
    # (the leading) from line to line, never the leading plus a paragraph's space
    assert all(abs(gap - styles.BODY_LEADING) <= 2.5 for gap in gaps), gaps
    right = max(line[1] for line in lines)
    assert all(right - line[1] < 12 for line in lines[:-1])   # CJK lines fill to a character
