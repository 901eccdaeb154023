"""The book's brief reads each list of the meeting once: the preview reads it after every save."""

from __future__ import annotations

import re
from contextlib import contextmanager

from sqlalchemy import event


@contextmanager
def selects(services):
    """The SELECT statements run meanwhile."""
    statements: list[str] = []

    def count(_conn, _cursor, statement, *_args) -> None:
        if statement.lstrip().upper().startswith("SELECT"):
            statements.append(" ".join(statement.split()))

    event.listen(services.db.engine, "before_cursor_execute", count)
    try:
        yield statements
    finally:
        event.remove(services.db.engine, "before_cursor_execute", count)


def _lists_of_meeting(statements: list[str], table: str) -> int:
    """How many statements read ``table``'s rows of a meeting (not rows found by id)."""
    return sum(1 for s in statements
               if re.search(rf"\bFROM {table}\b.*\bWHERE {table}\.meeting_id\b", s, re.IGNORECASE))


def test_a_brief_reads_the_meetings_notes_and_agenda_once(services):
    meeting = services.meetings.create(title="Round 4", starts_at="2031-05-12T09:00:00+09:00")
    for n in range(3):
        issue = services.issues.create(f"Issue {n}")
        services.notes.add(meeting.id, issue.id)
        services.agenda.add(meeting.id, f"Item {n}", minutes=30, issue_id=issue.id)
    with selects(services) as statements:
        brief = services.briefs.load(meeting.id)
    assert [n.issue_title for n in brief.notes] == ["Issue 0", "Issue 1", "Issue 2"]
    assert [p.issue_title for p in brief.positions] == ["Issue 0", "Issue 1", "Issue 2"]
    assert _lists_of_meeting(statements, "issue_notes") == 1
    assert _lists_of_meeting(statements, "agenda_items") == 1


def test_the_positions_on_their_own_still_list_the_notes_and_agenda_issues(services):
    meeting = services.meetings.create(title="Round 5", starts_at="2031-05-12T09:00:00+09:00")
    noted = services.issues.create("On a note")
    listed = services.issues.create("On the agenda")
    services.notes.add(meeting.id, noted.id)
    services.agenda.add(meeting.id, "Item", minutes=30, issue_id=listed.id)
    positions = services.positions.list(meeting.id)
    assert [p.issue_title for p in positions] == ["On a note", "On the agenda"]
