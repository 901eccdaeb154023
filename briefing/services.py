"""Open a store and hand out its services: the one object the GUI and the CLI hold."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from briefing.actions import ActionService
from briefing.agenda import AgendaService
from briefing.config import Config
from briefing.history import HistoryService
from briefing.issues import IssueLibrary
from briefing.meetings import MeetingService
from briefing.notes import NoteService
from briefing.people import PeopleService
from briefing.records import Brief, MeetingRecord
from briefing.search import SearchService
from briefing.timeline import RoundsService
from db.engine import Database
from db.migrate import ensure_schema


def describe_store(url: str) -> str:
    """The store as a person reads it: the SQLite file, or the URL without its password."""
    from sqlalchemy.engine import make_url

    from db.engine import sqlite_path

    path = sqlite_path(url)
    return str(path) if path is not None else make_url(url).render_as_string(hide_password=True)


class Services:
    """Every service of one open store."""

    def __init__(self, db: Database, config: Config | None = None) -> None:
        self.db = db
        self.config = config or Config()
        self.meetings = MeetingService(db, self.config)
        self.agenda = AgendaService(db)
        self.issues = IssueLibrary(db)
        self.notes = NoteService(db, self.config)
        self.history = HistoryService(db, self.notes)
        self.search = SearchService(db)
        self.rounds = RoundsService(db)
        self.people = PeopleService(db)
        self.actions = ActionService(db)

    @classmethod
    def open(cls, url: str, config: Config | None = None,
             backup: Callable[[str], object] | None = None) -> Services:
        """Open the store at ``url``, creating or upgrading its schema as needed."""
        db = Database(url)
        try:
            ensure_schema(db, backup=backup)
        except BaseException:
            db.dispose()
            raise
        return cls(db, config)

    def close(self) -> None:
        self.db.dispose()

    def carry_forward(self, meeting_id: int, *, title: str | None = None,
                      starts_at: datetime | None = None,
                      ends_at: datetime | None = None) -> MeetingRecord:
        """Start the next round of a meeting (see ``briefing.rounds.carry_forward``)."""
        from briefing.rounds import carry_forward

        return carry_forward(self.db, meeting_id, title=title, starts_at=starts_at, ends_at=ends_at)

    def brief(self, meeting_id: int) -> Brief:
        """Everything the briefing book of a meeting shows."""
        from briefing.brief import load_brief

        return load_brief(self.db, meeting_id)
