"""Edit → Q&A bank…: ``connect_qa_bank`` wires the action to the window, which is built (and its
module imported) the first time it is asked for, not at start-up."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget

from ui.context import AppContext

if TYPE_CHECKING:
    from ui.qa.window import QaWindow


def connect_qa_bank(ctx: AppContext, action: QAction, flush: Callable[[], None],
                    parent: QWidget) -> Callable[[], QaWindow]:
    """Connect ``action``; returns the function that shows the window (what is typed is written first)."""
    windows: list[QaWindow] = []

    def show() -> QaWindow:
        flush()
        if not windows:
            from ui.qa.window import QaWindow

            windows.append(QaWindow(ctx, parent))
        window = windows[0]
        window.show()
        window.raise_()
        window.activateWindow()
        return window

    action.triggered.connect(show)
    return show
