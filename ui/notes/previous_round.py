"""``PreviousRoundView``: the same issue's note last round beside this round's, with the changes marked.

One table, a row per section, so that the two versions stay side by side as the
view scrolls: the previous text on the left with what was removed struck
through, this round's on the right with what is new underlined (and both
tinted). The document is built with ``QTextCursor``: nothing the user typed is
ever parsed as markup.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QFont, QTextCharFormat, QTextCursor, QTextLength, QTextTableFormat
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from briefing.diff import DELETE, EQUAL, INSERT, word_diff
from briefing.records import NoteRecord
from briefing.vocabulary import NOTE_SECTIONS
from ui.widgets.palette import is_dark, muted_colour
from ui.widgets.safe_browser import SafeTextBrowser

LEGEND = "Struck through: no longer in this round's note · Underlined: new in this round"
VALUE_FIELDS = (("status", "Status"), ("priority", "Priority"), ("owner", "Owner"))


def section_state(old: str, new: str) -> str:
    """How a section changed, in words: "unchanged", "new", "removed" or "changed"."""
    if old == new:
        return "unchanged"
    if not old:
        return "new"
    return "removed" if not new else "changed"


class _Formats:
    """The character formats of the comparison, from the palette (light or dark)."""

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


def fill_comparison(cursor: QTextCursor, previous: NoteRecord, current: NoteRecord,
                    labels: tuple[str, str], formats: _Formats) -> None:
    """Write the two versions into the document at ``cursor``, one table row per section."""
    table_format = QTextTableFormat()
    table_format.setWidth(QTextLength(QTextLength.Type.PercentageLength, 100))
    table_format.setColumnWidthConstraints([QTextLength(QTextLength.Type.PercentageLength, 50)] * 2)
    table_format.setCellPadding(6)
    table_format.setCellSpacing(0)
    table_format.setBorder(0)
    table = cursor.insertTable(1, 2, table_format)
    for column, label in enumerate(labels):
        table.cellAt(0, column).firstCursorPosition().insertText(label, formats.heading)
    changed = [(label, getattr(previous, f), getattr(current, f)) for f, label in VALUE_FIELDS
               if getattr(previous, f) != getattr(current, f)]
    for label, old, new in changed:
        row = _append_row(table)
        table.cellAt(row, 0).firstCursorPosition().insertText(f"{label}: {old or '—'}", formats.deleted)
        table.cellAt(row, 1).firstCursorPosition().insertText(f"{label}: {new or '—'}", formats.inserted)
    for field, heading in NOTE_SECTIONS:
        old, new = previous.section(field), current.section(field)
        row = _append_row(table)
        table.mergeCells(row, 0, 1, 2)
        head = table.cellAt(row, 0).firstCursorPosition()
        head.insertText(heading, formats.heading)
        head.insertText(f"  ({section_state(old, new)})", formats.state)
        row = _append_row(table)
        _write_runs(table.cellAt(row, 0).firstCursorPosition(), old, new, INSERT, formats)
        _write_runs(table.cellAt(row, 1).firstCursorPosition(), old, new, DELETE, formats)


def _append_row(table) -> int:
    table.appendRows(1)
    return table.rows() - 1


def _write_runs(cursor: QTextCursor, old: str, new: str, leave_out: str, formats: _Formats) -> None:
    """One side of a section: every run but those of kind ``leave_out``, changes marked."""
    if not (old if leave_out == INSERT else new):
        cursor.insertText("(empty)", formats.empty)
        return
    marked = {EQUAL: formats.plain, DELETE: formats.deleted, INSERT: formats.inserted}
    for run in word_diff(old, new):
        if run.kind != leave_out:
            cursor.insertText(run.text, marked[run.kind])


class PreviousRoundView(QDialog):
    """A window beside the main one (not modal): last round's note and this round's, compared."""

    def __init__(self, previous: NoteRecord, current: NoteRecord, labels: tuple[str, str],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"{current.issue_title} — compared with the previous round")
        self.browser = SafeTextBrowser(self)
        self.browser.setAccessibleName("Previous round and this round, compared")
        self.browser.setOpenLinks(False)
        fill_comparison(QTextCursor(self.browser.document()), previous, current, labels, _Formats(self))
        self.browser.moveCursor(QTextCursor.MoveOperation.Start)
        legend = QLabel(LEGEND, self)
        legend.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(legend)
        layout.addWidget(self.browser, 1)
        layout.addWidget(buttons)
        metrics = self.fontMetrics()
        self.resize(metrics.averageCharWidth() * 150, metrics.lineSpacing() * 40)

    def text(self) -> str:
        """Everything the view shows, as plain text (both columns)."""
        return self.browser.toPlainText()
