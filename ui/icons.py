"""Icons: the platform theme's where one fits, else the small SVGs in ``resources/icons``."""

from __future__ import annotations

from functools import cache
from importlib.resources import as_file, files

from PySide6.QtGui import QIcon

APP_ICON = "briefbook.svg"

#: Our icon name → the freedesktop theme name tried first.
THEME_NAMES = {
    "add": "list-add",
    "delete": "edit-delete",
    "up": "go-up",
    "down": "go-down",
    "new-meeting": "appointment-new",
    "next-round": "go-next",
}


def _resource(name: str) -> QIcon:
    with as_file(files("resources").joinpath("icons", name)) as path:
        return QIcon(str(path))


def app_icon() -> QIcon:
    """Briefbook's application and window icon."""
    return _resource(APP_ICON)


@cache
def icon(name: str) -> QIcon:
    """A named icon (``"add"``, ``"delete"``, ``"up"``…): the theme's, else ours."""
    return QIcon.fromTheme(THEME_NAMES.get(name, name), _resource(f"{name}.svg"))
