"""``SourcesEditor``: the note's sources as a small table (title, publisher, date, URL), with add/remove.

An edited cell, an added or a removed source is an undo command at once, written in the
``WRITES`` lane. Before a source is added or removed, what is typed elsewhere in the note starts
its write (``sig_about_to_change`` inside ``writes_in_background``): the lane writes the text
first and the source after it, and the window never waits for the store meanwhile.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QStyle,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from briefing.notes.records import NoteRecord
from ui.context import AppContext
from ui.forms.background import writes_in_background
from ui.forms.single_line import SingleLineDelegate
from ui.models.sources_table import DATE, PUBLISHER, TITLE, URL, SourcesTableModel
from ui.notes.commands import AddSourceCommand, RemoveSourceCommand
from ui.undo.edit import EditCommand
from ui.undo.kinds import source_kind
from ui.widgets.flow_layout import FlowLayout
from ui.widgets.table_editing import show_in_cell


class SourcesEditor(QWidget):
    """The sources of the note ``set_note`` shows."""

    sig_about_to_change = Signal()
    """A source is about to be added or removed (start writing what is being typed elsewhere first;
    sent inside ``writes_in_background``: nobody waits for the store)."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.note: NoteRecord | None = None
        self.model = SourcesTableModel(self)
        self.model.pending = lambda source_id: ctx.writer.expected(source_kind(0), source_id)
        self.model.sig_edit_requested.connect(self.edit_source)
        self.view = QTableView(self)
        self.view.setModel(self.model)
        self.view.setItemDelegate(SingleLineDelegate(self.view))  # every field of a source is one line
        self.view.setAccessibleName("Sources")
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                  | QAbstractItemView.EditTrigger.EditKeyPressed
                                  | QAbstractItemView.EditTrigger.AnyKeyPressed)
        self.view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.view.setWordWrap(False)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(TITLE, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(URL, QHeaderView.ResizeMode.Stretch)
        for column in (PUBLISHER, DATE):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)

        SP = QStyle.StandardPixmap
        self.add_action = QAction(self.style().standardIcon(SP.SP_FileDialogNewFolder), "Add source", self)
        self.add_action.setToolTip("Cite another source (its number follows the last)")
        self.add_action.triggered.connect(self.add_source)
        self.remove_action = QAction(self.style().standardIcon(SP.SP_TrashIcon), "Remove source", self)
        self.remove_action.setShortcut(QKeySequence.StandardKey.Delete)
        self.remove_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.remove_action.triggered.connect(self.remove_source)
        self.view.addAction(self.remove_action)

        title = QLabel("Sources", self)
        font = title.font()
        font.setBold(True)
        title.setFont(font)
        self.empty = QLabel("No sources cited yet — add the articles, statements and papers this "
                            "note relies on.", self)
        self.empty.setWordWrap(True)
        buttons = QWidget(self)  # on the right; under each other in a narrow pane
        flow = FlowLayout(buttons, align_right=True)
        for action in (self.add_action, self.remove_action):
            button = QToolButton(buttons)
            button.setDefaultAction(action)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            button.setAutoRaise(True)
            flow.addWidget(button)
        bar = QHBoxLayout()
        bar.addWidget(title, 0, Qt.AlignmentFlag.AlignTop)
        bar.addWidget(buttons, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.empty)
        layout.addWidget(self.view)
        self.model.modelReset.connect(self._fit)
        self.view.selectionModel().currentRowChanged.connect(self._update)
        self._fit()

    def current_source_id(self) -> int | None:
        row = self.view.currentIndex().row()
        return self.model.source(row).id if 0 <= row < self.model.rowCount() else None

    def set_note(self, note: NoteRecord | None) -> None:
        self.note = note
        self.model.set_sources(note.sources if note else ())
        self.setEnabled(note is not None)

    def show_field(self, source_id: int, field: str, spans: Sequence[tuple[int, int]]) -> bool:
        """Open the cell ``field`` of a source with ``spans`` (a search's matches) selected."""
        row = self.model.row_of(source_id)
        column = {"title": TITLE, "publisher": PUBLISHER}.get(field)
        if row < 0 or column is None:
            return False
        return show_in_cell(self.view, self.model.index(row, column), getattr(self.model.source(row), field),
                            spans)

    def edit_source(self, source_id: int, field: str, value: object) -> None:
        if self.note is None:
            return
        old = getattr(self.model.source(self.model.row_of(source_id)), field)
        self.ctx.undo_stack.push(EditCommand(self.ctx, source_kind(self.note.meeting_id), source_id,
                                             {field: old}, {field: value}, shows=("note", self.note.id),
                                             cell=True))  # written in the lane…
        if self.note is not None:
            self.model.set_sources(self.note.sources)  # …and shown at once

    def add_source(self) -> None:
        """Cite a new source after the others and open its title for typing."""
        if self.note is None:
            return
        self._about_to_change()
        command = AddSourceCommand(self.ctx, self.note.meeting_id, self.note.id, len(self.note.sources))
        command.on_done = lambda outcome: outcome.ok and self._edit_title(command.source_id)
        self.ctx.undo_stack.push(command)  # written in the background: its title opens once stored

    def _edit_title(self, source_id: int | None) -> None:
        row = self.model.row_of(source_id) if source_id else -1
        if row >= 0:
            self.view.setFocus()
            self.view.setCurrentIndex(self.model.index(row, TITLE))
            self.view.edit(self.model.index(row, TITLE))

    def remove_source(self) -> None:
        source_id = self.current_source_id()
        if self.note is None or source_id is None:
            return
        self._about_to_change()
        source = self.model.source(self.model.row_of(source_id))
        self.ctx.undo_stack.push(RemoveSourceCommand(self.ctx, self.note.meeting_id, self.note.id, source))

    def _about_to_change(self) -> None:
        """Start the writes of what is typed elsewhere in the note, in the lane before this change."""
        with writes_in_background():
            self.sig_about_to_change.emit()

    def _fit(self) -> None:
        """As tall as its rows: the note scrolls as a whole."""
        rows = self.model.rowCount()
        self.empty.setVisible(rows == 0)
        self.view.setVisible(rows > 0)
        height = self.view.horizontalHeader().sizeHint().height() + 2 * self.view.frameWidth()
        height += rows * self.view.verticalHeader().defaultSectionSize()
        self.view.setFixedHeight(height)
        self._update()

    def _update(self, *_args: object) -> None:
        self.remove_action.setEnabled(self.current_source_id() is not None)
