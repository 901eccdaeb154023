"""``SideWindow``: a window beside the main one (not modal) — a legend, its content, and Close.

The previous round, a note's history, an issue's timeline and the changes since
the last round are each one: the user keeps typing in the main window while
they are open.
"""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from ui.widgets.heading import heading_label


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

    def resize_to_text(self, columns: int, lines: int) -> None:
        """Room for ``columns`` average characters across and ``lines`` lines down."""
        metrics = self.fontMetrics()
        self.resize(metrics.averageCharWidth() * columns, metrics.lineSpacing() * lines)
