"""A real Briefbook window in a child process that goes on typing while its server is away, until killed.

    python -m tests.ui.offline_window URL SETTINGS.ini TEXT

It opens the window as the app does (offscreen, autosave after 50 ms), prints
``ready``, and waits for a line on its standard input: the caller has cut the
store off by then. It types ``TEXT`` at the end of the first note's Background,
waits until the window says "Offline" and the crash-recovery journal holds the
text, prints ``offline N`` (N: the length journalled), and goes on retrying
until the caller SIGKILLs it.
"""

from __future__ import annotations

import os
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main(url: str, settings_path: str, text: str) -> None:
    from PySide6.QtCore import QEvent, QSettings, Qt
    from PySide6.QtGui import QKeyEvent

    from briefing.config import Config
    from briefing.services import Services
    from ui.app import build_window, make_application

    app = make_application([sys.argv[0]])
    services = Services.open(url, Config(home_timezone="America/New_York"), automatic_backups=False)
    window = build_window(services, QSettings(settings_path, QSettings.Format.IniFormat), autosave_ms=50)
    window.show()
    tabs = window.workspace.tabs
    tabs.setCurrentIndex([tabs.tabText(i).replace("&", "") for i in range(tabs.count())].index("Issue notes"))
    editor = window.workspace.panel("Issue notes").editor.sections["background"].editor
    for _ in range(20):
        app.processEvents()
        time.sleep(0.01)
    editor.setFocus()
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    print("ready", flush=True)
    sys.stdin.readline()  # the store is cut off now
    for char in text:  # key by key, each key carrying its text (as an input method does)
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            app.sendEvent(editor, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, char))

    def journalled() -> int:
        pending = window.ctx.journal.pending()
        return len(pending[0].value) if pending else 0

    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        app.processEvents()
        if window.status.state.text().startswith("Offline") and journalled() == len(editor.toPlainText()):
            print(f"offline {journalled()}", flush=True)
            break
        time.sleep(0.02)
    else:
        print(f"not offline: {window.status.state.text()!r}", flush=True)
    while True:  # retrying, offline, until the kill
        app.processEvents()
        time.sleep(0.02)


if __name__ == "__main__":
    main(*sys.argv[1:4])
