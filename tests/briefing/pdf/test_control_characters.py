"""Control characters a user pasted print as a visible mark and are reported with their place.

A bell, an escape, a NUL or a C1 control (from a terminal or an old mail
program) is never dropped silently and never stops the export: C0 controls
and DEL print as their control pictures (␇ ␛ ␀ ␡), C1 controls as U+FFFD,
each named in a warning with where it is.
"""

from __future__ import annotations

from dataclasses import replace

import pytest

from tests.briefing.pdf.conftest import render
from tests.briefing.pdf.reading import check, page_texts, watermarks

PASTED = "bell\x07 nul\x00 escape\x1b[31m unit\x1f delete\x7f next-line\x85 csi\x9b end"
PRINTED = "bell␇ nul␀ escape␛[31m unit␟ delete␡ next-line\ufffd csi\ufffd end"


@pytest.fixture(scope="module")
def pasted_everywhere(sample_brief):
    """The sample book with the pasted text in a title, a note (paragraph, table, code), an agenda
    item and the watermark: (text of every page, the export's warnings)."""
    note = sample_brief.notes[0]
    background = (f"{PASTED}\n\n| Term | Meaning |\n|---|---|\n| cell {PASTED} | x |\n\n"
                  f"```\ncode {PASTED}\n```")
    notes = (replace(note, issue_title=f"Issue {PASTED}", background=background), *sample_brief.notes[1:])
    slot = sample_brief.schedule.slots[0]
    slots = (replace(slot, item=replace(slot.item, title=f"Item {PASTED}")), *sample_brief.schedule.slots[1:])
    brief = replace(sample_brief, notes=notes, schedule=replace(sample_brief.schedule, slots=slots))
    data, result = render(brief, watermark="W\x07", sections=frozenset({"agenda", "papers"}))
    assert check(data) == []
    return " ".join(page_texts(data)), [str(w) for w in result.warnings]


@pytest.mark.parametrize("where", ["Issue", "Item", "cell", "code"])
def test_control_characters_print_as_visible_marks_wherever_they_are(pasted_everywhere, where):
    text, _ = pasted_everywhere
    assert f"{where} {PRINTED}" in text


def test_the_watermark_shows_its_control_character_too(sample_brief):
    sections = frozenset({"cover"})
    pasted, result = render(sample_brief, watermark="W\x07", sections=sections)
    typed, _ = render(sample_brief, watermark="W␇", sections=sections)
    drawn = watermarks(pasted)[0]
    assert drawn[:2] == (2, 0) and drawn == watermarks(typed)[0]  # W and ␇, as shapes
    assert [str(w) for w in result.warnings] == ["Watermark: U+0007 (a control character) printed as ␇"]


@pytest.mark.parametrize(("code", "mark"), [
    ("U+0007", "␇"), ("U+0000", "␀"), ("U+001B", "␛"), ("U+001F", "␟"), ("U+007F", "␡"),
    ("U+0085", "\ufffd"), ("U+009B", "\ufffd"),
])
def test_each_control_character_is_reported_with_its_places(pasted_everywhere, code, mark):
    _, warnings = pasted_everywhere
    found = [w for w in warnings if f"{code} (a control character) printed as {mark}" in w]
    assert len(found) == 1, warnings
    assert "Issue paper “Issue" in found[0] and "Agenda item 1" in found[0]


def test_tabs_and_line_breaks_are_spaces_not_warnings(sample_brief):
    note = sample_brief.notes[0]
    brief = replace(sample_brief, notes=(replace(note, background="tab\there\r\nnext line"),))
    data, result = render(brief, sections=frozenset({"papers"}))
    assert "tab here next line" in " ".join(page_texts(data))
    assert result.warnings == ()
