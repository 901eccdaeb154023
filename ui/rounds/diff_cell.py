"""``DiffCellDelegate``: a table cell whose text changed since the last round, drawn with only the
changed words marked (struck through and tinted: removed; underlined and tinted: new).

The model gives the cell's word diff under ``RUNS_ROLE``; a cell without one is
drawn as usual. The text is laid out by a ``QTextDocument`` written with
``ui.widgets.diff_text`` (nothing typed is read as markup).
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSize
from PySide6.QtGui import QAbstractTextDocumentLayout, QPainter, QPalette, QTextCursor, QTextDocument
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from ui.models.timeline_table import CHANGED, RUNS_ROLE
from ui.widgets.diff_text import DiffFormats, write_runs

Index = QModelIndex | QPersistentModelIndex


class DiffCellDelegate(QStyledItemDelegate):
    """Draws ``RUNS_ROLE`` cells as ``CHANGED`` then the new text with the changed words marked."""

    def __init__(self, view: QWidget) -> None:
        super().__init__(view)
        self.formats = DiffFormats(view)

    def document(self, index: Index, width: float) -> QTextDocument | None:
        """The cell's marked text laid out ``width`` wide (None: not a changed text)."""
        runs = index.data(RUNS_ROLE)
        if not runs:
            return None
        document = QTextDocument()
        document.setDocumentMargin(2)
        document.setTextWidth(max(width, 10.0))
        cursor = QTextCursor(document)
        cursor.insertText(CHANGED + "\n", self.formats.state)
        write_runs(cursor, runs, self.formats)
        return document

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        document = self.document(index, option.rect.width())
        if document is None:
            super().paint(painter, option, index)
            return
        self.initStyleOption(option, index)
        option.text = ""
        style = option.widget.style() if option.widget else QStyle()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, option.widget)
        context = QAbstractTextDocumentLayout.PaintContext()
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        context.palette.setColor(QPalette.ColorRole.Text, option.palette.color(
            QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text))
        painter.save()
        painter.translate(option.rect.topLeft())
        painter.setClipRect(0, 0, option.rect.width(), option.rect.height())
        document.documentLayout().draw(painter, context)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        width = option.rect.width() if option.rect.width() > 0 else 300
        document = self.document(index, width)
        if document is None:
            return super().sizeHint(option, index)
        return QSize(int(document.idealWidth()), int(document.size().height()) + 1)
