"""ORM rows to frozen records: the one place that knows both shapes."""

from __future__ import annotations

from typing import TYPE_CHECKING

from briefing.actions.records import ActionRecord
from briefing.agenda.records import AgendaItemRecord
from briefing.issues.records import IssueRecord
from briefing.meetings.records import MeetingRecord
from briefing.notes.records import NoteRecord, NoteSummary, SourceRecord
from briefing.people.records import ParticipantRecord, PersonRecord

if TYPE_CHECKING:  # the functions only read attributes: the models load with the services that use them
    from db import models


def meeting(m: models.Meeting, next_ids: tuple[int, ...] = ()) -> MeetingRecord:
    return MeetingRecord(
        id=m.id, key=m.key, version=m.version, title=m.title, round_no=m.round_no,
        counterpart=m.counterpart, location=m.location, starts_at=m.starts_at,
        ends_at=m.ends_at, timezone=m.timezone, home_timezone=m.home_timezone,
        status=m.status, sensitivity=m.sensitivity, objectives=m.objectives,
        principal=m.principal, prepared_by=m.prepared_by, previous_id=m.previous_id,
        is_sample=m.is_sample, classified_by=m.classified_by,
        classification_reason=m.classification_reason, declassify_on=m.declassify_on,
        page_budget_full=m.page_budget_full, page_budget_short=m.page_budget_short,
        page_budget_defensive=m.page_budget_defensive, next_ids=next_ids,
    )


def issue(i: models.Issue) -> IssueRecord:
    return IssueRecord(id=i.id, slug=i.slug, title=i.title, description=i.description,
                       version=i.version)


def agenda_item(a: models.AgendaItem) -> AgendaItemRecord:
    return AgendaItemRecord(
        id=a.id, meeting_id=a.meeting_id, version=a.version, position=a.position,
        title=a.title, minutes=a.minutes, lead=a.lead, issue_id=a.issue_id,
        issue_slug=a.issue.slug if a.issue else None,
        issue_title=a.issue.title if a.issue else None,
        status=a.status, outcome=a.outcome, record=a.record, agreed=a.agreed,
        open_points=a.open_points, speaker_ours=a.speaker_ours, speaker_theirs=a.speaker_theirs,
        press=a.press, points=a.points,
    )


def source(s: models.Source) -> SourceRecord:
    return SourceRecord(id=s.id, version=s.version, position=s.position, title=s.title,
                        publisher=s.publisher, date=s.date, url=s.url)


def note(n: models.IssueNote) -> NoteRecord:
    return NoteRecord(
        id=n.id, meeting_id=n.meeting_id, issue_id=n.issue_id, issue_slug=n.issue.slug,
        issue_title=n.issue.title, version=n.version, position=n.position,
        background=n.background, objectives=n.objectives, their_position=n.their_position,
        talking_points=n.talking_points, defensives=n.defensives, red_lines=n.red_lines,
        status=n.status, priority=n.priority, owner=n.owner, previous_id=n.previous_id,
        updated_at=n.updated_at, sources=tuple(source(s) for s in n.sources), tier=n.tier,
    )


def note_summary(n: models.IssueNote, issue_title: str) -> NoteSummary:
    return NoteSummary(id=n.id, issue_id=n.issue_id, issue_title=issue_title,
                       position=n.position, status=n.status, priority=n.priority, owner=n.owner,
                       version=n.version, tier=n.tier)


def person(p: models.Person) -> PersonRecord:
    return PersonRecord(id=p.id, key=p.key, version=p.version, name=p.name,
                        native_name=p.native_name, title=p.title,
                        organization=p.organization, bio=p.bio, name_order=p.name_order)


def participant(p: models.Participant) -> ParticipantRecord:
    return ParticipantRecord(id=p.id, meeting_id=p.meeting_id, version=p.version,
                             position=p.position, side=p.side, role=p.role,
                             person=person(p.person), capacity=p.capacity)


def action(a: models.ActionItem) -> ActionRecord:
    return ActionRecord(
        id=a.id, meeting_id=a.meeting_id, version=a.version, position=a.position,
        text=a.text, owner=a.owner, due=a.due, status=a.status, issue_id=a.issue_id,
        issue_slug=a.issue.slug if a.issue else None,
        issue_title=a.issue.title if a.issue else None, previous_id=a.previous_id,
    )
