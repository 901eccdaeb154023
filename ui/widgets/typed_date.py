"""``TypedDateEntry``: a date (time) editor that also takes a whole date typed or pasted as text.

``QDateTimeEdit`` edits section by section: typing "15 Dec 2026 17:00" into it
jumps between sections at each space and builds another date. With this entry
attached, the first key typed (or a paste) opens a plain line over the editor's
text, holding the text with that key typed where the cursor was; Enter, Tab or
leaving the field reads it with the domain's parser (``apply``), which either
sets the editor or raises ``ValidationError`` — then the text stays, with the
message (``sig_refused``). Escape gives up the typing. Once the text is read,
Enter and Tab go on as in the editor (in a table cell, its delegate ends the
edit); with ``tab_leaves``, Tab goes to the next field, not the editor's next
section. The calendar button and
the arrow keys keep working as before; focus arriving by keyboard selects the
whole text, so that what is typed next replaces it.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QLocale, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QFocusEvent, QGuiApplication, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QApplication, QDateTimeEdit, QLineEdit

from briefing.errors import ValidationError

KEYBOARD_FOCUS = (Qt.FocusReason.TabFocusReason, Qt.FocusReason.BacktabFocusReason,
                  Qt.FocusReason.ShortcutFocusReason)
COMMIT_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Tab, Qt.Key.Key_Backtab)


#: Date editors show day and month names in English, as the rest of the window and the book, and as
#: the parser reads them, whatever the user's locale (a Japanese desktop would show "月 7 2月 2022").
ENGLISH = QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)


def english_dates(edit: QDateTimeEdit) -> QDateTimeEdit:
    """``edit`` with English day and month names (``ENGLISH``); returns it."""
    edit.setLocale(ENGLISH)
    return edit


class TypedDateEntry(QObject):
    """Attach to ``edit``; ``apply(text)`` sets the editor from the text or raises ValidationError."""

    sig_refused = Signal(str)
    """The text typed is not a date: the message to show ("" once a text was read or given up)."""

    def __init__(self, edit: QDateTimeEdit, apply: Callable[[str], None], *,
                 tab_leaves: bool = False) -> None:
        super().__init__(edit)
        self.edit = edit
        self.apply = apply
        self.tab_leaves = tab_leaves
        self.message = ""
        self.line = QLineEdit(edit)
        self.line.setAccessibleName(f"{edit.accessibleName()} (typed)")
        self.line.setFrame(False)
        self.line.hide()
        edit.installEventFilter(self)
        self.line.installEventFilter(self)

    def typing(self) -> bool:
        """True while the typed text is being edited (not yet read)."""
        return self.line.isVisible()

    # -- events ----------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.edit:
            return self._edit_event(event)
        if watched is self.line:
            return self._line_event(event)
        return False

    def _edit_event(self, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.FocusIn and isinstance(event, QFocusEvent) and \
                event.reason() in KEYBOARD_FOCUS and not self.typing():
            QTimer.singleShot(0, self.edit.lineEdit().selectAll)
        elif kind == QEvent.Type.Resize and self.typing():
            self.line.setGeometry(self.edit.lineEdit().geometry())
        elif kind == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            if self.typing():  # keys sent to the editor itself while the line is open
                QApplication.sendEvent(self.line, QKeyEvent(event.type(), event.key(), event.modifiers(),
                                                            event.text()))
                return True
            if event.matches(QKeySequence.StandardKey.Paste):
                self.start(QGuiApplication.clipboard().text())
                self.commit()
                return True
            text = event.text()
            plain = not event.modifiers() & ~(Qt.KeyboardModifier.ShiftModifier
                                              | Qt.KeyboardModifier.KeypadModifier)
            if plain and text and text.isprintable() and not self.edit.isReadOnly():
                self.start(text)
                return True
        return False

    def _line_event(self, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            if event.key() == Qt.Key.Key_Escape:
                self.stop()
                return True
            if event.key() in COMMIT_KEYS:
                if self.commit():  # read: the key then does what it does in the editor
                    tab = event.key() in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab)
                    to = self.edit.window() if tab and self.tab_leaves else self.edit
                    QApplication.sendEvent(to, QKeyEvent(event.type(), event.key(), event.modifiers(),
                                                         event.text()))
                return True
        elif kind == QEvent.Type.FocusOut and self.typing() and QApplication.activePopupWidget() is None:
            self.commit(keep_focus=False)
        return False

    # -- typing ----------------------------------------------------------------------

    def start(self, typed: str) -> None:
        """Open the line with ``typed`` in place of the editor's selection (or at its cursor)."""
        shown = self.edit.lineEdit()
        text = shown.text()
        if shown.hasSelectedText():
            at, length = shown.selectionStart(), len(shown.selectedText())
        else:
            at, length = shown.cursorPosition(), 0
        self.line.setFont(shown.font())
        self.line.setAlignment(shown.alignment())
        self.line.setGeometry(shown.geometry())
        self.line.setText(text[:at] + typed + text[at + length:])
        self.line.setCursorPosition(at + len(typed))
        self.line.show()
        self.line.setFocus(Qt.FocusReason.OtherFocusReason)

    def commit(self, *, keep_focus: bool = True) -> bool:
        """Read the typed text into the editor; False (the text kept, the message sent) if refused."""
        if not self.typing():
            return True
        try:
            self.apply(self.line.text())
        except ValidationError as refused:
            self._refuse(refused.message)
            return False
        self.stop(keep_focus=keep_focus)
        return True

    def stop(self, *, keep_focus: bool = True) -> None:
        """Close the line (what was typed and not read is dropped)."""
        had_focus = self.line.hasFocus()
        self.line.hide()
        if keep_focus and had_focus:
            self.edit.setFocus(Qt.FocusReason.OtherFocusReason)
        self._refuse("")

    def _refuse(self, message: str) -> None:
        self.message = message
        self.line.setToolTip(message)
        self.sig_refused.emit(message)
