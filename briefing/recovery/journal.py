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
  An edit of a table's cell carries its exact value too (``"typed"``, see
  ``briefing.recovery.typed``) and its meeting; a change to a list given while the
  store was away is a ``{"op": "row", ...}`` line, settled by ``{"op": "row_done", ...}``
  (``briefing.recovery.row_changes``). Files written before these lines existed read
  as before.

A starting session takes over every session file it can lock (their processes
are gone; a second window's live session stays locked and is left alone). Their
pending edits move into the new session's journal before the old files go, so a
second crash before the user decides still loses nothing. A torn last line (a
kill in the middle of a write) is skipped.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import re
import secrets
import threading
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, Any, TypeVar

from briefing.errors import StoreError, TransientStoreError
from briefing.recovery.records import PendingEdit, Recovery
from briefing.recovery.row_changes import (
    PendingRowChange,
    RowChange,
    read_row_line,
    resolve_made,
    row_line,
)
from briefing.recovery.session_files import (
    RUNNING,
    open_locked_marker,
    remove_session_files,
    still_named,
    try_lock,
    write_marker,
)
from briefing.recovery.typed import decode_value, encode_value, shown_text
from db.engine import Database
from db.store_url import default_data_dir

#: Rewrite the journal when it grows past this and holds mostly settled lines.
COMPACT_BYTES = 1 << 20
CLEAN = "clean"

Key = tuple[str, int, str]
T = TypeVar("T")
#: ``record(..., data=TEXT_ONLY)``: the edit is typed text, no other value.
TEXT_ONLY: Any = object()


def _serialised(method: Callable[..., T]) -> Callable[..., T]:
    """Run a journal method under the journal's lock (it is called from two threads)."""

    @functools.wraps(method)
    def locked(self: CrashJournal, *args: Any, **kwargs: Any) -> T:
        with self._mutex:
            return method(self, *args, **kwargs)

    return locked


class CrashJournal:
    """The crash-recovery journal of one store (see the module docstring for the files)."""

    def __init__(self, folder: Path) -> None:
        self.folder = Path(folder)
        self.session_id: str | None = None
        self._pending: dict[Key, PendingEdit] = {}
        self._rows: dict[str, PendingRowChange] = {}
        self._lock: IO[str] | None = None
        self._log: IO[str] | None = None
        self._lines = 0
        # Keep's replay settles each list change from the write lane's worker as soon as the
        # store has it; the GUI thread records keystrokes meanwhile: one writer at a time.
        self._mutex = threading.RLock()

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
        self._lock = open_locked_marker(self.folder, self.session_id)
        unclean, skipped, adopted, adopted_rows, held = False, 0, [], [], []
        for lock_path in sorted(self.folder.glob("*.lock")):
            if lock_path.stem == self.session_id:
                continue
            left = _take_over(lock_path)
            if left is None:
                continue  # another window's session, still running
            handle, state, edits, rows, bad = left
            held.append((lock_path, handle))
            unclean |= state != CLEAN
            skipped += bad
            adopted.extend(edits)
            adopted_rows.extend(rows)
        self._log = self._journal_path().open("a", encoding="utf-8", newline="\n")
        for edit in sorted(adopted, key=lambda e: e.at):
            self._append(_edit_line(edit))
            self._pending[_key(edit)] = edit
        for change in sorted(adopted_rows, key=lambda c: c.at):
            self._append(row_line(change))
            self._rows[change.token] = change
        # Only now that their edits are safe in this session's journal do the old files go.
        for lock_path, handle in held:
            remove_session_files(lock_path)
            handle.close()
        return Recovery(unclean, tuple(self._pending.values()), skipped, tuple(self._rows.values()))

    @_serialised
    def end_session(self) -> None:
        """A clean exit: the marker says so; edits still pending stay for the next start."""
        if self.session_id is None:
            return
        assert self._lock is not None and self._log is not None
        self._log.close()
        if self._pending or self._rows:
            write_marker(self._lock, CLEAN)
        self._lock.close()
        if not (self._pending or self._rows):
            remove_session_files(self._lock_path())
        self.session_id, self._lock, self._log = None, None, None

    # -- edits -------------------------------------------------------------------

    @_serialised
    def record(self, entity: str, entity_id: int, field: str, value: str,
               base_version: int | None = None, *, data: Any = TEXT_ONLY,
               meeting_id: int | None = None) -> None:
        """Keep a field's text as typed (flushed to disk before returning).

        ``data``: the field's exact value when it is not text (a cell's number, date or
        None; ``value`` is then what the bar shows, ``shown_text(data)`` when empty);
        ``ValueError`` for a value of a type the journal cannot keep."""
        typed = data is not TEXT_ONLY
        if typed:
            encode_value(data)  # refused here, before anything is written
            value = value or shown_text(data)
        edit = PendingEdit(entity, int(entity_id), field, str(value), base_version, datetime.now(UTC),
                           typed, data if typed else None, meeting_id)
        self._append(_edit_line(edit))
        self._pending.pop(_key(edit), None)  # keep the order of last change
        self._pending[_key(edit)] = edit
        self._settle()

    @_serialised
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

    # -- changes to lists --------------------------------------------------------

    @_serialised
    def record_row(self, change: RowChange) -> str:
        """Keep a change to a list that waits for the store (flushed before returning); its token."""
        pending = PendingRowChange(secrets.token_hex(8), change, datetime.now(UTC))
        self._append(row_line(pending))
        self._rows[pending.token] = pending
        return pending.token

    @_serialised
    def row_written(self, token: str, made_id: int | None = None) -> None:
        """The store has the change ``token`` (an add: it made row ``made_id``): forget it."""
        if self._rows.pop(token, None) is None:
            return
        self._append({"op": "row_done", "token": token, "id": made_id})
        self._rows = {t: resolve_made(p, token, made_id) for t, p in self._rows.items()}
        self._settle()

    def discard_row(self, token: str) -> None:
        """The user chose not to replay this change (or it can no longer apply)."""
        self.row_written(token)

    def pending_rows(self) -> tuple[PendingRowChange, ...]:
        """The changes to lists not yet written, oldest first."""
        return tuple(self._rows.values())

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
        if not (self._pending or self._rows):
            self._log.truncate(0)
            os.fsync(self._log.fileno())
            self._lines = 0
        elif self._log.tell() > COMPACT_BYTES and self._lines > 2 * (len(self._pending) + len(self._rows)):
            self._compact()

    def _compact(self) -> None:
        assert self._log is not None
        path = self._journal_path()
        fresh = path.with_suffix(".compact")
        with fresh.open("w", encoding="utf-8", newline="\n") as f:
            for edit in self._pending.values():
                f.write(json.dumps(_edit_line(edit), ensure_ascii=True) + "\n")
            for change in self._rows.values():
                f.write(json.dumps(row_line(change), ensure_ascii=True) + "\n")
            f.flush()
            os.fsync(f.fileno())
        self._log.close()
        os.replace(fresh, path)
        self._log = path.open("a", encoding="utf-8", newline="\n")
        self._lines = len(self._pending) + len(self._rows)


def _key(edit: PendingEdit) -> Key:
    return (edit.entity, edit.entity_id, edit.field)


def _edit_line(edit: PendingEdit) -> dict:
    line = {"op": "edit", "entity": edit.entity, "id": edit.entity_id, "field": edit.field,
            "value": edit.value, "base_version": edit.base_version, "at": edit.at.isoformat()}
    if edit.typed:
        line["typed"] = encode_value(edit.data)
    if edit.meeting_id is not None:
        line["meeting"] = edit.meeting_id
    return line


def _read_edit(key: Key, entry: dict) -> PendingEdit:
    base, meeting = entry.get("base_version"), entry.get("meeting")
    typed = "typed" in entry
    return PendingEdit(*key, str(entry["value"]), int(base) if base is not None else None,
                       datetime.fromisoformat(entry["at"]), typed,
                       decode_value(entry["typed"]) if typed else None,
                       int(meeting) if meeting is not None else None)


def read_journal(path: Path) -> tuple[list[PendingEdit], int]:
    """The pending edits of a journal file, and how many lines were torn or unreadable."""
    edits, _rows, skipped = read_journal_all(path)
    return edits, skipped


def read_journal_all(path: Path) -> tuple[list[PendingEdit], list[PendingRowChange], int]:
    """The pending edits and list changes of a journal file, and how many lines were torn or unreadable."""
    pending: dict[Key, PendingEdit] = {}
    rows: dict[str, PendingRowChange] = {}
    made: dict[str, int | None] = {}
    skipped = 0
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return [], [], 0
    for line in raw.split(b"\n"):
        if not line.strip():
            continue
        try:
            entry = json.loads(line.decode("utf-8"))
            op = entry["op"]
            if op == "row":
                change = read_row_line(entry)
                for token, made_id in made.items():
                    change = resolve_made(change, token, made_id)
                rows[change.token] = change
                continue
            if op == "row_done":
                token, made_id = str(entry["token"]), entry.get("id")
                made[token] = int(made_id) if made_id is not None else None
                rows.pop(token, None)
                rows = {t: resolve_made(p, token, made[token]) for t, p in rows.items()}
                continue
            key = (str(entry["entity"]), int(entry["id"]), str(entry["field"]))
            if op == "edit":
                edit = _read_edit(key, entry)
                pending.pop(key, None)
                pending[key] = edit
            elif op == "committed":
                pending.pop(key, None)
        except (ValueError, KeyError, TypeError):
            skipped += 1  # a torn line: the process died while writing it
    return list(pending.values()), list(rows.values()), skipped






def _take_over(lock_path: Path) -> tuple[IO[str], str, list[PendingEdit], list[PendingRowChange],
                                          int] | None:
    """A finished session's marker (kept locked), state, pending edits and list changes.

    None while its process still holds the lock (a second window's live session).
    """
    try:
        f = lock_path.open("r+", encoding="utf-8")
    except FileNotFoundError:
        return None
    if not try_lock(f) or not still_named(f, lock_path):
        f.close()
        return None
    try:
        state = json.loads(f.read() or "{}").get("state", RUNNING)
    except ValueError:
        state = RUNNING
    edits, rows, skipped = read_journal_all(lock_path.with_suffix(".jsonl"))
    return f, state, edits, rows, skipped





