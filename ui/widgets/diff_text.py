"""Writing a word-level diff (``briefing.revisions.diff`` runs) into a ``QTextDocument``, changes marked.

What was removed is struck through, what is new is underlined, and both are
tinted (red, green): readable without colour too. Everything is written with
``QTextCursor``: nothing the user typed is ever parsed as markup. The previous
round view, the note history and the changes since the last round all use it.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtGui import QColor, QFont, QTextBlockFormat, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QWidget

from briefing.revisions.diff import DELETE, EQUAL, INSERT, DiffRun
from ui.widgets.palette import is_dark, muted_colour


class DiffFormats:
    """The character formats of a comparison, from the palette (light or dark)."""

    def __init__(self, widget: QWidget) -> None:
        dark = is_dark(widget.palette())
        size = widget.font().pointSizeF()
        self.plain = QTextCharFormat()
        self.heading = QTextCharFormat()
        self.heading.setFontWeight(QFont.Weight.Bold)
        self.heading.setFontPointSize(size * 1.15)
        self.title = QTextCharFormat(self.heading)
        self.title.setFontPointSize(size * 1.35)
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

    def of(self, kind: str) -> QTextCharFormat:
        """The format of a run of ``kind`` (equal, insert, delete)."""
        return {EQUAL: self.plain, DELETE: self.deleted, INSERT: self.inserted}[kind]


def write_runs(cursor: QTextCursor, runs: Sequence[DiffRun], formats: DiffFormats,
               leave_out: str | None = None) -> None:
    """Write ``runs`` at ``cursor`` (all of them, or all but those of kind ``leave_out``), marked."""
    shown = [run for run in runs if run.kind != leave_out]
    if not shown:
        cursor.insertText("(empty)", formats.empty)
    for run in shown:
        cursor.insertText(run.text, formats.of(run.kind))


def new_paragraph(cursor: QTextCursor, space_above: float = 0.0) -> None:
    """Start a paragraph at ``cursor`` (``space_above`` in pixels), in plain text; at the very
    start of the document the first paragraph is used instead."""
    block = QTextBlockFormat()
    if cursor.position() == 0:
        cursor.setBlockFormat(block)
        cursor.setCharFormat(QTextCharFormat())
        return
    block.setTopMargin(space_above)
    cursor.insertBlock(block, QTextCharFormat())
