"""Undo commands of the tracker: set a position's fields; apply a meeting record (one step).

Setting a position is written in the ``WRITES`` lane like every field edit, based
on the version the tracker showed: a position someone else changed meanwhile is
not written over but goes to the conflict dialog (``position_kind`` tells the
dialog how to read and write it). Applying a meeting record is one command in the lane too.
A set (or the undo of a first one, which clears it) that waits for a server that is away
is kept in the crash journal as a change (``briefing.recovery.row_changes``: ``SET`` or
``CLEAR`` of the issue's position, with the version it was based on), so that a kill
loses nothing; the next start replays it, checked against that version.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from briefing.positions.records import AppliedRecord, PositionRecord, RecordProposal
from briefing.recovery.replay_record import RECORD, applied_values, proposal_values
from briefing.recovery.row_changes import ADD, CLEAR, DELETE, SET, RowChange
from ui.conflicts.conflict import Conflict
from ui.context import AppContext
from ui.undo.background_command import BackgroundCommand
from ui.undo.kinds import RowKind

POSITION_FIELDS = ("ours", "theirs", "state", "since_round")


def position_kind(meeting_id: int, issue_id: int) -> RowKind:
    """A meeting's position on an issue as a row the writer and the conflict dialog handle."""

    def update(services: Any) -> Any:
        return lambda _row_id, version, **changes: services.positions.set(meeting_id, issue_id, version,
                                                                          **changes)

    def read(services: Any) -> Any:
        return lambda _row_id: next((p for p in services.positions.list(meeting_id)
                                     if p.issue_id == issue_id), None)

    return RowKind(
        "position", "the position", update=update,
        announce=lambda events, _record: events.sig_positions_changed.emit(meeting_id),
        labels={"ours": "Our position", "theirs": "Their position", "since_round": "Since round"},
        read=read,
    )


#: Keys the values a position's edit is writing by issue id (``RecordWriter.expect``): the tracker
#: shows them before the store has them (a position not kept yet has no id).
SHOWN_POSITION = RowKind("position shown", "the position", update=lambda _services: None,
                         announce=lambda _events, _record: None)


class SetPositionCommand(BackgroundCommand):
    """Set fields of a meeting's position on an issue; undo puts back what was (state, its since
    round and the texts), or forgets a position that was not kept before."""

    def __init__(self, ctx: AppContext, before: PositionRecord, changes: dict[str, Any],
                 text: str = "Change position") -> None:
        super().__init__(ctx, text, position_kind(before.meeting_id, before.issue_id))
        self.meeting_id = before.meeting_id
        self.issue_id = before.issue_id
        self.existed = before.id is not None
        self.row_id = before.id
        self.base = before.version  # what the tracker showed: this window's writes since carry it on
        self.old = {f: getattr(before, f) for f in POSITION_FIELDS}
        self.changes = changes
        self.issue_title = before.issue_title

    def meeting_to_show(self) -> int | None:
        return self.meeting_id

    def redo(self) -> None:
        self._write(dict(self.changes), {f: self.old[f] for f in self.changes})

    def undo(self) -> None:
        if self.existed:
            self._write(dict(self.old), {f: self.changes.get(f, self.old[f]) for f in self.old})
        else:
            self.in_lane(self._clear, ended=self._shown_at_once(self.old), change=self._kept(CLEAR, {}))

    def _write(self, values: dict[str, Any], base: dict[str, Any]) -> None:
        self.in_lane(lambda: self._set(values), None,
                     lambda error: Conflict(self.kind, self.row_id or 0, values, base, error.current),
                     ended=self._shown_at_once(values), change=self._kept(SET, values))

    def _kept(self, what: str, values: dict[str, Any]) -> Callable[[], RowChange]:
        """The run as the crash journal keeps it should it wait for the store (read then, on the GUI
        thread: the lane has run every write before it, so ``row_id`` and the versions are current)."""

        def change() -> RowChange:
            version = None if self.row_id is None else self.ctx.writer.based_on(self.kind, self.row_id,
                                                                                self.base)
            return RowChange(what, "position", self.meeting_id, self.issue_id, dict(values),
                             title=self.issue_title, version=version)

        return change

    def _shown_at_once(self, values: dict[str, Any]) -> Callable[[], None]:
        """Show ``values`` now (the store follows); returns what ends that once the write has ended."""
        writer = self.ctx.writer
        entry = writer.expect(SHOWN_POSITION, self.issue_id, values)
        self._announce(None)

        def ended() -> None:
            writer.settled(SHOWN_POSITION, self.issue_id, entry)
            self._announce(None)  # written or refused: what the store holds

        return ended

    def _set(self, values: dict[str, Any]) -> PositionRecord:  # in the worker
        if self.row_id is None:  # no position kept yet: nothing to be stale against
            record = self.ctx.services.positions.set(self.meeting_id, self.issue_id, None, **values)
            self.row_id = record.id
            self.base = record.version
            return self.ctx.writer.remember(self.kind, record)
        return self.ctx.writer.write(self.kind, self.row_id, values, base=self.base)

    def _clear(self) -> None:  # in the worker
        self.ctx.services.positions.clear(self.meeting_id, self.issue_id)
        self.row_id = None

    def _announce(self, _record: object) -> None:
        self.ctx.events.sig_positions_changed.emit(self.meeting_id)


class ApplyRecordCommand(BackgroundCommand):
    """Apply what a meeting's record proposes (positions moved, action items added) as one step,
    written in the ``WRITES`` lane."""

    def __init__(self, ctx: AppContext, proposal: RecordProposal) -> None:
        super().__init__(ctx, "Apply the meeting record")
        self.proposal = proposal
        self.applied: AppliedRecord | None = None

    def meeting_to_show(self) -> int | None:
        return self.proposal.meeting_id

    def redo(self) -> None:
        meeting_id, values = self.proposal.meeting_id, proposal_values(self.proposal)
        self.in_lane(self._apply, self._changed,
                     change=lambda: RowChange(ADD, RECORD, meeting_id, values=values))

    def _apply(self) -> AppliedRecord:  # in the worker, after every write started before
        self.applied = self.ctx.services.records.apply(self.proposal)
        return self.applied

    def undo(self) -> None:
        self.in_lane(self._take_back, self._changed, change=self._taken_back)

    def _taken_back(self) -> RowChange | None:
        """The take-back, for the crash journal should it wait: it names the application it undoes
        (its kept token while that waits too, else what it did)."""
        meeting_id = self.proposal.meeting_id
        if self.add_token is not None:
            return RowChange(DELETE, RECORD, meeting_id, row_of=self.add_token)
        if self.applied is not None:
            return RowChange(DELETE, RECORD, meeting_id, values=applied_values(self.applied))
        return None

    def _take_back(self) -> None:  # in the worker: what the apply before it made
        if self.applied is not None:
            self.ctx.services.records.undo(self.applied)

    def _changed(self, _record: object) -> None:
        events = self.ctx.events
        events.sig_positions_changed.emit(self.proposal.meeting_id)
        events.sig_actions_changed.emit(self.proposal.meeting_id)
