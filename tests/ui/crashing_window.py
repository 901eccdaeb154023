"""A real Briefbook window in a child process that types into a note, then waits to be killed.

    python -m tests.ui.crashing_window STORE SETTINGS.ini TEXT [--keep-typing]

It opens the window as the app does (offscreen), types ``TEXT`` at the start of
the first note's Background, waits until the crash-recovery journal holds it
(autosave waits a minute, so the store does not), prints ``journalled N`` (N:
the length of the text journalled) and goes on: with ``--keep-typing`` it types
a word every 60 ms, printing ``typed N T`` (the length of the text in the
editor, and the time) after each and ``journalled N`` each time the journal catches up; else it waits.
The caller SIGKILLs it, as a crash or a power cut would end it.
"""

from __future__ import annotations

import os
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

WORDS = "tariff quota steel 鉄鋼 aluminium <b>safeguard</b> & 50% ".split(" ")


def main(store: str, settings_path: str, text: str, keep_typing: bool) -> None:
    from PySide6.QtCore import QEvent, QSettings, Qt
    from PySide6.QtGui import QKeyEvent

    from briefing.config import Config
    from briefing.services import Services
    from ui.app import build_window, make_application

    app = make_application([sys.argv[0]])
    services = Services.open(f"sqlite:///{store}", Config(home_timezone="America/New_York"),
                             automatic_backups=False)
    window = build_window(services, QSettings(settings_path, QSettings.Format.IniFormat),
                          autosave_ms=60_000)
    window.show()
    tabs = window.workspace.tabs
    tabs.setCurrentIndex([tabs.tabText(i).replace("&", "") for i in range(tabs.count())].index("Issue notes"))
    editor = window.workspace.panel("Issue notes").editor.sections["background"].editor
    editor.setFocus()
    editor.moveCursor(editor.textCursor().MoveOperation.Start)

    def type_text(chars: str) -> None:  # key by key, each key carrying its text (as an input method does)
        for char in chars:
            for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                app.sendEvent(editor, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, char))

    def journalled() -> int:
        pending = window.ctx.journal.pending()
        return len(pending[0].value) if pending else 0

    type_text(text)
    deadline = time.monotonic() + 20
    while not journalled() and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.02)
    reported = journalled()
    print(f"journalled {reported}" if reported else "not journalled", flush=True)
    word = 0
    while True:  # typing goes on, unsaved, until the kill
        if keep_typing:
            type_text(WORDS[word % len(WORDS)] + " ")
            word += 1
            print(f"typed {len(editor.toPlainText())} {time.monotonic():.3f}", flush=True)
        for _ in range(3):
            app.processEvents()
            time.sleep(0.02)
        if journalled() != reported:
            reported = journalled()
            print(f"journalled {reported}", flush=True)


if __name__ == "__main__":
    main(*sys.argv[1:4], keep_typing="--keep-typing" in sys.argv[4:])
