"""GUI fixtures: the real main window on a temp database, with a temp QSettings INI file.

``open_window()`` builds a window like the app does (its own services, context
and settings file); call it again after closing one to "restart" on the same
database. Autosave waits a minute unless a test asks for less, so tests decide
when typed text is written (focus out, flush, close) unless they test the pause.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings

from briefing.config import Config
from briefing.interchange.sample import load_sample
from briefing.services import Services

LONG_PAUSE_MS = 60_000


@pytest.fixture
def settings_file(tmp_path):
    return str(tmp_path / "briefbook-settings.ini")


@pytest.fixture
def open_window(qtbot, db_url, settings_file):
    from ui.app import build_window

    opened = []

    def open_(*, sample: bool = False, autosave_ms: int = LONG_PAUSE_MS):
        services = Services.open(db_url, Config(home_timezone="America/New_York"))
        if sample:
            load_sample(services.db, services.config)
        settings = QSettings(settings_file, QSettings.Format.IniFormat)
        window = build_window(services, settings, autosave_ms=autosave_ms)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        window.activateWindow()  # as the window manager does: focus goes somewhere
        qtbot.waitUntil(window.isActiveWindow)
        opened.append((window, services))
        return window

    yield open_
    for window, services in opened:
        if window.isVisible():
            window.close()
        services.close()


@pytest.fixture
def window(open_window):
    """The window on a store holding the sample meetings."""
    return open_window(sample=True)


@pytest.fixture
def store(db_url):
    """A second connection to the test database, to check what was really written."""
    services = Services.open(db_url, Config(home_timezone="America/New_York"))
    yield services
    services.close()
