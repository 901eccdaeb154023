"""A time-zone picker: IANA names (``Asia/Tokyo``) picked from the list, or found by typing a city.

Typing "Tokyo", "Washington" or "Geneva" lists the zones meant
(``briefing.times.zones.find_zones``) under the field; Enter takes a city named or
begun ("Washing"), leaving the field a city named exactly. ``problem()`` says, quoting what
is typed, when the text is no zone. The ~600 names are listed only when the
user first opens the list, which keeps them off the start-up path.
"""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QStringListModel, Qt, Signal
from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import QComboBox, QCompleter, QWidget

from briefing.times.zones import find_zones, is_meeting_zone, meeting_zones, zone_for
from briefing.times.zones import zone_city as zone_city  # (the agenda's columns name zones by city)

#: At most this many zones are offered under the field while typing.
MAX_OFFERED = 12


@cache
def zone_names() -> tuple[str, ...]:
    """Every IANA zone a meeting may have (no ``localtime``, ``posixrules``, ``Factory``), sorted."""
    return meeting_zones()


def zone_problem(text: str) -> str | None:
    """Why ``text`` is no time zone, quoting it (None when it is one, or names a city of one)."""
    typed = text.strip()
    if is_meeting_zone(typed) or zone_for(typed) is not None:
        return None
    if not typed:
        return "Type a city (Tokyo, Washington) or a time zone (Asia/Tokyo)."
    hint = find_zones(typed)[:3]
    maybe = f" Did you mean {', '.join(hint)}?" if hint else ""
    return f"“{typed}” is not a time zone: type a city (Tokyo, Washington) or a zone (Asia/Tokyo).{maybe}"


class ZoneComboBox(QComboBox):
    """An editable combo box of IANA time-zone names that finds zones by city."""

    sig_problem = Signal(object)
    """What is wrong with the text being typed (a message quoting it), or None: shown by the form."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(18)
        self.lineEdit().setPlaceholderText("A city (Tokyo, Washington) or a zone (Asia/Tokyo)")
        self._filled = False
        self.offered = QStringListModel(self)
        completer = QCompleter(self.offered, self)
        completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setMaxVisibleItems(MAX_OFFERED)
        self.setCompleter(completer)
        self.lineEdit().textEdited.connect(self._offer)
        # (before editingFinished, which the forms write on: they read the zone put in place)
        self.lineEdit().returnPressed.connect(lambda: self._settle(begun=True))

    def zone(self) -> str:
        """The zone as typed or picked (a city named exactly gives its zone), without spaces around."""
        text = self.currentText().strip()
        return text if is_meeting_zone(text) else zone_for(text) or text

    def set_zone(self, name: str) -> None:
        """Show ``name`` (without listing every zone yet)."""
        index = self.findText(name)
        if index < 0:
            self.addItem(name)
            index = self.count() - 1
        self.setCurrentIndex(index)
        self.sig_problem.emit(None)

    def problem(self) -> str | None:
        """Why the text typed is not a time zone, quoting it; None when it is one."""
        return zone_problem(self.currentText())

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

    def showPopup(self) -> None:
        self.fill()
        super().showPopup()

    def _offer(self, text: str) -> None:
        """Offer the zones ``text`` may mean under the field (Enter takes a city named or begun)."""
        found = find_zones(text)[:MAX_OFFERED]
        self.offered.setStringList(found)
        self.sig_problem.emit(zone_problem(text))
        completer = self.completer()
        if found and self.lineEdit().hasFocus():
            completer.complete()  # (no row made current: highlighting one would replace the text)
        else:
            completer.popup().hide()

    def _settle(self, begun: bool) -> None:
        """Put the zone meant in place of a typed city (``begun``: a city's start will do)."""
        text = self.currentText().strip()
        if is_meeting_zone(text):
            return
        name = zone_for(text, begun=begun)
        if name is not None:
            self.setEditText(name)
            self.sig_problem.emit(None)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        if event.reason() != Qt.FocusReason.PopupFocusReason:  # (not for a list opening)
            self._settle(begun=False)
        super().focusOutEvent(event)
