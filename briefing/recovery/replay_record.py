"""Replaying a meeting record applied (or its application taken back) while the store was away.

Applying the record moves positions and adds action items in one step
(``RecordService.apply``). Kept as an ``ADD`` of kind ``record`` it holds what the user
was shown and applied (``proposal_values``: each move and each action as a list of plain
values), and the replay applies exactly that (a line kept without them: what the record
proposes at the replay). A take-back (a
``DELETE``) names the application it undoes: one replayed just before (``row_of``, its
token), or one that had been written, by what it did (``before``: each issue's state and
since-round before, ``action_ids``: the items it added), kept with the change.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from briefing.errors import BriefbookError
from briefing.positions.records import AppliedRecord, PositionMove, ProposedAction, RecordProposal
from briefing.recovery.row_changes import ADD, DELETE, RowChange

if TYPE_CHECKING:
    from briefing.services import Services

RECORD = "record"


def proposal_values(proposal: RecordProposal) -> dict[str, Any]:
    """What an application applies, as its kept values (lists of plain values)."""
    return {"moves": [[m.issue_id, m.issue_slug, m.issue_title, m.old_state, m.new_state, m.agenda_item_id]
                      for m in proposal.moves],
            "actions": [[a.text, a.owner, a.due, a.issue_id, a.agenda_item_id, a.line]
                        for a in proposal.actions]}


def _proposal(meeting_id: int, values: dict[str, Any]) -> RecordProposal:
    moves = tuple(PositionMove(int(i), str(slug), str(title), str(old), str(new), int(item))
                  for i, slug, title, old, new, item in values["moves"])
    actions = tuple(ProposedAction(str(text), str(owner), due, None if issue is None else int(issue),
                                   int(item), str(line))
                    for text, owner, due, issue, item, line in values["actions"])
    return RecordProposal(meeting_id, moves, actions)


def applied_values(applied: AppliedRecord) -> dict[str, Any]:
    """What an application did, as a take-back's kept values (lists of plain values)."""
    return {"before": [[issue_id, *(was if was is not None else (None, None))]
                       for issue_id, was in applied.before],
            "action_ids": list(applied.action_ids)}


def _applied(meeting_id: int, values: dict[str, Any]) -> AppliedRecord:
    before = tuple((int(issue_id), None if state is None else (str(state), int(since)))
                   for issue_id, state, since in values["before"])
    return AppliedRecord(meeting_id, before, tuple(int(i) for i in values["action_ids"]))


def describe_record(change: RowChange, meeting_title: str) -> str:
    verb = "applied" if change.what == ADD else "took back"
    return f"{verb} the meeting record" + (f" of “{meeting_title}”" if meeting_title else "")


class ReplayedRecords:
    """The applications this replay made, by their token: a take-back given after one undoes it."""

    def __init__(self) -> None:
        self.applied: dict[str, AppliedRecord] = {}

    def replay(self, services: Services, token: str, change: RowChange) -> None:
        records = services.records
        if change.what == ADD:
            proposal = (_proposal(change.meeting_id, change.values) if "moves" in change.values
                        else records.propose(change.meeting_id))
            if proposal.is_empty:
                raise BriefbookError("the record proposes nothing to apply now")
            self.applied[token] = records.apply(proposal)
        elif change.what == DELETE:
            if change.row_of is not None and change.row_of in self.applied:
                records.undo(self.applied.pop(change.row_of))
            elif "before" in change.values:
                records.undo(_applied(change.meeting_id, change.values))
            else:
                raise BriefbookError("what its application changed is not known; undo it by hand")
        else:
            raise BriefbookError("a meeting record is applied or taken back")
