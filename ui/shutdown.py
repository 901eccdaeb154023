"""Quitting without losing what was done: changes waiting for the server, SIGTERM / SIGINT, the session's end.

Row commands and table cells given while the server is away wait in the window
(``ui.undo.waiting_writes``), and in the crash journal so that a kill loses nothing.
Closing the window would leave them unwritten, so the close asks first
(``close_loses_nothing``: "Keep the window open", the default, or "Close and lose
them", which drops them from the journal too); typed text is in the crash journal
and survives a close either way.

The window writes pending text when it closes, but a terminal's Ctrl+C, a
``kill`` or a logout do not close windows by themselves. Python runs signal
handlers only when it gets control, so the signal's wake-up byte is watched by
a ``QSocketNotifier`` on the Qt event loop; the handler then closes the window
as the user would, but without asking about values the store refused: those
stay in the crash journal and the next start offers them, as it offers the changes
that waited for the server (nobody was asked to lose them).
"""

from __future__ import annotations

import signal
import socket

from PySide6.QtCore import QObject, QSocketNotifier
from PySide6.QtWidgets import QApplication, QMainWindow, QWidget

from ui.undo.lane_write import wait_for_writes
from ui.undo.waiting_writes import drop_from_journal, waiting_writes
from ui.widgets.ask import destructive_chosen

SIGNALS = (signal.SIGTERM, signal.SIGINT)


def close_loses_nothing(window: QMainWindow) -> bool:
    """Before ``window`` closes: True when the close may go on — nothing waits for the server, or
    the user chose to lose what waits; False when the user keeps the window open."""
    count = waiting_writes(window.ctx)  # type: ignore[attr-defined]
    if count == 0:
        return True
    if ask_keep_open(window, count):
        return False
    wait_for_writes()  # what the back-online poll started while the question was open ends first
    drop_from_journal(window.ctx)  # type: ignore[attr-defined]  # (the user chose to lose them)
    return True


def waiting_text(count: int) -> str:
    """The question's first line: how many changes a close now would lose."""
    if count == 1:
        return "1 change is waiting for the server. If you close now, it is lost."
    return f"{count} changes are waiting for the server. If you close now, they are lost."


#: What the question says below its first line.
WAITING_DETAIL = ("Briefbook writes them, in order, as soon as the server answers again: keep the "
                  "window open until the status bar no longer says “Offline”.\n\n"
                  "Text typed into the notes and fields is not lost either way: it is kept in the "
                  "crash journal, and the next start offers it back.")


def ask_keep_open(parent: QWidget, count: int) -> bool:
    """Ask whether to close while ``count`` changes wait for the server; True: keep the window open."""
    return not destructive_chosen(parent, "Changes waiting for the server", waiting_text(count),
                                  WAITING_DETAIL, "&Keep the window open", "&Close and lose them")


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
