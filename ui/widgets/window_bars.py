"""``WindowBars``: the window's message bars, stacked above the workspace; no room when there are none.

Kept apart from ``MessageBar`` so that the window can hold the stack without
loading the bars (``QStyle``'s Python type alone costs tens of milliseconds).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QVBoxLayout, QWidget

if TYPE_CHECKING:
    from ui.widgets.message_bar import MessageBar


class WindowBars(QWidget):
    """The bars shown at the top of the window, in the order they were added."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.stack = QVBoxLayout(self)
        self.stack.setContentsMargins(0, 0, 0, 0)
        self.hide()

    def add(self, bar: MessageBar) -> MessageBar:
        """Show ``bar`` under those already shown."""
        self.stack.addWidget(bar)
        bar.sig_closed.connect(self._update)
        self.show()
        return bar

    def bars(self) -> list[MessageBar]:
        """The bars still shown."""
        found = (self.stack.itemAt(i).widget() for i in range(self.stack.count()))
        return [bar for bar in found if bar is not None and not bar.isHidden()]  # type: ignore[misc]

    def _update(self) -> None:
        self.setVisible(bool(self.bars()))
