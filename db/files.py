"""File-system steps shared by the store's own copies (``db.backup``) and the files the app
writes where the user says (``briefing.output``): flushing to disk, and telling two names of
one file apart."""

from __future__ import annotations

import os
from pathlib import Path


def fsync_path(path: Path) -> None:
    """Flush a file (or a folder's entries) to disk; folders cannot be opened on Windows."""
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def same_file(a: Path, b: Path) -> bool:
    """True when ``a`` and ``b`` name one existing file (False when either is missing)."""
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False
