"""Portion marks: which paragraphs carry "(CODE)", the highest marking, and keeping only up to a step."""

from __future__ import annotations

from briefing.markings.ladder import Ladder, Marking
from briefing.markings.portions import effective, field_highest, highest, keep_up_to, portions

LADDER = Ladder()
NOTE = (
    "(C) Our fallback is 5%.\n"
    "\n"
    "We open with (C) in the middle, which is text.\n"
    "\n"
    "- (SBU) Item one\n"
    "- Item two\n"
    "  - (C) A nested secret\n"
    "- (X) Item three\n"
)


def test_a_paragraph_that_begins_with_a_code_on_the_ladder_is_marked():
    found = portions(NOTE, LADDER)
    assert [p.code for p in found] == ["C", None, "SBU", None, "C", None]
    first = found[0]
    assert (first.text, first.body, first.start, first.end) == (
        "(C) Our fallback is 5%.", "Our fallback is 5%.", 0, 23)
    assert NOTE[first.start:first.end] == first.text


def test_c_in_the_middle_of_a_sentence_is_text():
    middle = portions(NOTE, LADDER)[1]
    assert middle.code is None and middle.unknown is None
    assert middle.body == "We open with (C) in the middle, which is text."


def test_list_items_are_portions_and_a_nested_item_is_its_own():
    found = portions(NOTE, LADDER)
    assert [p.text for p in found[2:]] == ["- (SBU) Item one", "- Item two", "  - (C) A nested secret",
                                           "- (X) Item three"]
    assert found[2].body == "- Item one"


def test_a_code_not_on_the_ladder_is_not_a_mark_but_is_reported():
    last = portions(NOTE, LADDER)[-1]
    assert (last.code, last.unknown, last.body) == (None, "X", "- (X) Item three")


def test_ordinary_parentheses_are_not_unknown_markings():
    found = portions("(a) first option\n\n(1) second\n\n(U.S.) position", LADDER)
    assert [(p.code, p.unknown) for p in found] == [(None, None)] * 3


def test_a_code_block_or_a_table_is_one_portion_its_first_line_decides():
    text = "| (C) Tariff | Rate |\n|---|---|\n| Beef | 9% |\n\n```\n(SBU) line one\nline two\n```"
    found = portions(text, LADDER)
    assert [(p.code, p.text.count("\n")) for p in found] == [("C", 2), ("SBU", 3)]


def test_a_heading_and_a_quote_can_be_marked():
    found = portions("# (C) Fallbacks\n\n> (SBU) quoted\n", LADDER)
    assert [p.code for p in found] == ["C", "SBU"]


def test_effective_is_the_mark_or_the_meetings_sensitivity():
    marked, plain = portions("(C) a\n\nb", LADDER)
    assert effective(marked, "SBU") == "C" and effective(plain, "SBU") == "SBU"


def test_highest_follows_the_ladder_and_unknown_codes_rank_lowest():
    assert highest(["SBU", "U", "C", "U"], LADDER) == "C"
    assert highest(["ZZ", "U"], LADDER) == "U"
    assert highest([], LADDER) == "U"


def test_field_highest_is_none_for_an_empty_field():
    assert field_highest("", "SBU", LADDER) is None
    assert field_highest("  \n\n ", "SBU", LADDER) is None
    assert field_highest("plain", "SBU", LADDER) == "SBU"
    assert field_highest(NOTE, "U", LADDER) == "C"


def test_keep_up_to_removes_text_and_mark_and_keeps_the_rest_byte_for_byte():
    kept, removed = keep_up_to(NOTE, "SBU", "U", LADDER)
    assert removed == 2
    assert kept == ("We open with (C) in the middle, which is text.\n"
                    "\n"
                    "- (SBU) Item one\n"
                    "- Item two\n"
                    "- (X) Item three\n")
    assert "secret" not in kept and "fallback" not in kept


def test_keep_up_to_the_lowest_step_drops_everything_above_the_meetings_default():
    kept, removed = keep_up_to("(U) open\n\nplain SBU text\n\n(C) closed", "U", "SBU", LADDER)
    assert (kept, removed) == ("(U) open", 2)


def test_a_withheld_list_item_takes_its_nested_items_with_it():
    kept, removed = keep_up_to("- (C) parent\n  - child\n- sibling\n", "SBU", "U", LADDER)
    assert (kept, removed) == ("- sibling\n", 2)


def test_keep_up_to_with_nothing_above_returns_the_text_unchanged():
    assert keep_up_to(NOTE, "C", "U", LADDER) == (NOTE, 0)
    assert keep_up_to("", "U", "U", LADDER) == ("", 0)


def test_windows_line_endings_keep_their_offsets():
    text = "(C) one\r\n\r\ntwo\r\n"
    found = portions(text, LADDER)
    assert [text[p.start:p.end] for p in found] == ["(C) one", "two"]
    assert keep_up_to(text, "U", "U", LADDER) == ("two\r\n", 1)


def test_a_ministrys_own_ladder_in_japanese():
    ladder = Ladder((Marking("取扱注意", "取扱注意", "#2e7d32"), Marking("秘", "秘", "#1f4e9c"),
                     Marking("極秘", "極秘", "#8b0000")))
    found = portions("(極秘) 最終譲歩案。\n\n(秘) 関税\n\n通常", ladder)
    assert [p.code for p in found] == ["極秘", "秘", None]
    assert highest(["秘", "取扱注意"], ladder) == "秘"
    assert keep_up_to("(極秘) 最終譲歩案。\n\n(秘) 関税", "秘", "取扱注意", ladder) == ("(秘) 関税", 1)


def test_emoji_and_markup_characters_are_kept_as_typed():
    text = "(C) <b>&amp; 🎌</b>\n\nfine & dandy <i>"
    kept, removed = keep_up_to(text, "SBU", "U", LADDER)
    assert (kept, removed) == ("fine & dandy <i>", 1)


def apply(text: str, edits) -> str:
    for start, end, replacement in edits:
        text = text[:start] + replacement + text[end:]
    return text


def test_setting_a_marking_on_the_paragraph_at_the_cursor_or_every_one_a_selection_touches():
    from briefing.markings.portions import mark_edits

    text = "First.\n\n- (SBU) item\n- (X) odd\n\nLast 🎌 para."
    assert apply(text, mark_edits(text, 2, 2, "C", LADDER)) == text.replace("First.", "(C) First.")
    selection = (text.index("item"), text.index("odd"))
    assert apply(text, mark_edits(text, *selection, "C", LADDER)) == (
        "First.\n\n- (C) item\n- (C) odd\n\nLast 🎌 para.")
    everything = apply(text, mark_edits(text, 0, len(text), "U", LADDER))
    assert [p.code for p in portions(everything, LADDER)] == ["U"] * 4
    assert everything.endswith("\n\n(U) Last 🎌 para.")
    assert apply(everything, mark_edits(everything, 0, len(everything), None, LADDER)) == (
        "First.\n\n- item\n- odd\n\nLast 🎌 para.")
