"""Icons shipped in ``resources/icons`` (read through importlib.resources)."""

from __future__ import annotations

from importlib.resources import as_file, files

from PySide6.QtGui import QIcon

APP_ICON = "briefbook.svg"


def app_icon() -> QIcon:
    """Briefbook's application and window icon."""
    with as_file(files("resources").joinpath("icons", APP_ICON)) as path:
        return QIcon(str(path))
