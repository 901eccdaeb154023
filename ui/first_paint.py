"""``after_first_paint``: work that can wait until a window is on screen.

Start-up shows the window first; what the first paint does not need (the daily
backup, the agenda summary in the status bar, declaring the ORM models) is
queued to run right after it, in the event loop, before the user can act.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget


class _FirstPaintWatcher(QObject):
    """Queues ``callback`` once ``widget`` has painted, then removes itself."""

    def __init__(self, widget: QWidget, callback: Callable[[], object]) -> None:
        super().__init__(widget)
        self._callback = callback
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self._callback)  # after this paint is on screen
            self.deleteLater()
        return False


def after_first_paint(widget: QWidget, callback: Callable[[], object]) -> None:
    """Call ``callback`` in the event loop once ``widget`` has painted for the first time."""
    _FirstPaintWatcher(widget, callback)
