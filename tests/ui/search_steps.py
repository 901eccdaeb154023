"""Searching as a user does: Ctrl+K, type, wait for the results, Enter."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.ui.typing import type_into


def open_search(qtbot, window):
    """Press Ctrl+K in the window; returns the popup."""
    with qtbot.waitActive(window):
        window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    popup = window.search_popup
    qtbot.waitUntil(popup.isVisible)
    return popup


def search_for(qtbot, popup, text: str):
    """Type ``text`` over the query and wait until its results are listed."""
    popup.field.selectAll()
    with qtbot.waitSignal(popup.runner.sig_results, timeout=5000):
        type_into(qtbot, popup.field, text)
    qtbot.waitUntil(lambda: not popup.runner.waiting)
    return popup.model.results


def shown_hits(popup) -> list:
    return [popup.model.hit(r) for r in range(popup.model.rowCount()) if popup.model.hit(r)]
