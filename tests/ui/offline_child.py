"""What the child windows of the offline kill tests share (``tests/ui/offline_*_window.py``).

Each opens a real Briefbook window offscreen, says ``ready``, waits for the caller to cut the
store off, gives its changes, says what the journal holds once offline, and goes on retrying
until the caller SIGKILLs it.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from typing import Any

#: How long a child waits for what it expects (the window shown, offline) before it reports anyway.
PATIENCE_S = 60


def open_window(url: str, settings_path: str) -> tuple[Any, Any]:
    """The application and the window on ``url``, shown, as the app opens them (no backups)."""
    from PySide6.QtCore import QSettings

    from briefing.config import Config
    from briefing.services import Services
    from ui.app import build_window, make_application

    app = make_application([sys.argv[0]])
    services = Services.open(url, Config(home_timezone="America/New_York"), automatic_backups=False)
    window = build_window(services, QSettings(settings_path, QSettings.Format.IniFormat), autosave_ms=50)
    window.show()
    return app, window


def until(app: Any, done: Callable[[], bool], seconds: float = PATIENCE_S) -> None:
    """Let the window run until ``done()`` or ``seconds`` have passed."""
    deadline = time.monotonic() + seconds
    while not done() and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.02)


def retry_until_killed(app: Any) -> None:
    """Go on (retrying, offline) until the caller's SIGKILL."""
    while True:
        app.processEvents()
        time.sleep(0.02)
