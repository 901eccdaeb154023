"""The last state in which Briefbook saw a store file sound, so that opening it again can skip the full scan.

``PRAGMA quick_check`` reads every page of the file: 150 ms on a 140 MB store,
at every start. It is only needed when something may have happened to the file
since Briefbook last knew it to be sound. So Briefbook keeps a small record
beside the store (``.<store name>.seen``, JSON) of the file's *signature* —
size, modification time in nanoseconds, inode and the change counter from the
SQLite header — together with the store's schema revision and when the file
was last fully checked.

The policy (``db.probe`` applies it before SQLite opens the file for writing):

* the record is written when the full check has just passed at open, and again
  when Briefbook closes the store cleanly (its last connection closed, every
  change checkpointed into the file, no ``-wal`` content left), because SQLite's
  own writes keep a sound file sound;
* the full check runs again whenever the signature differs from the record — a
  first open, a crash that left changes in the ``-wal`` file, a write by another
  program, a copy or a restore over the file (all change the size, the
  modification time, the inode or the change counter) — when the record is
  missing or unreadable, and at least once every ``FULL_CHECK_EVERY`` (a week),
  for damage that changes none of these (a failing disk under an unchanged
  file); the daily backup's ``integrity_check`` of its copy also reads every page;
* a store opened read-only gets no record (Briefbook does not write beside a
  file it may not change), so it is checked fully at every open;
* the record only ever lets Briefbook skip the scan: the other checks (an SQLite
  file, whole, a Briefbook store, not from a newer Briefbook) run at every open.

What the record does not catch: a program that changes the file and then puts
its modification time back, or writes within the same clock tick as Briefbook's
close without changing its size. SQLite still refuses a damaged page when it
reads it (``DamagedStoreError``), and the weekly full check finds the rest.
"""

from __future__ import annotations

import json
import os
import time
from dataclasses import asdict, dataclass
from pathlib import Path

#: The full check runs at least this often (seconds), even on an unchanged file.
FULL_CHECK_EVERY = 7 * 24 * 3600
_CHANGE_COUNTER = slice(24, 28)


@dataclass(frozen=True)
class Signature:
    """What changes when anything writes, replaces or copies over a store file."""

    size: int
    mtime_ns: int
    inode: int
    change_counter: int


@dataclass(frozen=True)
class Seen:
    """The record: the file's signature, its schema revision, and when it was last fully checked."""

    signature: Signature
    revision: str | None
    checked_at: float


def record_path(path: Path) -> Path:
    """Where the record of the store ``path`` lives (a hidden file beside it)."""
    return path.with_name(f".{path.name}.seen")


def signature(path: Path, header: bytes | None = None) -> Signature | None:
    """The file's signature now (``header``: its first 100 bytes, when already read); None if unreadable."""
    try:
        if header is None:
            with path.open("rb") as f:
                header = f.read(100)
        status = path.stat()
    except OSError:
        return None
    return Signature(status.st_size, status.st_mtime_ns, status.st_ino,
                     int.from_bytes(header[_CHANGE_COUNTER], "big"))


def trusted(path: Path, now: Signature | None, *, clock: float | None = None) -> Seen | None:
    """The record, when it vouches for the file as it is now (same signature, checked recently)."""
    if now is None:
        return None
    try:
        data = json.loads(record_path(path).read_text(encoding="utf-8"))
        seen = Seen(Signature(**data["signature"]), data["revision"], float(data["checked_at"]))
    except (OSError, ValueError, KeyError, TypeError):
        return None
    if seen.signature != now:
        return None
    if (clock if clock is not None else time.time()) - seen.checked_at > FULL_CHECK_EVERY:
        return None
    return seen


def remember(path: Path, revision: str | None, checked_at: float) -> bool:
    """Record the file as it is now as sound (best effort: False when it could not be written)."""
    now = signature(path)
    if now is None:
        return False
    target = record_path(path)
    partial = target.with_name(f"{target.name}.{os.getpid()}.tmp")
    body = {"signature": asdict(now), "revision": revision, "checked_at": checked_at}
    try:
        partial.write_text(json.dumps(body), encoding="utf-8")
        os.replace(partial, target)
    except OSError:
        partial.unlink(missing_ok=True)
        return False
    return True
