"""``ListChangesRow``: in the recovery bar, the changes to lists a killed session had given offline.

"2 changes to lists made offline were not saved: added agenda item “Steel”, moved
action item “Visas”." Keep replays them in order through the services, in the
``WRITES`` lane after every write queued before it (``briefing.recovery.replay``);
the journal lets each go once the store has it, and the lists re-read. One that can
no longer apply (its row is gone) is said next to the sentence, not raised. When the
store is away again, what was not tried stays, to be kept later. Discard drops them.
"""

from __future__ import annotations

from collections.abc import Callable

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from briefing.recovery.replay import Replay, replay_changes, summary
from briefing.recovery.replay_record import RECORD
from briefing.recovery.row_changes import QA_USE, PendingRowChange
from ui.context import AppContext
from ui.undo.lane_job import run_in_lane
from ui.widgets.field_error import FieldError

#: Tells a list's views to re-read, by the list's kind: ``(events, meeting_id)``.
_CHANGED = {"agenda_item": lambda events, meeting: events.sig_agenda_changed.emit(meeting),
            "action": lambda events, meeting: events.sig_actions_changed.emit(meeting),
            "note": lambda events, meeting: events.sig_notes_changed.emit(meeting),
            "participant": lambda events, meeting: events.sig_people_changed.emit(meeting),
            "position": lambda events, meeting: events.sig_positions_changed.emit(meeting),
            "source": lambda events, meeting: events.sig_notes_changed.emit(meeting),
            "meeting": lambda events, _meeting: events.sig_meetings_changed.emit(),
            QA_USE: lambda events, meeting: (events.sig_qa_changed.emit(),
                                             events.sig_notes_changed.emit(meeting)),
            RECORD: lambda events, meeting: (events.sig_positions_changed.emit(meeting),
                                             events.sig_actions_changed.emit(meeting))}


class ListChangesRow(QWidget):
    """The kept list changes in one sentence, with Keep and Discard; ``done()`` once none is left."""

    def __init__(self, ctx: AppContext, changes: tuple[PendingRowChange, ...], done: Callable[[], None],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.changes, self.done = ctx, changes, done
        self.saving = False
        self.text = QLabel(summary(ctx.services, changes), self)
        self.text.setTextFormat(Qt.TextFormat.PlainText)
        self.text.setWordWrap(True)
        font = self.text.font()
        font.setBold(True)
        self.text.setFont(font)
        self.keep_button = QPushButton("&Keep changes", self)
        self.keep_button.setToolTip("Make these changes again, in the order they were made")
        self.discard_button = QPushButton("D&iscard changes", self)
        self.discard_button.setToolTip("Forget these changes; the lists stay as they are stored")
        self.error = FieldError(self)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.keep_button)
        buttons.addWidget(self.discard_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 4)
        layout.addWidget(self.text)
        layout.addLayout(buttons)
        layout.addWidget(self.error)
        self.keep_button.clicked.connect(self.keep)
        self.discard_button.clicked.connect(self.discard)

    def keep(self) -> bool:
        """Replay the changes in the lane (the window goes on); False while they are on their way."""
        if self.saving or not self.changes:
            return False
        self._set_saving(True)
        self.error.show_message(None)
        services, changes, journal = self.ctx.services, self.changes, self.ctx.journal
        settled = None if journal is None else lambda kept, made: journal.row_written(kept.token, made)
        run_in_lane(self.ctx, lambda: replay_changes(services, changes, settled), self._replayed,
                    self._failed)
        return True

    def discard(self) -> None:
        """Forget the changes (not while they are being replayed)."""
        if self.saving:
            return
        if self.ctx.journal is not None:
            for kept in self.changes:
                self.ctx.journal.discard_row(kept.token)
        self.changes = ()
        self.done()

    def _replayed(self, replay: Replay) -> None:
        """On the GUI thread: the journal lets go of what is done, the lists re-read, problems said."""
        journal = self.ctx.journal
        touched: set[tuple[str, int]] = set()
        for replayed in replay.done:
            if journal is not None:
                journal.row_written(replayed.pending.token, replayed.made_id)
            change = replayed.pending.change
            touched.add((change.kind, change.meeting_id))
        for kind, meeting_id in sorted(touched):
            if kind in _CHANGED:
                _CHANGED[kind](self.ctx.events, meeting_id)
        if not shiboken6.isValid(self):
            return
        self._set_saving(False)
        problems = [r.problem for r in replay.done if r.problem]
        self.changes = replay.left
        if replay.left:
            problems.append(f"Not saved yet: {replay.problem} Keep them again once the store is back.")
            self.text.setText(summary(self.ctx.services, replay.left))
        self.error.show_message("\n".join(problems) or None)
        if not self.changes and not problems:
            self.done()
        elif not self.changes:
            self.keep_button.setEnabled(False)
            self.discard_button.setText("&Close")

    def _failed(self, _error) -> None:
        if shiboken6.isValid(self):
            self._set_saving(False)
            self.error.show_message(self.ctx.status.text)

    def _set_saving(self, saving: bool) -> None:
        self.saving = saving
        self.keep_button.setEnabled(not saving and bool(self.changes))
        self.discard_button.setEnabled(not saving)
