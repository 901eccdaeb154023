"""The SQLite mechanics of backups: copy a live store through the online backup API, check, restore.

A backup is read through SQLite's backup API (a consistent snapshot even while
another window writes), written to a hidden partial file beside its target,
switched to a plain single-file database (rollback journal, so it can be copied
anywhere), checked with ``PRAGMA integrity_check``, flushed to disk and only then
renamed to its name: a backup under its final name is always complete. Restore
copies a checked backup into the live store through the same API, in one
transaction, so a crash leaves either the old content or the new.

A store found damaged cannot give a checked backup; before a restore replaces
it, ``keep_damaged_copy`` copies its file (and the changes still in its -wal) as
it is, unchecked, so that nothing in it is thrown away.

When, where and how many backups are kept is ``briefing/backups/service.py``'s business.
A ``progress`` callback, when given, hears the share done (0 to 1) as the pages
are copied, a few hundred at a time (a big store's copy can take seconds).
"""

from __future__ import annotations

import glob
import os
import shutil
import sqlite3
import time
from collections.abc import Callable
from contextlib import closing
from pathlib import Path

from db import revisions
from db.engine import Database
from db.errors import DamagedStoreError, SchemaTooNewError, StoreError
from db.files import fsync_path, same_file
from db.probe import (
    NOT_CHANGED,
    StoreFile,
    has_wal_content,
    integrity_problems,
    probe_store_file,
    sqlite_uri,
    wal_path,
)

PARTIAL_MARK = ".partial"
#: A partial file older than this was left by a backup or restore that was killed (the same
#: age as for an export's ``.part`` files, ``briefing.output.STALE_SECONDS``).
STALE_PARTIAL_SECONDS = 600
#: Pages copied between two progress reports (about 1 MB at the default page size).
STEP_PAGES = 256

Progress = Callable[[float], None]
#: Files SQLite may keep beside a partial copy while it is open (a damaged store's copy has a -wal).
_SIDE_FILES = ("-journal", "-wal", "-shm")


def share(progress: Progress | None, start: float, end: float) -> Progress | None:
    """A progress callback for one part of a longer task: 0–1 of the part is ``start``–``end``."""
    if progress is None:
        return None
    return lambda done: progress(start + (end - start) * done)


def _copy(source: sqlite3.Connection, target: sqlite3.Connection, progress: Progress | None) -> None:
    """SQLite's online backup from ``source`` into ``target``, reporting the share copied."""
    if progress is None:
        source.backup(target)
        return
    source.backup(target, pages=STEP_PAGES,
                  progress=lambda _status, remaining, total: progress(1 - remaining / total if total else 1))
    progress(1.0)


def partial_path(target: Path) -> Path:
    """The hidden file a backup is written to before it takes its name."""
    return target.with_name(f".{target.name}.{os.getpid()}{PARTIAL_MARK}")


def is_partial(path: Path) -> bool:
    """True for what an interrupted backup left behind (a partial file or its journal)."""
    return path.name.startswith(".") and PARTIAL_MARK in path.name


def sweep_partials(directory: Path, name: str | None = None) -> list[Path]:
    """Remove what killed backups and restores (of ``name``, or any) left in ``directory``, once stale.

    The rule is the export's for its ``.part`` files (``briefing/output.py``): a
    partial file not touched for ``STALE_PARTIAL_SECONDS`` belongs to a process
    that is gone; a younger one may be another window's copy in progress.
    """
    stem = "*" if name is None else glob.escape(name)
    cutoff = time.time() - STALE_PARTIAL_SECONDS
    removed = []
    try:
        found = [p for pattern in (f".{stem}.*{PARTIAL_MARK}",
                                   *(f".{stem}.*{PARTIAL_MARK}{side}" for side in _SIDE_FILES))
                 for p in Path(directory).glob(pattern)]
    except OSError:
        return removed
    for leftover in found:
        try:
            if leftover.lstat().st_mtime < cutoff:
                leftover.unlink()
                removed.append(leftover)
        except OSError:
            pass  # gone already, or not ours to remove: harmless
    return removed


def copy_store_to(database: Database, path: Path, progress: Progress | None = None, *,
                  named: Path | None = None) -> None:
    """Write a complete, checked, single-file copy of the store into the new (or empty) file ``path``.

    The copy is flushed to disk but not renamed: ``write_backup`` and the writer
    of a file the user named (``briefing/output.py``) each give it its name.
    Errors name ``named`` (the file the copy is for) when given.
    """
    try:
        raw = database.engine.raw_connection()
        try:
            copy = sqlite3.connect(path)
            try:
                _copy(raw.driver_connection, copy, progress)
                _seal(copy, f"The backup of {database.location}")
            finally:
                copy.close()
        finally:
            raw.close()
    except sqlite3.Error as error:
        raise StoreError(f"Cannot back up {database.location} to {named or path}: {error}.") from None
    fsync_path(path)


def write_backup(database: Database, target: Path, progress: Progress | None = None) -> int:
    """Copy the store to ``target`` (complete and checked, or not at all); returns its size in bytes."""
    target = Path(target)
    sweep_partials(target.parent, target.name)
    partial = partial_path(target)
    try:
        copy_store_to(database, partial, progress, named=target)
        os.replace(partial, target)
        fsync_path(target.parent)
    except OSError as error:
        raise StoreError(
            f"Cannot write the backup {target}: {error.strerror or error}. "
            "Check that the folder exists and can be written, and that the disk has space."
        ) from None
    finally:
        _remove_partial(partial)
    return target.stat().st_size


def keep_damaged_copy(database: Database, target: Path) -> int:
    """Copy the damaged store's file as it is, unchecked, to ``target``; returns the copy's size in bytes.

    For a store found damaged, whose checked backup would fail (``write_backup``):
    its bytes are kept for whoever tries to rescue something from them. Changes
    still in its -wal file are copied with it and folded into the copy (SQLite
    moves the log's pages into the file without reading the tables they hold), so
    the copy is one file that opens as the store did. Run it while the store's
    write lock is held (``restore_backup``'s ``while_locked``): no commit can fall
    between copying the file and copying its log.
    """
    if database.path is None:
        raise StoreError("Only an SQLite file store can be copied as a file.")
    target = Path(target)
    sweep_partials(target.parent, target.name)
    partial = partial_path(target)
    try:
        shutil.copyfile(database.path, partial)
        if has_wal_content(database.path):
            shutil.copyfile(wal_path(database.path), wal_path(partial))
            with closing(sqlite3.connect(partial)) as copy:
                copy.execute("PRAGMA journal_mode = DELETE")
        fsync_path(partial)
        os.replace(partial, target)
        fsync_path(target.parent)
    except (OSError, sqlite3.Error) as error:
        reason = error.strerror if isinstance(error, OSError) and error.strerror else error
        raise StoreError(
            f"Cannot keep a copy of the damaged {database.location} as {target}: {reason}. "
            "Nothing was changed. Check that the folder can be written and that the disk has space."
        ) from None
    finally:
        _remove_partial(partial)
    return target.stat().st_size


def inspect_backup(path: Path) -> StoreFile:
    """Check that ``path`` is a sound Briefbook store this build can read; refuse it otherwise."""
    path = Path(path).expanduser().absolute()
    refused = f"Cannot restore from {path}"
    if path.is_dir():
        raise StoreError(f"{refused}: it is a folder; choose a backup file in it.")
    if path.exists() and not path.is_file():
        raise StoreError(f"{refused}: it is not a file (a device or a pipe), not a backup.")
    if not path.is_file():
        raise StoreError(f"{refused}: there is no such file.")
    try:
        found = probe_store_file(path)
    except SchemaTooNewError as error:
        raise StoreError(
            f"{refused}: it was made by a newer version of Briefbook (schema {error.revision!r}; this "
            f"build knows up to {revisions.HEAD!r}). It has not been changed. Update Briefbook to restore it."
        ) from None
    except StoreError as error:
        # Keep what is wrong with the file, not the advice meant for opening it as the store.
        problem = str(error).split(f" {NOT_CHANGED}")[0].removeprefix(f"{path} ").rstrip(".")
        kind = DamagedStoreError if isinstance(error, DamagedStoreError) else StoreError
        raise kind(f"{refused}: it {problem}. Choose another backup.") from None
    if found.is_new or found.revision is None or found.revision not in revisions.REVISIONS:
        raise StoreError(f"{refused}: it is an empty database, not a Briefbook store. Choose another file.")
    return found


def restore_backup(database: Database, source: Path, progress: Progress | None = None, *,
                   while_locked: Callable[[Progress | None], object] | None = None) -> None:
    """Replace the store's content with that of the backup ``source`` (checked first), in one step.

    ``while_locked`` runs once the copy holds the store's write lock and before
    any page of it changes (the safety backup of what is replaced): no other
    writer can commit from then until the copy is in, so whatever it saves is
    exactly what the restore replaces. A writer meanwhile waits, and fails with
    "busy" if the wait passes the busy timeout. ``progress`` hears the staging
    (0–0.3), ``while_locked`` (0.3–0.6, given to it) and the copy (0.6–1).

    A store read-only only because it was found damaged is restored too; once the
    copy is in and passes its check, the store forgets the damage and takes writes
    again. A store that fails that check refuses writes from then on.
    """
    found = inspect_backup(source)
    database.check_writable(despite_damage=True)
    if database.path is None:
        raise StoreError("Only an SQLite file store can be restored from a backup.")
    if same_file(found.path, database.path):
        raise StoreError(f"Cannot restore {database.path} from itself. Choose a backup file.")
    sweep_partials(database.path.parent, database.path.name)
    staged = partial_path(database.path)
    try:
        page_size = _page_size(database)
        staging = sqlite3.connect(staged)
        try:
            with closing(sqlite3.connect(found.uri(), uri=True)) as backup:
                _copy(backup, staging, share(progress, 0.0, 0.3))
            if staging.execute("PRAGMA page_size").fetchone()[0] != page_size:
                # A WAL store only takes pages of its own size through the backup API.
                staging.execute("PRAGMA journal_mode = DELETE")
                staging.execute(f"PRAGMA page_size = {int(page_size)}")
                staging.execute("VACUUM")
            _seal(staging, f"The copy of {found.path}")
            database.dispose()
            raw = database.engine.raw_connection()
            try:
                _copy_locked(staging, raw.driver_connection, share(progress, 0.3, 0.6), while_locked,
                             share(progress, 0.6, 1.0))
                problems = integrity_problems(raw.driver_connection, quick=True)
            finally:
                raw.close()
        finally:
            staging.close()
    except sqlite3.Error as error:
        raise StoreError(f"Cannot restore {database.location} from {found.path}: {error}.") from None
    finally:
        _remove_partial(staged)
    if problems:
        database.refuse_writes(problems)
        raise DamagedStoreError(
            f"{database.location} failed its check after the restore: {'; '.join(problems)}."
        )
    database.forget_damage()


def _copy_locked(source: sqlite3.Connection, target: sqlite3.Connection, locked_progress: Progress | None,
                 while_locked: Callable[[Progress | None], object] | None, progress: Progress | None) -> None:
    """Copy ``source`` over ``target``, running ``while_locked`` once the target's write lock is held.

    The backup API takes the target's write lock in its first step and keeps it
    until the last step commits; the first step copies all but one page, so the
    lock is held (and nothing of the target committed yet) when ``while_locked``
    runs from the progress callback. Readers on other connections still see the
    old content then (WAL). An exception from ``while_locked`` ends the copy, and
    SQLite rolls the target back: the store is left as it was.
    """
    pages = source.execute("PRAGMA page_count").fetchone()[0]
    step = max(1, min(STEP_PAGES, pages - 1))
    locked = False

    def stepped(status: int, remaining: int, total: int) -> None:
        nonlocal locked
        if not locked:
            if status != sqlite3.SQLITE_OK:
                return  # another writer holds the store: the backup API waits and tries again
            locked = True
            if while_locked is not None:
                while_locked(locked_progress)
        if progress is not None:
            progress(1 - remaining / total if total else 1)

    source.backup(target, pages=step, progress=stepped)
    if progress is not None:
        progress(1.0)


def check_file(path: Path) -> list[str]:
    """Run ``PRAGMA integrity_check`` on a database file read-only (an empty list: sound).

    It reads committed changes still in a -wal file too, as the next open will.
    """
    connection = sqlite3.connect(sqlite_uri(Path(path), "mode=ro"), uri=True)
    try:
        return integrity_problems(connection)
    finally:
        connection.close()


def _seal(copy: sqlite3.Connection, what: str) -> None:
    """Make a fresh copy a single self-contained file and check it."""
    copy.execute("PRAGMA journal_mode = DELETE")
    problems = integrity_problems(copy)
    if problems:
        raise DamagedStoreError(f"{what} failed its integrity check: {'; '.join(problems)}.")


def _page_size(database: Database) -> int:
    raw = database.engine.raw_connection()
    try:
        return raw.driver_connection.execute("PRAGMA page_size").fetchone()[0]
    finally:
        raw.close()




def _remove_partial(partial: Path) -> None:
    for leftover in (partial, *(partial.with_name(partial.name + side) for side in _SIDE_FILES)):
        try:
            leftover.unlink()
        except FileNotFoundError:
            pass
