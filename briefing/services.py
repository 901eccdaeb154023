"""Open a store and hand out its services: the one object the GUI and the CLI hold."""

from __future__ import annotations

from collections.abc import Callable
from functools import cached_property
from typing import TYPE_CHECKING

from briefing.backups.service import BackupService
from briefing.config import Config
from briefing.errors import StoreError
from briefing.meetings.service import MeetingService
from db.engine import Database
from db.migrate import ensure_schema

if TYPE_CHECKING:
    from briefing.actions.service import ActionService
    from briefing.agenda.service import AgendaService
    from briefing.brief.load import BriefService
    from briefing.interchange.service import InterchangeService
    from briefing.issues.service import IssueLibrary
    from briefing.notes.service import NoteService
    from briefing.people.service import PeopleService
    from briefing.revisions.service import HistoryService
    from briefing.rounds.service import RoundsService
    from briefing.search.service import SearchService
    from briefing.trash.service import TrashService


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
    meetings, which read without the ORM (``briefing.meetings.service``). Every other
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
        """Agenda items and the schedule (``briefing.agenda.service``)."""
        from briefing.agenda.service import AgendaService

        return AgendaService(self.db)

    @cached_property
    def issues(self) -> IssueLibrary:
        """The issue library (``briefing.issues.service``)."""
        from briefing.issues.service import IssueLibrary

        return IssueLibrary(self.db)

    @cached_property
    def notes(self) -> NoteService:
        """Issue notes and their sources (``briefing.notes.service``)."""
        from briefing.notes.service import NoteService

        return NoteService(self.db, self.config)

    @cached_property
    def people(self) -> PeopleService:
        """The people directory and meeting participants (``briefing.people.service``)."""
        from briefing.people.service import PeopleService

        return PeopleService(self.db)

    @cached_property
    def actions(self) -> ActionService:
        """Action items (``briefing.actions.service``)."""
        from briefing.actions.service import ActionService

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
        """Revisions of issue notes (``briefing.revisions.service``)."""
        from briefing.revisions.service import HistoryService

        return HistoryService(self.db, self.notes)

    @cached_property
    def search(self) -> SearchService:
        """Full-text search (``briefing.search.service``)."""
        from briefing.search.service import SearchService

        return SearchService(self.db)

    @cached_property
    def rounds(self) -> RoundsService:
        """Round-to-round changes and issue timelines (``briefing.rounds.service``)."""
        from briefing.rounds.service import RoundsService

        return RoundsService(self.db)

    @cached_property
    def briefs(self) -> BriefService:
        """What a meeting's briefing book shows (``briefing.brief``)."""
        from briefing.brief.load import BriefService

        return BriefService(self.db)

    @cached_property
    def interchange(self) -> InterchangeService:
        """Import of interchange documents (``briefing.interchange``)."""
        from briefing.interchange.service import InterchangeService

        return InterchangeService(self.db, self.config, self.backups)

    @cached_property
    def trash(self) -> TrashService:
        """The Trash: list, restore, empty (``briefing.trash.service``)."""
        from briefing.trash.service import TrashService

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
