"""Open a store and hand out its services: the one object the GUI and the CLI hold."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from functools import cached_property
from typing import TYPE_CHECKING

from briefing.config import Config
from briefing.errors import StoreError
from briefing.markings.ladder import Ladder
from briefing.meetings.service import MeetingService
from db.engine import Database
from db.migrate import ensure_schema

if TYPE_CHECKING:
    from briefing.actions.service import ActionService
    from briefing.agenda.service import AgendaService
    from briefing.backups.service import BackupService
    from briefing.brief.load import BriefService
    from briefing.changelog.service import ChangeLogService
    from briefing.interchange.service import InterchangeService
    from briefing.issues.service import IssueLibrary
    from briefing.markings.service import MarkingService
    from briefing.notes.service import NoteService
    from briefing.people.service import PeopleService
    from briefing.positions.record_changes import RecordService
    from briefing.positions.service import PositionService
    from briefing.qa.service import QaService
    from briefing.recovery.journal import CrashJournal, Recovery
    from briefing.revisions.service import HistoryService
    from briefing.rounds.service import RoundsService
    from briefing.search.service import SearchService
    from briefing.trash.service import TrashService
    from db.notify import ChangeWatcher


def _cannot_open(url: str, error: BaseException) -> StoreError | None:
    """A driver's failure to reach the store (no such folder, a refused connection, a wrong
    password) as one line for the user; None for anything else."""
    from sqlalchemy.exc import DBAPIError

    if not isinstance(error, DBAPIError) or isinstance(error, StoreError):
        return None
    reason = str(error.orig).strip().splitlines()[0] if error.orig is not None else str(error)
    return StoreError(f"cannot open the store {describe_store(url)}: {reason}")


def describe_store(url: str) -> str:
    """The store as a person reads it: the SQLite file, or the URL without its password."""
    from sqlalchemy.engine import make_url

    from db.store_url import sqlite_path

    path = sqlite_path(url)
    return str(path) if path is not None else make_url(url).render_as_string(hide_password=True)


class Services:
    """Every service of one open store.

    ``notices`` holds what the user should be told about opening the store that
    is not an error (an automatic backup that could not be taken); ``read_only``
    says that every write will be refused with a ``ReadOnlyStoreError``.

    The meetings are made at once: the first screen needs only them, and they read
    without the ORM (``briefing.meetings.service``). Every other
    service is made (and its module, with the ORM models, imported) when first
    used, so that start-up does not pay for them; ``prepare_models`` does that
    work ahead of time.
    """

    def __init__(self, db: Database, config: Config | None = None) -> None:
        self.db = db
        self.config = config or Config()
        self.meetings = MeetingService(db, self.config)
        self.notices: list[str] = []
        self.schema = "current"
        #: True once every page of the store was scanned at open (``Services.open``).
        self.integrity_checked = bool(db.file is None or db.file.integrity_checked)
        #: The crash-recovery session started at open (``Services.open(..., crash_journal=True)``).
        self.journal: CrashJournal | None = None
        self.recovery: Recovery | None = None
        #: Why that session could not be started (the store opened all the same).
        self.journal_problem: str | None = None

    @cached_property
    def backups(self) -> BackupService:
        """Backups of the store: daily, before an upgrade, on request (``briefing.backups.service``)."""
        from briefing.backups.service import BackupService

        return BackupService(self.db, keep=self.config.backups_keep, user=self.config.user_name)

    @cached_property
    def agenda(self) -> AgendaService:
        """Agenda items and the schedule (``briefing.agenda.service``)."""
        from briefing.agenda.service import AgendaService

        return AgendaService(self.db, self.config.user_name)

    @cached_property
    def issues(self) -> IssueLibrary:
        """The issue library (``briefing.issues.service``)."""
        from briefing.issues.service import IssueLibrary

        return IssueLibrary(self.db)

    @cached_property
    def markings(self) -> MarkingService:
        """The store's marking ladder (``briefing.markings.service``)."""
        from briefing.markings.service import MarkingService

        return MarkingService(self.db)

    def use_ladder(self, ladder: Ladder) -> None:
        """Make ``ladder`` (the store's) the one every check and export of this session uses."""
        self.config = replace(self.config, ladder=ladder, ladder_file=None)
        self.meetings = MeetingService(self.db, self.config)  # its checks read the ladder
        for made_with_old in ("notes", "interchange"):  # the next use makes them with the new one
            self.__dict__.pop(made_with_old, None)

    def _take_ladder(self) -> None:
        """Read the store's ladder; an old settings file's ladder moves into the store once."""
        moved = self.config.ladder_file
        if moved is not None and not self.read_only:
            from briefing.config import forget_ladder

            try:
                self.markings.adopt(self.config.ladder.markings)
                forget_ladder(moved)
            except StoreError as error:
                self.notices.append(f"The marking ladder of the settings file could not be "
                                    f"moved into the store: {error}")
        self.use_ladder(self.markings.ladder())

    @cached_property
    def notes(self) -> NoteService:
        """Issue notes and their sources (``briefing.notes.service``)."""
        from briefing.notes.service import NoteService

        return NoteService(self.db, self.config)

    @cached_property
    def qa(self) -> QaService:
        """The Q&A bank and the notes' references to it (``briefing.qa.service``)."""
        from briefing.qa.service import QaService

        return QaService(self.db, self.config)

    @cached_property
    def people(self) -> PeopleService:
        """The people directory and meeting participants (``briefing.people.service``)."""
        from briefing.people.service import PeopleService

        return PeopleService(self.db, self.config.user_name)

    @cached_property
    def actions(self) -> ActionService:
        """Action items (``briefing.actions.service``)."""
        from briefing.actions.service import ActionService

        return ActionService(self.db, self.config)

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
    def changelog(self) -> ChangeLogService:
        """Who changed what and when (``briefing.changelog.service``)."""
        from briefing.changelog.service import ChangeLogService

        return ChangeLogService(self.db)

    @cached_property
    def positions(self) -> PositionService:
        """The position tracker (``briefing.positions.service``)."""
        from briefing.positions.service import PositionService

        return PositionService(self.db, self.config)

    @cached_property
    def records(self) -> RecordService:
        """The meeting record's changes to positions and actions (``briefing.positions``)."""
        from briefing.positions.record_changes import RecordService

        return RecordService(self.db)

    @cached_property
    def trash(self) -> TrashService:
        """The Trash: list, restore, empty (``briefing.trash.service``)."""
        from briefing.trash.service import TrashService

        return TrashService(self.db, self.config)

    @classmethod
    def open(cls, url: str, config: Config | None = None,
             backup: Callable[[str], object] | None = None, *,
             automatic_backups: bool = True, check_integrity: bool = True,
             crash_journal: bool = False) -> Services:
        """Open the store at ``url``, creating or upgrading its schema as needed.

        ``check_integrity`` scans every page of an SQLite store (``PRAGMA quick_check``)
        before anything is written, as any tool about to write should (the command
        line); a damaged store is refused. ``False`` leaves the scan to the caller
        (``check_integrity()``: the desktop app runs it in a worker after its first
        paint). ``crash_journal`` starts the store's crash-recovery session now, before
        anything is written (``journal``, ``recovery``; ``journal_problem`` when it
        cannot be kept); when it says the last session ended badly, or cannot say, the
        scan runs first whatever ``check_integrity`` says.

        An upgrade is preceded by a backup (``backup(reason)``, by default into the
        backups folder); an existing store gets its daily backup when one is due.
        """
        db = Database(url, check_integrity=check_integrity)
        services: Services | None = None
        try:
            services = cls(db, config)
            db.detect_role()  # a PostgreSQL role that may only read: a read-only store
            if crash_journal:
                services._start_journal()
            services.schema = ensure_schema(db, backup=backup or services._backup_before_upgrade)
            services._take_ladder()
            if automatic_backups and services.schema != "created":
                services._daily_backup()
        except BaseException as error:
            if services is not None and services.journal is not None:
                services.journal.end_session()
            db.dispose()
            refusal = _cannot_open(url, error)
            if refusal is not None:
                raise refusal from error
            raise
        return services

    def _backup_before_upgrade(self, reason: str) -> object:
        return self.backups.before_upgrade(reason)  # (the backups' module: only when one is due)

    def _start_journal(self) -> None:
        """Start the crash-recovery session; scan the store first when the last session ended badly."""
        if self.read_only:
            return  # nothing can be typed, nothing is written: no journal, and the scan can wait
        from briefing.recovery.journal import CrashJournal

        try:
            journal = CrashJournal.for_database(self.db)
            self.recovery = journal.start_session()
            self.journal = journal
        except (StoreError, OSError) as error:
            self.journal_problem = str(error)
        if not self.integrity_checked and (self.recovery is None or self.recovery.unclean):
            self.db.verify_file()
            self.integrity_checked = True

    def check_integrity(self) -> list[str]:
        """Scan every page of the open store now; what is wrong (empty: sound).

        Damage found makes the store read-only for the rest of this session
        (``Database.check_integrity``). Safe to run in a worker thread.
        """
        problems = self.db.check_integrity()
        self.integrity_checked = True
        return problems

    def change_watcher(self) -> ChangeWatcher:
        """What tells an open window that someone else changed the store (``db.notify``)."""
        from db.notify import ChangeWatcher

        return ChangeWatcher(self.db)

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
        """Close the store."""
        self.db.close()

    def __enter__(self) -> Services:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()
