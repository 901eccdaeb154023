"""Undo commands of the tracker: set a position's fields; apply a meeting record (one step)."""

from __future__ import annotations

from typing import Any

from briefing.positions.records import AppliedRecord, PositionRecord, RecordProposal
from ui.context import AppContext
from ui.undo.command import ServiceCommand


class SetPositionCommand(ServiceCommand):
    """Set fields of a meeting's position on an issue; undo puts back what was (state, its since
    round and the texts), or forgets a position that was not kept before."""

    def __init__(self, ctx: AppContext, before: PositionRecord, changes: dict[str, Any],
                 text: str = "Change position") -> None:
        super().__init__(ctx, text)
        self.meeting_id = before.meeting_id
        self.issue_id = before.issue_id
        self.existed = before.id is not None
        self.old = {"ours": before.ours, "theirs": before.theirs, "state": before.state,
                    "since_round": before.since_round}
        self.changes = changes

    def meeting_to_show(self) -> int | None:
        return self.meeting_id

    def redo(self) -> None:
        positions = self.ctx.services.positions
        self._changed(self.attempt(lambda: positions.set(self.meeting_id, self.issue_id,
                                                         **self.changes)))

    def undo(self) -> None:
        positions = self.ctx.services.positions
        if self.existed:
            ok = self.attempt(lambda: positions.set(self.meeting_id, self.issue_id, **self.old))
        else:
            ok = self.attempt(lambda: positions.clear(self.meeting_id, self.issue_id))
        self._changed(ok)

    def _changed(self, ok: bool) -> None:
        if ok:
            self.ctx.events.sig_positions_changed.emit(self.meeting_id)
            self.ctx.events.sig_saved.emit()


class ApplyRecordCommand(ServiceCommand):
    """Apply what a meeting's record proposes (positions moved, action items added) as one step."""

    def __init__(self, ctx: AppContext, proposal: RecordProposal) -> None:
        super().__init__(ctx, "Apply the meeting record")
        self.proposal = proposal
        self.applied: AppliedRecord | None = None

    def meeting_to_show(self) -> int | None:
        return self.proposal.meeting_id

    def redo(self) -> None:
        records = self.ctx.services.records
        if self.attempt(lambda: records.apply(self.proposal)):
            self.applied = self.outcome.record
            self._changed()

    def undo(self) -> None:
        if self.applied is not None:
            applied = self.applied
            if self.attempt(lambda: self.ctx.services.records.undo(applied)):
                self._changed()

    def _changed(self) -> None:
        events = self.ctx.events
        events.sig_positions_changed.emit(self.proposal.meeting_id)
        events.sig_actions_changed.emit(self.proposal.meeting_id)
        events.sig_saved.emit()
