"""Two writers on one store: a write based on a stale version is refused, never applied over the other."""

from __future__ import annotations

import pytest

from briefing.errors import ConflictError, NotFoundError
from briefing.services import Services
from tests.child_process import errors_of, start, wait_ready


@pytest.fixture
def two_windows(sample, db_url):
    """The same store open twice, as two windows (or two processes) have it."""
    other = Services.open(db_url, automatic_backups=False)
    yield sample, other
    other.close()


def first_note(services):
    return services.notes.list_full(services.meetings.list()[-1].id)[0]


def test_a_stale_note_edit_is_refused_with_the_current_text(two_windows):
    mine, theirs = two_windows
    opened = first_note(mine)
    theirs.notes.update(opened.id, opened.version, background="Their rewrite")

    with pytest.raises(ConflictError) as caught:
        mine.notes.update(opened.id, opened.version, background="My rewrite")
    current = caught.value.current
    assert current.background == "Their rewrite" and current.version == opened.version + 1
    assert caught.value.expected == opened.version
    assert mine.notes.get(opened.id).background == "Their rewrite"
    # Choosing to keep mine is a write based on what is there now.
    kept = mine.notes.update(opened.id, current.version, background="My rewrite")
    assert theirs.notes.get(opened.id).background == "My rewrite" and kept.version == current.version + 1


@pytest.mark.parametrize("kind", ["meeting", "agenda", "action", "person"])
def test_every_kind_of_record_refuses_a_stale_write(two_windows, kind):
    mine, theirs = two_windows
    meeting = mine.meetings.list()[-1]
    if kind == "meeting":
        record, update = mine.meetings.get(meeting.id), "meetings.update"
        changes = {"objectives": "theirs"}, {"objectives": "mine"}
    elif kind == "agenda":
        record, update = mine.agenda.list(meeting.id)[0], "agenda.update"
        changes = {"outcome": "theirs"}, {"outcome": "mine"}
    elif kind == "action":
        record, update = mine.actions.list(meeting.id)[0], "actions.update"
        changes = {"text": "theirs"}, {"text": "mine"}
    else:
        record, update = mine.people.list_people()[0], "people.update_person"
        changes = {"bio": "theirs"}, {"bio": "mine"}

    def call(services, version, values):
        service, method = update.split(".")
        return getattr(getattr(services, service), method)(record.id, version, **values)

    call(theirs, record.version, changes[0])
    with pytest.raises(ConflictError) as caught:
        call(mine, record.version, changes[1])
    field, value = next(iter(changes[0].items()))
    assert getattr(caught.value.current, field) == value


def test_an_edit_of_something_the_other_window_deleted_says_it_is_gone(two_windows):
    mine, theirs = two_windows
    opened = first_note(mine)
    theirs.notes.delete(opened.id)
    with pytest.raises(NotFoundError):
        mine.notes.update(opened.id, opened.version, background="Too late")
    theirs.trash.restore("note", opened.id)
    assert mine.notes.get(opened.id).background == opened.background


def test_two_processes_appending_to_one_note_lose_no_write(sample):
    """Each child re-reads after a conflict and tries again: every reported append is in the text."""
    note = first_note(sample)
    children = [start("append", sample.db.url, tag, env={"APPENDS": "25"}) for tag in ("A", "B")]
    for child in children:
        wait_ready(child)
    outputs = []
    for child in children:
        out = child.stdout.read()
        assert child.wait(timeout=120) == 0, errors_of(child)
        outputs.append(out.splitlines())
    final = sample.notes.get(note.id)
    for tag, lines in zip(("A", "B"), outputs, strict=True):
        done = [int(line.split()[1]) for line in lines if line.startswith("done ")]
        assert done == list(range(25))
        assert all(final.background.count(f"[{tag}{i}]") == 1 for i in done)
    assert final.version == note.version + 50
    assert final.background.startswith(note.background)
