"""``NoteHistoryView``: an issue note's saved versions, each compared with the note now, restorable.

A window beside the main one (not modal): the versions on the left, newest
first (when, who, what changed); on the right, how the chosen version differs
from the note now, word by word (``ui.widgets.diff_text``), and "Restore this
version". Restoring is one step on the window's undo stack (Ctrl+Z takes it
back); what the user is still typing in the note is written first.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QListView,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from briefing.errors import NotFoundError
from briefing.notes.records import NoteRecord
from briefing.revisions.records import RevisionRecord
from ui.context import AppContext
from ui.history.commands import RestoreRevisionCommand
from ui.models.revisions_list import VALUE_LABELS, RevisionsListModel, when
from ui.undo.command import Outcome
from ui.widgets.char_width import char_width
from ui.widgets.diff_text import DiffFormats, new_paragraph, write_runs
from ui.widgets.safe_browser import SafeTextBrowser
from ui.widgets.side_window import SideWindow

LEGEND = ("Struck through: in the version chosen, not in the note now \u00b7 "
          "Underlined: in the note now, not in that version")


class NoteHistoryView(SideWindow):
    """The history of the note ``note_id``; ``flush`` writes what is being typed in it."""

    def __init__(self, ctx: AppContext, note_id: int, flush: Callable[[], object],
                 parent: QWidget | None = None) -> None:
        super().__init__("Issue note \u2014 history", parent=parent)
        self.ctx = ctx
        self.note_id = note_id
        self.flush = flush
        self.note: NoteRecord | None = None
        self.model = RevisionsListModel(self)
        self._build()
        ctx.events.sig_notes_changed.connect(self._on_notes_changed)
        self.reload()
        self.select_row(0)

    def _build(self) -> None:
        self.list = QListView(self)
        self.list.setModel(self.model)
        self.list.setAccessibleName("Saved versions")
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list.setSpacing(2)
        self.list.setWordWrap(True)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.selectionModel().currentRowChanged.connect(lambda *_: self.show_diff())
        self.comparing = QLabel(self)
        self.comparing.setWordWrap(True)
        self.comparing.setTextFormat(Qt.TextFormat.PlainText)
        legend = QLabel(LEGEND, self)
        legend.setWordWrap(True)
        self.browser = SafeTextBrowser(self)
        self.browser.setAccessibleName("Differences from the note now")
        self.restore_button = QPushButton("&Restore this version", self)
        self.restore_button.setToolTip("Make the note read as this version again (Undo takes it back)")
        self.restore_button.clicked.connect(self.restore)
        right = QWidget(self)
        column = QVBoxLayout(right)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.comparing)
        column.addWidget(legend)
        column.addWidget(self.browser, 1)
        column.addWidget(self.restore_button, 0, Qt.AlignmentFlag.AlignRight)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.list)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 1)
        self.body.addWidget(splitter, 1)
        width = char_width(self.fontMetrics())
        splitter.setSizes([width * 40, width * 100])
        self.resize_to_text(150, 40)

    # -- showing ---------------------------------------------------------------------

    def reload(self) -> None:
        """Read the note and its versions again; the version chosen stays chosen."""
        chosen = self.revision()
        try:
            self.note = self.ctx.services.notes.get(self.note_id)
            revisions = self.ctx.services.history.revisions(self.note_id)
        except NotFoundError:
            self.note, revisions = None, []
        self.setWindowTitle(f"{self.note.issue_title if self.note else 'Issue note'} \u2014 history")
        self.model.set_revisions(revisions)
        if chosen is not None and self.model.row_of(chosen.id) >= 0:
            self.select_row(self.model.row_of(chosen.id))
        self.show_diff()

    def revision(self) -> RevisionRecord | None:
        """The version chosen in the list."""
        return self.model.revision(self.list.currentIndex().row())

    def select_row(self, row: int) -> None:
        if 0 <= row < self.model.rowCount():
            self.list.selectionModel().setCurrentIndex(
                self.model.index(row), QItemSelectionModel.SelectionFlag.ClearAndSelect)

    def show_diff(self) -> None:
        """How the chosen version differs from the note now."""
        revision = self.revision()
        self.browser.clear()
        cursor = QTextCursor(self.browser.document())
        formats = DiffFormats(self)
        differs = False
        if self.note is None:
            self.comparing.setText("This note is no longer there (it was deleted).")
        elif revision is None:
            self.comparing.setText("No saved versions yet: every save of the note from now on is kept here.")
        else:
            self.comparing.setText(f"The version of {when(revision.saved_at)} compared with the note now")
            sections, values = self.ctx.services.history.diff(revision.id)
            differs = bool(sections or values)
            for value in values:
                label = VALUE_LABELS.get(value.field, value.field)
                cursor.insertText(f"{label}: ", formats.heading)
                cursor.insertText(value.old or "(none)", formats.deleted)
                cursor.insertText(" \u2192 ", formats.plain)
                cursor.insertText(value.new or "(none)", formats.inserted)
                new_paragraph(cursor)
            for change in sections:
                new_paragraph(cursor, space_above=8)
                cursor.insertText(change.heading, formats.heading)
                new_paragraph(cursor)
                write_runs(cursor, change.runs, formats)
            if not differs:
                cursor.insertText("This version reads exactly as the note does now.", formats.empty)
        self.restore_button.setEnabled(differs)
        self.browser.moveCursor(QTextCursor.MoveOperation.Start)

    def _on_notes_changed(self, _meeting_id: int) -> None:
        if self.isVisible():
            self.reload()

    # -- restoring -------------------------------------------------------------------

    def restore(self) -> None:
        """Write what is being typed, then put the chosen version back (one undo step)."""
        revision = self.revision()
        if revision is None:
            return
        self.flush()
        current = self.ctx.services.notes.get(self.note_id)
        label = when(revision.saved_at)

        def done(outcome: Outcome) -> None:  # once the store has answered
            if outcome.ok:
                self.ctx.status.info(f"Restored the version of {label}. Undo (Ctrl+Z) takes it back.")

        self.ctx.undo_stack.push(RestoreRevisionCommand(self.ctx, revision, current, label, done))
        self.reload()
