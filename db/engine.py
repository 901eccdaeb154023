"""Engine and session set-up: an open store (``Database``), its sessions, and what it refuses.

The store is a SQLAlchemy URL (``db.store_url``). SQLite (the default, a file in
the user's data directory) gets foreign keys, WAL, a busy timeout and real
transactions through connect/begin hooks (``db.sqlite_setup``); any other backend
(PostgreSQL for a shared team store) is used as SQLAlchemy configures it.

An SQLite file is probed before SQLite opens it (``db.probe``): a file that is not
a store, or is damaged, or sits in a bad place is refused untouched; one that
cannot be written opens read-only, and then every write is refused with a
``ReadOnlyStoreError``. The probe scans every page (``PRAGMA quick_check``) unless
the caller runs that scan later itself (``Database(url, check_integrity=False)``,
then ``check_integrity()``); damage found then makes the store read-only for the
rest of the session. Driver errors during a read or a write become ``StoreError``
values that name the file (``db.driver_errors``; ``TransientStoreError`` when
trying again may work: disk full, I/O error, busy).
"""

from __future__ import annotations

import sqlite3
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from sqlalchemy import create_engine, func, select
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError, PendingRollbackError
from sqlalchemy.orm import Session, sessionmaker

from db.driver_errors import translate_error, unreachable
from db.errors import DamagedStoreError, ReadOnlyStoreError, StoreError, TransientStoreError
from db.notify import announce
from db.probe import StoreFile, integrity_problems, probe_store_file, verify_store_file
from db.sqlite_setup import install_sqlite_hooks
from db.store_url import check_url, sqlite_path


class Database:
    """An open store: its URL, engine, and sessions for reading or writing.

    ``file`` is what the probe found for an SQLite file (None for other
    backends); ``read_only`` says whether writes are refused, and
    ``read_only_reason`` why; ``damage`` is what ``check_integrity`` found wrong
    (empty while nothing was found).

    ``check_integrity=False`` opens without the page scan: the caller runs
    ``check_integrity()`` soon after (the desktop app, in a worker after its first paint).
    """

    def __init__(self, url: str, *, echo: bool = False, check_integrity: bool = True) -> None:
        check_url(url)
        self.url = url
        self.path = sqlite_path(url)
        self.is_sqlite = make_url(url).get_backend_name() == "sqlite"
        self.file: StoreFile | None = (
            probe_store_file(self.path, check_integrity=check_integrity)
            if self.path is not None else None)
        self.read_only = bool(self.file and self.file.read_only)
        self.read_only_reason = self.file.read_only_reason if self.file else ""
        self.damage: list[str] = []
        self.role_read_only = False  # a PostgreSQL role that may only read (``detect_role``)
        self.origin = uuid.uuid4().hex  # names this store's own change notifications (db.notify)
        self.after_commit: list[Callable[[], None]] = []  # told after each write's commit (db.notify)
        self._restores = 0  # content replaced by restores: a scan that one overtook is stale
        engine_url = url
        if self.read_only:
            engine_url = f"sqlite:///{self.file.uri()}&uri=true"
        try:
            self.engine = create_engine(engine_url, echo=echo)
        except Exception as error:  # noqa: BLE001 - an unknown driver or a bad URL: a message, not a traceback
            raise StoreError(f"Cannot open {self.location}: {error}.") from None
        if self.is_sqlite:
            install_sqlite_hooks(self.engine, read_only=self.read_only)
            writer = self.engine.execution_options(briefbook_write=True)
        else:
            writer = self.engine
            if self.engine.dialect.name == "postgresql":
                from db.search import pg  # its search index is kept in step at each commit

                pg.watch(self.engine)
        self._reader = sessionmaker(bind=self.engine, expire_on_commit=False)
        self._writer = sessionmaker(bind=writer, expire_on_commit=False)

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A session for one read-only action."""
        try:
            with self._reader() as session, session.begin():
                yield session
        except DBAPIError as error:
            self.raise_store_error(error)
        except PendingRollbackError as error:  # a server connection lost mid-transaction
            self._raise_unreachable(error)

    @contextmanager
    def write(self) -> Iterator[Session]:
        """A session for one user action that writes; commits on success, rolls back on error."""
        self.check_writable()
        try:
            with self._writer() as session, session.begin():
                yield session
                announce(session, self.origin)  # other windows re-read (PostgreSQL; sent at commit)
        except DBAPIError as error:
            self.raise_store_error(error)
        except PendingRollbackError as error:  # a server connection lost mid-transaction
            self._raise_unreachable(error)
        for committed in self.after_commit:
            committed()

    def serialize(self, session: Session, lock_id: int) -> None:
        """Make writers that name ``lock_id`` wait for this write's commit (a check-then-write).

        SQLite's write transactions already exclude each other from their start; on
        PostgreSQL this takes a transaction-level advisory lock, released at commit.
        """
        if self.engine.dialect.name == "postgresql":
            session.execute(select(func.pg_advisory_xact_lock(lock_id)))

    def detect_role(self) -> None:
        """On PostgreSQL, make the store read-only when the role may not write its tables
        (``db.notify.may_write``): a read-only window, not an error per keystroke."""
        from db.notify import current_role, may_write

        if self.is_sqlite or may_write(self):
            return
        self.role_read_only = self.read_only = True
        self.read_only_reason = (f"your database role {current_role(self)!r} may read this store "
                                 "but not change it")

    def check_integrity(self) -> list[str]:
        """Scan every page (``PRAGMA quick_check``) of the open store; what is wrong (empty: sound).

        Damage found makes the store read-only for the rest of this session (every
        write is refused with a ``ReadOnlyStoreError`` that says why), so that nothing
        more is written over it. Safe to call from a worker thread: it uses a pooled
        connection of its own. Other backends check themselves: always sound here.
        """
        if not self.is_sqlite:
            return []
        restores = self._restores
        try:
            with self.engine.connect() as connection:
                problems = integrity_problems(connection.connection.driver_connection, quick=True)
        except DBAPIError as error:
            if not isinstance(translate_error(error, self.location), DamagedStoreError):
                self.raise_store_error(error)
            problems = [str(error.orig)]  # so damaged that the scan itself could not finish
        except sqlite3.DatabaseError as error:  # from the driver's own connection, unwrapped
            if not getattr(error, "sqlite_errorname", "").startswith(("SQLITE_CORRUPT", "SQLITE_NOTADB")):
                raise TransientStoreError(
                    f"{self.location} could not be checked ({error}). Try again later.") from None
            problems = [str(error)]
        if self._restores != restores:  # a restore replaced what was scanned: scan what is there now
            return self.check_integrity()
        if problems:
            self.refuse_writes(problems)
        return problems

    def verify_file(self) -> None:
        """Scan every page of the file read-only, before anything writes; ``DamagedStoreError`` on damage."""
        if self.path is not None and self.file is not None and not self.file.is_new:
            verify_store_file(self.path)

    def refuse_writes(self, damage: list[str]) -> None:
        """From now on refuse every write: the store was found damaged (``damage`` says how)."""
        self.damage = list(damage)
        self.read_only_reason = f"it is damaged: {'; '.join(self.damage)}"
        self.read_only = True

    def forget_damage(self) -> None:
        """Writes are allowed again: a restore has replaced the damaged content and checked it.

        The store stays read-only when the file itself was opened read-only.
        """
        self._restores += 1
        self.damage = []
        self.read_only = bool(self.file and self.file.read_only) or self.role_read_only
        if not self.role_read_only:
            self.read_only_reason = self.file.read_only_reason if self.file else ""

    def check_writable(self, *, despite_damage: bool = False) -> None:
        """Raise ``ReadOnlyStoreError`` when this store was opened read-only (or found damaged).

        ``despite_damage`` lets through a store that is read-only only because it was found
        damaged: what a restore, which replaces the damaged content, asks.
        """
        if self.damage and not despite_damage:
            raise ReadOnlyStoreError(
                f"{self.location} is damaged ({'; '.join(self.damage)}), so it is read-only for the "
                "rest of this session; nothing was written. Restore a backup to go on working."
            )
        if self.role_read_only:
            raise ReadOnlyStoreError(
                f"{self.location} is open read-only: {self.read_only_reason}; nothing was written. "
                "Ask the store's administrator for write access.")
        opened_read_only = bool(self.file and self.file.read_only)
        if opened_read_only or (self.read_only and not self.damage):
            reason = self.file.read_only_reason if opened_read_only else self.read_only_reason
            raise ReadOnlyStoreError(
                f"{self.location} is open read-only ({reason}); nothing was written. "
                "To make changes, copy it to a folder you can write to, or ask for write access."
            )

    def _raise_unreachable(self, error: PendingRollbackError) -> None:
        """On a server store, SQLAlchemy's "invalid transaction" after a lost connection means
        the server cannot be reached (yet): a passing error, said so."""
        if self.is_sqlite:
            raise error
        raise unreachable(self.location, "the connection was lost") from error

    def raise_store_error(self, error: DBAPIError) -> None:
        """Raise the ``StoreError`` a driver error means for the user (the error itself when unknown)."""
        translated = translate_error(error, self.location)
        if translated is error:
            raise error
        raise translated from error

    def dispose(self) -> None:
        """Close every pooled connection (the store stays usable: the next session reconnects)."""
        self.engine.dispose()

    def close(self) -> None:
        """Close the store (every pooled connection).

        A ``.<store>.seen`` file an older Briefbook kept beside a writable store
        (it let start-up skip the page scan on a guess) is removed; nothing reads it.
        """
        self.engine.dispose()
        if self.path is not None and not self.read_only:
            try:
                self.path.with_name(f".{self.path.name}.seen").unlink(missing_ok=True)
            except OSError:
                pass  # only tidying: the file is ignored anyway

    @property
    def location(self) -> str:
        """A human-readable name for the store (the file, or the URL without password)."""
        if self.path is not None:
            return str(self.path)
        return make_url(self.url).render_as_string(hide_password=True)
