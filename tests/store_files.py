"""Bad store files and bad places, made the way users meet them: for the robustness tests.

Read-only is real: as an ordinary user the permission bits are cleared; as root
(who ignores them, as in CI) the file or folder is made immutable with
``chattr +i``, which binds root too. Tests that need it skip when neither works.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import stat
import subprocess
from contextlib import closing, contextmanager
from pathlib import Path

import pytest

PAGE = 4096


def _sample_meetings() -> int:
    from briefing.interchange.sample import sample_document

    return len(sample_document()["meetings"])


#: How many meetings ``store_with_sample`` holds.
SAMPLE_MEETINGS = _sample_meetings()


def store_with_sample(path: Path) -> Path:
    """A real Briefbook store holding the sample meetings, closed cleanly."""
    from briefing.interchange.sample import load_sample
    from briefing.services import Services

    services = Services.open(f"sqlite:///{path}")
    load_sample(services.db, services.config)
    services.close()
    return path


def text_file(path: Path) -> Path:
    path.write_text("Minutes of the meeting\nnot a database at all\n", encoding="utf-8")
    return path


def truncated_copy(source: Path, path: Path) -> Path:
    """A copy cut short, as an interrupted download or copy leaves it."""
    path.write_bytes(source.read_bytes()[: 3 * PAGE + 1000])
    return path


def corrupt_copy(source: Path, path: Path) -> Path:
    """A copy whose third page (a b-tree page) has been overwritten with junk."""
    data = bytearray(source.read_bytes())
    data[2 * PAGE: 2 * PAGE + 64] = b"\x55" * 64
    path.write_bytes(bytes(data))
    return path


def foreign_database(path: Path) -> Path:
    """Another program's SQLite database (rollback journal, its own tables)."""
    with closing(sqlite3.connect(path)) as c:
        c.execute("CREATE TABLE accounts (id INTEGER PRIMARY KEY, owner TEXT)")
        c.execute("INSERT INTO accounts (owner) VALUES ('someone else')")
        c.commit()
    return path


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file in a folder with its bytes: to prove nothing was changed or added.

    A -shm file is SQLite's shared-memory index, rebuilt by any reader, not
    content: only its presence counts.
    """
    return {p.name: b"" if p.name.endswith("-shm") else p.read_bytes()
            for p in sorted(folder.iterdir()) if p.is_file()}


@contextmanager
def read_only(*paths: Path):
    """Make files or folders unwritable for this process (really), and writable again after."""
    if os.geteuid() == 0:
        if shutil.which("chattr") is None:
            pytest.skip("running as root without chattr: cannot make a file read-only for root")
        made = []
        try:
            for p in paths:
                done = subprocess.run(["chattr", "+i", str(p)], capture_output=True)
                if done.returncode != 0:
                    pytest.skip(f"chattr +i does not work here: {done.stderr.decode().strip()}")
                made.append(p)
            yield
        finally:
            for p in made:
                subprocess.run(["chattr", "-i", str(p)], check=True)
    else:
        modes = {p: p.stat().st_mode for p in paths}
        try:
            for p in paths:
                p.chmod(modes[p] & ~(stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH))
            yield
        finally:
            for p, mode in modes.items():
                p.chmod(mode)
