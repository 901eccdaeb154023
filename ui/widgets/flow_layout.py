"""``FlowLayout``: widgets in a row that wraps onto the next line when the row is too narrow.

A bar of buttons or small fields laid out with it needs only the width of its widest
widget, so a panel that holds one stays narrow enough for a laptop screen with the Book
preview open; at full width it reads as one row. Qt's own "Flow Layout" example, with
two additions: a widget whose horizontal size policy expands (a text field) takes what
is left of its line, and ``align_right`` packs the lines to the right (a button bar's
usual place).
"""

from __future__ import annotations

from PySide6.QtCore import QMargins, QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import QHBoxLayout, QLayout, QLayoutItem, QSizePolicy, QStyle, QWidget


class FlowLayout(QLayout):
    """Lay widgets left to right (or packed to the right), wrapping to a new line as needed."""

    def __init__(self, parent: QWidget | None = None, *, align_right: bool = False) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self.align_right = align_right
        self.setContentsMargins(QMargins(0, 0, 0, 0))

    # -- the QLayout contract --------------------------------------------------------

    def addItem(self, item: QLayoutItem) -> None:  # noqa: N802 - Qt's name
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:  # noqa: N802 - Qt's name
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:  # noqa: N802 - Qt's name
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:  # noqa: N802 - Qt's name
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:  # noqa: N802 - Qt's name
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802 - Qt's name
        return self._lay_out(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:  # noqa: N802 - Qt's name
        super().setGeometry(rect)
        self._lay_out(rect, move=True)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        """Every item on one line."""
        visible = [item for item in self._items if not item.isEmpty()]
        width = sum(item.sizeHint().width() for item in visible)
        width += self._gap() * max(0, len(visible) - 1)
        height = max((item.sizeHint().height() for item in visible), default=0)
        margins = self.contentsMargins()
        return QSize(width + margins.left() + margins.right(), height + margins.top() + margins.bottom())

    def minimumSize(self) -> QSize:  # noqa: N802 - Qt's name
        """The widest item: the rest wraps."""
        size = QSize()
        for item in self._items:
            if not item.isEmpty():
                size = size.expandedTo(item.minimumSize())
        margins = self.contentsMargins()
        return size + QSize(margins.left() + margins.right(), margins.top() + margins.bottom())

    # -- laying out ------------------------------------------------------------------

    def _gap(self) -> int:
        if self.spacing() >= 0:
            return self.spacing()
        parent = self.parentWidget()
        style = parent.style() if parent is not None else None
        if style is None:
            return 6
        return style.layoutSpacing(QSizePolicy.ControlType.PushButton, QSizePolicy.ControlType.PushButton,
                                   Qt.Orientation.Horizontal) or style.pixelMetric(
            QStyle.PixelMetric.PM_LayoutHorizontalSpacing)

    def _lines(self, width: int) -> list[list[tuple[QLayoutItem, QSize]]]:
        """The visible items, line by line, as they fit in ``width``."""
        gap = self._gap()
        lines: list[list[tuple[QLayoutItem, QSize]]] = [[]]
        used = 0
        for item in self._items:
            if item.isEmpty():
                continue
            hint = item.sizeHint().boundedTo(QSize(width, item.sizeHint().height())).expandedTo(
                item.minimumSize())
            if lines[-1] and used + gap + hint.width() > width:
                lines.append([])
                used = 0
            used += (gap if lines[-1] else 0) + hint.width()
            lines[-1].append((item, hint))
        return lines

    def _lay_out(self, rect: QRect, *, move: bool) -> int:
        """Place the items in ``rect`` (when ``move``); the height they take."""
        margins = self.contentsMargins()
        area = rect.adjusted(margins.left(), margins.top(), -margins.right(), -margins.bottom())
        gap = self._gap()
        y = area.y()
        lines = self._lines(max(1, area.width()))
        for number, line in enumerate(lines):
            if not line:
                continue
            height = max(hint.height() for _item, hint in line)
            width = sum(hint.width() for _item, hint in line) + gap * (len(line) - 1)
            spare = max(0, area.width() - width)
            growing = [item for item, _hint in line if _expands(item)]
            x = area.x() + (spare if self.align_right and not growing else 0)
            for item, hint in line:
                size = QSize(hint)
                if growing and item is growing[0]:
                    size.setWidth(hint.width() + spare)
                if move:
                    top = y + (height - size.height()) // 2
                    item.setGeometry(QRect(QPoint(x, top), size))
                x += size.width() + gap
            y += height + (gap if number < len(lines) - 1 else 0)
        return y - rect.y() + margins.bottom()


def _expands(item: QLayoutItem) -> bool:
    widget = item.widget()
    return widget is not None and Qt.Orientation.Horizontal in widget.sizePolicy().expandingDirections()


def labelled(label: QWidget, field: QWidget, parent: QWidget) -> QWidget:
    """A label and its field kept together on one line of a ``FlowLayout``."""
    pair = QWidget(parent)
    layout = QHBoxLayout(pair)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(label)
    layout.addWidget(field, 1)
    pair.setSizePolicy(field.sizePolicy().horizontalPolicy(), QSizePolicy.Policy.Preferred)
    return pair
