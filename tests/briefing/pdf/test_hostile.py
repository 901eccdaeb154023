"""Whatever users type, the book exports: markup prints as characters, nothing is fetched or lost."""

from __future__ import annotations

import io
import re
import sys
import unicodedata
from datetime import date

import pytest

from briefing.validation import LINE_BREAKS, one_line
from tests.briefing.pdf.conftest import render
from tests.briefing.pdf.reading import check, outline, pdftotext, watermarks
from tests.hostile import HOSTILE_STRINGS, LONG_PASTE

SECTIONS = ("background", "objectives", "their_position", "talking_points", "defensives", "red_lines")

#: What the reader sees where the book has to print something other than the typed characters.
PRINTED = {
    "control-characters": "bell␇ escape␛ backspace␈ vertical-tab␋ form-feed␌ delete␡ end",
    "c1-control": "next-line\ufffd end",
}
#: Markdown changes these (emphasis, code, lists, tables, escapes): checked for completion only.
MARKDOWN_SHAPED = {"markdown-soup", "deep-list", "deep-quote", "ragged-table", "format-strings",
                   "backslashes"}


def fits_a_title(text: str) -> bool:
    """A title holds one line (no line break of any kind) of at most 300 characters."""
    return LINE_BREAKS.search(text) is None and 0 < len(text.strip()) <= 300


def single_line(text: str) -> str:
    """What a single-line field (publisher, lead, owner…) keeps of a pasted string: on one line
    (each line break a space, as the window does), stripped, at most 300 characters."""
    return one_line(text)[:300].strip()


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    """A meeting where every hostile string is an issue title (when it is one line), every section
    of its note, a source, an agenda item, a participant and an action item (on one line in their
    single-line fields); its brief, book and result."""
    from briefing.config import Config
    from briefing.services import Services

    services = Services.open(f"sqlite:///{tmp_path_factory.mktemp('hostile') / 'h.db'}", Config())
    try:
        m = services.meetings.create(title="Hostile <b>text</b> & friends 👍", timezone="Asia/Tokyo",
                                     starts_at="2022-02-07T09:00:00+09:00", location="<para>",
                                     principal="&amp;", prepared_by="\x1b[31m")
        for n, (ident, text) in enumerate(HOSTILE_STRINGS):
            title = f"Case {ident}: {text}" if fits_a_title(text) else f"Case {ident}"
            note = services.notes.add_new_issue(m.id, title)
            body = LONG_PASTE if ident == "long-paste" else text
            fields = {"background": body} if ident == "long-paste" else dict.fromkeys(SECTIONS, text)
            services.notes.update(note.id, note.version, **fields)
            services.notes.add_source(note.id, f"Source {ident}", publisher=single_line(text) or "-",
                                      url="http://example.invalid/" + ident)
            services.agenda.add(m.id, f"Item {ident}", minutes=5, lead=single_line(text),
                                outcome=text if ident != "long-paste" else "")
            person = services.people.create_person(f"Person {ident}", key=f"p{n}",
                                                   native_name=single_line(text),
                                                   bio=text if ident != "long-paste" else "")
            services.people.add_participant(m.id, person.id, "ours" if n % 2 else "theirs")
            services.actions.add(m.id, text if ident != "long-paste" else "paste", owner=single_line(text))
        brief = services.briefs.load(m.id)
    finally:
        services.close()
    data, result = render(brief, prepared_on=date(2022, 2, 1))
    return brief, data, result


@pytest.fixture(scope="module")
def read_back(hostile):
    """The hostile book's text (pdftotext) and the first page of each paper, read once."""
    _, data, _ = hostile
    return _squash(pdftotext(data)), [page for level, _, page in outline(data) if level == 1]


def test_every_hostile_string_exports_into_a_sound_file(hostile):
    _, data, result = hostile
    assert result.pages > 100 and not result.cancelled
    assert check(data) == []


@pytest.mark.parametrize(("ident", "text"), [(i, t) for i, t in HOSTILE_STRINGS if fits_a_title(t)],
                         ids=[i for i, t in HOSTILE_STRINGS if fits_a_title(t)])
def test_a_hostile_title_prints_as_the_characters_typed(read_back, ident, text):
    printed = PRINTED.get(ident, text)
    if ident == "emoji":
        printed = "thumbs \ufffd grin \ufffd"
    assert _squash(f"Case {ident}: {printed}") in read_back[0]


@pytest.mark.parametrize("ident", [i for i, _ in HOSTILE_STRINGS if i not in MARKDOWN_SHAPED])
def test_hostile_markdown_sections_print_as_text(hostile, read_back, ident):
    brief, data, _ = hostile
    text = dict(HOSTILE_STRINGS)[ident]
    note = next(n for n in brief.notes if n.issue_title.startswith(f"Case {ident}"))
    page = _paper_page(data, brief, note, read_back[1])
    if not text.strip():
        assert "BACKGROUND" not in page  # an empty section is left out, the paper still prints
        return
    printed = _squash(PRINTED.get(ident, text if ident != "long-paste" else LONG_PASTE[:200]))
    if ident == "emoji":
        printed = _squash("thumbs \ufffd grin \ufffd")
    assert printed in page


def test_markdown_nested_deeper_than_the_parser_goes_still_prints_every_line(hostile, read_back):
    brief, data, _ = hostile
    for ident, last in (("deep-list", "level 39"), ("deep-quote", "the bottom of a very deep quote")):
        note = next(n for n in brief.notes if n.issue_title.startswith(f"Case {ident}"))
        assert _squash(last) in _paper_page(data, brief, note, read_back[1])


def test_markup_tags_never_act_as_markup(read_back):
    text = read_back[0]
    assert _squash('<img src="/etc/passwd"/>') in text
    assert _squash('<font name="Helvetica" size="200">huge?</font>') in text
    assert _squash("![the password file](/etc/passwd)") in text


def test_characters_without_a_glyph_are_marked_and_reported_with_their_place(hostile, read_back):
    _, data, result = hostile
    messages = [str(w) for w in result.warnings]
    grin = next(m for m in messages if "U+1F600 GRINNING FACE (😀)" in m)
    # first met in the summary for the principal (after the cover), then the contents
    assert grin.startswith("Summary › Case emoji")
    assert "printed as \ufffd (also in 16 other places: Summary › Person emoji; Contents; Positions ›" in grin
    assert not any("HANGUL" in m for m in messages)   # Korean is in a shipped font
    assert any(m.startswith("Cover: U+1F44D THUMBS UP SIGN") for m in messages)  # the meeting title
    assert "\ufffd" in read_back[0]


def test_a_hostile_watermark_prints_as_typed_on_every_page(sample_brief):
    sections = frozenset({"cover", "agenda"})
    data, result = render(sample_brief, watermark="<b>DRAFT & 草案 😀", sections=sections)
    typed, _ = render(sample_brief, watermark="<b>DRAFT & 草案 \ufffd", sections=sections)
    drawn = watermarks(data)
    # < b > D R A F T & 草 案 and the replacement mark: the same shapes as those typed literally
    assert [shapes for shapes, _, _ in drawn] == [12, 12]
    assert [d[2] for d in drawn] == [d[2] for d in watermarks(typed)]
    assert [str(w) for w in result.warnings] == [
        "Watermark: U+1F600 GRINNING FACE (😀) is in no font the book ships; printed as \ufffd"]


def test_a_hundred_page_paste_is_laid_out_whole(read_back):
    text = read_back[0]
    lines = LONG_PASTE.splitlines()
    for line in (lines[0], lines[len(lines) // 2], lines[-1]):
        assert _squash(line) in text


def test_the_export_opens_no_file_and_no_connection(sample_brief):
    from briefing.pdf import BookOptions, render_pdf

    hostile_text = "\n\n".join(text for _, text in HOSTILE_STRINGS if len(text) < 1000)
    note = sample_brief.notes[0]
    from dataclasses import replace

    brief = replace(sample_brief, notes=(replace(note, background=hostile_text),))
    render(brief)  # everything imported and registered once
    events: list[tuple[str, tuple]] = []
    watching = True

    def audit(event, args):
        if watching and (event == "open" or event.startswith(("socket.", "urllib.", "http."))):
            events.append((event, args))

    sys.addaudithook(audit)
    try:
        render_pdf(brief, BookOptions(invariant=True, paper="a4"), io.BytesIO())
    finally:
        watching = False
    assert events == []


def _paper_page(data: bytes, brief, note, papers: list[int]) -> str:
    """The text of a paper's pages (``papers``: each paper's first page) without the furniture."""
    index = brief.notes.index(note)
    start = papers[index]
    end = papers[index + 1] - 1 if index + 1 < len(papers) else start
    text = _squash(pdftotext(data, start, end))
    for furniture in ("UNCLASSIFIED", brief.meeting.title.replace("👍", "\ufffd"),
                      f"{note.issue_title} (continued)"):  # the running head of a later page
        text = text.replace(_squash(furniture), "")
    return re.sub(r"Page\d+of\d+", "", text)


def _squash(text: str) -> str:
    """Text without white space or the embedding marks pdftotext puts around right-to-left runs,
    joined Arabic letters (presentation forms, as the book draws them) read as the letters typed."""
    text = unicodedata.normalize("NFC", text).translate({0x202B: None, 0x202C: None})
    text = re.sub("[\ufb50-\ufdff\ufe70-\ufeff]+", lambda m: unicodedata.normalize("NFKC", m.group()), text)
    return "".join(text.split())
