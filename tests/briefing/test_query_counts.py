"""Reading an agenda costs the same few queries for 3 items or 30: no query per item."""

from __future__ import annotations

from contextlib import contextmanager

from sqlalchemy import event


@contextmanager
def counted(services):
    statements: list[str] = []

    def count(_conn, _cursor, statement, *_args) -> None:
        if not statement.startswith(("BEGIN", "COMMIT", "ROLLBACK")):
            statements.append(statement)

    event.listen(services.db.engine, "before_cursor_execute", count)
    try:
        yield statements
    finally:
        event.remove(services.db.engine, "before_cursor_execute", count)


def test_an_agenda_of_items_on_different_issues_loads_in_one_query(services):
    meeting = services.meetings.create(title="Round 9", starts_at="2031-05-12T09:00:00+09:00")
    for n in range(12):
        issue = services.issues.create(f"Issue {n}")
        services.agenda.add(meeting.id, f"Item {n}", minutes=30, issue_id=issue.id)
    with counted(services) as statements:
        items = services.agenda.list(meeting.id)
    assert [i.issue_title for i in items] == [f"Issue {n}" for n in range(12)]
    assert len(statements) == 1
    with counted(services) as statements:
        schedule = services.agenda.schedule(meeting.id)
    assert schedule.total_minutes == 360
    assert len(statements) == 2  # the meeting, then its agenda with the issues
