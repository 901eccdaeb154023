"""Marking words in a text editor: a search's matches highlighted, the first one selected.

Spans come from the domain as Python string offsets into the stored text; Qt
counts UTF-16 code units (an emoji is two) and shows ``\\r\\n`` as one line break,
so every span is converted against the text it was found in. The marks are
``extraSelections`` (they do not change the text or the undo history) and go
away when the text changes.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QObject
from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QTextEdit, QWidget

from ui.widgets.palette import is_dark

Span = tuple[int, int]


def qt_offset(text: str, index: int) -> int:
    """The position Qt gives to ``text[index]`` once the text is in an editor."""
    shown = text[:index].replace("\r\n", "\n")
    return len(shown.encode("utf-16-le")) // 2


def qt_spans(text: str, spans: Sequence[Span]) -> list[Span]:
    """``spans`` of ``text`` as editor positions (start, end)."""
    return [(qt_offset(text, start), qt_offset(text, end)) for start, end in spans]


def mark_format(widget: QWidget, current: bool = False) -> QTextCharFormat:
    """How a match looks: a yellow (the current one: orange) background that reads in light and dark."""
    fmt = QTextCharFormat()
    dark = is_dark(widget.palette())
    colour = QColor(255, 140, 0) if current else QColor(255, 215, 0)
    colour.setAlpha(150 if dark else 120)
    fmt.setBackground(colour)
    return fmt


def highlight(editor: QPlainTextEdit, spans: Sequence[Span], current: int = -1) -> None:
    """Show ``spans`` (editor positions) highlighted in ``editor``; ``current`` stands out."""
    marks = []
    for number, (start, end) in enumerate(spans):
        selection = QTextEdit.ExtraSelection()
        selection.cursor = QTextCursor(editor.document())
        selection.cursor.setPosition(start)
        selection.cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        selection.format = mark_format(editor, number == current)
        marks.append(selection)
    editor.setExtraSelections(marks)


class _ClearOnEdit(QObject):
    """Takes an editor's marks away at its next change of text (one per editor)."""

    def __init__(self, editor: QPlainTextEdit) -> None:
        super().__init__(editor)
        editor.textChanged.connect(lambda: editor.setExtraSelections([]))


def show_matches(editor: QLineEdit | QPlainTextEdit, text: str, spans: Sequence[Span]) -> None:
    """Put the cursor in ``editor`` on the first of ``spans`` (of ``text``), selected; mark all."""
    editor.setFocus()
    positions = qt_spans(text, spans)
    if isinstance(editor, QLineEdit):
        if positions:
            start, end = positions[0]
            editor.setSelection(start, end - start)
        return
    if editor.findChild(_ClearOnEdit) is None:
        _ClearOnEdit(editor)
    highlight(editor, positions, 0)
    if positions:
        cursor = editor.textCursor()
        cursor.setPosition(positions[0][0])
        cursor.setPosition(positions[0][1], QTextCursor.MoveMode.KeepAnchor)
        editor.setTextCursor(cursor)
    editor.ensureCursorVisible()
