"""``export -o``, ``dump -o`` and ``backup -o`` write only over a plain file the user may write.

Each is run as a user runs it (a real process): a device, a FIFO, a folder, a
symbolic link, a read-only file (also for root, as these tests run in CI), a
file with two names, or a name too long for the file system is refused with one
line on stderr naming the path, a non-zero exit and no traceback; what was
there, and the store, are left exactly as they were. Rules: briefing/output.py.
"""

from __future__ import annotations

import errno
import os
import stat
import sys

import pytest

from db.backup import check_file
from tests.store_files import store_with_sample
from tests.test_cli import cli

pytestmark = pytest.mark.sqlite_only(reason="the command line on an SQLite file")

ROUND_1 = "US–Japan Partnership on Trade — Round 1"
COMMANDS = {
    "export": lambda target: ("export", ROUND_1, "-o", str(target), "--jobs", "1"),
    "dump": lambda target: ("dump", "-o", str(target)),
    "backup": lambda target: ("backup", "-o", str(target)),
}


@pytest.fixture(scope="module")
def sample_store(tmp_path_factory):
    return store_with_sample(tmp_path_factory.mktemp("output") / "store.db")


@pytest.fixture
def store(sample_store, tmp_path):
    path = tmp_path / "store" / "briefbook.db"
    path.parent.mkdir()
    path.write_bytes(sample_store.read_bytes())
    return path


def refused(out, target, words: str) -> None:
    assert out.returncode != 0, out.stdout
    assert "Traceback" not in out.stderr
    [line] = out.stderr.strip().splitlines()
    assert str(target) in line and words in line, line


def a_fifo(folder):
    os.mkfifo(folder / "pipe")
    return folder / "pipe", "a FIFO"


def a_device(folder):
    """A character device node of our own (never /dev/…: a test that fails must not replace it)."""
    try:
        os.mknod(folder / "device", stat.S_IFCHR | 0o666, os.makedev(1, 3))
    except PermissionError:
        pytest.skip("making a device node needs root")
    return folder / "device", "a device"


def a_folder(folder):
    (folder / "folder").mkdir()
    return folder / "folder", "a folder"


def a_symlink(folder):
    (folder / "real.out").write_bytes(b"what the link points to")
    (folder / "link.out").symlink_to(folder / "real.out")
    return folder / "link.out", "symbolic link"


def a_read_only_file(folder):
    (folder / "published.out").write_bytes(b"a file nobody may change")
    os.chmod(folder / "published.out", 0o444)  # root could still replace it: the rule binds root too
    return folder / "published.out", "read-only"


def a_hard_link(folder):
    (folder / "one.out").write_bytes(b"one file, two names")
    os.link(folder / "one.out", folder / "two.out")
    return folder / "two.out", "2 names"


def a_name_too_long(folder):
    return folder / ("n" * 300 + ".out"), "too long"


TARGETS = {"a FIFO": a_fifo, "a device": a_device, "a folder": a_folder, "a symbolic link": a_symlink,
           "a read-only file": a_read_only_file, "one name of a hard link": a_hard_link,
           "a name too long": a_name_too_long}


def tree(folder) -> dict:
    """Every entry under ``folder``: its kind, and a regular file's bytes (links not followed)."""
    found = {}
    for path in sorted(folder.rglob("*")):
        info = path.lstat()
        kind = stat.S_IFMT(info.st_mode)
        data = path.read_bytes() if stat.S_ISREG(kind) else None
        found[path.relative_to(folder)] = (kind, stat.S_IMODE(info.st_mode), info.st_nlink, data)
    return found


@pytest.mark.parametrize("command", list(COMMANDS))
@pytest.mark.parametrize("case", list(TARGETS))
def test_an_output_that_is_not_a_plain_writable_file_is_refused_and_left_as_it_was(
        command, case, store, tmp_path):
    folder = tmp_path / "out"
    folder.mkdir()
    target, words = TARGETS[case](folder)
    before, store_before = tree(folder), store.read_bytes()
    out = cli(*COMMANDS[command](target), db=store)
    refused(out, target, words)
    assert tree(folder) == before
    assert store.read_bytes() == store_before and check_file(store) == []


@pytest.mark.parametrize("companion", ["-wal", "-shm", "-journal"])
def test_a_backup_is_never_written_over_a_file_sqlite_keeps_beside_the_store(companion, store):
    target = store.with_name(store.name + companion)
    out = cli("backup", "-o", str(target), db=store)
    refused(out, target, "store's")
    assert check_file(store) == []
    listed = cli("meetings", db=store)
    assert listed.returncode == 0 and len(listed.stdout.splitlines()) == 3


def test_a_backup_is_never_written_over_a_seen_record(store):
    target = store.with_name(f".{store.name}.seen")
    out = cli("backup", "-o", str(target), db=store)
    refused(out, target, ".seen")
    assert not target.exists()


@pytest.mark.parametrize("command", list(COMMANDS))
def test_an_earlier_plain_file_is_replaced_whole_keeping_its_permissions(command, store, tmp_path):
    target = tmp_path / "earlier.out"
    target.write_bytes(b"an earlier file")
    os.chmod(target, 0o640)
    out = cli(*COMMANDS[command](target), db=store)
    assert out.returncode == 0, out.stderr
    assert target.read_bytes() != b"an earlier file" and stat.S_IMODE(target.stat().st_mode) == 0o640
    assert sorted(p.name for p in tmp_path.iterdir()) == ["earlier.out", "store"]


def test_a_book_can_go_to_standard_output(store):
    import subprocess

    from tests.test_cli import ROOT

    command = [sys.executable, str(ROOT / "main.py"), "--db", str(store), *COMMANDS["export"]("-")]
    out = subprocess.run(command, capture_output=True, cwd=ROOT, timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.startswith(b"%PDF-") and b"page(s) to standard output" in out.stderr


def test_a_full_disk_fails_the_dump_with_the_system_reason_and_leaves_nothing(store, tmp_path, monkeypatch,
                                                                             capsys):
    import main

    target = tmp_path / "doc.json"
    target.write_text("the earlier dump")

    def full_disk(fd):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "fsync", full_disk)
    status = main.main(["--db", str(store), "dump", "-o", str(target)])
    [line] = capsys.readouterr().err.strip().splitlines()
    assert status != 0 and str(target) in line and "No space left on device" in line
    assert target.read_text() == "the earlier dump"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["doc.json", "store"]
