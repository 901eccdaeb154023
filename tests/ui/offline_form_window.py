"""A real Briefbook window in a child process that changes a number on the Overview while its server
is away, until killed.

    python -m tests.ui.offline_form_window URL SETTINGS.ini

It opens the window as the app does (offscreen), prints ``ready``, and waits for a line on its
standard input: the caller has cut the store off by then. It sets the meeting's round to
``ROUND_GIVEN`` (a number, not text), waits until the window says "Offline — 1 change waiting" and
the crash-recovery journal holds it (or 5 s more have passed), prints ``offline STATUS KEPT`` (the
journal's entries as ``entity.field=value``), and goes on retrying until the caller SIGKILLs it.
"""

from __future__ import annotations

import os
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROUND_GIVEN = 7


def main(url: str, settings_path: str) -> None:
    from PySide6.QtCore import QSettings

    from briefing.config import Config
    from briefing.services import Services
    from ui.app import build_window, make_application

    app = make_application([sys.argv[0]])
    services = Services.open(url, Config(home_timezone="America/New_York"), automatic_backups=False)
    window = build_window(services, QSettings(settings_path, QSettings.Format.IniFormat), autosave_ms=50)
    window.show()

    def until(done, seconds: float) -> None:
        deadline = time.monotonic() + seconds
        while not done() and time.monotonic() < deadline:
            app.processEvents()
            time.sleep(0.02)

    overview = window.workspace.panel("Overview")
    until(lambda: overview.round.isEnabled() and window.status.summary.text().startswith("Agenda"), 60)
    print("ready", flush=True)
    sys.stdin.readline()  # the store is cut off now
    overview.round.setFocus()
    overview.round.setValue(ROUND_GIVEN)
    journal = window.ctx.journal

    def kept() -> list[str]:
        return [f"{e.entity}.{e.field}={e.written!r}" for e in journal.pending()]

    until(lambda: window.status.state.text().startswith("Offline — 1 change waiting"), 60)
    until(lambda: kept() != [], 5)  # it waits: the journal has it by now, or soon
    print(f"offline {window.status.state.text()!r} {kept()}", flush=True)
    while True:  # retrying, offline, until the kill
        app.processEvents()
        time.sleep(0.02)


if __name__ == "__main__":
    main(*sys.argv[1:3])
