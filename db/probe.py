"""Look at an SQLite store before opening it: refuse bad files and bad places, spot read-only ones.

Nothing here writes to the store. The file is checked with plain reads and a
read-only SQLite connection, so a file that is refused is left exactly as it was
(an ordinary open would first switch it to WAL, which already changes its bytes).
Each refusal is a ``StoreError`` whose message names the file and says what to do.

Only regular files are stores: a folder, a named pipe (FIFO), a socket or a
device (``/dev/null``) is refused from its ``stat`` alone, before anything opens
it (opening a FIFO would block, and SQLite would leave a ``-journal`` beside a device).

The page scan (``PRAGMA quick_check``, every page of the file) runs at the probe
unless the caller asks to run it later (``check_integrity=False``: the desktop app
checks in a worker after its first paint, ``Database.check_integrity``); the
header, place, revision and read-only checks run at every open. Nothing decides
on a guess that a file is sound: ``verify_store_file`` runs the same scan on its own.
"""

from __future__ import annotations

import os
import sqlite3
import stat
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

from db import revisions
from db.errors import DamagedStoreError, SchemaTooNewError, StoreError

SQLITE_MAGIC = b"SQLite format 3\x00"
HEADER_SIZE = 100
NOT_CHANGED = "It has not been changed"


@dataclass(frozen=True)
class StoreFile:
    """What the probe found: a new store to create, or an existing one and how to open it."""

    path: Path
    is_new: bool
    read_only: bool
    read_only_reason: str
    #: The query that opens the file the way it can be opened ("" = read-write,
    #: "mode=ro", or "immutable=1" for a WAL store in a folder that cannot be written).
    open_mode: str
    revision: str | None
    #: True when the probe scanned every page (``PRAGMA quick_check``); False when it was left to later.
    integrity_checked: bool = True

    def uri(self) -> str:
        """An SQLite URI for this file, read-only when it must be."""
        return sqlite_uri(self.path, self.open_mode)


def sqlite_uri(path: Path, query: str = "") -> str:
    """``file:`` URI of ``path`` (percent-encoded) with an optional query such as ``mode=ro``."""
    uri = Path(path).absolute().as_uri()
    return f"{uri}?{query}" if query else uri


def wal_path(path: Path) -> Path:
    """The WAL file SQLite keeps beside ``path``."""
    return path.with_name(path.name + "-wal")


def has_wal_content(path: Path) -> bool:
    """True when committed changes may still sit in the WAL file rather than the database."""
    try:
        return wal_path(path).stat().st_size > 0
    except OSError:
        return False


def probe_store_file(path: Path, *, check_integrity: bool = True) -> StoreFile:
    """Check the file (or the place for a new one) before SQLite opens it for writing.

    ``check_integrity=False`` leaves out only the page scan (``PRAGMA quick_check``);
    the caller must then run it itself (``verify_store_file``, or
    ``Database.check_integrity`` once the store is open).
    """
    path = Path(path)
    _check_place(path)
    if not path.exists() or (path.stat().st_size == 0 and not has_wal_content(path)):
        if not _writable(path.parent) or (path.exists() and not _writable(path)):
            raise StoreError(
                f"Cannot create a database at {path}: the folder {path.parent} cannot be written. "
                "Choose a folder you can write to."
            )
        return StoreFile(path, True, False, "", "", None)
    if not os.access(path, os.R_OK):
        raise StoreError(
            f"{path} cannot be read (permission denied). {NOT_CHANGED}. "
            "Ask for read access to it or choose another database."
        )
    wal_mode = _check_header(path)
    reason = _read_only_reason(path)
    with closing(_open_for_reading(path, wal_mode=wal_mode)) as connection:
        revision = _inspect(connection, path, check_integrity=check_integrity)
    _check_revision(path, revision)
    mode = _read_only_mode(path) if reason else ""
    return StoreFile(path, False, bool(reason), reason, mode, revision,
                     integrity_checked=check_integrity)


def verify_store_file(path: Path) -> None:
    """Run the page scan (``PRAGMA quick_check``) on the file, read-only; ``DamagedStoreError`` on damage.

    For a store whose last session ended badly, before it is opened for writing.
    """
    path = Path(path)
    if not path.exists() or (path.stat().st_size == 0 and not has_wal_content(path)):
        return  # nothing there yet: a new store
    with closing(_open_for_reading(path, wal_mode=_check_header(path))) as connection:
        try:
            problems = integrity_problems(connection, quick=True)
        except sqlite3.DatabaseError as error:
            raise _damaged(path, str(error)) from None
    if problems:
        raise _damaged(path, "; ".join(problems))


#: What a path that is there but is no regular file is, by its ``stat`` mode.
_NOT_A_FILE = (
    (stat.S_ISFIFO, "a named pipe (FIFO)"),
    (stat.S_ISCHR, "a device"),
    (stat.S_ISBLK, "a device"),
    (stat.S_ISSOCK, "a socket"),
)


def _check_place(path: Path) -> None:
    try:
        mode = path.stat().st_mode  # the mode alone: opening a FIFO to look inside would block
    except OSError:
        mode = 0
    for test, kind in _NOT_A_FILE:
        if mode and test(mode):
            raise StoreError(
                f"{path} is {kind}, not a database file. {NOT_CHANGED}. "
                "Choose a regular file, for example briefbook.db in a folder of yours."
            )
    if path.is_dir():
        raise StoreError(
            f"{path} is a folder, not a database file. "
            f"Choose a file inside it, for example {path / 'briefbook.db'}."
        )
    folder = path.parent
    if not folder.exists():
        raise StoreError(
            f"Cannot open {path}: the folder {folder} does not exist. "
            "Create the folder first, or choose another location."
        )
    if not folder.is_dir():
        raise StoreError(f"Cannot open {path}: {folder} is a file, not a folder. Choose another location.")


def _writable(path: Path) -> bool:
    return os.access(path, os.W_OK)


def _read_only_reason(path: Path) -> str:
    file_ok, folder_ok = _writable(path), _writable(path.parent)
    if not file_ok and not folder_ok:
        return f"neither the file nor its folder {path.parent} can be written"
    if not file_ok:
        return "the file cannot be written"
    if not folder_ok:
        return f"its folder {path.parent} cannot be written"
    return ""


def _check_header(path: Path) -> bool:
    """Refuse what is not a whole SQLite file; whether the file is in WAL mode."""
    size = path.stat().st_size
    if size == 0:
        return True  # a store created and killed before its first checkpoint: all of it is in the WAL
    with path.open("rb") as f:
        header = f.read(HEADER_SIZE)
    if not header.startswith(SQLITE_MAGIC[: len(header)]) or len(header) < len(SQLITE_MAGIC):
        raise DamagedStoreError(
            f"{path} is not a Briefbook database (it is not an SQLite file at all). "
            f"{NOT_CHANGED}. Choose another file, or restore a backup into a new file."
        )
    if len(header) < HEADER_SIZE:
        raise _truncated(path, size, HEADER_SIZE)
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    if page_size < 512 or page_size & (page_size - 1):
        raise _damaged(path, f"its header names an impossible page size ({page_size})")
    pages = int.from_bytes(header[28:32], "big")
    pages_valid = header[24:28] == header[92:96] and pages > 0
    expected = max(page_size, pages * page_size if pages_valid else 0)
    wal_mode = header[18] == 2 or header[19] == 2
    if size % page_size or (size < expected and not (wal_mode and has_wal_content(path))):
        raise _truncated(path, size, max(expected, size + page_size - size % page_size))
    # A WAL store killed in a checkpoint has page 1 (the new size) written before the
    # pages that grow the file; every one of them is still in the WAL, which SQLite
    # replays, so a short file there is whole.  The page scan checks the rest.
    return wal_mode


def _truncated(path: Path, size: int, expected: int) -> DamagedStoreError:
    return DamagedStoreError(
        f"{path} is damaged: it is cut short ({size:,} bytes of at least {expected:,}), as if a copy "
        f"or a download did not finish. {NOT_CHANGED}. Find a complete copy, or restore a backup "
        "into a new file."
    )


def _damaged(path: Path, detail: str) -> DamagedStoreError:
    return DamagedStoreError(
        f"{path} is damaged: {detail}. {NOT_CHANGED}. Restore a backup into a new file "
        "(briefbook --db NEW.db restore BACKUP.db), or find an undamaged copy."
    )


def _open_for_reading(path: Path, *, wal_mode: bool) -> sqlite3.Connection:
    """A connection that cannot write, for the checks; "immutable" for a WAL store nobody has open.

    Reading a WAL database normally creates its -wal and -shm files. When no -wal
    file exists, no connection is open and every committed page is in the file
    itself, so an "immutable" read is exact and leaves the folder as it was (a
    refused file gets no companions).
    """
    modes = ["mode=ro"]
    if wal_mode and not wal_path(path).exists():
        modes.insert(0, "immutable=1")
    last: sqlite3.Error | None = None
    for mode in modes:
        try:
            connection = sqlite3.connect(sqlite_uri(path, mode), uri=True)
            connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except sqlite3.OperationalError as error:
            last = error
            continue
        except sqlite3.DatabaseError as error:
            raise _damaged(path, str(error)) from None
        return connection
    raise _cannot_read(path, last)


def _read_only_mode(path: Path) -> str:
    """How to open a store that cannot be written: "mode=ro" where SQLite can, else "immutable=1".

    "mode=ro" sees changes another writer makes meanwhile and the ones a crash
    left in the -wal file; SQLite cannot use it for a WAL store in a folder where
    it may not create the -shm file, and there "immutable" is exact as long as no
    change waits in a -wal file.
    """
    try:
        with closing(sqlite3.connect(sqlite_uri(path, "mode=ro"), uri=True)) as connection:
            connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return "mode=ro"
    except sqlite3.OperationalError as error:
        if has_wal_content(path):
            raise _cannot_read(path, error) from None
        return "immutable=1"


def _check_revision(path: Path, revision: str | None) -> None:

    if revision is not None and revision not in revisions.REVISIONS:
        raise SchemaTooNewError(str(path), revision)


def _cannot_read(path: Path, error: sqlite3.Error | None) -> StoreError:
    if has_wal_content(path):
        return StoreError(
            f"{path} cannot be opened read-only: changes still wait in {wal_path(path).name} and its "
            f"folder {path.parent} cannot be written ({error}). {NOT_CHANGED}. Open it once where it "
            "can be written, or copy the folder (with that file) somewhere writable."
        )
    return StoreError(f"{path} cannot be opened ({error}). {NOT_CHANGED}.")


def _inspect(connection: sqlite3.Connection, path: Path, *, check_integrity: bool) -> str | None:
    """The store's revision (after the page scan, when asked); refuses a foreign database."""
    try:
        problems = integrity_problems(connection, quick=True) if check_integrity else []
        if problems:
            raise _damaged(path, "; ".join(problems))
        tables = {row[0] for row in connection.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table'")}
        if "alembic_version" not in tables:
            if tables:
                raise StoreError(
                    f"{path} is a database, but not a Briefbook one. "
                    f"{NOT_CHANGED}; choose another file."
                )
            return None
        row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
    except sqlite3.DatabaseError as error:
        raise _damaged(path, str(error)) from None
    return row[0] if row else None


def integrity_problems(connection: sqlite3.Connection, *, quick: bool = False, limit: int = 3) -> list[str]:
    """What SQLite's integrity check finds wrong (an empty list when the database is sound)."""
    pragma = "quick_check" if quick else "integrity_check"
    lines: list[str] = []
    for (row,) in connection.execute(f"PRAGMA {pragma}({int(limit)})"):
        lines.extend(part.strip() for part in str(row).splitlines()
                     if part.strip() and not part.startswith("***"))
    return [] if lines == ["ok"] else lines
