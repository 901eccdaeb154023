"""Take the screenshots of docs/reliability.md: the window after a crash, a conflict, the Trash,
the backups, a read-only store — each on a fresh store holding the sample.

    xvfb-run -a -s "-screen 0 1600x1000x24" .venv/bin/python docs/screenshots/take_reliability.py [NAME ...]

Writes ``docs/screenshots/<name>.png`` for each name (default: all of ``SHOTS``).
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from PySide6.QtCore import QSettings  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from briefing.config import Config  # noqa: E402
from briefing.interchange.sample import load_sample  # noqa: E402
from briefing.recovery.journal import CrashJournal  # noqa: E402
from briefing.recovery.row_changes import ADD, QA_USE, SET, RowChange  # noqa: E402
from briefing.services import Services  # noqa: E402
from ui.app import build_window, make_application  # noqa: E402

HERE = Path(__file__).parent
SIZE = (1400, 860)


def settle(app: QApplication) -> None:
    for _ in range(10):
        app.processEvents()


def open_on(folder: Path, prepare=None):
    url = f"sqlite:///{folder}/briefbook.db"
    services = Services.open(url, Config(home_timezone="America/New_York"))
    load_sample(services.db, services.config)
    if prepare is not None:
        prepare(services, folder)
    window = build_window(services, QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat))
    window.resize(*SIZE)
    window.show()
    return window


def crashed(services: Services, folder: Path) -> None:
    """A session that died with typing in two fields not yet saved, and changes to lists given offline."""
    meeting = services.meetings.list()[-1]
    note = services.notes.list_full(meeting.id)[0]
    tai = services.people.participants(meeting.id)[0]
    journal = CrashJournal(folder / ".briefbook.db.recovery")
    journal.start_session()
    typed = note.talking_points + "\n5. Ask for data on third-country <b>steel</b> & aluminium flows (日米)."
    journal.record("note", note.id, "talking_points", typed, note.version)
    journal.record("participant", tai.id, "role", "Head of delegation; chairs the steel track", tai.version)
    # and three changes to lists given while the team's server was away (issue 14)
    steel = next(p for p in services.positions.list(meeting.id) if p.issue_id == note.issue_id)
    journal.record_row(RowChange(SET, "position", meeting.id, steel.issue_id, {"state": "bracketed"},
                                 title=steel.issue_title, version=steel.version))
    journal.record_row(RowChange(ADD, "source", meeting.id, values={"note_id": note.id,
                                                                   "title": "METI, 鉄鋼 capacity figures"},
                                 index=1, title="METI, 鉄鋼 capacity figures"))
    entry = services.qa.list()[0]
    journal.record_row(RowChange(ADD, QA_USE, meeting.id, entry.id, {"note_id": note.id}, 0, entry.key))
    journal._log.close()
    journal._lock.close()


def recovery(app, folder):
    return open_on(folder, crashed)


def conflict(app, folder):
    window = open_on(folder)
    tabs = window.workspace.tabs
    tabs.setCurrentIndex(2)
    settle(app)
    panel = window.workspace.panel("Issue notes")
    note = panel.editor.note
    other = Services.open(f"sqlite:///{folder}/briefbook.db")
    other.notes.update(note.id, None, talking_points=note.talking_points.replace(
        "1. Overcapacity is", "1. Overcapacity — driven largely by China — is")
        + "\n5. Raise the Section 232 exclusions process.")
    other.close()
    panel.editor.sections["talking_points"].editor.setPlainText(
        note.talking_points.replace("a joint working group", "a joint 日米 working group")
        + "\n5. Ask for data on third-country <b>steel</b> & aluminium flows.")
    panel.flush()
    settle(app)
    return window.conflicts.dialog


def trash(app, folder):
    window = open_on(folder)
    services = window.ctx.services
    meeting = services.meetings.list()[-1]
    for note in services.notes.list(meeting.id)[1:3]:
        services.notes.delete(note.id)
    services.actions.delete(services.actions.list(meeting.id)[0].id)
    services.meetings.delete(services.meetings.list()[0].id)
    return window.tools.show_trash()


def backups(app, folder):
    window = open_on(folder)
    services = window.ctx.services
    services.backups.create("before-import")
    services.backups.create()
    window.tools.backups().show_dialog()
    return window.tools.backups().dialog


def read_only(app, folder):
    import os
    import stat
    import subprocess

    path = folder / "briefbook.db"
    services = Services.open(f"sqlite:///{path}")
    load_sample(services.db, services.config)
    services.close()
    if os.geteuid() == 0:
        subprocess.run(["chattr", "+i", str(path)], check=True)
    else:
        path.chmod(path.stat().st_mode & ~(stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH))
    try:
        services = Services.open(f"sqlite:///{path}", Config(home_timezone="America/New_York"))
        window = build_window(services, QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat))
        window.resize(*SIZE)
        window.show()
        window.workspace.tabs.setCurrentIndex(2)
        settle(app)
        window.grab().save(str(HERE / "read-only.png"))
        window.close()
        services.close()
    finally:
        if os.geteuid() == 0:
            subprocess.run(["chattr", "-i", str(path)], check=True)
    return None


SHOTS = {"recovery": recovery, "conflict": conflict, "trash": trash, "backups": backups,
         "read-only": read_only}


def main(names: list[str]) -> None:
    app = make_application(sys.argv[:1])
    for name in names:
        with tempfile.TemporaryDirectory() as tmp:
            shown: QWidget | None = SHOTS[name](app, Path(tmp))
            settle(app)
            if shown is not None:
                out = HERE / f"{name}.png"
                (shown.window() if name == "recovery" else shown).grab().save(str(out))
                print(out)
            for widget in app.topLevelWidgets():
                widget.close()
            settle(app)


if __name__ == "__main__":
    main(sys.argv[1:] or list(SHOTS))
