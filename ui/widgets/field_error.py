"""The message shown next to a field whose value could not be saved."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from ui.widgets.palette import warning_colour


class FieldError(QWidget):
    """A warning icon and a short message; hidden while there is nothing to say."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.icon = QLabel(self)
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setStyleSheet(f"color: {warning_colour(self.palette()).name()}")
        layout.addWidget(self.icon, 0, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.label, 1)
        self.message = ""
        self.hide()

    def show_message(self, message: str | None) -> None:
        """Show ``message``, or hide when it is None or empty."""
        self.message = message or ""
        if self.message and self.icon.pixmap().isNull():  # the style's icon, made when first needed
            from PySide6.QtWidgets import QStyle  # (its Python type costs ~20 ms to make)

            size = self.style().pixelMetric(QStyle.PixelMetric.PM_SmallIconSize)
            self.icon.setPixmap(self.style().standardIcon(
                QStyle.StandardPixmap.SP_MessageBoxWarning).pixmap(size, size))
        self.label.setText(self.message)
        self.setVisible(bool(self.message))


def with_error(editor: QWidget, error: FieldError, parent: QWidget) -> QWidget:
    """``editor`` with ``error`` right under it, as one form field (focus goes to the editor)."""
    box = QWidget(parent)
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(2)
    layout.addWidget(editor)
    layout.addWidget(error)
    box.setFocusProxy(editor)
    return box
