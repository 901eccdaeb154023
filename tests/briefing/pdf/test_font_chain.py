"""Fallback fonts are registered when a character needs them, in the chain's order, not at start."""

from __future__ import annotations

from functools import partial

from briefing.pdf.fonts import CHAIN, FontChain, _register_family
from briefing.pdf.typeset import Typesetter


def chain_recording(loaded: list[str]) -> FontChain:
    def load(entry):
        loaded.append(entry[0])
        return _register_family(*entry)

    return FontChain(_register_family(*CHAIN[0]), [partial(load, entry) for entry in CHAIN[1:]])


def test_english_text_registers_no_fallback_font():
    loaded: list[str] = []
    ts = Typesetter(chain_recording(loaded))
    assert ts.markup("Tariffs on steel — “safeguards” & quotas", "Background") == \
        "Tariffs on steel — “safeguards” &amp; quotas"
    assert loaded == []


def test_a_japanese_name_registers_the_japanese_family_only():
    loaded: list[str] = []
    ts = Typesetter(chain_recording(loaded))
    markup = ts.markup("Minister 林芳正", "Participants", bold=True)
    assert markup == 'Minister <font name="BIZUDPGothic-Bold">林芳正</font>'
    assert loaded == ["BIZUDPGothic"]


def test_hebrew_is_set_in_the_first_family_that_has_it_after_the_ones_before_are_tried():
    loaded: list[str] = []
    chain = chain_recording(loaded)
    hebrew = chain.family_of("ש")
    assert hebrew is not None and hebrew.name == "NotoSansHebrew"
    assert loaded == ["BIZUDPGothic", "NotoSansArabic", "NotoSansHebrew"]
    assert chain.family_of("\u21af").name == "NotoSansSymbols2"  # ↯, in none of the others
    assert [f.name for f in chain.families] == [entry[0] for entry in CHAIN]


def test_a_character_no_font_has_still_prints_as_the_replacement_mark_with_a_warning():
    ts = Typesetter(chain_recording([]))
    assert ts.markup("a\U0010FFFDb", "Red lines") == "a\ufffdb"
    assert "U+10FFFD" in str(ts.warnings[0]) and "Red lines" in str(ts.warnings[0])


def test_no_shipped_font_is_shaped_even_where_uharfbuzz_is_installed(monkeypatch):
    """bidi.py already puts right-to-left runs in visual order; ReportLab shaping them again
    (it does for any TTFont when uharfbuzz can be imported) would reverse them back."""
    from reportlab.pdfbase import pdfmetrics, ttfonts

    monkeypatch.setattr(ttfonts, "uharfbuzz", object())  # as if it were installed
    for entry in CHAIN:
        family = _register_family(*entry)
        for face in {family.regular, family.bold, family.italic, family.bold_italic}:
            assert pdfmetrics.getFont(face)._shapable is False, face
