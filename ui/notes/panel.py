"""``IssueNotesPanel``: the meeting's issue notes on the left (add, delete, reorder), the note on the right.

Opening a meeting reads the notes list (no section text) and the first note
only; another note's sections are read when it is selected.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from PySide6.QtCore import QEvent, QItemSelectionModel, Qt, QTimer
from PySide6.QtGui import QKeyEvent, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QListView,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from briefing.notes.records import NoteSummary
from ui.context import AppContext
from ui.models.notes_list import NotesListModel
from ui.notes.issue_picker import IssuePicker
from ui.notes.note_editor import IssueNoteEditor
from ui.notes.note_item_delegate import NoteItemDelegate
from ui.undo.kinds import NOTE
from ui.undo.rows import NOTES, AddRowCommand, DeleteRowCommand, MoveRowCommand
from ui.widgets.empty_state import EmptyState
from ui.widgets.list_actions import ListActions

#: The notes list's width in a wide window (at most a third of the tab in a narrow one).
LIST_WIDTH = 280


class IssueNotesPanel(QWidget):
    """The Issue notes tab."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.meeting_id: int | None = None
        self.picker: IssuePicker | None = None
        self.model = NotesListModel(self)
        self.model.sig_move_requested.connect(self.move_note)
        ctx.events.sig_book_laid_out.connect(self.model.laid_out)  # over-budget marks (issue 13)
        self._build()
        ctx.events.sig_notes_changed.connect(self._on_notes_changed)
        ctx.events.sig_issues_changed.connect(lambda: self._on_notes_changed(self.meeting_id or 0))

    def _build(self) -> None:
        self.view = QListView(self)
        self.view.setModel(self.model)
        self.view.setItemDelegate(NoteItemDelegate(self.view))
        self.view.setAccessibleName("Issue notes")
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.view.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.view.setDropIndicatorShown(True)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list_actions = ListActions(
            self.view, {"add": self.add_note, "delete": self.delete_note,
                        "up": lambda: self.move_current(-1), "down": lambda: self.move_current(1)},
            {"add": "Add…", "delete": "Delete", "up": "Up", "down": "Down"},
            {"add": "Add a note on an issue from the library, or on a new issue",
             "delete": "Move the selected note to the Trash", "up": "Move the note up",
             "down": "Move the note down"})
        self.add_action = self.list_actions.add
        bar = self.list_actions.bar(self, icon_only=("delete", "up", "down"))
        bar.setContentsMargins(0, 0, 0, 0)
        left = QWidget(self)
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(bar)
        column.addWidget(self.view, 1)

        self.editor = IssueNoteEditor(self.ctx, self)
        self.empty = EmptyState("No issue notes yet — add one from the issue library",
                                "Each note is the paper on one issue for this meeting: background, "
                                "objectives, their position, talking points, defensive Q&A and red "
                                "lines.", self.add_action, self)
        self.right = QStackedWidget(self)
        self.right.addWidget(self.editor)
        self.right.addWidget(self.empty)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.right)
        self.splitter.setStretchFactor(0, 1)  # a narrower window narrows the list too, a little
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setSizes([LIST_WIDTH, 900])
        self._sized = False
        layout = QVBoxLayout(self)
        layout.addWidget(self.splitter)
        self.view.selectionModel().currentRowChanged.connect(self._on_current)

    # -- the panel contract ----------------------------------------------------------

    def set_meeting(self, meeting_id: int | None) -> None:
        self.editor.flush()
        self.meeting_id = self.model.meeting_id = meeting_id
        self.view.selectionModel().clear()
        self.reload()

    def flush(self) -> None:
        self.editor.flush()

    def show_field(self, entity: str, entity_id: int, field: str, spans: Sequence[tuple[int, int]]) -> bool:
        """A note (its section ``field``, or only the note when ``field`` is empty) or a source
        of the note shown (select the note first)."""
        if entity == "source":
            return self.editor.show_source(entity_id, field, spans)
        if entity != "note" or self.model.row_of(entity_id) < 0:
            return False
        self._select(entity_id)
        return self.editor.show_section(field, spans) if field else True

    def event(self, event: QEvent) -> bool:
        """Ctrl+F in this tab is find-in-this-note: claimed before the window's own Ctrl+F (which
        filters the meetings list) can take it; the key then comes here as a key press."""
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent) \
                and event.matches(QKeySequence.StandardKey.Find):
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.matches(QKeySequence.StandardKey.Find):
            self.editor.find_in_note()
            return
        super().keyPressEvent(event)

    def showEvent(self, event: QShowEvent) -> None:
        """Switching to the tab puts the cursor in the note's first section. The first time, at
        its real width, the list takes a third at most (in a narrow window the note needs the rest)."""
        super().showEvent(event)
        width = self.splitter.width()
        if not self._sized and width > 0:
            self._sized = True
            listed = min(LIST_WIDTH, width // 3)
            self.splitter.setSizes([listed, width - listed])
        if not event.spontaneous():
            # After the workspace has handed this tab the meeting (it does so once the tab shows).
            QTimer.singleShot(0, self._focus_note)

    def _focus_note(self) -> None:
        if self.isVisible() and self.editor.note is not None:
            self.editor.focus_first_section()

    # -- showing ---------------------------------------------------------------------

    def reload(self) -> None:
        """Show the meeting's notes as stored; the selected note stays selected when it is still there."""
        notes = self.ctx.services.notes.list(self.meeting_id) if self.meeting_id else []
        self._follow_versions(notes)
        keep = self.current_note_id()
        self.model.set_notes(notes)
        self._select(keep if keep is not None and self.model.row_of(keep) >= 0 else self.model.row_id(0))
        self.right.setCurrentWidget(self.editor if self.model.rowCount() else self.empty)
        self.empty.setEnabled(self.meeting_id is not None)
        self._update_actions()

    def _follow_versions(self, notes: list[NoteSummary]) -> None:
        # Reordering renumbers notes (a new version each): keep the writer's versions current,
        # so that undoing an earlier edit of a note that moved is not refused as a conflict.
        for note in notes:
            known = self.ctx.writer.latest(NOTE, note.id)
            if known is not None and known.version != note.version:
                self.ctx.writer.remember(NOTE, replace(known, version=note.version, position=note.position))

    def current_note_id(self) -> int | None:
        return self.model.row_id(self.view.currentIndex().row())

    def _select(self, note_id: int | None) -> None:
        row = self.model.row_of(note_id) if note_id is not None else -1
        if row < 0:
            self.editor.set_note(None)
            return
        index = self.model.index(row)
        if self.view.currentIndex() != index:
            self.view.selectionModel().setCurrentIndex(
                index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        elif self.editor.note is None or self.editor.note.id != note_id:
            self.editor.set_note(note_id)
        else:
            self.editor.refresh()

    def _on_current(self, current, _previous) -> None:
        if current.isValid():  # (no current row: ``reload`` says what to show)
            self.editor.set_note(self.model.row_id(current.row()))
        self._update_actions()

    def _on_notes_changed(self, meeting_id: int) -> None:
        if meeting_id and meeting_id == self.meeting_id:
            self.reload()

    def show_row(self, kind: str, row_id: int) -> None:
        """Select the note an undo or redo changed (the user sees what changed)."""
        if kind == NOTE.name and row_id != self.current_note_id() and self.model.row_of(row_id) >= 0:
            self._select(row_id)

    def _update_actions(self, *_args: object) -> None:
        self.list_actions.update(can_add=self.meeting_id is not None)

    # -- commands --------------------------------------------------------------------

    def add_note(self) -> None:
        """Ask which issue (the library's, not yet here, or a new one), then add its note."""
        if self.meeting_id is None:
            return
        self.editor.flush()
        taken = self.model.issue_ids()
        issues = [i for i in self.ctx.services.issues.list() if i.id not in taken]
        self.picker = IssuePicker(issues, self)
        self.picker.accepted.connect(self._add_picked)
        self.picker.open()

    def _add_picked(self) -> None:
        picker, meeting_id, notes = self.picker, self.meeting_id, self.ctx.services.notes
        if picker is None or meeting_id is None:
            return
        row = self.view.currentIndex().row()
        position = row + 1 if row >= 0 else self.model.rowCount()
        if picker.issue is not None:
            issue = picker.issue
            command = AddRowCommand(self.ctx, NOTES, meeting_id,
                                    lambda: notes.add(meeting_id, issue.id, position=position),
                                    f"Add issue note “{issue.title}”", background=True,
                                    values={"issue_id": issue.id}, index=position)
        else:
            title = picker.new_title or ""
            command = AddRowCommand(self.ctx, NOTES, meeting_id,
                                    lambda: notes.add_new_issue(meeting_id, title),
                                    f"Add new issue “{title}”", background=True, values={"new_issue": title})
        new_issue = picker.issue is None

        def done(outcome) -> None:  # written in the background: the picker again, or the new note
            if outcome.error is not None:
                picker.refused(self.ctx.status.text)
            elif command.row_id is not None:
                if new_issue:
                    self.ctx.events.sig_issues_changed.emit()
                if meeting_id == self.meeting_id:
                    self._select(command.row_id)
                    self.editor.focus_first_section()

        command.on_done = done
        self.ctx.undo_stack.push(command)

    def delete_note(self) -> None:
        row = self.view.currentIndex().row()
        note_id = self.model.row_id(row)
        if self.meeting_id is None or note_id is None:
            return
        self.editor.flush()
        title = self.model.summary(row).issue_title
        following = self.model.row_id(row + 1) or self.model.row_id(row - 1)
        meeting_id = self.meeting_id
        command = DeleteRowCommand(self.ctx, NOTES, meeting_id, note_id, title, background=True)

        def done(outcome) -> None:  # written in the background
            if outcome.ok:
                self.ctx.status.info(
                    f"Moved the note on “{title}” to the Trash. Undo (Ctrl+Z) brings it back.")
                if meeting_id == self.meeting_id:
                    self._select(following)

        command.on_done = done
        self.ctx.undo_stack.push(command)

    def move_current(self, step: int) -> None:
        note_id = self.current_note_id()
        if note_id is not None:
            self.move_note(note_id, self.model.row_of(note_id) + step)

    def move_note(self, note_id: int, to_index: int) -> None:
        source = self.model.row_of(note_id)
        if self.meeting_id is None or source < 0 or not 0 <= to_index < self.model.rowCount():
            return
        self.editor.flush()
        self.ctx.undo_stack.push(MoveRowCommand(self.ctx, NOTES, self.meeting_id, note_id, source, to_index,
                                                background=True))
        self._select(note_id)  # (the list shows the new order when the move is written)
