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
from datetime import date

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

DUE_GIVEN = date(2026, 12, 24)


def main(url: str, settings_path: str) -> None:
    from PySide6.QtCore import Qt

    from tests.ui.offline_child import open_window, retry_until_killed, until
    from ui.models.actions_table import DUE

    app, window = open_window(url, settings_path)
    tabs = window.workspace.tabs

    def show(title: str):
        tabs.setCurrentIndex([tabs.tabText(i).replace("&", "") for i in range(tabs.count())].index(title))
        until(app, lambda: False, 0.5)  # the panel reads its rows
        return window.workspace.panel(title)

    agenda, actions = show("Agenda"), show("Action items")
    until(app, lambda: agenda.model.rowCount() > 0 and actions.model.rowCount() > 0)
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

    until(app, lambda: window.status.state.text().startswith("Offline — 2 changes waiting"))
    until(app, lambda: kept() == (1, 1), 5)  # both wait: the journal has them by now, or soon
    print(f"offline {window.status.state.text()!r} {kept()}", flush=True)
    retry_until_killed(app)


if __name__ == "__main__":
    main(*sys.argv[1:3])
