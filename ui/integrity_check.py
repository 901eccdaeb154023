"""The store's page scan, run in a worker once the window has painted; damage found is said in a bar.

The desktop app opens its store without scanning every page
(``Services.open(..., check_integrity=False)``) so that the window paints first.
``IntegrityCheck.start_after_first_paint()`` then runs ``Services.check_integrity``
as a ``BackgroundTask``. On damage the service has already made the store
read-only for the rest of the session (every write is refused with a message);
the window says what is wrong, that nothing more will be written, and how to get
the work back: restore a backup (File → Restore from backup…, which the damage
does not stop). Once a restore has made the store sound and writable again, the
bar goes (``forget_damage_shown``). A check that cannot run is said in a bar too.
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from ui.background import BackgroundTask
from ui.first_paint import after_first_paint

if TYPE_CHECKING:
    from briefing.services import Services
    from ui.widgets.window_bars import WindowBars

DAMAGED_TITLE = "This database is damaged: it is now read-only, and nothing more will be written to it."


def damaged_text(location: str, problems: list[str]) -> str:
    """What the bar says about damage ``problems`` found in the store at ``location``."""
    return (f"Briefbook checked {location} and found damage: {'; '.join(problems)}. "
            "To keep it from getting worse, it is read-only for the rest of this session; "
            "your changes from now on cannot be saved. Restore a backup: "
            "File → Restore from backup…")


class IntegrityCheck(QObject):
    """Scans the store of ``services`` off the GUI thread and shows damage in ``bars``."""

    sig_checked = Signal(list)
    """The check is done: what it found wrong (an empty list: the store is sound)."""

    def __init__(self, services: Services, bars: WindowBars, parent: QObject) -> None:
        super().__init__(parent)
        self.services = services
        self.bars = bars
        self._done = threading.Event()
        self._done.set()  # nothing under way until started
        self._task: BackgroundTask | None = None
        self.damage_bar = None

    def start_after_first_paint(self, window) -> None:
        """Queue the check once ``window`` has painted for the first time."""
        after_first_paint(window, self.start)

    def start(self) -> None:
        """Run the check now, in the background."""
        self._done.clear()
        self._task = BackgroundTask(self._work)
        self._task.signals.sig_finished.connect(self._on_finished)
        self._task.signals.sig_failed.connect(self._on_failed)
        self._task.start()

    def wait(self) -> None:
        """Block until a check under way is done (before the store is closed)."""
        self._done.wait()

    def _work(self, _progress) -> list[str]:
        try:
            return self.services.check_integrity()
        finally:
            self._done.set()

    def _on_finished(self, problems: list[str]) -> None:
        if problems:
            from ui.widgets.message_bar import WARNING, MessageBar

            self.damage_bar = self.bars.add(MessageBar(
                DAMAGED_TITLE, damaged_text(self.services.db.location, problems),
                kind=WARNING, closable=False))
        self.sig_checked.emit(list(problems))

    def forget_damage_shown(self) -> None:
        """Take the damage bar away once the store is no longer damaged (a restore replaced it)."""
        if self.damage_bar is not None and not self.services.db.damage:
            self.damage_bar.dismiss()
            self.damage_bar = None

    def _on_failed(self, error: Exception) -> None:
        from ui.store_bars import add_notice_bar

        add_notice_bar(self.bars, f"The database could not be checked for damage: {error}")
        self.sig_checked.emit([])
