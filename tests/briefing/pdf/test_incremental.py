"""A book re-laid part by part after edits reads exactly like one laid out whole.

A ``BookSession`` keeps the parts of the last book and lays out again only
those whose inputs changed. After each of a seeded random series of edits
(a paper's text grows, shrinks by pages or gets a new title, a status, an
agenda item, a person's bio, an action, a paper added or taken out) the
session's book is compared with a full rebuild: every page's text (pypdf and
pdftotext, so "Page X of Y", the contents' and the agenda's page numbers),
the outline with its pages, every link's target page, the fonts (embedded,
subsets tagged apart), the file's structure.
"""

from __future__ import annotations

import io
import logging
import random
from dataclasses import replace
from datetime import date

import pytest

from briefing.markings.ladder import Ladder
from briefing.pdf import BookOptions, incremental, render_pdf
from briefing.pdf.incremental import READS, BookSession, part_name
from briefing.pdf.story import book_parts, build_story
from tests.briefing.pdf.conftest import render
from tests.briefing.pdf.reading import (
    check,
    fonts,
    has_pdftotext,
    link_targets,
    outline,
    page_texts,
    pdftotext,
)

OPTIONS = {"paper": "a4", "prepared_on": date(2022, 2, 1)}
LONG = ("The quota review covers **steel** and aluminum; *each* line is read "
        "against the schedule of the partnership. ") * 12


def in_session(session: BookSession, brief, **options):
    out = io.BytesIO()
    result = render_pdf(brief, BookOptions(invariant=True, **{**OPTIONS, **options}), out,
                        session=session)
    return out.getvalue(), result


def links(data: bytes) -> list[list[int]]:
    return [link_targets(data, page) for page in range(1, len(page_texts(data)) + 1)]


def assert_same_book(data: bytes, whole: bytes, *, poppler: bool = False) -> None:
    assert page_texts(data) == page_texts(whole)
    if poppler and has_pdftotext():
        assert pdftotext(data).split("\f") == pdftotext(whole).split("\f")
    assert outline(data) == outline(whole)
    assert links(data) == links(whole)
    tags = [name.split("+")[0] for name in fonts(data) if "+" in name]
    assert len(set(tags)) == len(tags)  # no two subsets share a tag
    assert all(fonts(data).values())
    assert check(data) == []


# -- edits a user makes -------------------------------------------------------------------


def _note(brief, index: int, **changes):
    notes = list(brief.notes)
    notes[index] = replace(notes[index], **changes)
    return replace(brief, notes=tuple(notes))


def grow_paper(brief, rng):
    i = rng.randrange(len(brief.notes))
    return f"paper {i} grows by pages", _note(brief, i, background=brief.notes[i].background
                                                  + "\n\n" + LONG * rng.randint(2, 6))


def shorten_paper(brief, rng):
    i = rng.randrange(len(brief.notes))
    return f"paper {i} loses its background", _note(brief, i, background="Cut short. ≤ 5 % & <ok>")


def type_a_word(brief, rng):
    i = rng.randrange(len(brief.notes))
    note = brief.notes[i]
    return f"a word typed in paper {i}", _note(brief, i, talking_points=note.talking_points
                                               + f" word{rng.randint(0, 999)}")


def retitle(brief, rng):
    i = rng.randrange(len(brief.notes))
    title = f"Digital trade 電子商取引 {rng.randint(1, 99)}"
    return f"paper {i} retitled", _note(brief, i, issue_title=title,
                                        status=rng.choice(["draft", "cleared"]))


def agenda_item(brief, rng):
    slots = list(brief.schedule.slots)
    i = rng.randrange(len(slots))
    slots[i] = replace(slots[i], item=replace(slots[i].item, title=f"Session {rng.randint(1, 99)} — tariffs"))
    return f"agenda item {i} retitled", replace(brief, schedule=replace(brief.schedule, slots=tuple(slots)))


def person(brief, rng):
    people = list(brief.participants)
    i = rng.randrange(len(people))
    p = people[i]
    people[i] = replace(p, person=replace(p.person, bio=p.person.bio + " " + LONG * rng.randint(0, 3)))
    return f"participant {i}'s bio", replace(brief, participants=tuple(people))


def action(brief, rng):
    actions = list(brief.actions)
    i = rng.randrange(len(actions))
    actions[i] = replace(actions[i], text=f"Send the revised schedule 😀 by {rng.randint(1, 28)} March")
    return f"action {i}", replace(brief, actions=tuple(actions))


def drop_or_restore_paper(brief, rng, original):
    if len(brief.notes) == len(original.notes):
        i = rng.randrange(1, len(brief.notes))
        return f"paper {i} taken out", replace(brief, notes=brief.notes[:i] + brief.notes[i + 1:])
    return "every paper back", replace(brief, notes=original.notes)


EDITS = (grow_paper, shorten_paper, type_a_word, retitle, agenda_item, person, action)


def test_after_random_edits_the_book_is_the_same_page_for_page(sample_brief):
    rng = random.Random(16)
    session = BookSession()
    brief = sample_brief
    in_session(session, brief)
    assert session.stats.reused == 0
    parts = len(book_parts(brief, BookOptions(**OPTIONS)))
    for step in range(6):
        if step == 3:
            what, brief = drop_or_restore_paper(brief, rng, sample_brief)
        else:
            what, brief = rng.choice(EDITS)(brief, rng)
        data, result = in_session(session, brief)
        whole, expected = render(brief)
        assert result.pages == expected.pages, what
        assert_same_book(data, whole, poppler=step == 5)
        assert session.stats.laid_out + session.stats.reused == len(book_parts(brief, BookOptions(**OPTIONS)))
        assert session.stats.laid_out < parts, (what, session.stats)


def test_a_paper_that_grows_lays_out_only_itself_and_what_quotes_the_papers(sample_brief):
    session = BookSession()
    in_session(session, sample_brief)
    grown = _note(sample_brief, 2, background=sample_brief.notes[2].background + LONG * 8)
    data, result = in_session(session, grown)
    laid_out = session.stats.parts
    assert laid_out.count("paper") == 1
    assert not {"cover", "agenda", "participants", "actions"} & set(laid_out)
    assert session.stats.renumbered > 0  # every later page's "Page X of Y", the contents' numbers
    whole, expected = render(grown)
    assert result.pages == expected.pages > len(page_texts(render(sample_brief)[0]))
    assert_same_book(data, whole)


def test_the_same_book_again_lays_nothing_out(sample_brief):
    session = BookSession()
    first, _ = in_session(session, sample_brief)
    again, _ = in_session(session, sample_brief)
    assert session.stats.laid_out == 0 and session.stats.renumbered == 0
    assert page_texts(again) == page_texts(first)


def test_other_options_or_a_new_title_lay_the_whole_book_out(sample_brief):
    session = BookSession()
    in_session(session, sample_brief)
    data, _ = in_session(session, sample_brief, watermark="DRAFT")
    assert session.stats.reused == 0
    retitled = replace(sample_brief, meeting=replace(sample_brief.meeting, title="Round 1 — revised"))
    data, _ = in_session(session, retitled)
    assert session.stats.reused == 0
    assert page_texts(data) == page_texts(render(retitled)[0])


def test_a_password_protects_the_session_book(sample_brief):
    import pikepdf

    session = BookSession()
    in_session(session, sample_brief)
    data, _ = in_session(session, sample_brief, password="s3cret")
    assert session.stats.laid_out == 0  # the parts do not depend on the password
    with pytest.raises(pikepdf.PasswordError):
        pikepdf.open(io.BytesIO(data))
    assert page_texts(data, password="s3cret") == page_texts(render(sample_brief)[0])


def test_warnings_of_reused_parts_come_back(sample_brief):
    i = next(i for i, n in enumerate(sample_brief.notes) if n.tier == "full")
    note = sample_brief.notes[i]
    brief = _note(sample_brief, i, background=note.background + " 😀 and 😀")
    session = BookSession()
    _, first = in_session(session, brief)
    _, again = in_session(session, brief)
    assert session.stats.laid_out == 0
    assert again.warnings == first.warnings == render(brief)[1].warnings
    assert any("U+1F600" in str(w) for w in again.warnings)


def test_a_missing_reportlab_internal_lays_the_whole_book_out_and_says_so(sample_brief, monkeypatch,
                                                                          caplog):
    monkeypatch.setattr(incremental, "missing_internals", lambda: ("reportlab.x.Y",))
    session = BookSession()
    with caplog.at_level(logging.WARNING, logger="briefing.pdf.incremental"):
        data, result = in_session(session, sample_brief)
    assert any("reportlab.x.Y" in w.message for w in result.warnings)
    assert "reportlab.x.Y" in caplog.text
    assert page_texts(data) == page_texts(render(sample_brief)[0])


def test_this_reportlab_has_what_a_session_relies_on():
    from briefing.pdf.fonts import register_fonts

    register_fonts()
    incremental.missing_internals.cache_clear()
    assert incremental.missing_internals() == ()  # fails (not skips) when ReportLab changes


# -- what each part reads -----------------------------------------------------------------


class _Recording:
    """A brief that notes which of its fields a builder reads."""

    def __init__(self, brief) -> None:
        self._brief = brief
        self.read: set[str] = set()

    def __getattr__(self, name: str):
        self.read.add(name)
        return getattr(self._brief, name)


def test_each_listed_part_reads_only_the_fields_it_is_keyed_by(sample_brief):
    from briefing.pdf.fonts import register_fonts
    from briefing.pdf.typeset import Typesetter

    options = BookOptions(**OPTIONS)
    ts = Typesetter(register_fonts())
    seen = set()
    for part in book_parts(sample_brief, options):
        name = part_name(part)
        if name not in READS:
            continue  # laid out again on any change of the brief
        recording = _Recording(sample_brief)
        build_story(recording, options, ts, Ladder(), [part])
        assert recording.read <= READS[name][0], (name, recording.read - READS[name][0])
        seen.add(name)
    assert {"cover", "agenda", "paper", "participants", "actions"} <= seen


def test_a_cancelled_build_writes_nothing_and_the_next_reuses_what_it_laid_out(sample_brief):
    session = BookSession()
    checks = []

    def cancel_after_some_parts() -> bool:
        checks.append(1)
        return len(checks) > 400  # well into the book (the checks come between flowables)

    out = io.BytesIO()
    result = render_pdf(sample_brief, BookOptions(invariant=True, **OPTIONS), out,
                        cancelled=cancel_after_some_parts, session=session)
    assert result.cancelled and out.getvalue() == b""
    data, _ = in_session(session, sample_brief)
    assert 0 < session.stats.reused < len(book_parts(sample_brief, BookOptions(**OPTIONS)))
    assert page_texts(data) == page_texts(render(sample_brief)[0])
