"""A time-zone picker: IANA names (``Asia/Tokyo``), typed with completion or picked from the list.

The ~600 names are listed only when the user first opens or types into the box,
which keeps them off the start-up path.
"""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QComboBox, QCompleter, QWidget


@cache
def zone_names() -> tuple[str, ...]:
    """Every IANA zone name known to this system (or to the tzdata package), sorted."""
    from zoneinfo import available_timezones

    return tuple(sorted(available_timezones()))


def zone_city(name: str) -> str:
    """``America/New_York`` → ``New York``; ``UTC`` → ``UTC``."""
    return name.rsplit("/", 1)[-1].replace("_", " ")


class ZoneComboBox(QComboBox):
    """An editable combo box of IANA time-zone names."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(18)
        self._filled = False
        self.lineEdit().installEventFilter(self)

    def zone(self) -> str:
        """The name as typed or picked, without surrounding spaces."""
        return self.currentText().strip()

    def set_zone(self, name: str) -> None:
        """Show ``name`` (without listing every zone yet)."""
        index = self.findText(name)
        if index < 0:
            self.addItem(name)
            index = self.count() - 1
        self.setCurrentIndex(index)

    def fill(self) -> None:
        """List every zone (once)."""
        if self._filled:
            return
        self._filled = True
        current = self.currentText()
        self.blockSignals(True)
        self.clear()
        self.addItems(zone_names())
        self.setCurrentText(current)
        self.blockSignals(False)
        completer = QCompleter(self.model(), self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.setCompleter(completer)

    def showPopup(self) -> None:
        self.fill()
        super().showPopup()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.lineEdit() and event.type() in (QEvent.Type.FocusIn, QEvent.Type.KeyPress):
            self.fill()
        return super().eventFilter(watched, event)
