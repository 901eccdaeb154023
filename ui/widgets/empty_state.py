"""An empty state: a short headline, what to do next, and optionally the button that does it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from ui.widgets.palette import muted_colour


class EmptyState(QWidget):
    """Shown where a list or a tab has nothing yet: says what to do instead of staying blank."""

    def __init__(self, headline: str, hint: str, action: QAction | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        self.headline = QLabel(headline, self)
        font = self.headline.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.headline.setFont(font)
        self.headline.setWordWrap(True)  # a long headline wraps rather than widen its panel
        self.hint = QLabel(hint, self)
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet(f"color: {muted_colour(self.palette()).name()}")
        for label in (self.headline, self.hint):
            label.setAlignment(Qt.AlignmentFlag.AlignHCenter)
            label.setTextFormat(Qt.TextFormat.PlainText)
            layout.addWidget(label)
        self.button: QPushButton | None = None
        if action is not None:
            self.button = QPushButton(action.text().replace("&", ""), self)
            self.button.clicked.connect(action.trigger)
            layout.addWidget(self.button, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)

    def set_text(self, headline: str, hint: str) -> None:
        self.headline.setText(headline)
        self.hint.setText(hint)


class PlaceholderPanel(EmptyState):
    """A tab whose editor is not built yet: keeps the panel contract and says so plainly."""

    def __init__(self, headline: str, hint: str, parent: QWidget | None = None) -> None:
        super().__init__(headline, hint, parent=parent)
        self.meeting_id: int | None = None

    def set_meeting(self, meeting_id: int | None) -> None:
        self.meeting_id = meeting_id

    def flush(self) -> None:
        """Nothing is ever typed here."""
