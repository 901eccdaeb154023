"""Note history: every save kept (bursts coalesced), who and when, diffed against now, restorable."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from briefing.config import Config
from briefing.errors import ConflictError
from briefing.revisions.service import BURST_GAP, current_author

ROUND1 = "US–Japan Partnership on Trade — Round 1"


class Clock:
    def __init__(self) -> None:
        self.now = datetime(2022, 1, 10, 9, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now

    def wait(self, **delta) -> None:
        self.now += timedelta(**delta)


@pytest.fixture
def editing(sample):
    """The sample store, a note of round 1, and a clock the note service reads."""
    clock = Clock()
    sample.notes.clock = clock
    sample.notes.author = "alice"
    note = sample.notes.list_full(sample.meetings.resolve(ROUND1).id)[0]
    return sample, note, clock


def test_the_author_is_the_configured_one_else_the_os_user(monkeypatch):
    assert current_author("  Jane Negotiator ") == "Jane Negotiator"
    monkeypatch.setattr("getpass.getuser", lambda: "jdoe")
    assert current_author("") == "jdoe"
    from briefing.notes.service import NoteService

    assert NoteService(None, Config(author="Desk officer")).author == "Desk officer"


def test_the_first_save_keeps_the_original_and_the_new_state(editing):
    s, note, clock = editing
    assert s.history.revisions(note.id) == []
    s.notes.update(note.id, note.version, background="Rewritten.")
    newest, original = s.history.revisions(note.id)
    assert original.kind == "original" and original.background == note.background
    assert original.created_at == note.updated_at
    assert newest.kind == "edit" and newest.background == "Rewritten."
    assert newest.author == "alice" and newest.saved_at == clock.now
    assert newest.changed == ("background",)


def test_saving_nothing_new_records_nothing(editing):
    s, note, _ = editing
    s.notes.update(note.id, note.version, background=note.background)
    assert s.history.revisions(note.id) == []


def test_a_burst_of_saves_coalesces_into_one_revision(editing):
    s, note, clock = editing
    current = note
    for text in ("D", "Dr", "Dra", "Draft"):
        current = s.notes.update(note.id, current.version, objectives=text)
        clock.wait(seconds=20)
    revisions = s.history.revisions(note.id)
    assert [r.kind for r in revisions] == ["edit", "original"]
    assert revisions[0].objectives == "Draft"
    assert revisions[0].saved_at - revisions[0].created_at == timedelta(seconds=60)


def test_a_pause_another_author_or_a_long_sitting_starts_a_new_revision(editing):
    s, note, clock = editing
    current = s.notes.update(note.id, note.version, objectives="one")
    clock.wait(seconds=BURST_GAP.total_seconds() + 1)
    current = s.notes.update(note.id, current.version, objectives="two")  # after a pause
    s.notes.author = "bob"
    current = s.notes.update(note.id, current.version, objectives="three")  # someone else
    s.notes.author = "alice"
    for _ in range(40):  # 40 minutes of saves a minute apart
        clock.wait(minutes=1)
        current = s.notes.update(note.id, current.version, objectives=f"{current.objectives}.")
    revisions = s.history.revisions(note.id)
    assert [(r.author, r.objectives[:5]) for r in revisions[-4:]] == [
        ("bob", "three"), ("alice", "two"), ("alice", "one"), ("", note.objectives[:5])]
    assert len(revisions) == 6  # the 40 minutes left two revisions, not forty
    assert revisions[0].objectives == current.objectives


def test_a_revision_is_diffed_word_by_word_against_the_current_note(editing):
    s, note, clock = editing
    current = s.notes.update(note.id, note.version, their_position="They want quotas now.")
    clock.wait(minutes=10)
    s.notes.update(note.id, current.version, their_position="They want tariff-rate quotas soon.",
                   status="cleared")
    older = s.history.revisions(note.id)[1]
    sections, values = s.history.diff(older.id)
    assert [c.field for c in sections] == ["their_position"]
    runs = [(r.kind, r.text) for r in sections[0].runs]
    assert runs == [("equal", "They want "), ("insert", "tariff-rate "), ("equal", "quotas "),
                    ("delete", "now"), ("insert", "soon"), ("equal", ".")]
    assert [(v.field, v.old, v.new) for v in values] == [("status", "draft", "cleared")]


def test_restoring_a_revision_is_itself_a_revision_and_can_be_undone(editing):
    s, note, clock = editing
    first = s.notes.update(note.id, note.version, red_lines="No quotas.")
    clock.wait(minutes=5)
    second = s.notes.update(note.id, first.version, red_lines="No quotas, no caps.")
    original = s.history.revisions(note.id)[-1]
    restored = s.history.restore(original.id, second.version)
    assert restored.red_lines == note.red_lines and restored.version == second.version + 1
    newest = s.history.revisions(note.id)[0]
    assert newest.kind == "restore" and newest.restored_from_id == original.id
    # Undo of the restore is an ordinary save of the text before it.
    undone = s.notes.update(note.id, restored.version, red_lines=second.red_lines)
    assert undone.red_lines == "No quotas, no caps."
    kinds = [r.kind for r in s.history.revisions(note.id)]
    assert kinds == ["edit", "restore", "edit", "edit", "original"]  # the undo did not fold into it


def test_restoring_from_a_stale_view_is_refused(editing):
    s, note, _ = editing
    first = s.notes.update(note.id, note.version, red_lines="No quotas.")
    original = s.history.revisions(note.id)[-1]
    with pytest.raises(ConflictError) as caught:
        s.history.restore(original.id, note.version)  # the user had not seen "No quotas."
    assert caught.value.current.red_lines == "No quotas."
    assert s.notes.get(note.id).version == first.version


def test_history_keeps_any_text_exactly(editing):
    s, note, _ = editing
    text = "<b>&amp;</b> 日米 🙂\r\n\t" + "x" * 20000
    s.notes.update(note.id, note.version, defensives=text)
    assert s.history.get(s.history.revisions(note.id)[0].id).defensives == text
