"""Engine and session set-up: the one place that knows which database is in use.

The store is a SQLAlchemy URL. SQLite (the default, a file in the user's data
directory) gets foreign keys, WAL, a busy timeout and real transactions through
connect/begin hooks; any other backend (PostgreSQL for a shared team store) is
used as SQLAlchemy configures it.

An SQLite file is probed before SQLite opens it (``db.probe``): a file that is not
a store, or is damaged, or sits in a bad place is refused untouched; one that
cannot be written opens read-only, and then every write is refused with a
``ReadOnlyStoreError``. The probe scans every page (``PRAGMA quick_check``) unless
the caller runs that scan later itself (``Database(url, check_integrity=False)``,
then ``check_integrity()``); damage found then makes the store read-only for the
rest of the session. Driver errors during a read or a write become ``StoreError``
values that name the file (``TransientStoreError`` when trying again may work:
disk full, I/O error, busy).

SQLite URI filenames (``sqlite:///file:…?mode=ro&uri=true``) are refused with a
message (``check_url``): Briefbook decides itself how to open a file (read-only
when it cannot be written), and a URI would let SQLite open or create a file
the probe never saw.
"""

from __future__ import annotations

import sqlite3
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Engine, create_engine, event, func, select
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError, PendingRollbackError
from sqlalchemy.orm import Session, sessionmaker

from db.errors import DamagedStoreError, ReadOnlyStoreError, StoreError, TransientStoreError
from db.notify import announce
from db.probe import StoreFile, integrity_problems, probe_store_file, verify_store_file

APP_NAME = "Briefbook"
DB_FILENAME = "briefbook.db"
BUSY_TIMEOUT_MS = 5000


def default_data_dir() -> Path:
    """The user's data directory for Briefbook (platformdirs)."""
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_NAME, appauthor=False))


def default_url() -> str:
    """The default store: an SQLite file in the user's data directory."""
    return f"sqlite:///{default_data_dir() / DB_FILENAME}"


def normalize_url(url_or_path: str) -> str:
    """Accept a SQLAlchemy URL or a plain file path (taken as an SQLite file)."""
    if "://" in url_or_path:
        return url_or_path
    return f"sqlite:///{Path(url_or_path).expanduser().resolve()}"


#: The SQLAlchemy backends a store can live in.
SUPPORTED_BACKENDS = ("sqlite", "postgresql")


def check_url(url: str) -> None:
    """Refuse a store URL Briefbook cannot open safely, with a message (``StoreError``).

    SQLite URI filenames (``sqlite:///file:…``, ``?uri=true``, ``?mode=…``) are
    refused rather than half-supported: Briefbook probes the file and chooses how to
    open it (read-only by itself when the file cannot be written), and never lets a
    URI create a file it did not probe. A URL SQLAlchemy cannot read is refused too.
    """
    try:
        parsed = make_url(url)
        backend = parsed.get_backend_name()
    except Exception as error:  # noqa: BLE001 - SQLAlchemy's several parse errors: all mean "not a URL"
        raise StoreError(f"{url!r} is not a database URL or file path ({error}).") from None
    if backend not in SUPPORTED_BACKENDS:
        raise StoreError(
            f"{parsed.render_as_string(hide_password=True)} is a {backend} database, which Briefbook "
            "does not store in. Give an SQLite file (a path, or sqlite:///path.db) or a PostgreSQL "
            "URL (postgresql://user@host/name)."
        )
    if backend != "sqlite":
        return
    database = parsed.database or ""
    if database.startswith("file:") or {"uri", "mode", "immutable", "vfs"} & set(parsed.query):
        raise StoreError(
            f"{url} is an SQLite URI filename, which Briefbook "
            "does not take. Give the file's path instead (--db /path/to/store.db); a file you cannot "
            "write opens read-only by itself."
        )


def sqlite_path(url: str) -> Path | None:
    """The file behind an SQLite URL, or None for other backends and in-memory stores."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite":
        return None
    database = parsed.database or ""
    if database in ("", ":memory:") or database.startswith("file:"):
        return None
    return Path(database)


#: The SQL functions the search index's triggers call (``db.search.fts.register_functions``), with
#: their number of arguments. Each connection gets stand-ins that load ``db.search.fts`` and its
#: tokenizer at their first call (the first write of a searchable field), not when the store
#: opens, and then call what ``db.search.fts`` registers; tests/db/test_index_functions.py checks
#: that this list matches ``db.search.fts``.
INDEX_FUNCTIONS = (("fts_words", 1), ("fts_chars", 1))


class _IndexFunction:
    """Calls the ``db.search.fts`` function of this name, importing ``db.search.fts`` on the first call."""

    def __init__(self, name: str) -> None:
        self.name = name
        self._function = None

    def __call__(self, *args):
        if self._function is None:
            from db.search.fts import register_functions

            found = {}

            class _Collect:  # register_functions(...) as if on a connection: keep the functions
                def create_function(self, name, _narg, function, **_options) -> None:
                    found[name] = function

            register_functions(_Collect())
            self._function = found[self.name]
        return self._function(*args)


def register_index_functions(dbapi_connection) -> None:
    """Give one SQLite connection the index's SQL functions (``INDEX_FUNCTIONS``)."""
    for name, narg in INDEX_FUNCTIONS:
        dbapi_connection.create_function(name, narg, _IndexFunction(name), deterministic=True)


def _install_sqlite_hooks(engine: Engine, *, read_only: bool = False) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record) -> None:
        # Let SQLAlchemy's "begin" hook below issue BEGIN itself (pysqlite's own
        # implicit transactions do not cover SELECTs).
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        if read_only:
            cursor.execute("PRAGMA query_only = ON")
        else:
            cursor.execute("PRAGMA journal_mode = WAL")
            cursor.execute("PRAGMA synchronous = FULL")
        cursor.close()
        # The full-text index's triggers call these (db/search/fts.py).
        register_index_functions(dbapi_connection)

    @event.listens_for(engine, "begin")
    def _on_begin(connection) -> None:
        # A write transaction takes the write lock up front, so two writers wait
        # for each other (busy timeout) instead of failing when one upgrades.
        immediate = connection.get_execution_options().get("briefbook_write", False)
        connection.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


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
            _install_sqlite_hooks(self.engine, read_only=self.read_only)
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


def translate_error(error: DBAPIError, location: str) -> Exception:
    """A driver error as a ``StoreError`` naming the store, when it is one the user can act on."""
    name = getattr(error.orig, "sqlite_errorname", "") or ""
    detail = str(error.orig)
    nothing = "nothing was written"
    if not name and (error.connection_invalidated or _connection_lost(error)):
        return unreachable(location, detail.strip().splitlines()[0] if detail.strip() else
                           "the connection was lost")
    if name.startswith("SQLITE_FULL"):
        return TransientStoreError(
            f"The disk holding {location} is full; {nothing}. Free some space, then try again.")
    if name.startswith("SQLITE_IOERR"):
        return TransientStoreError(
            f"{location} could not be read or written ({detail}); {nothing}. "
            "Check the disk or network drive, then try again.")
    if name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")):
        return TransientStoreError(
            f"{location} is busy: another Briefbook window or program held it for more than "
            f"{BUSY_TIMEOUT_MS // 1000} s; {nothing}. Try again.")
    if name.startswith("SQLITE_CANTOPEN"):
        return TransientStoreError(
            f"{location} cannot be opened any more ({detail}); {nothing}. "
            "Was it moved, or its disk removed? Put it back, then try again.")
    if name.startswith("SQLITE_READONLY"):
        return ReadOnlyStoreError(
            f"{location} cannot be written now ({detail}); {nothing}. "
            "Check that the file and its folder can be written.")
    if name.startswith(("SQLITE_CORRUPT", "SQLITE_NOTADB")):
        return DamagedStoreError(
            f"{location} is damaged ({detail}). Stop editing it and restore a backup into a new file.")
    return error


def unreachable(location: str, reason: str) -> TransientStoreError:
    """The error for a server store that cannot be reached (``offline``: the window says "Offline")."""
    error = TransientStoreError(f"{location} cannot be reached ({reason}); nothing was written.")
    error.offline = True  # type: ignore[attr-defined]
    return error


def _connection_lost(error: DBAPIError) -> bool:
    """A PostgreSQL error that means the server cannot be reached (stopped, restarted, network down)."""
    try:
        import psycopg
    except ImportError:
        return False
    orig = error.orig
    if isinstance(orig, psycopg.OperationalError | psycopg.InterfaceError):
        return True
    state = getattr(orig, "sqlstate", None) or ""
    return state.startswith(("08", "57P"))  # connection exception; operator intervention (shutdown)
