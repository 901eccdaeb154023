"""The window's status bar: the save state on the left, the open meeting's agenda total on the right."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QStatusBar, QWidget

from ui.status import StatusReporter
from ui.widgets.char_width import char_width
from ui.widgets.palette import warning_colour


class BriefbookStatusBar(QStatusBar):
    """Shows what ``StatusReporter`` says; a problem stays until the next message."""

    def __init__(self, reporter: StatusReporter, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = QLabel(self)
        self.state.setAccessibleName("Save state")
        self.summary = QLabel(self)
        margin = char_width(self.fontMetrics())
        for label in (self.state, self.summary):
            label.setContentsMargins(margin, 0, margin, 0)
            label.setTextFormat(Qt.TextFormat.PlainText)
        self.addWidget(self.state, 1)
        self.addPermanentWidget(self.summary)
        reporter.sig_message.connect(self.show_state)

    def show_state(self, text: str, problem: bool) -> None:
        self.state.setText(text)
        colour = warning_colour(self.palette()).name() if problem else ""
        self.state.setStyleSheet(f"color: {colour}" if colour else "")

    def set_summary(self, text: str) -> None:
        self.summary.setText(text)
