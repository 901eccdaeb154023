"""Open a tab of the workspace as a user does: the window active (so focus moves), the tab shown."""

from __future__ import annotations


def show_tab(qtbot, window, title: str):
    """Activate ``window`` and switch to the tab ``title``; returns its panel."""
    with qtbot.waitActive(window):
        window.activateWindow()
    panel = window.workspace.panel(title)
    window.workspace.tabs.setCurrentWidget(panel)
    return panel
