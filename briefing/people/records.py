"""Frozen records of people and their part in a meeting."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class PersonRecord:
    """Someone in the people directory."""

    id: int
    key: str
    version: int
    name: str
    native_name: str
    title: str
    organization: str
    bio: str
    #: ``given_first`` or ``family_first`` (see ``briefing.people.names.display_name``).
    name_order: str = "given_first"


@dataclass(frozen=True, slots=True)
class ParticipantRecord:
    """A person's place in one meeting."""

    id: int
    meeting_id: int
    version: int
    position: int
    side: str
    role: str
    person: PersonRecord
    #: ``delegate``, ``interpreter``, ``observer`` or ``note-taker``.
    capacity: str = "delegate"
