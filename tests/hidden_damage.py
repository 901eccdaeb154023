"""Damage that opening a store does not read: only a scan of every page finds it.

A bad disk or a stray program can spoil any page of a store. Spoiling the root
page of the note-revision history leaves everything start-up reads (the schema,
its revision, the meetings) intact, so the store opens and the first window
paints; only ``PRAGMA quick_check`` (or reading the history) finds the damage.
"""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

from tests.store_files import PAGE

#: A table no start-up reads: the history of issue notes.
UNREAD_TABLE = "note_revisions"


def damage_unread_pages(path: Path) -> Path:
    """Overwrite the start of ``UNREAD_TABLE``'s root page in a cleanly closed store, in place."""
    # "immutable": a cleanly closed store has every page in its file, and no -wal appears beside it.
    with closing(sqlite3.connect(f"{Path(path).absolute().as_uri()}?immutable=1", uri=True)) as c:
        root = c.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", (UNREAD_TABLE,)).fetchone()[0]
        problems = c.execute("PRAGMA quick_check").fetchall()
    assert problems == [("ok",)], problems  # sound until now
    with Path(path).open("r+b") as f:
        f.seek((root - 1) * PAGE)
        f.write(b"\x55" * 64)
    return path


def scan_problems(path: Path) -> list[str]:
    """What SQLite's quick check finds wrong in the file (read-only)."""
    with closing(sqlite3.connect(f"{Path(path).absolute().as_uri()}?mode=ro", uri=True)) as c:
        try:
            rows = [row[0] for row in c.execute("PRAGMA quick_check")]
        except sqlite3.DatabaseError as error:  # so damaged that the check stops
            return [str(error)]
    return [] if rows == ["ok"] else rows
