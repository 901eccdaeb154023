"""The shipped faces keep the widths of the words they measured: the same widths, measured once."""

from __future__ import annotations

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from briefing.pdf import measured_font
from briefing.pdf.fonts import CHAIN, register_fonts


def test_every_shipped_face_is_measured_as_reportlab_measures_it():
    chain = register_fonts()
    chain.family_of("林")  # the Japanese family too, registered when a name needs it
    for family in chain.registered:
        for face in {family.regular, family.bold, family.italic, family.bold_italic}:
            font = pdfmetrics.getFont(face)
            assert isinstance(font, measured_font.MeasuredFont), face
            for text in ("tariff", "Quota,", " ", "", "林芳正", "x" * 40, "é" * 3):
                for size in (8.5, 10, 10.5):
                    expected = TTFont.stringWidth(font, text, size)
                    assert font.stringWidth(text, size) == expected
                    assert pdfmetrics.stringWidth(text, face, size) == expected  # kept: the same


def test_a_word_is_measured_once_and_a_long_line_every_time(monkeypatch):
    register_fonts()
    font = pdfmetrics.getFont(CHAIN[0][0])
    font.kept_widths.clear()
    measured: list[str] = []
    real = TTFont.stringWidth

    def counting(self, text, size, encoding="utf8"):
        measured.append(text)
        return real(self, text, size, encoding)

    monkeypatch.setattr(TTFont, "stringWidth", counting)
    line = "Safeguard measures on steel and aluminum, line by line, against the schedule."
    for _ in range(3):
        font.stringWidth("safeguard", 10.5)
        font.stringWidth(line, 10.5)
    assert measured == ["safeguard", line, line, line]


def test_the_kept_widths_are_bounded(monkeypatch):
    register_fonts()
    font = pdfmetrics.getFont(CHAIN[0][0])
    font.kept_widths.clear()
    monkeypatch.setattr(measured_font, "KEPT_WIDTHS", 10)
    for n in range(25):
        font.stringWidth(f"word{n}", 10)
    assert 0 < len(font.kept_widths) <= 10
