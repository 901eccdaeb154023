"""A real Briefbook window in a child process that changes lists while its server is away, until killed.

    python -m tests.ui.offline_lists_window URL SETTINGS.ini

It opens the window as the app does (offscreen), prints ``ready``, and waits for a
line on its standard input: the caller has cut the store off by then. It adds an
agenda item after the first one and gives the first action item a due date
(2026-12-24) in its table, waits until the window says "Offline — 2 changes
waiting" and the crash-recovery journal holds both (or 5 s more have passed), prints
``offline STATUS (ROWS, CELLS)`` (what the journal holds), and goes on retrying until the caller SIGKILLs it.
"""

from __future__ import annotations

import os
import sys
import time
from datetime import date

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

DUE_GIVEN = date(2026, 12, 24)


def main(url: str, settings_path: str) -> None:
    from PySide6.QtCore import QSettings, Qt

    from briefing.config import Config
    from briefing.services import Services
    from ui.app import build_window, make_application
    from ui.models.actions_table import DUE

    app = make_application([sys.argv[0]])
    services = Services.open(url, Config(home_timezone="America/New_York"), automatic_backups=False)
    window = build_window(services, QSettings(settings_path, QSettings.Format.IniFormat), autosave_ms=50)
    window.show()
    tabs = window.workspace.tabs

    def show(title: str):
        tabs.setCurrentIndex([tabs.tabText(i).replace("&", "") for i in range(tabs.count())].index(title))
        for _ in range(50):  # the panel reads its rows
            app.processEvents()
            time.sleep(0.01)
        return window.workspace.panel(title)

    agenda, actions = show("Agenda"), show("Action items")
    deadline = time.monotonic() + 60
    while (agenda.model.rowCount() == 0 or actions.model.rowCount() == 0) and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.02)
    print("ready", flush=True)
    sys.stdin.readline()  # the store is cut off now
    show("Agenda")
    agenda.view.selectRow(0)
    agenda.add_item()  # after the first item
    show("Action items")
    actions.model.setData(actions.model.index(0, DUE), DUE_GIVEN, Qt.ItemDataRole.EditRole)

    def kept() -> tuple[int, int]:
        journal = window.ctx.journal
        rows = getattr(journal, "pending_rows", lambda: ())()  # (a journal that keeps none: 0)
        return len(rows), len(journal.pending())

    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and not window.status.state.text().startswith(
            "Offline — 2 changes waiting"):
        app.processEvents()
        time.sleep(0.02)
    journalled = time.monotonic() + 5  # both wait: the journal has them by now, or soon
    while time.monotonic() < journalled and kept() != (1, 1):
        app.processEvents()
        time.sleep(0.02)
    print(f"offline {window.status.state.text()!r} {kept()}", flush=True)
    while True:  # retrying, offline, until the kill
        app.processEvents()
        time.sleep(0.02)


if __name__ == "__main__":
    main(*sys.argv[1:3])
