"""Release copies: a brief (or a JSON document) with every portion marked above a marking removed.

``release_brief(brief, up_to, ladder)`` is what the PDF builder, the JSON dump
and the Word export call before they write anything: what is withheld is not
hidden, it is gone from the records they receive. It applies ``keep_up_to``
(``briefing.markings.portions``) to every Markdown field — the meeting's
objectives, agenda outcomes and records, note sections, Q&A entries, positions,
bios, action texts — and drops an issue paper, agenda item, action, Q&A entry or
position whose every portion was withheld (a field that had no text withholds
nothing, so an empty note stays). An agenda item or action about a dropped paper
no longer names its issue; a source that only withheld text cited keeps its
number and loses what it was. "Changes since the last round" is computed again
from both rounds released the same way, so neither the previous round's text nor
a dropped paper's title survives in its diffs. ``tests/briefing/test_release.py``
fails when a record gains a text field that is neither released here nor named
as plain there (the Markdown fields are named in ``briefing.markings.withholding``).

``release_document`` (``briefing.markings.document_release``) does the same to an
interchange document; it and ``check_up_to`` are importable from here too, where
the command line imports them.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from types import SimpleNamespace
from typing import TYPE_CHECKING, Any

from briefing.markings.document_release import release_document
from briefing.markings.ladder import Ladder
from briefing.markings.portions import highest
from briefing.markings.withholding import (
    AGENDA_TEXT,
    POSITION_TEXT,
    QA_TEXT,
    WITHHELD_SOURCE,
    Withholding,
    capped,
    check_up_to,
    withheld_sources,
)
from briefing.revisions.changes import section_changes, value_changes
from briefing.vocabulary import NOTE_FIELDS

if TYPE_CHECKING:
    from briefing.brief.records import Brief
    from briefing.notes.records import NoteRecord
    from briefing.rounds.records import IssueChange, RoundChanges

#: Importable from here: the command line's ``dump --up-to`` and ``export --up-to`` use them.
__all__ = ["check_up_to", "release_brief", "release_document"]

#: The single values compared between rounds (as ``briefing.rounds.service.ROUND_VALUES``).
_ROUND_VALUES = ("priority", "owner")


def _fields(record: Any, names: Iterable[str], counter: Withholding) -> tuple[Any, bool]:
    """``record`` with its Markdown fields ``names`` released, and whether it lost everything
    (some portion was withheld and no text is left in any of them)."""
    changes: dict[str, str] = {}
    lost_any = False
    for name in names:
        if hasattr(record, name):
            changes[name], lost = counter.keep(getattr(record, name))
            lost_any = lost_any or lost
    if lost_any and not any(text.strip() for text in changes.values()):
        return record, True
    return dataclasses.replace(record, **changes), False


def _note(note: NoteRecord, counter: Withholding) -> NoteRecord | None:
    """The note with its sections released; None when every portion it had was withheld."""
    changes: dict[str, str] = {}
    lost_any = False
    for name in NOTE_FIELDS:
        kept, lost = counter.keep(getattr(note, name))
        lost_any = lost_any or lost
        changes[name] = kept
    if lost_any and not any(text.strip() for text in changes.values()):
        return None
    gone = withheld_sources([getattr(note, n) for n in NOTE_FIELDS], changes.values())
    sources = tuple(dataclasses.replace(src, **WITHHELD_SOURCE) if n in gone else src
                    for n, src in enumerate(note.sources, 1))
    return dataclasses.replace(note, **changes, sources=sources)


def release_brief(brief: Brief, up_to: str, ladder: Ladder, *,
                  previous_sensitivity: str | None = None) -> tuple[Brief, int]:
    """``brief`` without every portion marked above ``up_to``, and how many portions were withheld.

    The count is of this meeting's portions (its notes, agenda, people, actions); the
    previous round's text is released too but not counted; its unmarked portions carry
    ``previous_sensitivity`` (default: the previous round's own, ``brief.previous_sensitivity``)
    or this meeting's, whichever is stricter. An
    unknown ``up_to`` is a ``ValidationError`` naming the ladder's codes.
    """
    check_up_to(up_to, ladder)
    meeting = brief.meeting
    counter = Withholding(up_to, meeting.sensitivity, ladder)

    objectives, _ = counter.keep(meeting.objectives)
    meeting = dataclasses.replace(meeting, objectives=objectives,
                                  sensitivity=capped(meeting.sensitivity, up_to, ladder))

    notes: list[NoteRecord] = []
    dropped_issues: set[int] = set()
    for note in brief.notes:
        released = _note(note, counter)
        if released is None:
            dropped_issues.add(note.issue_id)
        else:
            notes.append(released)
    kept_issues = {n.issue_id for n in notes}
    dropped_issues -= kept_issues

    def unlinked(record: Any) -> Any:
        if record.issue_id in dropped_issues:
            return dataclasses.replace(record, issue_id=None, issue_slug=None, issue_title=None)
        return record

    slots = []
    for slot in brief.schedule.slots:
        item, lost = _fields(slot.item, AGENDA_TEXT, counter)
        if not lost:
            slots.append(dataclasses.replace(slot, item=unlinked(item)))
    schedule = dataclasses.replace(brief.schedule, slots=tuple(slots),
                                   total_minutes=sum(s.item.minutes for s in slots))

    participants = []
    for p in brief.participants:
        bio, _ = counter.keep(p.person.bio)
        participants.append(dataclasses.replace(p, person=dataclasses.replace(p.person, bio=bio)))

    actions = []
    for action in brief.actions:
        released_action, lost = _fields(action, ("text",), counter)
        if not lost:
            actions.append(unlinked(released_action))
    extra = _bank_and_positions(brief, {n.id for n in notes}, dropped_issues, counter, unlinked)

    # the previous round: released the same way (its own text is not counted); its unmarked text
    # carries its own meeting's marking, or this one's where that is stricter (a text carried
    # forward into a round marked higher must not come out through the comparison)
    before = Withholding(up_to, _stricter(previous_sensitivity or brief.previous_sensitivity,
                                       brief.meeting.sensitivity, ladder), ladder)
    kept_ids = {n.id for n in notes}
    previous: dict[int, NoteRecord] = {}
    for note_id, old in brief.previous_notes.items():
        released_old = _note(old, before) if note_id in kept_ids else None
        if released_old is not None:
            previous[note_id] = released_old
    changes = _round_changes(brief.round_changes, brief.notes, {n.id: n for n in notes}, before)

    released = dataclasses.replace(brief, meeting=meeting, schedule=schedule, notes=tuple(notes),
                                   participants=tuple(participants), actions=tuple(actions),
                                   previous_notes=previous, round_changes=changes, **extra)
    return released, counter.withheld


def _stricter(code: str | None, other: str, ladder: Ladder) -> str:
    """The stricter of two meetings' markings (one off the ladder counts as its top, as
    ``Withholding`` takes it); ``other`` when ``code`` is None."""
    if code is None or code == other:
        return other
    for candidate in (code, other):
        if candidate not in ladder:
            return candidate
    return highest((code, other), ladder)


def _bank_and_positions(brief: Brief, kept_notes: set[int], dropped_issues: set[int],
                        counter: Withholding, unlinked) -> dict[str, Any]:
    """The brief's Q&A entries (of the papers kept) and positions (of the issues kept), released;
    an entry or position that lost everything goes."""
    extra: dict[str, Any] = {}
    if hasattr(brief, "qa"):
        qa = {}
        for note_id, entries in brief.qa.items():
            if note_id not in kept_notes:
                continue
            kept = []
            for entry in entries:
                released_entry, lost = _fields(entry, QA_TEXT, counter)
                if not lost:
                    kept.append(unlinked(released_entry))
            qa[note_id] = tuple(kept)
        extra["qa"] = qa
    if hasattr(brief, "positions"):
        positions = []
        for position in brief.positions:
            if position.issue_id in dropped_issues:
                continue
            released_position, lost = _fields(position, POSITION_TEXT, counter)
            if not lost:
                positions.append(released_position)
        extra["positions"] = tuple(positions)
    if hasattr(brief, "previous_states"):
        extra["previous_states"] = {k: v for k, v in brief.previous_states.items()
                                    if k not in dropped_issues}
    return extra


def _round_changes(rc: RoundChanges | None, originals: Iterable[NoteRecord],
                   kept: dict[int, NoteRecord], before: Withholding) -> RoundChanges | None:
    """What changed since the last round, between this round and the previous one both released."""
    if rc is None:
        return None
    by_id = {n.id: n for n in originals}
    issues: list[IssueChange] = []
    for change in rc.issues:
        if change.note_id is not None and change.note_id not in kept:
            continue  # the paper was withheld whole: not even its title is listed
        new = kept.get(change.note_id) if change.note_id is not None else None
        old = _previous_version(change, by_id.get(change.note_id) if change.note_id else None)
        old_released = None
        if old is not None:
            old_released = _released_version(old, before)
        if new is None and old_released is None:
            continue
        issues.append(_issue_change(change, new, old_released))
    return dataclasses.replace(rc, issues=tuple(issues))


def _previous_version(change: IssueChange, current: NoteRecord | None) -> SimpleNamespace | None:
    """The previous round's note as the change records it: its changed sections' old text, the
    rest as the current note has them (unchanged)."""
    if change.previous_note_id is None:
        return None
    olds = {c.field: c.old for c in change.sections}
    values = {v.field: v.old for v in change.values}
    fields = {name: olds.get(name, getattr(current, name) if current is not None else "")
              for name in NOTE_FIELDS}
    for name in _ROUND_VALUES:
        fields[name] = values.get(name, getattr(current, name) if current is not None else "")
    return SimpleNamespace(**fields)


def _released_version(old: SimpleNamespace, counter: Withholding) -> SimpleNamespace | None:
    lost_any = False
    texts = {}
    for name in NOTE_FIELDS:
        texts[name], lost = counter.keep(getattr(old, name))
        lost_any = lost_any or lost
    if lost_any and not any(t.strip() for t in texts.values()):
        return None
    return SimpleNamespace(**{**vars(old), **texts})


def _issue_change(change: IssueChange, new: NoteRecord | None,
                  old: SimpleNamespace | None) -> IssueChange:
    sections = section_changes(old, new)  # type: ignore[arg-type]
    values = value_changes(old, new, _ROUND_VALUES)  # type: ignore[arg-type]
    if old is None:
        kind = "new"
    elif new is None:
        kind = "dropped"
    else:
        kind = "changed" if sections or values else "unchanged"
    return dataclasses.replace(change, kind=kind, sections=sections, values=values,
                               previous_note_id=change.previous_note_id if old is not None else None)
