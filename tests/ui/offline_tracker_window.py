"""A real Briefbook window in a child process that sets a position, changes a note's sources and makes
a new meeting while its server is away, until killed.

    python -m tests.ui.offline_tracker_window URL SETTINGS.ini

It opens the window as the app does (offscreen), reads the meeting's position on steel
and the note on it, prints ``ready``, and waits for a line on its standard input: the
caller has cut the store off by then. It sets the position's state to ``dropped`` (as
the tracker does), cites a source "Reuters" after the note's first, and gives that
first source's publisher as "Nikkei" (as its table's cell does), makes a new meeting (as
Meeting → New does), waits until the window says "Offline — 4 changes waiting" and the
crash-recovery journal holds them (or 5 s more have passed), prints ``offline STATUS
(ROWS, CELLS)`` (what the journal holds), and goes on retrying until the caller SIGKILLs it.
"""

from __future__ import annotations

import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

STATE_GIVEN, SOURCE_ADDED, PUBLISHER_GIVEN = "dropped", "Reuters", "Nikkei"


def steel(services, meeting_id: int):
    """The meeting's position on steel and the issue note on it (as the store holds them)."""
    position = next(p for p in services.positions.list(meeting_id) if p.issue_title.startswith("Steel"))
    note = next(n for n in services.notes.list(meeting_id) if n.issue_id == position.issue_id)
    return position, services.notes.get(note.id)


def main(url: str, settings_path: str) -> None:
    from tests.ui.offline_child import open_window, retry_until_killed, until
    from ui.meetings.commands import NewMeetingCommand, new_meeting_fields
    from ui.notes.commands import AddSourceCommand
    from ui.positions.commands import SetPositionCommand
    from ui.undo.edit import EditCommand
    from ui.undo.kinds import source_kind

    app, window = open_window(url, settings_path)
    until(app, lambda: window.meeting is not None)
    services = window.ctx.services
    meeting_id = window.meeting.id
    position, note = steel(services, meeting_id)
    first = note.sources[0]
    print("ready", flush=True)
    sys.stdin.readline()  # the store is cut off now
    ctx = window.ctx
    ctx.undo_stack.push(SetPositionCommand(ctx, position, {"state": STATE_GIVEN}))
    ctx.undo_stack.push(AddSourceCommand(ctx, meeting_id, note.id, 1, SOURCE_ADDED))
    ctx.undo_stack.push(EditCommand(ctx, source_kind(meeting_id), first.id, {"publisher": first.publisher},
                                    {"publisher": PUBLISHER_GIVEN}, shows=("note", note.id), cell=True))
    ctx.undo_stack.push(NewMeetingCommand(ctx, meeting_id, new_meeting_fields("America/New_York")))

    def kept() -> tuple[int, int]:
        return len(ctx.journal.pending_rows()), len(ctx.journal.pending())

    until(app, lambda: window.status.state.text().startswith("Offline — 4 changes waiting"))
    until(app, lambda: kept() == (3, 1), 5)  # all wait: the journal has them by now, or soon
    print(f"offline {window.status.state.text()!r} {kept()}", flush=True)
    retry_until_killed(app)


if __name__ == "__main__":
    main(*sys.argv[1:3])
