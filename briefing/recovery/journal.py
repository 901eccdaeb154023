"""The crash-recovery journal: edits typed but not yet saved, and whether the last session ended well.

The GUI records each field's text on every keystroke debounce (``record``) and
clears it once the service has written it (``committed``). If the app is killed
in between, the next ``start_session`` reports the edits that never reached the
store, and whether the previous session exited uncleanly, so the user can keep
them. Storage only: no Qt here.

On disk, beside the store in a folder ``.<store file>.recovery/`` (in the user
data directory when the store's folder cannot be written or the store is not a
file), each session has two files:

- ``<session>.lock``, the session marker, locked by the running process (an OS
  lock, released by the kernel however the process ends) and marked ``clean``
  by ``end_session``;
- ``<session>.jsonl``, one JSON object a line, appended and flushed to disk
  before ``record`` returns: ``{"op": "edit", ...}`` or ``{"op": "committed", ...}``.

A starting session takes over every session file it can lock (their processes
are gone; a second window's live session stays locked and is left alone). Their
pending edits move into the new session's journal before the old files go, so a
second crash before the user decides still loses nothing. A torn last line (a
kill in the middle of a write) is skipped.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import IO

from briefing.errors import StoreError, TransientStoreError
from db.engine import Database, default_data_dir

#: Rewrite the journal when it grows past this and holds mostly settled lines.
COMPACT_BYTES = 1 << 20
CLEAN = "clean"
RUNNING = "running"

Key = tuple[str, int, str]


@dataclass(frozen=True, slots=True)
class PendingEdit:
    """A field's text as typed, not yet written to the store."""

    entity: str
    entity_id: int
    field: str
    value: str
    base_version: int | None
    at: datetime


@dataclass(frozen=True, slots=True)
class Recovery:
    """What earlier sessions left: whether one exited uncleanly, and the edits it had not saved."""

    unclean: bool
    pending: tuple[PendingEdit, ...]
    skipped_lines: int = 0


class CrashJournal:
    """The crash-recovery journal of one store (see the module docstring for the files)."""

    def __init__(self, folder: Path) -> None:
        self.folder = Path(folder)
        self.session_id: str | None = None
        self._pending: dict[Key, PendingEdit] = {}
        self._lock: IO[str] | None = None
        self._log: IO[str] | None = None
        self._lines = 0

    @classmethod
    def for_database(cls, db: Database) -> CrashJournal:
        """The journal of an open store: beside its file when that folder can be written."""
        if db.path is not None and os.access(db.path.parent, os.W_OK):
            return cls(db.path.parent / f".{db.path.name}.recovery")
        digest = hashlib.sha1(db.location.encode("utf-8")).hexdigest()[:12]
        name = re.sub(r"[^A-Za-z0-9_.-]+", "_", db.path.name if db.path else "store")[:40]
        return cls(default_data_dir() / "recovery" / f"{name}-{digest}")

    # -- the session -------------------------------------------------------------

    def start_session(self) -> Recovery:
        """Begin this session; returns what previous sessions left (their edits are kept here)."""
        if self.session_id is not None:
            raise RuntimeError("the session has started already")
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise StoreError(
                f"Cannot keep unsaved edits in {self.folder}: {error.strerror or error}. "
                "Edits are still saved to the store as you type."
            ) from None
        self.session_id = f"{datetime.now(UTC):%Y%m%dT%H%M%S}-{os.getpid()}-{secrets.token_hex(3)}"
        self._lock = _open_locked_marker(self.folder, self.session_id)
        unclean, skipped, adopted, held = False, 0, [], []
        for lock_path in sorted(self.folder.glob("*.lock")):
            if lock_path.stem == self.session_id:
                continue
            left = _take_over(lock_path)
            if left is None:
                continue  # another window's session, still running
            handle, state, edits, bad = left
            held.append((lock_path, handle))
            unclean |= state != CLEAN
            skipped += bad
            adopted.extend(edits)
        self._log = self._journal_path().open("a", encoding="utf-8", newline="\n")
        for edit in sorted(adopted, key=lambda e: e.at):
            self._append(_edit_line(edit))
            self._pending[_key(edit)] = edit
        # Only now that their edits are safe in this session's journal do the old files go.
        for lock_path, handle in held:
            _remove_session_files(lock_path)
            handle.close()
        return Recovery(unclean, tuple(self._pending.values()), skipped)

    def end_session(self) -> None:
        """A clean exit: the marker says so; edits still pending stay for the next start."""
        if self.session_id is None:
            return
        assert self._lock is not None and self._log is not None
        self._log.close()
        if self._pending:
            _write_marker(self._lock, CLEAN)
        self._lock.close()
        if not self._pending:
            _remove_session_files(self._lock_path())
        self.session_id, self._lock, self._log = None, None, None

    # -- edits -------------------------------------------------------------------

    def record(self, entity: str, entity_id: int, field: str, value: str,
               base_version: int | None = None) -> None:
        """Keep a field's text as typed (flushed to disk before returning)."""
        edit = PendingEdit(entity, int(entity_id), field, str(value), base_version, datetime.now(UTC))
        self._append(_edit_line(edit))
        self._pending.pop(_key(edit), None)  # keep the order of last change
        self._pending[_key(edit)] = edit
        self._settle()

    def committed(self, entity: str, entity_id: int, field: str, value: str | None = None) -> None:
        """The store now holds this field: forget its pending edit.

        With ``value``, only an edit of exactly that text is forgotten (text typed
        while the save was under way stays pending).
        """
        key = (entity, int(entity_id), field)
        edit = self._pending.get(key)
        if edit is None or (value is not None and edit.value != value):
            return
        del self._pending[key]
        self._append({"op": "committed", "entity": entity, "id": int(entity_id), "field": field})
        self._settle()

    def discard(self, entity: str, entity_id: int, field: str) -> None:
        """The user chose not to keep a recovered edit."""
        self.committed(entity, entity_id, field)

    def pending(self) -> tuple[PendingEdit, ...]:
        """The edits not yet written to the store, oldest first."""
        return tuple(self._pending.values())

    # -- files -------------------------------------------------------------------

    def _lock_path(self) -> Path:
        return self.folder / f"{self.session_id}.lock"

    def _journal_path(self) -> Path:
        return self.folder / f"{self.session_id}.jsonl"

    def _append(self, entry: dict) -> None:
        if self._log is None:
            raise RuntimeError("start_session() first")
        # ASCII JSON: any text, even an unpaired surrogate from the clipboard, round-trips.
        line = json.dumps(entry, ensure_ascii=True) + "\n"
        try:
            self._log.write(line)
            self._log.flush()
            os.fsync(self._log.fileno())
        except OSError as error:
            raise TransientStoreError(
                f"Cannot write the recovery journal in {self.folder}: {error.strerror or error}. "
                "The text is still in the window."
            ) from None
        self._lines += 1

    def _settle(self) -> None:
        """Empty the file when nothing is pending; rewrite it when it has grown large."""
        assert self._log is not None
        if not self._pending:
            self._log.truncate(0)
            os.fsync(self._log.fileno())
            self._lines = 0
        elif self._log.tell() > COMPACT_BYTES and self._lines > 2 * len(self._pending):
            self._compact()

    def _compact(self) -> None:
        assert self._log is not None
        path = self._journal_path()
        fresh = path.with_suffix(".compact")
        with fresh.open("w", encoding="utf-8", newline="\n") as f:
            for edit in self._pending.values():
                f.write(json.dumps(_edit_line(edit), ensure_ascii=True) + "\n")
            f.flush()
            os.fsync(f.fileno())
        self._log.close()
        os.replace(fresh, path)
        self._log = path.open("a", encoding="utf-8", newline="\n")
        self._lines = len(self._pending)


def _key(edit: PendingEdit) -> Key:
    return (edit.entity, edit.entity_id, edit.field)


def _edit_line(edit: PendingEdit) -> dict:
    return {"op": "edit", "entity": edit.entity, "id": edit.entity_id, "field": edit.field,
            "value": edit.value, "base_version": edit.base_version, "at": edit.at.isoformat()}


def read_journal(path: Path) -> tuple[list[PendingEdit], int]:
    """The pending edits of a journal file, and how many lines were torn or unreadable."""
    pending: dict[Key, PendingEdit] = {}
    skipped = 0
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return [], 0
    for line in raw.split(b"\n"):
        if not line.strip():
            continue
        try:
            entry = json.loads(line.decode("utf-8"))
            key = (str(entry["entity"]), int(entry["id"]), str(entry["field"]))
            if entry["op"] == "edit":
                base = entry.get("base_version")
                pending.pop(key, None)
                pending[key] = PendingEdit(*key, str(entry["value"]),
                                           int(base) if base is not None else None,
                                           datetime.fromisoformat(entry["at"]))
            elif entry["op"] == "committed":
                pending.pop(key, None)
        except (ValueError, KeyError, TypeError):
            skipped += 1  # a torn line: the process died while writing it
    return list(pending.values()), skipped


def _open_locked_marker(folder: Path, session_id: str) -> IO[str]:
    """Create this session's marker already locked, so no starting session mistakes it for dead."""
    partial = folder / f"{session_id}.starting"
    f = partial.open("w+", encoding="utf-8")
    if not _try_lock(f):
        raise RuntimeError(f"cannot lock {partial}")
    _write_marker(f, RUNNING)
    os.replace(partial, folder / f"{session_id}.lock")
    return f


def _write_marker(f: IO[str], state: str) -> None:
    f.seek(0)
    f.truncate()
    f.write(json.dumps({"state": state, "pid": os.getpid(), "at": datetime.now(UTC).isoformat()}))
    f.flush()
    os.fsync(f.fileno())


def _take_over(lock_path: Path) -> tuple[IO[str], str, list[PendingEdit], int] | None:
    """A finished session's marker (kept locked), state and pending edits.

    None while its process still holds the lock (a second window's live session).
    """
    try:
        f = lock_path.open("r+", encoding="utf-8")
    except FileNotFoundError:
        return None
    if not _try_lock(f) or not _still_named(f, lock_path):
        f.close()
        return None
    try:
        state = json.loads(f.read() or "{}").get("state", RUNNING)
    except ValueError:
        state = RUNNING
    edits, skipped = read_journal(lock_path.with_suffix(".jsonl"))
    return f, state, edits, skipped


def _still_named(f: IO[str], path: Path) -> bool:
    """False when another starting session took this marker over and removed it meanwhile."""
    try:
        return os.path.samestat(os.fstat(f.fileno()), os.stat(path))
    except FileNotFoundError:
        return False


def _remove_session_files(lock_path: Path) -> None:
    for path in (lock_path.with_suffix(".jsonl"), lock_path):
        path.unlink(missing_ok=True)


def _try_lock(f: IO[str]) -> bool:
    """Take an exclusive lock on an open file without waiting; False when another process holds it."""
    try:
        import fcntl
    except ImportError:  # Windows
        import msvcrt

        try:
            f.seek(0)
            msvcrt.locking(f.fileno(), msvcrt.LK_NBLCK, 1)
            return True
        except OSError:
            return False
    try:
        fcntl.flock(f.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        return True
    except OSError:
        return False
