"""Write the whole store (everything not in the Trash) as one interchange document.

Times are written in their meeting's venue zone. A stored time that cannot be
shown there (see ``briefing.times.zones``) is written in UTC, the same moment, and
named in ``problems`` so the command can say so: a dump never fails on it.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from briefing.interchange.parse import FORMAT, VERSION
from briefing.times.zones import in_zone, unshowable
from briefing.vocabulary import CAPACITIES, NAME_ORDERS, NOTE_FIELDS, PRESS_MODES, TIERS
from db.models import (
    AgendaItem,
    Issue,
    IssueNote,
    Meeting,
    NoteQa,
    Participant,
    Person,
    Position,
    QaEntry,
)


def dump_document(session: Session, problems: list[str] | None = None) -> dict[str, Any]:
    """The store as a dict ready for ``json.dump`` (lists in their stored order).

    Each time that cannot be shown in its zone is added to ``problems`` as
    ``"$.meetings[0].starts_at: … (cannot be shown in …)"``.
    """
    problems = [] if problems is None else problems
    issues = list(session.scalars(select(Issue).order_by(Issue.id)))
    people = list(session.scalars(select(Person).where(Person.deleted_at.is_(None)).order_by(Person.id)))
    meetings = session.scalars(
        select(Meeting).where(Meeting.deleted_at.is_(None)).order_by(Meeting.id)
        .options(
            selectinload(Meeting.previous),
            selectinload(Meeting.agenda).selectinload(AgendaItem.issue),
            selectinload(Meeting.notes).selectinload(IssueNote.issue),
            selectinload(Meeting.notes).selectinload(IssueNote.sources),
            selectinload(Meeting.notes).selectinload(IssueNote.qa_links).selectinload(NoteQa.entry),
            selectinload(Meeting.participants).selectinload(Participant.person),
            selectinload(Meeting.actions),
        )
    )
    slugs = {i.id: i.slug for i in issues}
    positions: dict[int, list[Position]] = {}
    for p in session.scalars(select(Position).order_by(Position.id)):
        positions.setdefault(p.meeting_id, []).append(p)
    return {
        "format": FORMAT,
        "version": VERSION,
        "issues": [{"slug": i.slug, "title": i.title, "description": i.description} for i in issues],
        "people": [
            {"key": p.key, "name": p.name, "native_name": p.native_name, "title": p.title,
             "organization": p.organization, "bio": p.bio, **_unless_default("name_order", p.name_order)}
            for p in people
        ],
        "meetings": [_meeting(m, slugs, f"$.meetings[{n}]", problems, positions.get(m.id, []))
                     for n, m in enumerate(meetings)],
        **_markings(session),
        **_qa(session, slugs),
    }


def _qa(session: Session, slugs: dict[int, str]) -> dict[str, list[dict[str, Any]]]:
    """``{"qa": [{key, issue, kind, question, answer, status}, …]}``, the Q&A bank (issue 13);
    nothing when the bank is empty, so that such a dump reads like one of the first release."""
    entries = [{"key": e.key, "issue": slugs.get(e.issue_id), "kind": e.kind, "question": e.question,
                "answer": e.answer, "status": e.status}
               for e in session.scalars(select(QaEntry).order_by(QaEntry.id))]
    return {"qa": entries} if entries else {}


def _page_budget(m: Meeting) -> dict[str, Any]:
    """``{"page_budget": {full, short, defensive}}`` when the meeting sets any budget (issue 13)."""
    budget = {tier: getattr(m, f"page_budget_{tier}") for tier in TIERS}
    return {"page_budget": budget} if any(x is not None for x in budget.values()) else {}


def _scenario(a: AgendaItem) -> dict[str, Any]:
    """An agenda item's scenario fields that say something (issue 13; ``press`` when open)."""
    out: dict[str, Any] = {k: getattr(a, k) for k in ("speaker_ours", "speaker_theirs") if getattr(a, k)}
    if a.press != PRESS_MODES[0]:
        out["press"] = a.press
    if a.points:
        out["points"] = a.points
    return out


def _markings(session: Session) -> dict[str, list[dict[str, str]]]:
    """``{"markings": [{code, name}, …]}``, the store's ladder lowest first (issue 11); nothing for
    the default ladder, so that such a dump reads like one of the first release."""
    from briefing.markings.ladder import DEFAULT_LADDER
    from briefing.markings.service import read_ladder

    steps = [{"code": m.code, "name": m.label} for m in read_ladder(session).markings]
    return {} if steps == [{"code": m.code, "name": m.label} for m in DEFAULT_LADDER] else {"markings": steps}


def _unless_default(name: str, value: str) -> dict[str, str]:
    """``{name: value}``, or nothing for the default (the first of its list): the fields added
    after the first release are written only when they say something, so such a dump reads
    like one of the first release."""
    default = {"name_order": NAME_ORDERS[0], "capacity": CAPACITIES[0]}[name]
    return {} if value == default else {name: value}


def _when(moment: datetime | None, zone: str, path: str, problems: list[str]) -> str | None:
    if moment is None:
        return None
    shown = in_zone(moment, zone)
    if shown is None:
        problems.append(f"{path}: {unshowable(moment, zone)}")
        return moment.isoformat()  # stored in UTC: the same moment
    return shown.isoformat()


def _meeting(m: Meeting, slugs: dict[int, str], path: str, problems: list[str],
             positions: list[Position]) -> dict[str, Any]:
    previous = m.previous.key if m.previous is not None and m.previous.deleted_at is None else None
    return {
        "key": m.key,
        "previous": previous,
        **({"sample": True} if m.is_sample else {}),
        "title": m.title,
        "round": m.round_no,
        "counterpart": m.counterpart,
        "location": m.location,
        "starts_at": _when(m.starts_at, m.timezone, f"{path}.starts_at", problems),
        "ends_at": _when(m.ends_at, m.timezone, f"{path}.ends_at", problems),
        "timezone": m.timezone,
        "home_timezone": m.home_timezone,
        "status": m.status,
        "sensitivity": m.sensitivity,
        "objectives": m.objectives,
        "principal": m.principal,
        "prepared_by": m.prepared_by,
        **{name: getattr(m, name) for name in ("classified_by", "classification_reason", "declassify_on")
           if getattr(m, name)},
        **_page_budget(m),
        "agenda": [
            {"title": a.title, "minutes": a.minutes, "lead": a.lead, "issue": slugs.get(a.issue_id),
             "status": a.status, "outcome": a.outcome,
             **{k: getattr(a, k) for k in ("record", "agreed", "open_points") if getattr(a, k)},
             **_scenario(a)}
            for a in m.agenda if a.deleted_at is None
        ],
        "notes": [_note(n) for n in m.notes if n.deleted_at is None],
        "participants": [
            {"person": p.person.key, "side": p.side, "role": p.role,
             **_unless_default("capacity", p.capacity)}
            for p in m.participants if p.person.deleted_at is None
        ],
        "actions": [
            {"text": a.text, "owner": a.owner, "due": a.due.isoformat() if a.due else None,
             "status": a.status, "issue": slugs.get(a.issue_id)}
            for a in m.actions if a.deleted_at is None
        ],
        **({"positions": [{"issue": slugs[p.issue_id], "ours": p.ours, "theirs": p.theirs,
                           "state": p.state} for p in positions]} if positions else {}),
    }


def _note(n: IssueNote) -> dict[str, Any]:
    return {
        "issue": n.issue.slug,
        **{name: getattr(n, name) for name in NOTE_FIELDS},
        "status": n.status,
        "priority": n.priority,
        "owner": n.owner,
        "sources": [
            {"title": s.title, "publisher": s.publisher, "date": s.date, "url": s.url}
            for s in n.sources
        ],
        **({"tier": n.tier} if n.tier != TIERS[0] else {}),
        **({"qa": [link.entry.key for link in n.qa_links]} if n.qa_links else {}),
    }
