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
as plain there.

``release_document`` does the same to an interchange document (``main.py dump
--up-to``): each meeting's fields with that meeting's sensitivity as the default;
bios and issue descriptions, which belong to no one meeting, with the highest
sensitivity of the meetings that use them (the top of the ladder when none does).
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable
from types import SimpleNamespace
from typing import TYPE_CHECKING, Any

from briefing.errors import ValidationError
from briefing.markings.ladder import Ladder
from briefing.markings.portions import highest, keep_up_to, rank
from briefing.revisions.changes import section_changes, value_changes
from briefing.vocabulary import NOTE_FIELDS

if TYPE_CHECKING:
    from briefing.brief.records import Brief
    from briefing.notes.records import NoteRecord
    from briefing.rounds.records import IssueChange, RoundChanges

#: The single values compared between rounds (as ``briefing.rounds.service.ROUND_VALUES``).
_ROUND_VALUES = ("priority", "owner")
#: The Markdown fields of an agenda item: its outcome, its meeting record, its scenario's points.
AGENDA_TEXT = ("outcome", "record", "agreed", "open_points", "points")
#: The Markdown fields of a Q&A bank entry and of a position.
QA_TEXT = ("question", "answer")
POSITION_TEXT = ("ours", "theirs")


def check_up_to(up_to: str, ladder: Ladder) -> str:
    """``up_to`` when it is a code of ``ladder``; otherwise a ``ValidationError`` naming the codes."""
    if up_to not in ladder:
        codes = ", ".join(ladder.codes)
        raise ValidationError("up-to", f"{up_to!r} is not a marking on the ladder; choose one of {codes}")
    return up_to


class _Counter:
    """Applies ``keep_up_to`` with one default and counts what it withheld."""

    def __init__(self, up_to: str, default: str, ladder: Ladder) -> None:
        # a marking not on the ladder (none should be: the ladder refuses to orphan one) is
        # taken as its top, so that unmarked text under it is withheld rather than released
        default = default if default in ladder else ladder.codes[-1]
        self.up_to, self.default, self.ladder = up_to, default, ladder
        self.withheld = 0

    def keep(self, markdown: str) -> tuple[str, bool]:
        """The kept text, and whether the field lost everything it had (it had some, none is left)."""
        kept, removed = keep_up_to(markdown, self.up_to, self.default, self.ladder)
        self.withheld += removed
        return kept, removed > 0 and not kept.strip()


def _fields(record: Any, names: Iterable[str], counter: _Counter) -> tuple[Any, bool]:
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


def _capped(code: str, up_to: str, ladder: Ladder) -> str:
    """``code``, or ``up_to`` when ``code`` is above it (or not on the ladder): a release never
    says more than ``up_to``."""
    return up_to if code not in ladder or rank(code, ladder) > rank(up_to, ladder) else code


def _note(note: NoteRecord, counter: _Counter) -> NoteRecord | None:
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


#: A source only withheld portions cited: its number stays (the kept text's ``[n]`` still point
#: right), what it was does not.
WITHHELD_SOURCE = {"title": "(withheld)", "publisher": "", "date": "", "url": ""}
_SOURCE_REF = re.compile(r"\[(\d{1,3})\]")  # as the book reads ``[n]`` (briefing/pdf/markdown.py)


def withheld_sources(before: Iterable[str], after: Iterable[str]) -> set[int]:
    """The numbers of the sources cited in ``before`` (a note's sections) and no longer in
    ``after`` (the same released)."""
    def cited(texts: Iterable[str]) -> set[int]:
        return {int(m.group(1)) for text in texts for m in _SOURCE_REF.finditer(text or "")}

    return cited(before) - cited(after)


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
    counter = _Counter(up_to, meeting.sensitivity, ladder)

    objectives, _ = counter.keep(meeting.objectives)
    meeting = dataclasses.replace(meeting, objectives=objectives,
                                  sensitivity=_capped(meeting.sensitivity, up_to, ladder))

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
    before = _Counter(up_to, _stricter(previous_sensitivity or brief.previous_sensitivity,
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
    ``_Counter`` takes it); ``other`` when ``code`` is None."""
    if code is None or code == other:
        return other
    for candidate in (code, other):
        if candidate not in ladder:
            return candidate
    return highest((code, other), ladder)


def _bank_and_positions(brief: Brief, kept_notes: set[int], dropped_issues: set[int],
                        counter: _Counter, unlinked) -> dict[str, Any]:
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
                   kept: dict[int, NoteRecord], before: _Counter) -> RoundChanges | None:
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


def _released_version(old: SimpleNamespace, counter: _Counter) -> SimpleNamespace | None:
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


# -- the interchange document ------------------------------------------------------------------


def release_document(doc: dict[str, Any], up_to: str, ladder: Ladder) -> tuple[dict[str, Any], int]:
    """An interchange document (``dump_document``'s) released up to ``up_to``, and how many
    portions were withheld. See the module docstring for the defaults of shared text."""
    check_up_to(up_to, ladder)
    top = ladder.codes[-1]
    withheld = 0

    def keep(text: str, default: str) -> tuple[str, bool]:
        nonlocal withheld
        if not isinstance(text, str):
            return text, False
        counter = _Counter(up_to, default, ladder)
        kept, lost = counter.keep(text)
        withheld += counter.withheld
        return kept, lost

    uses_person: dict[str, list[str]] = {}
    uses_issue: dict[str, list[str]] = {}
    uses_entry: dict[str, list[str]] = {}
    for m in doc.get("meetings", []):
        marking = m.get("sensitivity", top)
        for p in m.get("participants", []):
            uses_person.setdefault(p.get("person"), []).append(marking)
        for n in m.get("notes", []):
            uses_issue.setdefault(n.get("issue"), []).append(marking)
            for key in n.get("qa") or []:
                uses_entry.setdefault(key, []).append(marking)

    meetings = []
    kept_issues: set[str] = set()
    dropped_issues: set[str] = set()
    for m in doc.get("meetings", []):
        default = m.get("sensitivity", top)
        meeting = dict(m)
        meeting["objectives"], _ = keep(m.get("objectives", ""), default)
        notes = []
        for n in m.get("notes", []):
            note, lost = _released_item(n, NOTE_FIELDS, default, keep)
            if lost:
                dropped_issues.add(n.get("issue"))
                continue
            kept_issues.add(n.get("issue"))
            gone = withheld_sources([n.get(f, "") for f in NOTE_FIELDS],
                                    [note.get(f, "") for f in NOTE_FIELDS])
            if gone and isinstance(n.get("sources"), list):
                note["sources"] = [{**src, **WITHHELD_SOURCE} if i in gone else src
                                   for i, src in enumerate(n["sources"], 1)]
            notes.append(note)
        meeting["notes"] = notes
        gone = {n.get("issue") for n in m.get("notes", [])} - {n.get("issue") for n in notes}
        meeting["agenda"] = _kept_items(m.get("agenda", []), AGENDA_TEXT, gone, default, keep)
        meeting["actions"] = _kept_items(m.get("actions", []), ("text",), gone, default, keep)
        if "positions" in m:
            meeting["positions"] = [p for p in _kept_items(m["positions"], POSITION_TEXT, set(),
                                                           default, keep) if p.get("issue") not in gone]
        meeting["sensitivity"] = _capped(default, up_to, ladder)
        meetings.append(meeting)
    referenced = {x.get("issue") for m in meetings
                  for x in (*m["agenda"], *m["actions"], *m.get("positions", []))}
    withdrawn = dropped_issues - kept_issues - referenced

    out = {**doc, "meetings": meetings}
    if "qa" in doc:
        entries = []
        for entry in doc["qa"]:
            if entry.get("issue") in withdrawn:
                continue
            default = highest(uses_entry.get(entry.get("key"), [top]), ladder)
            released_entry, lost = _released_item(entry, QA_TEXT, default, keep)
            if not lost:
                entries.append(released_entry)
        out["qa"] = entries
        kept_keys = {e.get("key") for e in entries}
        for meeting in meetings:
            for note in meeting["notes"]:
                if "qa" in note:
                    note["qa"] = [k for k in note["qa"] if k in kept_keys]
                    if not note["qa"]:
                        del note["qa"]
    issues = []
    for issue in doc.get("issues", []):
        if issue.get("slug") in withdrawn:
            continue
        default = highest(uses_issue.get(issue.get("slug"), [top]), ladder)
        issues.append({**issue, "description": keep(issue.get("description", ""), default)[0]})
    people = []
    for person in doc.get("people", []):
        default = highest(uses_person.get(person.get("key"), [top]), ladder)
        people.append({**person, "bio": keep(person.get("bio", ""), default)[0]})
    out["issues"], out["people"] = issues, people
    return out, withheld


def _released_item(item: dict[str, Any], fields: Iterable[str], default: str,
                   keep) -> tuple[dict[str, Any], bool]:
    """``item`` with its Markdown ``fields`` released, and whether it lost everything."""
    released = dict(item)
    lost_any = False
    for name in fields:
        if name in item:
            released[name], lost = keep(item[name], default)
            lost_any = lost_any or lost
    emptied = not any(isinstance(released.get(n), str) and released[n].strip() for n in fields)
    return released, lost_any and emptied


def _kept_items(items: list[dict[str, Any]], fields: tuple[str, ...], gone: set[str], default: str,
                keep) -> list[dict[str, Any]]:
    """Agenda items, actions or positions with ``fields`` released: one that lost all of them is
    dropped, and one about an issue whose note was withheld no longer names it."""
    out = []
    for item in items:
        released, lost = _released_item(item, fields, default, keep)
        if lost:
            continue
        if released.get("issue") in gone:
            released["issue"] = None
        out.append(released)
    return out
