"""Open a tab of the workspace as a user does: the window active (so focus moves), the tab shown."""

from __future__ import annotations


def show_tab(qtbot, window, title: str):
    """Activate ``window`` and switch to the tab ``title``; returns its panel."""
    with qtbot.waitActive(window):
        window.activateWindow()
    tabs = window.workspace.tabs
    titles = [tabs.tabText(i).replace("&", "") for i in range(tabs.count())]
    tabs.setCurrentIndex(titles.index(title))
    return window.workspace.panel(title)
