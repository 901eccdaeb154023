"""A driver's error as the ``StoreError`` it means for the user, naming the store.

SQLite's full disk, I/O errors and busy store become ``TransientStoreError``
(trying again may work); a file that cannot be written, ``ReadOnlyStoreError``;
a damaged one, ``DamagedStoreError``. On a server store, a lost connection is an
``unreachable`` store: the window goes offline.
"""

from __future__ import annotations

from sqlalchemy.exc import DBAPIError

from db.errors import DamagedStoreError, ReadOnlyStoreError, TransientStoreError
from db.sqlite_setup import BUSY_TIMEOUT_MS


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
