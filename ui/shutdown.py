"""Quitting without losing typed text: SIGTERM / SIGINT and the end of the desktop session.

The window writes pending text when it closes, but a terminal's Ctrl+C, a
``kill`` or a logout do not close windows by themselves. Python runs signal
handlers only when it gets control, so the signal's wake-up byte is watched by
a ``QSocketNotifier`` on the Qt event loop; the handler then closes the window
as the user would, but without asking about values the store refused: those
stay in the crash journal and the next start offers them.
"""

from __future__ import annotations

import signal
import socket

from PySide6.QtCore import QObject, QSocketNotifier
from PySide6.QtWidgets import QApplication, QMainWindow

SIGNALS = (signal.SIGTERM, signal.SIGINT)


class QuitCleanly(QObject):
    """Closes ``window`` (which writes what is pending) on SIGTERM, SIGINT or session end."""

    def __init__(self, app: QApplication, window: QMainWindow) -> None:
        super().__init__(window)
        self.window = window
        self._reader, writer = socket.socketpair()
        self._writer = writer
        for sock in (self._reader, writer):
            sock.setblocking(False)
        signal.set_wakeup_fd(writer.fileno())
        for number in SIGNALS:
            signal.signal(number, self._on_signal)
        self._notifier = QSocketNotifier(self._reader.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._drain)
        app.commitDataRequest.connect(lambda _manager: window.workspace.flush())  # type: ignore[attr-defined]

    def _drain(self) -> None:
        try:
            self._reader.recv(64)  # the wake-up bytes; Python has run the handler by now
        except OSError:
            pass

    def _on_signal(self, _number: int, _frame: object) -> None:
        # No questions now (a refused value stays in the journal for the next start).
        self.window.ask_on_close = False  # type: ignore[attr-defined]
        self.window.close()
        QApplication.quit()

    def uninstall(self) -> None:
        """Give the signals back to their defaults (after the event loop ends)."""
        signal.set_wakeup_fd(-1)
        for number in SIGNALS:
            signal.signal(number, signal.SIG_DFL)
        self._notifier.setEnabled(False)
        self._reader.close()
        self._writer.close()
