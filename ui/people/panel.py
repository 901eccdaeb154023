"""``ParticipantsPanel``: our delegation and theirs side by side as cards, the selected person beside them."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtGui import QAction, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QListView,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from briefing.people.records import ParticipantRecord
from ui.context import AppContext
from ui.models.participants_list import ParticipantsListModel
from ui.people.card_delegate import PersonCardDelegate
from ui.people.commands import AddParticipantCommand, MoveParticipantCommand, RemoveParticipantCommand
from ui.people.participant_editor import SIDE_LABELS, ParticipantEditor
from ui.people.participant_picker import ParticipantPicker
from ui.undo.kinds import PARTICIPANT, PERSON
from ui.widgets.empty_state import EmptyState
from ui.widgets.palette import muted_colour

EMPTY_SIDE = {"ours": "No one from our side yet.", "theirs": "No one from their side yet."}


class DelegationColumn(QWidget):
    """One side: its heading with an Add button, then its people as cards (or a hint when none)."""

    def __init__(self, side: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.side = side
        self.model = ParticipantsListModel(side, self)
        self.view = QListView(self)
        self.view.setModel(self.model)
        self.view.setItemDelegate(PersonCardDelegate(self.view))
        self.view.setAccessibleName(SIDE_LABELS[side])
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.heading = QLabel(self)
        font = self.heading.font()
        font.setBold(True)
        self.heading.setFont(font)
        self.heading.setWordWrap(True)  # "Their delegation (12)" over two lines in a narrow column
        self.add_button = QPushButton("Add…", self)
        self.add_button.setToolTip(f"Add someone to {SIDE_LABELS[side].lower()} (Insert, in the list)")
        self.view.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)  # order of precedence
        self.view.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.view.setDropIndicatorShown(True)
        self.add_action = self._key_action("Add participant", QKeySequence("Ins"))
        self.remove_action = self._key_action("Remove from this meeting", QKeySequence("Del"))
        self.up_action = self._key_action("Move up (precedence)", QKeySequence("Alt+Up"))
        self.down_action = self._key_action("Move down (precedence)", QKeySequence("Alt+Down"))
        self.hint = QLabel(EMPTY_SIDE[side], self)
        self.hint.setStyleSheet(f"color: {muted_colour(self.palette()).name()}")
        self.hint.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.add_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.hint)
        layout.addWidget(self.view, 1)

    def _key_action(self, text: str, key: QKeySequence) -> QAction:
        action = QAction(text, self.view)
        action.setShortcut(key)
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.view.addAction(action)
        return action

    def show_people(self, participants: list[ParticipantRecord]) -> None:
        self.model.set_participants(participants)
        count = self.model.rowCount()
        self.heading.setText(f"{SIDE_LABELS[self.side]} ({count})")
        self.hint.setVisible(count == 0)

    def current(self) -> ParticipantRecord | None:
        return self.model.participant(self.view.currentIndex().row())

    def select(self, participant_id: int | None) -> bool:
        row = self.model.row_of(participant_id) if participant_id is not None else -1
        if row < 0:
            self.view.selectionModel().clear()
            return False
        self.view.selectionModel().setCurrentIndex(self.model.index(row),
                                                   QItemSelectionModel.SelectionFlag.ClearAndSelect)
        return True


#: How the tab's width is shared at first: our delegation, theirs, the selected person.
DETAIL_SHARES = (0.29, 0.29, 0.42)


class ParticipantsPanel(QWidget):
    """The Participants tab."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.meeting_id: int | None = None
        self.picker: ParticipantPicker | None = None
        self.columns = {side: DelegationColumn(side, self) for side in ("ours", "theirs")}
        self.editor = ParticipantEditor(ctx, self)
        self.editor.sig_remove_requested.connect(self.remove_current)
        self.empty = EmptyState("No participants yet",
                                "Add both delegations: pick people from the directory or create "
                                "them, with their names in native script, titles and bios.",
                                parent=self)
        self.empty_add = QPushButton("Add participant…", self.empty)
        self.empty_add.clicked.connect(lambda: self.add_participant("ours"))
        self.empty.layout().insertWidget(self.empty.layout().count() - 1, self.empty_add, 0,
                                         Qt.AlignmentFlag.AlignHCenter)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        for side, column in self.columns.items():
            splitter.addWidget(column)
            column.add_button.clicked.connect(lambda _c=False, s=side: self.add_participant(s))
            column.add_action.triggered.connect(lambda _c=False, s=side: self.add_participant(s))
            column.remove_action.triggered.connect(self.remove_current)
            column.up_action.triggered.connect(lambda _c=False, s=side: self.move_current(s, -1))
            column.down_action.triggered.connect(lambda _c=False, s=side: self.move_current(s, 1))
            column.model.sig_move_requested.connect(self.move_participant)
            column.view.selectionModel().currentChanged.connect(
                lambda current, _previous, s=side: self._on_current(s, current.row()))
        self.details = QStackedWidget(self)
        self.details.addWidget(self.editor)
        self.details.addWidget(self.empty)
        splitter.addWidget(self.details)
        splitter.setStretchFactor(2, 1)
        self.splitter = splitter
        self._sized = False
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        ctx.events.sig_people_changed.connect(self._on_people_changed)

    def showEvent(self, event: QShowEvent) -> None:
        """The first time the tab is shown, at its real width: the person's details get
        the largest share (their title, organization and bio), the two delegations the rest."""
        super().showEvent(event)
        if not self._sized and self.splitter.width() > 0:
            self._sized = True
            width = self.splitter.width()
            self.splitter.setSizes([int(width * share) for share in DETAIL_SHARES])

    # -- the panel contract ----------------------------------------------------------

    def set_meeting(self, meeting_id: int | None) -> None:
        self.editor.flush()
        self.meeting_id = meeting_id
        for column in self.columns.values():
            column.view.selectionModel().clear()
        self.reload()

    def flush(self) -> None:
        self.editor.flush()

    def show_field(self, entity: str, entity_id: int, field: str, spans: Sequence[tuple[int, int]]) -> bool:
        """A person found by a search: select them and go to the field of their card."""
        found = next((p for column in self.columns.values() for p in column.model.records
                      if p.person.id == entity_id), None)
        editor = self.editor.field_editor(field)
        if entity != "person" or found is None or editor is None:
            return False
        from ui.widgets.text_marks import show_matches

        self.select(found.id)
        show_matches(editor, getattr(found.person, field), spans)
        return True

    # -- showing ---------------------------------------------------------------------

    def reload(self) -> None:
        """Show the meeting's participants as stored; the selected one stays selected."""
        people = self.ctx.services.people.participants(self.meeting_id) if self.meeting_id else []
        self.ctx.writer.remember_all(PARTICIPANT, people)
        keep = self.editor.participant.id if self.editor.participant else None
        for column in self.columns.values():
            column.show_people(people)
            column.add_button.setEnabled(self.meeting_id is not None)
        self.details.setCurrentWidget(self.editor if people else self.empty)
        self.select(keep if any(p.id == keep for p in people) else (people[0].id if people else None))

    def select(self, participant_id: int | None) -> None:
        """Select a participant in whichever column holds them (None: nobody)."""
        found = None
        for column in self.columns.values():
            if column.select(participant_id):
                found = column.current()
        self.editor.show_participant(found)

    def show_row(self, kind: str, row_id: int) -> None:
        """Select the participant an undo or redo changed (by person for an edit of the person)."""
        people = [p for column in self.columns.values() for p in column.model.records]
        if kind == PERSON.name:
            row_id = next((p.id for p in people if p.person.id == row_id), -1)
        elif kind != PARTICIPANT.name:
            return
        if any(p.id == row_id for p in people):
            self.select(row_id)

    def _on_current(self, side: str, row: int) -> None:
        participant = self.columns[side].model.participant(row)
        if participant is None:
            return
        other = self.columns["theirs" if side == "ours" else "ours"]
        other.view.selectionModel().clear()
        self.editor.show_participant(participant)

    def _on_people_changed(self, meeting_id: int) -> None:
        if self.meeting_id is not None and meeting_id in (0, self.meeting_id):
            self.reload()

    # -- commands --------------------------------------------------------------------

    def add_participant(self, side: str) -> None:
        """Ask who (from the directory, not yet in the meeting, or someone new), then add them."""
        if self.meeting_id is None:
            return
        self.editor.flush()
        present = {pid for column in self.columns.values() for pid in column.model.person_ids()}
        people = [p for p in self.ctx.services.people.list_people() if p.id not in present]
        self.picker = ParticipantPicker(people, side, self)
        self.picker.accepted.connect(self._add_picked)
        self.picker.open()

    def _add_picked(self) -> None:
        picker = self.picker
        if picker is None or self.meeting_id is None:
            return
        meeting_id = self.meeting_id
        command = AddParticipantCommand(self.ctx, meeting_id, picker.side, picker.role,
                                        person=picker.person, new_person=picker.new_person)

        def done(outcome) -> None:  # written in the background: the picker or the new row, then
            if outcome.error is not None:
                picker.refused(self.ctx.status.text)
            elif command.participant_id is not None and meeting_id == self.meeting_id:
                self.select(command.participant_id)

        command.on_done = done
        self.ctx.undo_stack.push(command)

    def move_current(self, side: str, step: int) -> None:
        """Alt+Up / Alt+Down in a delegation: the selected person one place up or down its order."""
        current = self.columns[side].current()
        if current is not None:
            self.move_participant(current.id, self.columns[side].model.row_of(current.id) + step)

    def move_participant(self, participant_id: int, to_index: int) -> None:
        """Move a participant to ``to_index`` in their side's order of precedence (one undo step)."""
        column = next((c for c in self.columns.values() if c.model.row_of(participant_id) >= 0), None)
        if column is None or not 0 <= to_index < column.model.rowCount():
            return
        self.editor.flush()
        source = column.model.row_of(participant_id)
        participant = column.model.participant(source)
        if participant is None or source == to_index:
            return
        self.ctx.undo_stack.push(MoveParticipantCommand(self.ctx, participant, source, to_index))
        self.select(participant_id)

    def remove_current(self) -> None:
        participant = self.editor.participant
        if participant is None:
            return
        self.editor.flush()
        participant = self.ctx.writer.latest(PARTICIPANT, participant.id) or participant
        command = RemoveParticipantCommand(self.ctx, participant)
        name = participant.person.name
        command.on_done = lambda outcome: outcome.ok and self.ctx.status.info(
            f"Removed {name} from this meeting (still in the directory). Undo (Ctrl+Z) puts them back.")
        self.ctx.undo_stack.push(command)
