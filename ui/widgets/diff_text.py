"""Two versions of a text with the changes marked: struck through (gone) and underlined (new).

Written into a ``QTextDocument`` with ``QTextCursor`` and character formats, so
nothing the user typed is ever parsed as markup. Used by the previous-round
view, the conflict dialog and the unclean-exit bar.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtGui import QColor, QFont, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QWidget

from briefing.diff import DELETE, EQUAL, INSERT, DiffRun
from ui.widgets.palette import is_dark, muted_colour


class DiffFormats:
    """The character formats of a comparison, from the palette (light or dark)."""

    def __init__(self, widget: QWidget) -> None:
        dark = is_dark(widget.palette())
        self.plain = QTextCharFormat()
        self.heading = QTextCharFormat()
        self.heading.setFontWeight(QFont.Weight.Bold)
        self.heading.setFontPointSize(widget.font().pointSizeF() * 1.15)
        self.state = QTextCharFormat()
        self.state.setForeground(muted_colour(widget.palette()))
        self.empty = QTextCharFormat(self.state)
        self.empty.setFontItalic(True)
        self.deleted = QTextCharFormat()
        self.deleted.setFontStrikeOut(True)
        self.deleted.setBackground(QColor(255, 80, 80, 90 if dark else 55))
        self.inserted = QTextCharFormat()
        self.inserted.setFontUnderline(True)
        self.inserted.setBackground(QColor(60, 200, 90, 90 if dark else 60))


def write_runs(cursor: QTextCursor, runs: Sequence[DiffRun], leave_out: str | None,
               formats: DiffFormats, empty: str = "(empty)") -> None:
    """The runs at ``cursor``, changes marked; runs of kind ``leave_out`` are left out, so that
    ``DELETE`` gives the new version, ``INSERT`` the old one and None both, interleaved."""
    shown = [run for run in runs if run.kind != leave_out]
    if not shown:
        cursor.insertText(empty, formats.empty)
    marked = {EQUAL: formats.plain, DELETE: formats.deleted, INSERT: formats.inserted}
    for run in shown:
        cursor.insertText(run.text, marked[run.kind])

