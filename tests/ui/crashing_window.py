"""A real Briefbook window in a child process that types into a note, then waits to be killed.

    python -m tests.ui.crashing_window STORE SETTINGS.ini TEXT

It opens the window as the app does (offscreen), types ``TEXT`` at the start of
the first note's Background, waits until the crash-recovery journal holds it
(autosave waits a minute, so the store does not), prints ``journalled`` and
sleeps: the test SIGKILLs it, as a crash or a power cut would end it.
"""

from __future__ import annotations

import os
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main(store: str, settings_path: str, text: str) -> None:
    from PySide6.QtCore import QEvent, QSettings, Qt
    from PySide6.QtGui import QKeyEvent

    from briefing.config import Config
    from briefing.services import Services
    from ui.app import build_window, make_application

    app = make_application([sys.argv[0]])
    services = Services.open(f"sqlite:///{store}", Config(home_timezone="America/New_York"))
    window = build_window(services, QSettings(settings_path, QSettings.Format.IniFormat),
                          autosave_ms=60_000)
    window.show()
    tabs = window.workspace.tabs
    tabs.setCurrentIndex([tabs.tabText(i).replace("&", "") for i in range(tabs.count())].index("Issue notes"))
    editor = window.workspace.panel("Issue notes").editor.sections["background"].editor
    editor.setFocus()
    editor.moveCursor(editor.textCursor().MoveOperation.Start)
    for char in text:  # key by key, each key carrying its text (as an input method sends it)
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            app.sendEvent(editor, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, char))
    deadline = time.monotonic() + 20
    while not window.ctx.journal.pending() and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.02)
    print("journalled" if window.ctx.journal.pending() else "not journalled", flush=True)
    while True:  # typing goes on, unsaved, until the kill
        app.processEvents()
        time.sleep(0.05)


if __name__ == "__main__":
    main(*sys.argv[1:4])
