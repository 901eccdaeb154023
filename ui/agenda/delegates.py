"""Cell editors of the agenda table: pick a status or a library issue from a list; type minutes."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, QSize, Qt
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QComboBox,
    QSpinBox,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionSpinBox,
    QStyleOptionViewItem,
    QWidget,
)

Choices = Callable[[], Sequence[tuple[str, Any]]]


class ChoiceDelegate(QStyledItemDelegate):
    """A combo box of ``(label, value)`` choices; the value is what the model stores."""

    def __init__(self, choices: Choices, parent=None) -> None:
        super().__init__(parent)
        self.choices = choices

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem,
                     index: QModelIndex | QPersistentModelIndex) -> QWidget:
        combo = QComboBox(parent)
        for label, value in self.choices():
            combo.addItem(label, value)
        combo.activated.connect(lambda _i, c=combo: self._picked(c))
        return combo

    def setEditorData(self, editor: QWidget, index: QModelIndex | QPersistentModelIndex) -> None:
        assert isinstance(editor, QComboBox)
        editor.setCurrentIndex(max(0, editor.findData(index.data(Qt.ItemDataRole.EditRole))))

    def setModelData(self, editor: QWidget, model: QAbstractItemModel,
                     index: QModelIndex | QPersistentModelIndex) -> None:
        assert isinstance(editor, QComboBox)
        model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)

    def _picked(self, combo: QComboBox) -> None:
        # A pick is the end of the edit: write it and close, as a spreadsheet does.
        self.commitData.emit(combo)
        self.closeEditor.emit(combo, QStyledItemDelegate.EndEditHint.NoHint)


class MinutesDelegate(QStyledItemDelegate):
    """A spin box of whole minutes, wide enough for its largest value beside its arrows.

    The column asks this delegate for its width (``sizeHint``), so the editor that
    opens in a cell never hides digits behind its buttons ("30" never reads "300").
    """

    def __init__(self, maximum: int, parent=None) -> None:
        super().__init__(parent)
        self.maximum = maximum

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem,
                     index: QModelIndex | QPersistentModelIndex) -> QWidget:
        spin = QSpinBox(parent)
        spin.setRange(0, self.maximum)
        spin.setAccessibleName("Minutes")
        spin.setFrame(False)
        spin.setAutoFillBackground(True)  # the cell's own text must not show behind the arrows
        return spin

    def setEditorData(self, editor: QWidget, index: QModelIndex | QPersistentModelIndex) -> None:
        assert isinstance(editor, QSpinBox)
        editor.setValue(int(index.data(Qt.ItemDataRole.EditRole) or 0))

    def setModelData(self, editor: QWidget, model: QAbstractItemModel,
                     index: QModelIndex | QPersistentModelIndex) -> None:
        assert isinstance(editor, QSpinBox)
        editor.interpretText()
        model.setData(index, editor.value(), Qt.ItemDataRole.EditRole)

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        size = super().sizeHint(option, index)
        widget = option.widget  # type: ignore[attr-defined]
        if widget is not None:
            size.setWidth(max(size.width(), spin_box_width(widget, str(self.maximum))))
        return size

    def updateEditorGeometry(self, editor: QWidget, option: QStyleOptionViewItem,
                             index: QModelIndex | QPersistentModelIndex) -> None:
        rect = option.rect  # type: ignore[attr-defined]
        width = max(rect.width(), spin_box_width(editor, str(self.maximum)))
        editor.setGeometry(rect.x() + rect.width() - width, rect.y(), width, rect.height())


def spin_box_width(widget: QWidget, widest: str) -> int:
    """The width of a frameless spin box showing ``widest`` whole, from the style and the font."""
    option = QStyleOptionSpinBox()
    option.initFrom(widget)
    option.frame = False
    option.buttonSymbols = QAbstractSpinBox.ButtonSymbols.UpDownArrows
    option.subControls = (QStyle.SubControl.SC_SpinBoxEditField | QStyle.SubControl.SC_SpinBoxUp
                          | QStyle.SubControl.SC_SpinBoxDown)
    metrics = widget.fontMetrics()
    # The text, the text cursor and the line edit's own margins (Qt adds the same in QSpinBox).
    text = metrics.horizontalAdvance(widest + " ") + 2 * widget.style().pixelMetric(
        QStyle.PixelMetric.PM_DefaultFrameWidth)
    contents = QSize(text, metrics.height())
    return widget.style().sizeFromContents(QStyle.ContentsType.CT_SpinBox, option, contents, widget).width()
