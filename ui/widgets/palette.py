"""Colours derived from the palette, so that light and dark themes both read well."""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette


def is_dark(palette: QPalette) -> bool:
    """True when the window background is dark (a dark theme)."""
    return palette.color(QPalette.ColorRole.Window).lightnessF() < 0.5


def warning_colour(palette: QPalette) -> QColor:
    """A red that stands out on the palette's background (Qt's palette has no warning role)."""
    return QColor("#ff8a80") if is_dark(palette) else QColor("#b3261e")


def muted_colour(palette: QPalette) -> QColor:
    """Secondary text: the placeholder colour of the style."""
    return palette.color(QPalette.ColorRole.PlaceholderText)
