"""``ActionItemsPanel``: the action items as a table with add, delete and move; overdue ones stand out.

(The package is ``ui.action_items`` because ``ui.actions`` holds the window's menu actions.)
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

from PySide6.QtWidgets import QLabel, QStackedWidget, QStyle, QVBoxLayout, QWidget

from briefing.vocabulary import ACTION_STATUSES
from ui.action_items.due_date import DueDateDelegate
from ui.agenda.delegates import ChoiceDelegate
from ui.context import AppContext
from ui.forms.single_line import SingleLineDelegate
from ui.models.actions_table import DUE, ISSUE, OWNER, STATUS, TEXT, ActionsTableModel
from ui.undo.background_command import push_in_background
from ui.undo.edit import EditCommand, push_cell_edit
from ui.undo.kinds import ACTION
from ui.undo.rows import ACTIONS, AddRowCommand, DeleteRowCommand, MoveRowCommand
from ui.widgets.char_width import char_width
from ui.widgets.empty_state import EmptyState
from ui.widgets.field_error import FieldError
from ui.widgets.list_actions import ListActions
from ui.widgets.markdown_cell import MarkdownCellDelegate
from ui.widgets.palette import warning_colour
from ui.widgets.row_table import ReorderableTableView
from ui.widgets.table_editing import show_in_cell

NEW_ITEM_TEXT = "New action item"


def summary_line(open_count: int, overdue: int) -> str:
    """``3 open · 2 overdue``."""
    text = f"{open_count} open"
    return text + (f" · {overdue} overdue (shown in bold with ⚠)" if overdue else "")


class ActionItemsPanel(QWidget):
    """The Action items tab."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None,
                 today: Callable[[], date] = date.today) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.meeting_id: int | None = None
        self.model = ActionsTableModel(today, self)
        self.model.pending = lambda item_id: ctx.writer.expected(ACTION, item_id)
        self.model.warning_colour = warning_colour(self.palette())
        self.model.warning_icon = self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        self.view = ReorderableTableView("Action items", self)
        self.view.setModel(self.model)
        self.view.size_columns(fit=(OWNER, DUE, STATUS), stretch=(TEXT,))
        self.view.setColumnWidth(ISSUE, char_width(self.fontMetrics()) * 32)
        self.view.setItemDelegateForColumn(DUE, DueDateDelegate(self.view))
        self.view.setItemDelegateForColumn(OWNER, SingleLineDelegate(self.view))  # the text is multi-line
        self.view.setItemDelegateForColumn(TEXT, MarkdownCellDelegate("Action", self.view))
        self.view.setItemDelegateForColumn(STATUS, ChoiceDelegate(
            lambda: [(s.capitalize(), s) for s in ACTION_STATUSES], self.view))
        self.view.setItemDelegateForColumn(ISSUE, ChoiceDelegate(
            lambda: [("(none)", None)] + [(i.title, i.id) for i in ctx.services.issues.list()], self.view))
        self.model.sig_edit_requested.connect(self.edit_item)
        self.model.sig_move_requested.connect(self.move_item)
        self._build()
        ctx.events.sig_actions_changed.connect(self._on_changed)
        ctx.events.sig_issues_changed.connect(lambda: self._on_changed(self.meeting_id or 0))

    def _build(self) -> None:
        self.list_actions = ListActions(
            self.view, {"add": self.add_item, "delete": self.delete_item,
                        "up": lambda: self.move_current(-1), "down": lambda: self.move_current(1)},
            {"add": "Add item", "delete": "Delete item", "up": "Move up", "down": "Move down"})
        self.add_action = self.list_actions.add
        bar = self.list_actions.bar(self)
        self.empty = EmptyState("No action items yet",
                                "Add what must be done after this meeting, by whom and by when "
                                "(Add item, or Insert).", self.add_action, self)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.view)
        self.stack.addWidget(self.empty)
        self.error = FieldError(self)
        self.summary = QLabel(self)
        self.summary.setAccessibleName("Action items summary")
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.error)
        layout.addWidget(self.summary)
        self.view.selectionModel().currentRowChanged.connect(self._update_actions)

    # -- the panel contract ----------------------------------------------------------

    def set_meeting(self, meeting_id: int | None) -> None:
        if meeting_id != self.meeting_id:
            self.error.show_message(None)
        self.meeting_id = meeting_id
        self.reload()
        if self.model.rowCount():
            self.view.selectRow(0)

    def flush(self) -> None:
        self.view.commit_open_editor()

    def show_field(self, entity: str, entity_id: int, field: str, spans: Sequence[tuple[int, int]]) -> bool:
        row = self.model.row_of(entity_id)
        column = {"text": TEXT, "owner": OWNER}.get(field)
        if entity != "action" or row < 0 or column is None:
            return False
        text = getattr(self.model.item(row), field)
        return show_in_cell(self.view, self.model.index(row, column), text, spans)

    # -- showing ---------------------------------------------------------------------

    def reload(self, keep_item: int | None = None) -> None:
        """Show the items as stored; keep ``keep_item`` (else the current item) selected."""
        keep = keep_item if keep_item is not None else self.current_item_id()
        items = self.ctx.services.actions.list(self.meeting_id) if self.meeting_id else []
        self.model.set_items(self.ctx.writer.remember_all(ACTION, items))
        row = self.model.row_of(keep) if keep is not None else -1
        if row >= 0 and row != self.view.currentIndex().row():
            self.view.selectRow(row)
        self.stack.setCurrentWidget(self.view if items else self.empty)
        overdue = self.model.overdue_count()
        self.summary.setText(summary_line(self.model.open_count(), overdue) if items else "")
        colour = warning_colour(self.palette()).name()
        self.summary.setStyleSheet(f"color: {colour}; font-weight: bold" if overdue else "")
        self._update_actions()

    def show_row(self, kind: str, row_id: int) -> None:
        """Select the item an undo or redo changed."""
        row = self.model.row_of(row_id) if kind == ACTION.name else -1
        if row >= 0:
            self.view.selectRow(row)

    def current_item_id(self) -> int | None:
        return self.model.row_id(self.view.currentIndex().row())

    def _update_actions(self, *_args: object) -> None:
        self.list_actions.update(can_add=self.meeting_id is not None)

    def _on_changed(self, meeting_id: int) -> None:
        if meeting_id and meeting_id == self.meeting_id:
            self.reload()

    # -- commands --------------------------------------------------------------------

    def edit_item(self, item_id: int, field: str, value: Any) -> None:
        old = getattr(self.model.item(self.model.row_of(item_id)), field)
        command = EditCommand(self.ctx, ACTION, item_id, {field: old}, {field: value}, cell=True)
        push_cell_edit(self.ctx, command, self.error)  # written in the lane…
        self.reload(keep_item=item_id)  # …and shown at once

    def add_item(self) -> None:
        """Add an item after the current one (written in the background), then edit its text."""
        meeting_id = self.meeting_id
        if meeting_id is None:
            return
        self.flush()
        row = self.view.currentIndex().row()
        position = row + 1 if row >= 0 else self.model.rowCount()
        actions = self.ctx.services.actions
        command = AddRowCommand(self.ctx, ACTIONS, meeting_id,
                                lambda: actions.add(meeting_id, NEW_ITEM_TEXT, position=position),
                                "Add action item", background=True, values={"text": NEW_ITEM_TEXT},
                                index=position)
        push_in_background(self.ctx, command, self.error, lambda record: self._added(meeting_id, record.id))

    def _added(self, meeting_id: int, item_id: int) -> None:
        """The new item is stored: select it and open its text for typing (if still shown)."""
        if meeting_id != self.meeting_id or self.model.row_of(item_id) < 0:
            return
        self.reload(keep_item=item_id)
        self.view.setFocus()
        self.view.edit(self.model.index(self.model.row_of(item_id), TEXT))

    def delete_item(self) -> None:
        row = self.view.currentIndex().row()
        item_id = self.model.row_id(row)
        meeting_id = self.meeting_id
        if meeting_id is None or item_id is None:
            return
        self.flush()
        text = self.model.item(row).text
        following = self.model.row_id(row + 1) or self.model.row_id(row - 1)
        title = text if len(text) <= 40 else text[:39] + "…"
        command = DeleteRowCommand(self.ctx, ACTIONS, meeting_id, item_id, title, background=True)
        push_in_background(self.ctx, command, self.error, lambda _record: self._keep(meeting_id, following))

    def move_current(self, step: int) -> None:
        item_id = self.current_item_id()
        if item_id is not None:
            self.move_item(item_id, self.model.row_of(item_id) + step)

    def move_item(self, item_id: int, to_index: int) -> None:
        source = self.model.row_of(item_id)
        meeting_id = self.meeting_id
        if meeting_id is None or source < 0 or not 0 <= to_index < self.model.rowCount():
            return
        self.flush()
        command = MoveRowCommand(self.ctx, ACTIONS, meeting_id, item_id, source, to_index, background=True)
        push_in_background(self.ctx, command, self.error, lambda _record: self._keep(meeting_id, item_id))

    def _keep(self, meeting_id: int, item_id: int | None) -> None:
        """After a delete or a move is stored: keep ``item_id`` selected (if the meeting is still shown)."""
        if item_id is not None and meeting_id == self.meeting_id:
            self.reload(keep_item=item_id)

