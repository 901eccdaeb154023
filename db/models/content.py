"""The tables of what users write: meetings and their parts, the issue library, people, the Q&A bank.

A meeting owns its agenda, issue notes (with their sources), participants,
action items and positions; issues, people and Q&A bank entries are shared by
every meeting that uses them. These tables refer to each other both ways
(``relationship(back_populates=...)``), so they are declared together.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Boolean, Date, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from db.models.base import SHORT, TEXT_DEFAULT, Base, Trashable, Versioned, short_column, text_column, utcnow
from db.types import UTCDateTime


class Meeting(Versioned, Trashable, Base):
    """A negotiating meeting or round, with its venue and times."""

    __tablename__ = "meetings"

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(64), unique=True)
    title: Mapped[str] = short_column()
    round_no: Mapped[int] = mapped_column(Integer, nullable=False, default=1)
    counterpart: Mapped[str] = short_column()
    location: Mapped[str] = short_column()
    starts_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    ends_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    timezone: Mapped[str] = mapped_column(String(64), default="UTC")
    home_timezone: Mapped[str] = mapped_column(String(64), default="UTC")
    status: Mapped[str] = mapped_column(String(16), default="planned")
    sensitivity: Mapped[str] = mapped_column(String(24), default="U")  # a code of the ladder (``markings``)
    objectives: Mapped[str] = text_column()
    principal: Mapped[str] = short_column()
    prepared_by: Mapped[str] = short_column()
    previous_id: Mapped[int | None] = mapped_column(
        ForeignKey("meetings.id", ondelete="SET NULL"), index=True
    )
    #: One of the sample meetings a new store opens on (Help → Remove the sample takes them away).
    is_sample: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False, server_default="0")
    #: The most pages a paper of each tier should take (issue 13); None: no budget.
    page_budget_full: Mapped[int | None] = mapped_column(Integer)
    page_budget_short: Mapped[int | None] = mapped_column(Integer)
    page_budget_defensive: Mapped[int | None] = mapped_column(Integer)
    #: The classification authority a cover prints above the ladder's second step (issue 11).
    classified_by: Mapped[str] = mapped_column(String(SHORT), nullable=False, default=TEXT_DEFAULT,
                                               server_default="")
    classification_reason: Mapped[str] = mapped_column(String(SHORT), nullable=False,
                                                       default=TEXT_DEFAULT, server_default="")
    declassify_on: Mapped[str] = mapped_column(String(SHORT), nullable=False, default=TEXT_DEFAULT,
                                               server_default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)

    previous: Mapped[Meeting | None] = relationship(remote_side=[id])
    agenda: Mapped[list[AgendaItem]] = relationship(
        back_populates="meeting", order_by="AgendaItem.position", cascade="all, delete-orphan"
    )
    notes: Mapped[list[IssueNote]] = relationship(
        back_populates="meeting", order_by="IssueNote.position", cascade="all, delete-orphan"
    )
    participants: Mapped[list[Participant]] = relationship(
        back_populates="meeting", order_by="Participant.position", cascade="all, delete-orphan"
    )
    actions: Mapped[list[ActionItem]] = relationship(
        back_populates="meeting", order_by="ActionItem.position", cascade="all, delete-orphan"
    )


class Issue(Versioned, Base):
    """A negotiating topic in the library, reused from meeting to meeting."""

    __tablename__ = "issues"

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(SHORT), unique=True)
    title: Mapped[str] = short_column()
    description: Mapped[str] = text_column()


class AgendaItem(Versioned, Trashable, Base):
    """One item of a meeting's agenda, in order."""

    __tablename__ = "agenda_items"

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meetings.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    title: Mapped[str] = short_column()
    minutes: Mapped[int] = mapped_column(Integer, default=0)
    lead: Mapped[str] = short_column()
    issue_id: Mapped[int | None] = mapped_column(ForeignKey("issues.id", ondelete="SET NULL"))
    status: Mapped[str] = mapped_column(String(16), default="pending")
    outcome: Mapped[str] = text_column()
    #: The meeting record (Markdown): what was said, what was agreed, what stays open.
    record: Mapped[str] = mapped_column(Text, nullable=False, default="", server_default="")
    agreed: Mapped[str] = mapped_column(Text, nullable=False, default="", server_default="")
    open_points: Mapped[str] = mapped_column(Text, nullable=False, default="", server_default="")
    #: The scenario (run of show): who speaks first for each side, press ``open`` or ``closed``,
    #: the points to use (Markdown).
    speaker_ours: Mapped[str] = mapped_column(String(SHORT), nullable=False, default="", server_default="")
    speaker_theirs: Mapped[str] = mapped_column(String(SHORT), nullable=False, default="",
                                                server_default="")
    press: Mapped[str] = mapped_column(String(16), nullable=False, default="closed",
                                       server_default="closed")
    points: Mapped[str] = mapped_column(Text, nullable=False, default="", server_default="")

    meeting: Mapped[Meeting] = relationship(back_populates="agenda")
    issue: Mapped[Issue | None] = relationship()


class Position(Versioned, Base):
    """Where one issue stands in one meeting: our position, theirs, and its state since a round.

    ``state`` is ``open``, ``bracketed``, ``agreed`` or ``dropped``; ``since_round``
    the round in which the state last changed (carried forward with it).
    """

    __tablename__ = "positions"
    __table_args__ = (UniqueConstraint("meeting_id", "issue_id", name="uq_positions_meeting_issue"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meetings.id", ondelete="CASCADE"), index=True)
    issue_id: Mapped[int] = mapped_column(ForeignKey("issues.id", ondelete="RESTRICT"), index=True)
    ours: Mapped[str] = text_column()
    theirs: Mapped[str] = text_column()
    state: Mapped[str] = mapped_column(String(16), nullable=False, default="open")
    since_round: Mapped[int] = mapped_column(Integer, nullable=False, default=1)

    meeting: Mapped[Meeting] = relationship()
    issue: Mapped[Issue] = relationship()


class IssueNote(Versioned, Trashable, Base):
    """One issue as prepared for one meeting, in structured Markdown sections."""

    __tablename__ = "issue_notes"

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meetings.id", ondelete="CASCADE"), index=True)
    issue_id: Mapped[int] = mapped_column(ForeignKey("issues.id", ondelete="RESTRICT"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    background: Mapped[str] = text_column()
    objectives: Mapped[str] = text_column()
    their_position: Mapped[str] = text_column()
    talking_points: Mapped[str] = text_column()
    defensives: Mapped[str] = text_column()
    red_lines: Mapped[str] = text_column()
    status: Mapped[str] = mapped_column(String(16), default="draft")
    priority: Mapped[str] = mapped_column(String(16), default="medium")
    owner: Mapped[str] = short_column()
    #: How deep its paper prints: ``full`` (default), ``short`` or ``defensive``.
    tier: Mapped[str] = mapped_column(String(16), nullable=False, default="full", server_default="full")
    previous_id: Mapped[int | None] = mapped_column(
        ForeignKey("issue_notes.id", ondelete="SET NULL"), index=True
    )
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)

    meeting: Mapped[Meeting] = relationship(back_populates="notes")
    issue: Mapped[Issue] = relationship()
    previous: Mapped[IssueNote | None] = relationship(remote_side=[id])
    sources: Mapped[list[Source]] = relationship(
        back_populates="note", order_by="Source.position", cascade="all, delete-orphan"
    )
    qa_links: Mapped[list[NoteQa]] = relationship(
        back_populates="note", order_by="NoteQa.position", cascade="all, delete-orphan"
    )


class Source(Versioned, Base):
    """A citation attached to an issue note."""

    __tablename__ = "sources"

    id: Mapped[int] = mapped_column(primary_key=True)
    note_id: Mapped[int] = mapped_column(ForeignKey("issue_notes.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    title: Mapped[str] = short_column()
    publisher: Mapped[str] = short_column()
    date: Mapped[str] = mapped_column(String(64), default="")
    url: Mapped[str] = mapped_column(Text, default="")

    note: Mapped[IssueNote] = relationship(back_populates="sources")


class Person(Versioned, Trashable, Base):
    """Someone who takes part in meetings, on either side."""

    __tablename__ = "people"

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(SHORT), unique=True)
    name: Mapped[str] = short_column()
    native_name: Mapped[str] = short_column()
    title: Mapped[str] = short_column()
    organization: Mapped[str] = short_column()
    bio: Mapped[str] = text_column()
    #: ``given_first`` (default) or ``family_first``: how ``name`` is written (see briefing.people.names).
    name_order: Mapped[str] = mapped_column(String(16), nullable=False, default="given_first",
                                            server_default="given_first")


class Participant(Versioned, Base):
    """A person's place in one meeting: which side, in what role."""

    __tablename__ = "participants"

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meetings.id", ondelete="CASCADE"), index=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    side: Mapped[str] = mapped_column(String(16), default="ours")
    role: Mapped[str] = short_column()
    #: ``delegate`` (default), ``interpreter``, ``observer`` or ``note-taker``.
    capacity: Mapped[str] = mapped_column(String(16), nullable=False, default="delegate",
                                          server_default="delegate")

    meeting: Mapped[Meeting] = relationship(back_populates="participants")
    person: Mapped[Person] = relationship()


class ActionItem(Versioned, Trashable, Base):
    """Something someone must do after a meeting."""

    __tablename__ = "action_items"

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meetings.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    text: Mapped[str] = text_column()
    owner: Mapped[str] = short_column()
    due: Mapped[date | None] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(16), default="open")
    issue_id: Mapped[int | None] = mapped_column(ForeignKey("issues.id", ondelete="SET NULL"))
    previous_id: Mapped[int | None] = mapped_column(
        ForeignKey("action_items.id", ondelete="SET NULL")
    )

    meeting: Mapped[Meeting] = relationship(back_populates="actions")
    issue: Mapped[Issue | None] = relationship()


class QaEntry(Versioned, Base):
    """A Q&A bank entry shared across meetings: a defensive question and its answer, or a press line.

    Notes pull entries in by reference (``NoteQa``): an edit here shows in every
    note and book that uses it; each saved edit keeps the entry as it was in
    ``QaRevision``. A retired entry stays for the books that used it but is no
    longer offered.
    """

    __tablename__ = "qa_entries"

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(SHORT), unique=True)
    issue_id: Mapped[int | None] = mapped_column(ForeignKey("issues.id", ondelete="SET NULL"), index=True)
    kind: Mapped[str] = mapped_column(String(16), nullable=False, default="defensive",
                                      server_default="defensive")
    question: Mapped[str] = text_column()
    answer: Mapped[str] = text_column()
    status: Mapped[str] = mapped_column(String(16), nullable=False, default="draft", server_default="draft")
    retired: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False, server_default="0")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)

    issue: Mapped[Issue | None] = relationship()
    revisions: Mapped[list[QaRevision]] = relationship(
        back_populates="entry", order_by="QaRevision.id", cascade="all, delete-orphan"
    )


class QaRevision(Base):
    """A Q&A entry as it was before one saved edit: who changed it and when."""

    __tablename__ = "qa_revisions"

    id: Mapped[int] = mapped_column(primary_key=True)
    entry_id: Mapped[int] = mapped_column(ForeignKey("qa_entries.id", ondelete="CASCADE"), index=True)
    author: Mapped[str] = short_column()
    saved_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    kind: Mapped[str] = mapped_column(String(16), default="defensive")
    question: Mapped[str] = text_column()
    answer: Mapped[str] = text_column()
    status: Mapped[str] = mapped_column(String(16), default="draft")

    entry: Mapped[QaEntry] = relationship(back_populates="revisions")


class NoteQa(Base):
    """A note's reference to a Q&A bank entry, in the note's order."""

    __tablename__ = "note_qa"
    __table_args__ = (UniqueConstraint("note_id", "entry_id", name="uq_note_qa_note_entry"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    note_id: Mapped[int] = mapped_column(ForeignKey("issue_notes.id", ondelete="CASCADE"), index=True)
    entry_id: Mapped[int] = mapped_column(ForeignKey("qa_entries.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)

    note: Mapped[IssueNote] = relationship(back_populates="qa_links")
    entry: Mapped[QaEntry] = relationship()
