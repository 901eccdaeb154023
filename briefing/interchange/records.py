"""The plain values an interchange document reads into (``parse_document``), each item with its
JSON path so that what goes wrong while writing it can still name where it came from."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class IssueIn:
    """An issue of the file: matched on import by ``slug``."""

    slug: str
    title: str
    description: str


@dataclass
class PersonIn:
    """A person of the file: matched on import by ``key``."""

    key: str
    name: str
    fields: dict[str, str]


@dataclass
class NoteIn:
    """An issue note of a meeting, with its sources and the Q&A entries it uses."""

    issue: str
    path: str
    fields: dict[str, Any]
    sources: list[dict[str, str]]
    #: ``(path, key)`` of each Q&A bank entry the note uses, in order (issue 13).
    qa: list[tuple[str, str]] = field(default_factory=list)


@dataclass
class QaIn:
    """A Q&A bank entry of the file (issue 13): matched on import by ``key``, like a person."""

    key: str
    issue: str | None
    path: str
    fields: dict[str, Any]


@dataclass
class MeetingIn:
    """A meeting of the file with its agenda, notes, participants, actions and positions."""

    key: str | None
    previous: str | None
    path: str
    fields: dict[str, Any]
    agenda: list[tuple[str, str | None, dict[str, Any]]] = field(default_factory=list)
    notes: list[NoteIn] = field(default_factory=list)
    participants: list[tuple[str, str, dict[str, Any]]] = field(default_factory=list)
    actions: list[tuple[str, str | None, dict[str, Any]]] = field(default_factory=list)
    #: ``(path, issue slug, {ours, theirs, state})`` per position (issue 12).
    positions: list[tuple[str, str, dict[str, Any]]] = field(default_factory=list)


@dataclass
class Document:
    """A whole document, checked: what ``write_document`` adds to the store."""

    issues: list[IssueIn]
    people: list[PersonIn]
    meetings: list[MeetingIn]
    #: The file's marking ladder (``markings``, lowest first; issue 11), None when it gives none.
    markings: tuple[MarkingIn, ...] | None = None
    #: The Q&A bank entries of the file (``qa``; issue 13).
    qa: list[QaIn] = field(default_factory=list)


@dataclass(frozen=True)
class MarkingIn:
    """One step of a file's ladder: ``{code, name}``."""

    code: str
    name: str
