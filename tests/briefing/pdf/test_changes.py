"""The book's "changes since the last round" section, read back from the PDF."""

from __future__ import annotations

import pytest

from briefing.pdf import styles
from briefing.pdf.diffs import diff_flowables
from briefing.pdf.fonts import register_fonts
from briefing.pdf.markdown import MarkdownRenderer
from briefing.pdf.typeset import Typesetter
from tests.briefing.pdf.conftest import render
from tests.briefing.pdf.reading import has_pdftotext, normalize, outline, page_texts, strokes, word_boxes

ROUND1 = "US–Japan Partnership on Trade — Round 1"
LAUNCH = "US–Japan trade talks, Tokyo"
HEADING = "Changes since the last round"


def changes_text(data: bytes) -> str:
    """The text of the changes section: from its heading to the first issue paper."""
    text = " ".join(page_texts(data))
    start = text.index(f"UNCLASSIFIED {HEADING}")
    end = text.find("Status: Draft", start)
    return text[start:end if end > 0 else None]


@pytest.fixture
def round2(sample):
    """Round 2 carried forward from the sample's Round 1, then edited: one note's position and
    priority changed, one note dropped, one issue new, and a red line added to a third."""
    s = sample
    meeting = s.rounds.carry_forward(s.meetings.resolve(ROUND1).id)
    notes = s.notes.list_full(meeting.id)
    steel, dropped, wto = notes[0], notes[1], notes[2]
    position = steel.their_position.replace("Japan", "Tokyo", 1) + "\n\nThey now accept a quota."
    s.notes.update(steel.id, steel.version, their_position=position,
                   priority="low" if steel.priority != "low" else "high")
    s.notes.delete(dropped.id)
    fresh = s.notes.add_new_issue(meeting.id, "Export controls")
    s.notes.update(fresh.id, fresh.version, background="Coordinate on semiconductors.")
    s.notes.update(wto.id, None, red_lines=wto.red_lines + "\n- No secret sunset clause.")
    return s, meeting, steel, dropped, wto


def test_the_changes_show_only_what_changed_with_new_and_dropped_issues(round2):
    s, meeting, steel, dropped, wto = round2
    data, _ = render(s.briefs.load(meeting.id))
    text = changes_text(data)
    assert text.startswith(f"UNCLASSIFIED {HEADING} Compared with the previous round, “{ROUND1}”.")
    assert "Inserted text is underlined; deleted text is struck through." in text
    assert "NEW THIS ROUND • Export controls" in text
    assert f"NO LONGER ON THE TABLE • {dropped.issue_title}" in text
    notes = s.briefs.load(meeting.id).notes  # in paper order
    changed = {steel.issue_title, wto.issue_title, "Export controls"}
    unchanged = [n.issue_title for n in notes if n.issue_title not in changed]
    assert len(unchanged) >= 3 and f"UNCHANGED {', '.join(unchanged)}." in text
    # the changed issue: its priority and only the section that changed, the old word and the new
    after = text[text.index(steel.issue_title, text.index("UNCHANGED")):]
    assert after.startswith(f"{steel.issue_title} Priority: {steel.priority} → ")
    assert "THEIR POSITION" in after and "BACKGROUND" not in after
    assert "Japan Tokyo" in after and "They now accept a quota." in after
    assert "RED LINES" in after and "No secret sunset clause." in after
    # the red lines of the wider-audience version: not one changed red line in the book
    wider, _ = render(s.briefs.load(meeting.id), sections=frozenset({"agenda", "changes", "papers"}))
    assert "secret sunset" not in " ".join(page_texts(wider))


def test_insertions_are_underlined_and_deletions_struck_through_not_only_coloured():
    ts = Typesetter(register_fonts())
    md = MarkdownRenderer(ts, 400)
    [paragraph] = diff_flowables(md, "Japan agrees to <b>talk</b> & wait.",
                                 "Tokyo agrees to <b>talk</b> now.", "test")
    markup = paragraph.text
    assert "<strike>" in markup and "<u>" in markup
    struck = markup[markup.index("<strike>"):markup.index("</strike>")]
    underlined = markup[markup.index("<u>"):markup.index("</u>")]
    assert "Japan" in struck and "Tokyo" in underlined
    assert "&lt;b&gt;talk&lt;/b&gt;" in markup  # what the user typed stays text
    assert ts.warnings == ()


def test_a_long_unchanged_stretch_prints_as_one_line_and_markdown_reads_as_text():
    ts = Typesetter(register_fonts())
    md = MarkdownRenderer(ts, 400)
    old = "- First point\n" + "".join(f"Unchanged line {n}.\n" for n in range(40)) + "- The **key** ask"
    new = old.replace("First point", "Opening point").replace("key** ask", "key** demand")
    texts = [normalize(p.text) for p in diff_flowables(md, old, new, "test")]
    assert len(texts) == 3
    assert "40 unchanged lines" in texts[1]
    assert "<b>key</b>" in texts[2] and "**" not in texts[2]


def test_a_first_round_or_a_book_without_the_section_has_no_changes(sample):
    launch = sample.briefs.load(sample.meetings.resolve(LAUNCH).id)
    assert launch.round_changes is None
    data, _ = render(launch)
    assert HEADING not in " ".join(page_texts(data))
    assert HEADING not in [title for _, title, _ in outline(data)]
    round1 = sample.briefs.load(sample.meetings.resolve(ROUND1).id)
    data, _ = render(round1, sections=frozenset({"contents", "agenda", "papers"}))
    assert HEADING not in " ".join(page_texts(data))


def test_nothing_changed_says_so(sample):
    meeting = sample.rounds.carry_forward(sample.meetings.resolve(ROUND1).id)
    data, _ = render(sample.briefs.load(meeting.id), sections=frozenset({"changes"}))
    text = changes_text(data)
    assert "Nothing in the issue notes changed since the last round. UNCHANGED Steel and aluminum" in text
    assert "NEW THIS ROUND" not in text and "THEIR POSITION" not in text


def _markdown_diff_paragraphs(old: str, new: str) -> list:
    md = MarkdownRenderer(Typesetter(register_fonts()), 400)
    return diff_flowables(md, old, new, "test")


def test_a_changed_line_reads_as_the_paper_prints_it_with_no_markdown_marks():
    old = ("See *the* ~~old~~ `code` and [the site](https://example.org) now.\n\n"
           "| Item | Tariff |\n| --- | --- |\n| Steel | 25% |\n")
    new = ("See *the* ~~old~~ `code` and [the site](https://example.org) today.\n\n"
           "| Item | Tariff |\n| --- | --- |\n| Steel | 10% |\n")
    texts = [normalize(p.getPlainText()) for p in _markdown_diff_paragraphs(old, new)]
    assert texts == ["See the old code and the site (https://example.org) now. today.",
                     "… 1 unchanged line …", "Steel · 25% 10%"]
    for marker in ("*", "~~", "`", "](", "|"):
        assert not any(marker in text for text in texts)


def test_a_word_with_punctuation_changes_whole():
    [paragraph] = _markdown_diff_paragraphs("Japan sees the U.S. duties as unfair.",
                                            "Japan sees the public text as unfair.")
    markup = paragraph.text
    struck = markup[markup.index("<strike>"):markup.index("</strike>")]
    underlined = markup[markup.index("<u>"):markup.index("</u>")]
    assert "U.S. duties" in struck and "public text" in underlined
    assert paragraph.getPlainText() == "Japan sees the U.S. duties public text as unfair."


def test_inserted_punctuation_follows_its_word_without_a_space():
    [paragraph] = _markdown_diff_paragraphs("The WTO's members have moved.", "The WTO, which has moved.")
    assert paragraph.getPlainText() == "The WTO's members have WTO, which has moved."


def _colour(hex_colour: str) -> tuple[float, ...]:
    return tuple(round(int(hex_colour[i:i + 2], 16) / 255, 3) for i in (1, 3, 5))


@pytest.mark.skipif(not has_pdftotext(), reason="needs poppler's pdftotext")
def test_underlines_and_strike_throughs_sit_exactly_under_the_changed_words(sample_brief):
    data, _ = render(sample_brief, sections=frozenset({"changes"}))
    text = " ".join(page_texts(data))
    assert "U.S." in text
    for marker in ("**", "~~", "`", "]("):
        assert marker not in text
    checked = 0
    for page in (1, 2):
        words = word_boxes(data, page)
        marks: list[list] = []
        for x1, y, x2, _, colour in sorted(strokes(data, page), key=lambda s: (s[1], s[0])):
            if colour not in (_colour(styles.INSERTED_HEX), _colour(styles.DELETED_HEX)):
                continue
            if marks and marks[-1][1:] == [y, colour] and abs(marks[-1][0][1] - x1) < 0.5:
                marks[-1][0][1] = x2    # one mark drawn in two strokes (a change of font)
            else:
                marks.append([[x1, x2], y, colour])
        for (x1, x2), y, _ in marks:
            line = [w for w in words if w[2] - 1 <= y <= w[4] + 3]   # the words the line is drawn on
            assert line, (x1, y)
            starts = [w for w in line if abs(w[1] - x1) < 0.8]
            ends = [w for w in line if abs(w[3] - x2) < 0.8]
            assert starts and ends, (page, x1, x2, [w[0] for w in line])
            checked += 1
    assert checked > 20
