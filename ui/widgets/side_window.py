"""``SideWindow``: a window beside the main one (not modal) — a legend, its content, and Close.

The previous round, a note's history, an issue's timeline and the changes since
the last round are each one: the user keeps typing in the main window while
they are open.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from ui.widgets.char_width import char_width
from ui.widgets.heading import heading_label


def beside(anchor: QRect, size: QSize, room: QRect) -> QPoint:
    """Where a window of ``size`` goes next to ``anchor`` within ``room`` (the screen): to its
    right if it fits, else to its left, else over the side of ``anchor`` with more room."""
    room_right, room_bottom = room.x() + room.width(), room.y() + room.height()  # (exclusive)
    anchor_right = anchor.x() + anchor.width()
    top = max(room.y(), min(anchor.y(), room_bottom - size.height()))
    if anchor_right + size.width() <= room_right:
        return QPoint(anchor_right, top)
    if anchor.x() - size.width() >= room.x():
        return QPoint(anchor.x() - size.width(), top)
    middle = anchor.x() + anchor.width() // 2
    x = room_right - size.width() if room_right - middle >= middle - room.x() else room.x()
    return QPoint(max(room.x(), x), top)


class SideWindow(QDialog):
    """A ``heading`` (if any), the ``legend`` (if any), then ``body`` (a vertical layout to add the
    content to), then Close."""

    def __init__(self, title: str, legend: str = "", parent: QWidget | None = None, *,
                 heading: str = "") -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.heading = heading_label(self)
        self.heading.setText(heading)
        self.heading.setVisible(bool(heading))
        self.legend = QLabel(legend, self)
        self.legend.setWordWrap(True)
        self.legend.setVisible(bool(legend))
        self.body = QVBoxLayout()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.legend)
        layout.addLayout(self.body, 1)
        layout.addWidget(buttons)

    def show_beside(self, anchor: QWidget) -> None:
        """Show the window next to ``anchor``'s window without taking the keyboard from it: the
        user goes on typing where they were."""
        main = anchor.window()
        screen = main.screen().availableGeometry()
        self.resize(self.size().boundedTo(screen.size()))
        self.move(beside(main.frameGeometry(), self.frameGeometry().size(), screen))
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
        self.show()

    def resize_to_text(self, columns: int, lines: int) -> None:
        """Room for ``columns`` average characters across and ``lines`` lines down."""
        metrics = self.fontMetrics()
        self.resize(char_width(metrics) * columns, metrics.lineSpacing() * lines)
