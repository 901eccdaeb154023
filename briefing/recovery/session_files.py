"""The crash-recovery journal's session files: a marker created locked, its state, and its removal.

A session's marker (``<session>.lock``) is locked by the running process with an
OS lock, released by the kernel however the process ends: a marker that can be
locked belongs to a session whose process is gone. Storage only: no Qt here.
"""

from __future__ import annotations

import json
import os
from datetime import UTC, datetime
from pathlib import Path
from typing import IO

#: A marker's state while its session runs (or after its process was killed).
RUNNING = "running"


def open_locked_marker(folder: Path, session_id: str) -> IO[str]:
    """Create this session's marker already locked, so no starting session mistakes it for dead."""
    partial = folder / f"{session_id}.starting"
    f = partial.open("w+", encoding="utf-8")
    if not try_lock(f):
        raise RuntimeError(f"cannot lock {partial}")
    write_marker(f, RUNNING)
    os.replace(partial, folder / f"{session_id}.lock")
    return f


def write_marker(f: IO[str], state: str) -> None:
    """Say in the marker how the session stands (``running``, ``clean``), flushed to disk."""
    f.seek(0)
    f.truncate()
    f.write(json.dumps({"state": state, "pid": os.getpid(), "at": datetime.now(UTC).isoformat()}))
    f.flush()
    os.fsync(f.fileno())


def still_named(f: IO[str], path: Path) -> bool:
    """False when another starting session took this marker over and removed it meanwhile."""
    try:
        return os.path.samestat(os.fstat(f.fileno()), os.stat(path))
    except FileNotFoundError:
        return False


def remove_session_files(lock_path: Path) -> None:
    """A settled session's journal and marker go (the journal first: a marker alone is harmless)."""
    for path in (lock_path.with_suffix(".jsonl"), lock_path):
        path.unlink(missing_ok=True)


def try_lock(f: IO[str]) -> bool:
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

