"""Open a store and hand out its services: the one object the GUI and the CLI hold."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from functools import cached_property
from typing import TYPE_CHECKING, Any

from briefing.backups import BEFORE_IMPORT, BackupService
from briefing.config import Config
from briefing.errors import StoreError
from briefing.meetings import MeetingService
from db.engine import Database
from db.migrate import ensure_schema

if TYPE_CHECKING:
    from briefing.actions import ActionService
    from briefing.agenda import AgendaService
    from briefing.history import HistoryService
    from briefing.interchange import ImportSummary
    from briefing.issues import IssueLibrary
    from briefing.meeting_records import MeetingRecord
    from briefing.notes import NoteService
    from briefing.people import PeopleService
    from briefing.records import Brief
    from briefing.search import SearchService
    from briefing.timeline import RoundsService
    from briefing.trash import TrashService


def describe_store(url: str) -> str:
    """The store as a person reads it: the SQLite file, or the URL without its password."""
    from sqlalchemy.engine import make_url

    from db.engine import sqlite_path

    path = sqlite_path(url)
    return str(path) if path is not None else make_url(url).render_as_string(hide_password=True)


class Services:
    """Every service of one open store.

    ``notices`` holds what the user should be told about opening the store that
    is not an error (an automatic backup that could not be taken); ``read_only``
    says that every write will be refused with a ``ReadOnlyStoreError``.

    The meetings and backups are made at once: the first screen needs only the
    meetings, which read without the ORM (``briefing.meetings``). Every other
    service is made (and its module, with the ORM models, imported) when first
    used, so that start-up does not pay for them; ``prepare_models`` does that
    work ahead of time.
    """

    def __init__(self, db: Database, config: Config | None = None) -> None:
        self.db = db
        self.config = config or Config()
        self.meetings = MeetingService(db, self.config)
        self.backups = BackupService(db, keep=self.config.backups_keep)
        self.notices: list[str] = []
        self.schema = "current"

    @cached_property
    def agenda(self) -> AgendaService:
        """Agenda items and the schedule (``briefing.agenda``)."""
        from briefing.agenda import AgendaService

        return AgendaService(self.db)

    @cached_property
    def issues(self) -> IssueLibrary:
        """The issue library (``briefing.issues``)."""
        from briefing.issues import IssueLibrary

        return IssueLibrary(self.db)

    @cached_property
    def notes(self) -> NoteService:
        """Issue notes and their sources (``briefing.notes``)."""
        from briefing.notes import NoteService

        return NoteService(self.db, self.config)

    @cached_property
    def people(self) -> PeopleService:
        """The people directory and meeting participants (``briefing.people``)."""
        from briefing.people import PeopleService

        return PeopleService(self.db)

    @cached_property
    def actions(self) -> ActionService:
        """Action items (``briefing.actions``)."""
        from briefing.actions import ActionService

        return ActionService(self.db)

    def prepare_models(self) -> None:
        """Declare the ORM models and configure their mappers now, not at the first edit.

        The app calls this once the window has painted, so that the first action
        that needs the ORM (a write, another tab) does not wait for it.
        """
        from sqlalchemy.orm import configure_mappers

        import db.models  # noqa: F401 - declaring the models is the point

        configure_mappers()

    @cached_property
    def history(self) -> HistoryService:
        """Revisions of issue notes (``briefing.history``)."""
        from briefing.history import HistoryService

        return HistoryService(self.db, self.notes)

    @cached_property
    def search(self) -> SearchService:
        """Full-text search (``briefing.search``)."""
        from briefing.search import SearchService

        return SearchService(self.db)

    @cached_property
    def rounds(self) -> RoundsService:
        """Round-to-round changes and issue timelines (``briefing.timeline``)."""
        from briefing.timeline import RoundsService

        return RoundsService(self.db)

    @cached_property
    def trash(self) -> TrashService:
        """The Trash: list, restore, empty (``briefing.trash``)."""
        from briefing.trash import TrashService

        return TrashService(self.db)

    @classmethod
    def open(cls, url: str, config: Config | None = None,
             backup: Callable[[str], object] | None = None, *,
             automatic_backups: bool = True) -> Services:
        """Open the store at ``url``, creating or upgrading its schema as needed.

        An upgrade is preceded by a backup (``backup(reason)``, by default into the
        backups folder); an existing store gets its daily backup when one is due.
        """
        db = Database(url)
        try:
            services = cls(db, config)
            services.schema = ensure_schema(db, backup=backup or services.backups.before_upgrade)
            if automatic_backups and services.schema != "created":
                services._daily_backup()
        except BaseException:
            db.dispose()
            raise
        return services

    @property
    def read_only(self) -> bool:
        """True when the store could only be opened for reading."""
        return self.db.read_only

    def _daily_backup(self) -> None:
        try:
            self.backups.daily_if_due()
        except StoreError as error:
            self.notices.append(f"The daily backup could not be taken: {error}")

    def close(self) -> None:
        """Close the store (``Database.close``: the next open can skip the full scan)."""
        self.db.close()

    def __enter__(self) -> Services:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def import_document(self, doc: Any) -> ImportSummary:
        """Import an interchange document, backing the store up first when it holds anything."""
        from briefing.interchange import import_document
        from briefing.sample import is_empty

        def backup_first() -> None:
            self.db.check_writable()
            if self.backups.available and not is_empty(self.db):
                self.backups.create(BEFORE_IMPORT)

        return import_document(self.db, doc, self.config, before_write=backup_first)

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
