"""``AgendaPanel``: the agenda table with add / delete / move, and its total against the meeting."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QModelIndex
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from briefing.agenda.records import Schedule
from briefing.agenda.schedule import build_schedule, format_minutes
from briefing.errors import BriefbookError
from briefing.meetings.records import MeetingRecord
from briefing.validation import MAX_MINUTES
from briefing.vocabulary import AGENDA_STATUSES
from ui.agenda.commands import AddAgendaItemCommand, DeleteAgendaItemCommand, MoveAgendaItemCommand
from ui.agenda.delegates import ChoiceDelegate, MinutesDelegate
from ui.agenda.record_mode import RecordModeView
from ui.agenda.scenario_editor import ScenarioEditor
from ui.agenda.table_view import AgendaTableView
from ui.context import AppContext
from ui.forms.single_line import SingleLineDelegate
from ui.models.agenda_table import (
    ISSUE,
    LEAD,
    MINUTES,
    OUTCOME,
    START_HOME,
    STATUS,
    TITLE,
    AgendaTableModel,
)
from ui.models.pending_values import shown
from ui.positions.commands import ApplyRecordCommand
from ui.positions.record_dialog import ApplyRecordDialog
from ui.undo.background_command import push_in_background
from ui.undo.command import describe
from ui.undo.edit import EditCommand, push_cell_edit
from ui.undo.kinds import AGENDA_ITEM, MEETING
from ui.widgets.empty_state import EmptyState
from ui.widgets.field_error import FieldError
from ui.widgets.list_actions import ListActions
from ui.widgets.markdown_cell import MarkdownCellDelegate
from ui.widgets.palette import warning_colour
from ui.widgets.table_editing import show_in_cell

NEW_ITEM = {"title": "New item", "minutes": 30}


def total_line(schedule: Schedule) -> tuple[str, bool]:
    """``Total 7 h 30 of 8 h`` and whether the agenda overruns the meeting."""
    text = f"Total {format_minutes(schedule.total_minutes)}"
    if schedule.length_minutes is None:
        return text + " (the meeting has no end time)", False
    text += f" of {format_minutes(schedule.length_minutes)}"
    if schedule.overrun_minutes:
        return text + f" — runs {format_minutes(schedule.overrun_minutes)} over", True
    spare = schedule.length_minutes - schedule.total_minutes
    return (text + f" — {format_minutes(spare)} to spare" if spare else text), False


def longer_than_meeting(schedule: Schedule) -> list[str]:
    """A warning for each item that alone is longer than the whole meeting."""
    length = schedule.length_minutes
    if length is None:
        return []
    return [f"“{s.item.title}” ({s.item.minutes} min) is longer than the meeting ({length} min)"
            for s in schedule.slots if s.item.minutes > length]


class AgendaPanel(QWidget):
    """The open meeting's agenda."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.meeting_id: int | None = None
        self.schedule: Schedule | None = None
        self.model = AgendaTableModel(self)
        self.model.set_warning_colour(warning_colour(self.palette()))
        self.view = AgendaTableView(self)
        self.view.setModel(self.model)
        self.view.setItemDelegateForColumn(MINUTES, MinutesDelegate(MAX_MINUTES, self.view))
        self.single_line = SingleLineDelegate(self.view)  # the outcome is multi-line: not folded
        for column in (TITLE, LEAD):
            self.view.setItemDelegateForColumn(column, self.single_line)
        self.view.setItemDelegateForColumn(OUTCOME, MarkdownCellDelegate("Outcome", self.view))
        self.view.set_column_sizes()
        self.view.setItemDelegateForColumn(STATUS, ChoiceDelegate(
            lambda: [(s.capitalize(), s) for s in AGENDA_STATUSES], self.view))
        self.view.setItemDelegateForColumn(ISSUE, ChoiceDelegate(
            lambda: [("(none)", None)] + [(i.title, i.id) for i in ctx.services.issues.list()],
            self.view))
        self.model.sig_edit_requested.connect(self.edit_item)
        self.model.sig_move_requested.connect(self.move_item)
        self.view.sig_append_requested.connect(self.add_item)
        self._build()
        ctx.events.sig_agenda_changed.connect(self._on_changed)
        ctx.events.sig_meeting_changed.connect(self._on_changed)

    def _build(self) -> None:
        SP = QStyle.StandardPixmap
        self.list_actions = ListActions(
            self.view, {"add": self.add_item, "delete": self.delete_item,
                        "up": lambda: self.move_current(-1), "down": lambda: self.move_current(1)},
            {"add": "Add item", "delete": "Delete item", "up": "Move up", "down": "Move down"})
        a = self.list_actions
        self.add_action, self.delete_action, self.up_action, self.down_action = a.add, a.delete, a.up, a.down
        bar = a.bar(self)
        self.record_button = QPushButton("&Record mode", self)
        self.record_button.setCheckable(True)
        self.record_button.setToolTip("Type what was said, agreed and left open, item by item "
                                      "(Tab goes to the next field)")
        self.record_button.toggled.connect(self.set_record_mode)
        bar.addWidget(self.record_button)
        self.record_view = RecordModeView(self.ctx, self)
        self.record_view.apply_button.clicked.connect(self.apply_record)
        self.empty = EmptyState("No agenda items yet",
                                "Add the first item with Add item (Insert); drag rows or press "
                                "Alt+Up / Alt+Down to reorder.", self.add_action, self)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.view)
        self.stack.addWidget(self.empty)
        self.stack.addWidget(self.record_view)
        self.error = FieldError(self)
        self.total_icon = QLabel(self)
        size = self.style().pixelMetric(QStyle.PixelMetric.PM_SmallIconSize)
        self.total_icon.setPixmap(self.style().standardIcon(SP.SP_MessageBoxWarning).pixmap(size, size))
        self.total = QLabel(self)
        self.total.setAccessibleName("Agenda total")
        footer = QHBoxLayout()
        footer.addWidget(self.total_icon)
        footer.addWidget(self.total, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.stack, 1)
        self.scenario = ScenarioEditor(self.ctx, self)  # the selected item's run of show (issue 13)
        layout.addWidget(self.scenario)
        layout.addWidget(self.error)
        layout.addLayout(footer)
        self.view.selectionModel().currentRowChanged.connect(self._update_actions)
        self.view.selectionModel().currentRowChanged.connect(self._show_scenario)

    # -- the panel contract --------------------------------------------------------

    def set_meeting(self, meeting_id: int | None) -> None:
        if meeting_id != self.meeting_id:
            self.error.show_message(None)
        self.meeting_id = meeting_id
        self.reload()
        if self.model.rowCount():
            self.view.selectRow(0)

    def flush(self) -> None:
        self.view.commit_open_editor()
        self.record_view.flush()
        self.scenario.flush()

    def set_record_mode(self, on: bool) -> None:
        """Show the record fields of every item (on) or the agenda table (off)."""
        self.flush()
        if self.record_button.isChecked() != on:
            self.record_button.setChecked(on)  # toggles back into here
            return
        self.reload()
        field = self.record_view.first_field()
        if on and field is not None:
            field.setFocus()

    def apply_record(self) -> None:
        """Show what the record changes; apply it (one undo step) when the user agrees."""
        if self.meeting_id is None:
            return
        self.flush()
        try:
            proposal = self.ctx.services.records.propose(self.meeting_id)
        except BriefbookError as error:
            self.error.show_message(describe(error))
            return
        self.error.show_message(None)
        self.record_dialog = ApplyRecordDialog(proposal, self)
        self.record_dialog.accepted.connect(
            lambda: push_in_background(self.ctx, ApplyRecordCommand(self.ctx, proposal), self.error))
        self.record_dialog.open()

    def show_field(self, entity: str, entity_id: int, field: str, spans: Sequence[tuple[int, int]]) -> bool:
        row = self.model.row_of(entity_id)
        column = {"title": TITLE, "lead": LEAD, "outcome": OUTCOME}.get(field)
        if entity != "agenda_item" or row < 0 or column is None:
            return False
        text = getattr(self.model.slot(row).item, field)
        return show_in_cell(self.view, self.model.index(row, column), text, spans)

    # -- showing -------------------------------------------------------------------

    def reload(self, keep_item: int | None = None) -> None:
        """Show the agenda as stored; keep ``keep_item`` (else the current item) selected."""
        keep = keep_item if keep_item is not None else self.current_item_id()
        if self.meeting_id is None:
            self.schedule = None
            self.model.set_schedule(None)
        else:
            self.schedule = self.ctx.services.agenda.schedule(self.meeting_id)
            self.ctx.writer.remember_all(AGENDA_ITEM, [s.item for s in self.schedule.slots])
            meeting = self.ctx.writer.latest(MEETING, self.meeting_id) or \
                self.ctx.services.meetings.get(self.meeting_id)
            self.schedule = self._with_pending(self.schedule, meeting)
            self.model.set_schedule(self.schedule, meeting.timezone, meeting.home_timezone)
        if self.view.isColumnHidden(START_HOME) != self.model.one_zone:
            self.view.setColumnHidden(START_HOME, self.model.one_zone)  # not two identical columns
            self.view.set_column_sizes()
        row = self.model.row_of(keep) if keep is not None else -1
        if row >= 0 and row != self.view.currentIndex().row():
            self.view.selectRow(row)
        if self.record_button.isChecked() and self.model.rowCount():
            self.record_view.show_items([s.item for s in self.schedule.slots] if self.schedule else [])
            self.stack.setCurrentWidget(self.record_view)
        else:
            self.stack.setCurrentWidget(self.view if self.model.rowCount() else self.empty)
        self._show_total()
        self._update_actions()
        self._show_scenario()

    def _with_pending(self, schedule: Schedule, meeting: MeetingRecord) -> Schedule:
        """``schedule`` with the cells' values still being written (start times follow them)."""
        items = [shown(s.item, lambda item_id: self.ctx.writer.expected(AGENDA_ITEM, item_id))
                 for s in schedule.slots]
        if all(item is slot.item for item, slot in zip(items, schedule.slots, strict=True)):
            return schedule
        return build_schedule(meeting, items)

    def _show_scenario(self, *_args: object) -> None:
        row = self.view.currentIndex().row()
        table = self.stack.currentWidget() is self.view
        self.scenario.setVisible(table)
        self.scenario.show_item(self.model.slot(row).item if table and 0 <= row < self.model.rowCount()
                                else None)

    def _show_total(self) -> None:
        if self.schedule is None:
            self.total.setText("")
            self.total_icon.hide()
            return
        text, overrun = total_line(self.schedule)
        too_long = longer_than_meeting(self.schedule)
        overrun = overrun or bool(too_long)
        self.total.setText(" · ".join([text, *too_long]))
        self.total_icon.setVisible(overrun)
        colour = warning_colour(self.palette()).name()
        self.total.setStyleSheet(f"color: {colour}; font-weight: bold" if overrun else "")

    def _update_actions(self, *_args: object) -> None:
        self.list_actions.update(can_add=self.meeting_id is not None)

    def show_row(self, kind: str, row_id: int) -> None:
        """Select the item an undo or redo changed."""
        row = self.model.row_of(row_id) if kind == AGENDA_ITEM.name else -1
        if row >= 0:
            self.view.selectRow(row)

    def current_item_id(self) -> int | None:
        return self.model.item_id(self.view.currentIndex().row())

    def _on_changed(self, meeting_id: int) -> None:
        if meeting_id == self.meeting_id:
            self.reload()

    # -- commands ------------------------------------------------------------------

    def edit_item(self, item_id: int, field: str, value: Any) -> None:
        old = getattr(self.model.slot(self.model.row_of(item_id)).item, field)
        command = EditCommand(self.ctx, AGENDA_ITEM, item_id, {field: old}, {field: value}, cell=True)
        push_cell_edit(self.ctx, command, self.error)  # written in the lane…
        self.reload(keep_item=item_id)  # …and shown at once

    def add_item(self) -> None:
        """Add an item after the current one (written in the background), then edit its title."""
        meeting_id = self.meeting_id
        if meeting_id is None:
            return
        self.flush()
        row = self.view.currentIndex().row()
        position = row + 1 if row >= 0 else self.model.rowCount()
        command = AddAgendaItemCommand(self.ctx, meeting_id, position, dict(NEW_ITEM))
        push_in_background(self.ctx, command, self.error, lambda record: self._added(meeting_id, record.id))

    def _added(self, meeting_id: int, item_id: int) -> None:
        """The new item is stored: select it and open its title for typing (if still shown)."""
        if meeting_id != self.meeting_id or self.model.row_of(item_id) < 0:
            return
        self.reload(keep_item=item_id)
        self.view.setFocus()
        self.view.edit_cell(self.model.index(self.model.row_of(item_id), TITLE))

    def delete_item(self) -> None:
        row = self.view.currentIndex().row()
        item_id = self.model.item_id(row)
        meeting_id = self.meeting_id
        if meeting_id is None or item_id is None:
            return
        title = self.model.slot(row).item.title
        next_id = self.model.item_id(row + 1) or self.model.item_id(row - 1)
        command = DeleteAgendaItemCommand(self.ctx, meeting_id, item_id, row, title)
        push_in_background(self.ctx, command, self.error, lambda _record: self._keep(meeting_id, next_id))

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
        command = MoveAgendaItemCommand(self.ctx, meeting_id, item_id, source, to_index)
        push_in_background(self.ctx, command, self.error, lambda _record: self._keep(meeting_id, item_id))

    def _keep(self, meeting_id: int, item_id: int | None) -> None:
        """After a delete or a move is stored: keep ``item_id`` selected (if the meeting is still shown)."""
        if item_id is not None and meeting_id == self.meeting_id:
            self.reload(keep_item=item_id)


    def index_of(self, item_id: int, column: int = TITLE) -> QModelIndex:
        return self.model.index(self.model.row_of(item_id), column)
