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
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

STATE_GIVEN, SOURCE_ADDED, PUBLISHER_GIVEN = "dropped", "Reuters", "Nikkei"


def steel(services, meeting_id: int):
    """The meeting's position on steel and the issue note on it (as the store holds them)."""
    position = next(p for p in services.positions.list(meeting_id) if p.issue_title.startswith("Steel"))
    note = next(n for n in services.notes.list(meeting_id) if n.issue_id == position.issue_id)
    return position, services.notes.get(note.id)


def main(url: str, settings_path: str) -> None:
    from PySide6.QtCore import QSettings

    from briefing.config import Config
    from briefing.services import Services
    from ui.app import build_window, make_application
    from ui.meetings.commands import NewMeetingCommand, new_meeting_fields
    from ui.notes.commands import AddSourceCommand
    from ui.positions.commands import SetPositionCommand
    from ui.undo.edit import EditCommand
    from ui.undo.kinds import source_kind

    app = make_application([sys.argv[0]])
    services = Services.open(url, Config(home_timezone="America/New_York"), automatic_backups=False)
    window = build_window(services, QSettings(settings_path, QSettings.Format.IniFormat), autosave_ms=50)
    window.show()
    deadline = time.monotonic() + 60
    while window.meeting is None and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.02)
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

    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and not window.status.state.text().startswith(
            "Offline — 4 changes waiting"):
        app.processEvents()
        time.sleep(0.02)
    journalled = time.monotonic() + 5  # all wait: the journal has them by now, or soon
    while time.monotonic() < journalled and kept() != (3, 1):
        app.processEvents()
        time.sleep(0.02)
    print(f"offline {window.status.state.text()!r} {kept()}", flush=True)
    while True:  # retrying, offline, until the kill
        app.processEvents()
        time.sleep(0.02)


if __name__ == "__main__":
    main(*sys.argv[1:3])
