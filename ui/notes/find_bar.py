"""``NoteFindBar``: Ctrl+F — find in this note, every section at once.

A bar above the note's sections: what to find, "3 of 12", previous and next.
Every match in every section is highlighted (the current one stands out); Enter
or F3 goes to the next, Shift+Enter or Shift+F3 to the previous, across
sections in the paper's order; Esc closes the bar and leaves the cursor on the
match. Matching is plain text, ignoring case, as in any editor (Ctrl+K is the
word search over everything). Typing in the note while the bar is open finds
again.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut, QTextCursor
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit, QToolButton, QWidget

from ui.widgets.char_width import char_width
from ui.widgets.text_marks import highlight

#: More matches than this are counted as "1,000+" and not all highlighted (a 100-page note, one letter).
MAX_MATCHES = 1000


def find_all(editor: QPlainTextEdit, text: str, limit: int = MAX_MATCHES) -> list[tuple[int, int]]:
    """Where ``text`` occurs in ``editor`` (ignoring case), as editor positions."""
    found: list[tuple[int, int]] = []
    document = editor.document()
    cursor = QTextCursor(document)
    while len(found) < limit:
        cursor = document.find(text, cursor)
        if cursor.isNull():
            break
        found.append((cursor.selectionStart(), cursor.selectionEnd()))
    return found


class NoteFindBar(QWidget):
    """Finds in ``editors`` (the note's sections, in order); ``reveal(editor)`` scrolls one into view."""

    def __init__(self, editors: Sequence[QPlainTextEdit], reveal: Callable[[QPlainTextEdit], None],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.editors = list(editors)
        self.reveal = reveal
        self.matches: list[tuple[QPlainTextEdit, int, int]] = []
        self.current = -1
        self.field = QLineEdit(self)
        self.field.setPlaceholderText("Find in this note")
        self.field.setAccessibleName("Find in this note")
        self.field.setClearButtonEnabled(True)
        self.field.textChanged.connect(lambda _text: self.find(keep_place=False))
        self.field.installEventFilter(self)
        self.count = QLabel(self)
        self.count.setAccessibleName("Matches")
        self.count.setMinimumWidth(char_width(self.fontMetrics()) * 14)
        self.previous_button = self._button("Previous", "Previous match (Shift+Enter, Shift+F3)", -1)
        self.next_button = self._button("Next", "Next match (Enter, F3)", 1)
        close = QToolButton(self)
        close.setText("\u2715")
        close.setAutoRaise(True)
        close.setToolTip("Close (Esc)")
        close.setAccessibleName("Close find")
        close.clicked.connect(self.close_bar)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel("Find:", self))
        layout.addWidget(self.field, 1)
        layout.addWidget(self.count)
        layout.addWidget(self.previous_button)
        layout.addWidget(self.next_button)
        layout.addWidget(close)
        for key, step in (("F3", 1), ("Shift+F3", -1)):
            shortcut = QShortcut(QKeySequence(key), parent or self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(lambda s=step: self.step(s))
        self._again = QTimer(self)
        self._again.setSingleShot(True)
        self._again.timeout.connect(lambda: self.find(keep_place=True, move=False))
        for editor in self.editors:
            editor.textChanged.connect(self._text_changed)
        self.hide()

    def _button(self, text: str, tip: str, step: int) -> QToolButton:
        button = QToolButton(self)
        button.setText(text)
        button.setToolTip(tip)
        button.setAutoRaise(True)
        button.clicked.connect(lambda: self.step(step))
        return button

    def start(self, selected: str = "") -> None:
        """Show the bar with the cursor in its field (``selected`` text, if any, to find)."""
        self.show()
        if selected and "\u2029" not in selected:
            self.field.setText(selected)
        self.field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.field.selectAll()
        self.find(keep_place=False)

    def find(self, keep_place: bool, move: bool = True) -> None:
        """Find the field's text in every section again and go to the first match (``keep_place``:
        the first from where the current one was); ``move`` False leaves the cursor alone (typing)."""
        text = self.field.text()
        old = self.matches[self.current] if 0 <= self.current < len(self.matches) else None
        self.matches = []
        if text and self.isVisible():
            for editor in self.editors:
                left = MAX_MATCHES - len(self.matches)
                self.matches += [(editor, a, b) for a, b in find_all(editor, text, left)]
        self.current = 0 if self.matches else -1
        if keep_place and old is not None:
            self.current = next((i for i, m in enumerate(self.matches) if m[0] is old[0] and m[1] >= old[1]),
                                self.current)
        self._show(move)

    def step(self, step: int) -> None:
        """Go to the next (1) or previous (-1) match, round the end."""
        if self.matches and self.isVisible():
            self.current = (self.current + step) % len(self.matches)
            self._show()

    def close_bar(self) -> None:
        """Hide the bar, take the highlights away and leave the cursor on the current match."""
        match = self.matches[self.current] if 0 <= self.current < len(self.matches) else None
        self.hide()
        self.matches, self.current = [], -1
        self._show()
        if match is not None:
            match[0].setFocus(Qt.FocusReason.OtherFocusReason)

    def _show(self, move: bool = True) -> None:
        for editor in self.editors:
            spans = [(a, b) for e, a, b in self.matches if e is editor]
            current = next((n for n, (a, b) in enumerate(spans) if self._is_current(editor, a)), -1)
            highlight(editor, spans, current)
        total = len(self.matches)
        shown = f"{total:,}+" if total >= MAX_MATCHES else f"{total:,}"
        self.count.setText(f"{self.current + 1} of {shown}" if total else
                           ("No matches" if self.field.text() else ""))
        for button in (self.previous_button, self.next_button):
            button.setEnabled(total > 1)
        if move and 0 <= self.current < total:
            editor, start, end = self.matches[self.current]
            cursor = editor.textCursor()
            cursor.setPosition(start)
            cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
            editor.setTextCursor(cursor)
            self.reveal(editor)

    def _is_current(self, editor: QPlainTextEdit, start: int) -> bool:
        if not 0 <= self.current < len(self.matches):
            return False
        current = self.matches[self.current]
        return current[0] is editor and current[1] == start

    def _text_changed(self) -> None:
        if self.isVisible() and self.field.text():
            self._again.start(0)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.field and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.step(-1 if event.modifiers() & Qt.KeyboardModifier.ShiftModifier else 1)
                return True
            if event.key() == Qt.Key.Key_Escape:
                self.close_bar()
                return True
        return super().eventFilter(watched, event)
