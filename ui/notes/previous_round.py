"""``PreviousRoundView``: the same issue's note last round beside this round's, with the changes marked.

One table, a row per section, so that the two versions stay side by side as the
view scrolls: the previous text on the left with what was removed struck
through, this round's on the right with what is new underlined (and both
tinted; ``ui.widgets.diff_text``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QTextCursor, QTextLength, QTextTableFormat
from PySide6.QtWidgets import QWidget

from briefing.meetings.records import MeetingRecord
from briefing.notes.records import NoteRecord
from briefing.revisions.changes import section_changes, value_changes
from briefing.revisions.diff import DELETE, EQUAL, INSERT, DiffRun
from briefing.vocabulary import NOTE_SECTIONS
from ui.timefmt import in_zone, short_date
from ui.widgets.diff_text import DiffFormats, write_runs
from ui.widgets.safe_browser import SafeTextBrowser
from ui.widgets.side_window import SideWindow

if TYPE_CHECKING:
    from briefing.services import Services

LEGEND = "Struck through: no longer in this round's note · Underlined: new in this round"
#: How a section changed, in the view's words (``SectionChange.kind`` → label).
STATES = {"added": "new", "removed": "removed", "changed": "changed"}


def fill_comparison(cursor: QTextCursor, previous: NoteRecord, current: NoteRecord,
                    labels: tuple[str, str], formats: DiffFormats) -> None:
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
    for value in value_changes(previous, current):
        label = value.field.capitalize()
        row = _append_row(table)
        for column, text, fmt in ((0, value.old, formats.deleted), (1, value.new, formats.inserted)):
            table.cellAt(row, column).firstCursorPosition().insertText(f"{label}: {text or '—'}", fmt)
    changes = {change.field: change for change in section_changes(previous, current)}
    for field, heading in NOTE_SECTIONS:
        change = changes.get(field)
        text = previous.section(field)
        runs = change.runs if change else ((DiffRun(EQUAL, text),) if text else ())
        row = _append_row(table)
        table.mergeCells(row, 0, 1, 2)
        head = table.cellAt(row, 0).firstCursorPosition()
        head.insertText(heading, formats.heading)
        head.insertText(f"  ({STATES[change.kind] if change else 'unchanged'})", formats.state)
        row = _append_row(table)
        write_runs(table.cellAt(row, 0).firstCursorPosition(), runs, formats, INSERT)
        write_runs(table.cellAt(row, 1).firstCursorPosition(), runs, formats, DELETE)


def round_label(meeting: MeetingRecord, which: str) -> str:
    """``This round — Round 1 · <title> · 7 Feb 2022``: whose version of the note a column shows."""
    when = short_date(in_zone(meeting.starts_at, meeting.timezone))
    name = f"Round {meeting.round_no}" if meeting.round_no else "Launch"
    return f"{which} — {name} · {meeting.title} · {when}"


def _append_row(table) -> int:
    table.appendRows(1)
    return table.rows() - 1


class PreviousRoundView(SideWindow):
    """A window beside the main one (not modal): last round's note and this round's, compared."""

    def __init__(self, previous: NoteRecord, current: NoteRecord, labels: tuple[str, str],
                 parent: QWidget | None = None) -> None:
        super().__init__(f"{current.issue_title} — compared with the previous round", LEGEND, parent)
        self.browser = SafeTextBrowser(self)
        self.browser.setAccessibleName("Previous round and this round, compared")
        self.browser.setOpenLinks(False)
        fill_comparison(QTextCursor(self.browser.document()), previous, current, labels, DiffFormats(self))
        self.browser.moveCursor(QTextCursor.MoveOperation.Start)
        self.body.addWidget(self.browser, 1)
        self.resize_to_text(150, 40)

    @classmethod
    def for_note(cls, services: Services, note_id: int,
                 parent: QWidget | None = None) -> PreviousRoundView | None:
        """The view of a note against its predecessor, as stored (None when it has none)."""
        previous = services.notes.previous(note_id)
        if previous is None:
            return None
        current = services.notes.get(note_id)
        labels = (round_label(services.meetings.get(previous.meeting_id), "Previous round"),
                  round_label(services.meetings.get(current.meeting_id), "This round"))
        return cls(previous, current, labels, parent)

    def text(self) -> str:
        """Everything the view shows, as plain text (both columns)."""
        return self.browser.toPlainText()
