"""A Markdown field edited in a table cell (an agenda item's outcome, an action item's text).

The cell's editor is a ``QPlainTextEdit`` that opens over the cell and grows
downwards as lines are typed, up to ``MAX_LINES`` (then it scrolls); near the
table's bottom it opens upwards instead, so it is never cut off. It has the
marking gutter and Ctrl+Shift+M of every Markdown editor (``attach_marking``),
a Marking menu (the button under the text and the right-click menu) and a one-line
hint saying how to end: Enter is a line break, Ctrl+Enter or Tab (or clicking
elsewhere) writes the cell, Esc leaves it as it was. The whole edit, marking
changes included, reaches the model as one value: the panel's one undo step.

The cell itself shows the text on one line, its paragraphs joined by " ¶ "
with their marks as typed; the model's tooltip holds the whole text.
"""

from __future__ import annotations

import math

from PySide6.QtCore import (
    QAbstractItemModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRect,
    Qt,
)
from PySide6.QtGui import QContextMenuEvent, QKeyEvent, QResizeEvent, QTextCursor
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from ui.widgets.char_width import char_width
from ui.widgets.marking_gutter import (
    attach_marking,
    fill_marking_menu,
    marking_button,
    unknown_marking_label,
)
from ui.widgets.palette import muted_colour

Index = QModelIndex | QPersistentModelIndex
Hint = QStyledItemDelegate.EndEditHint
#: The editor grows to show this many lines, then scrolls.
MAX_LINES = 8
#: How wide the editor opens at least (in average characters), however narrow its column.
MIN_CHARS = 44
HINT = "Enter: new line · Ctrl+Enter or Tab: done · Esc: cancel"
PARAGRAPH = " ¶ "


def cell_line(text: str) -> str:
    """``text`` on one line for its cell: each paragraph's words, the paragraphs joined by " ¶ "."""
    paragraphs = (" ".join(p.split()) for p in text.replace("\r\n", "\n").split("\n\n"))
    return PARAGRAPH.join(p for p in paragraphs if p)


class MarkdownCellEditor(QPlainTextEdit):
    """The multi-line editor of a Markdown cell, with its marking gutter and a hint below."""

    def __init__(self, name: str, parent: QWidget) -> None:
        super().__init__(parent)
        self.setAccessibleName(name)
        self.setObjectName("MarkdownCell")  # drawn with a border: it floats over the rows below
        self.setStyleSheet("QPlainTextEdit#MarkdownCell { border: 1px solid palette(highlight); }")
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.cell = QRect()  # the cell it opens over, in its parent's (the viewport's) coordinates
        self.footer = QWidget(self)
        self.footer.setAutoFillBackground(True)  # set apart from the text above it
        self.unknown = unknown_marking_label(self.footer)
        self.hint = QLabel(HINT, self.footer)
        self.hint.setStyleSheet(f"color: {muted_colour(self.palette()).name()}")
        self.hint.setMinimumWidth(1)  # elided when the editor is narrow (``_fit_hint``)
        self.marking = marking_button(self.footer, lambda menu: fill_marking_menu(menu, self, self.gutter))
        self.marking.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the text keeps the focus: the edit goes on
        row = QHBoxLayout(self.footer)
        row.setContentsMargins(4, 0, 2, 0)
        row.addWidget(self.unknown)
        row.addWidget(self.hint, 1)
        row.addWidget(self.marking)
        self.gutter = attach_marking(self, on_refresh=self._marks_found)
        self.setToolTip("Start a paragraph with (CODE) to mark it; Ctrl+Shift+M cycles its marking")
        self.setViewportMargins(self.gutter.gutter_width(), 0, 0, self.footer.sizeHint().height())
        self.document().documentLayout().documentSizeChanged.connect(lambda _size: self.fit())

    # -- marks -------------------------------------------------------------------------

    def _marks_found(self) -> None:
        if not hasattr(self, "gutter"):
            return  # (the gutter's first look, while the editor is being built)
        unknown = self.gutter.unknown()
        self.unknown.setText(", ".join(f"unknown marking ({code})" for code in dict.fromkeys(unknown)))
        self.unknown.setVisible(bool(unknown))
        self._fit_hint()

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        menu = self.createStandardContextMenu(event.pos())
        menu.addSeparator()
        fill_marking_menu(menu.addMenu("Marking"), self, self.gutter)
        menu.exec(event.globalPos())
        menu.deleteLater()

    # -- size and place ----------------------------------------------------------------

    def open_over(self, cell: QRect) -> None:
        """Open over ``cell`` (the parent's coordinates) and fit the text."""
        self.cell = QRect(cell)
        self.fit()

    def fit(self) -> None:
        """Show up to ``MAX_LINES`` lines, downwards from the cell's top; upwards when the parent ends
        first; never beyond the parent (then the text scrolls)."""
        parent = self.parentWidget()
        if parent is None or not self.cell.isValid():
            return
        room = parent.rect()
        margins = self.viewportMargins()
        footer = self.hint.fontMetrics().horizontalAdvance(HINT) + self.marking.sizeHint().width() + 16
        width = max(self.cell.width(), margins.left() + char_width(self.fontMetrics()) * MIN_CHARS,
                    footer + 2 * self.frameWidth())
        width = min(width, room.width())
        left = max(room.left(), min(self.cell.left(), room.right() + 1 - width))
        text = self._text_height() + 2 * self.frameWidth() + margins.top() + margins.bottom()
        height = min(max(self.cell.height(), text), room.height())
        top = max(room.top(), min(self.cell.top(), room.bottom() + 1 - height))
        geometry = QRect(left, top, width, height)
        if geometry != self.geometry():
            self.setGeometry(geometry)

    def _text_height(self) -> int:
        """The height of the text's lines as laid out (one font: every line alike), up to ``MAX_LINES``."""
        lines = min(MAX_LINES, max(1, int(self.document().size().height())))
        layout = self.document().firstBlock().layout()
        line = layout.lineAt(0) if layout is not None and layout.lineCount() else None
        each = line.height() if line is not None and line.isValid() else self.fontMetrics().height()
        # (the last line has the margin below it too, and Qt wants one pixel more before it says "fits")
        return math.ceil(lines * each + 2 * self.document().documentMargin()) + 1

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._place_footer()

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:  # a scroll bar came or went: the footer stays beside it
            self._place_footer()
        return super().viewportEvent(event)

    def _place_footer(self) -> None:
        rect = self.contentsRect()
        high = self.viewportMargins().bottom()
        self.footer.setGeometry(rect.left(), rect.bottom() + 1 - high,
                                self.viewport().geometry().right() + 1 - rect.left(), high)
        self._fit_hint()

    def _fit_hint(self) -> None:
        room = self.footer.width() - self.marking.sizeHint().width() - 12
        if self.unknown.isVisible():
            room -= self.unknown.sizeHint().width()
        self.hint.setText(self.hint.fontMetrics().elidedText(HINT, Qt.TextElideMode.ElideRight, max(0, room)))
        self.hint.setToolTip(HINT)


class MarkdownCellDelegate(QStyledItemDelegate):
    """Cells of a multi-line Markdown field: shown on one line, edited in a ``MarkdownCellEditor``."""

    def __init__(self, name: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = name  # the editor's accessible name ("Outcome", "Action")

    def initStyleOption(self, option: QStyleOptionViewItem, index: Index) -> None:
        super().initStyleOption(option, index)
        text = index.data(Qt.ItemDataRole.EditRole)
        if isinstance(text, str):
            option.text = cell_line(text)  # type: ignore[attr-defined]

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        return MarkdownCellEditor(self.name, parent)

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        assert isinstance(editor, MarkdownCellEditor)
        text = index.data(Qt.ItemDataRole.EditRole) or ""
        if editor.document().isModified() or editor.toPlainText() == text:
            return  # what the user is typing is not overwritten by a refresh of the table
        editor.setPlainText(text)
        editor.moveCursor(QTextCursor.MoveOperation.End)  # typing goes on after the text
        editor.gutter.refresh()

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        assert isinstance(editor, MarkdownCellEditor)
        model.setData(index, editor.toPlainText(), Qt.ItemDataRole.EditRole)

    def updateEditorGeometry(self, editor: QWidget, option: QStyleOptionViewItem, index: Index) -> None:
        assert isinstance(editor, MarkdownCellEditor)
        editor.open_over(option.rect)  # type: ignore[attr-defined]

    def eventFilter(self, editor: QObject, event: QEvent) -> bool:
        """Ctrl+Enter writes the cell; Enter alone is the editor's line break. (Tab writes and goes
        on, Esc cancels and a click elsewhere writes, as in every cell.)"""
        if isinstance(editor, MarkdownCellEditor) and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                if not event.modifiers() & Qt.KeyboardModifier.ControlModifier:
                    return False
                return self._done(editor, Hint.NoHint)
            # (Qt leaves Tab to a plain-text editor, which would type it)
            if event.key() == Qt.Key.Key_Tab and not event.modifiers() & Qt.KeyboardModifier.ControlModifier:
                return self._done(editor, Hint.EditNextItem)
            if event.key() == Qt.Key.Key_Backtab:
                return self._done(editor, Hint.EditPreviousItem)
        return super().eventFilter(editor, event)

    def _done(self, editor: MarkdownCellEditor, hint: QStyledItemDelegate.EndEditHint) -> bool:
        self.commitData.emit(editor)
        self.closeEditor.emit(editor, hint)
        return True
