"""A store Briefbook closed cleanly opens without the full scan; anything that touched it brings it back."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import time

import pytest

from briefing.errors import DamagedStoreError
from briefing.services import Services
from db import seen
from db.engine import Database
from tests.store_files import PAGE, snapshot, store_with_sample


@pytest.fixture
def store(tmp_path):
    """A store with the sample, closed cleanly (so it has its record)."""
    return store_with_sample(tmp_path / "briefbook.db")


def opened(path) -> Database:
    database = Database(f"sqlite:///{path}")
    database.close()
    return database


def damage_in_place(path, *, keep_times: bool = False) -> None:
    """Overwrite the start of a b-tree page, as a bad disk or a stray program would."""
    times = path.stat()
    with path.open("r+b") as f:
        f.seek(2 * PAGE)
        f.write(b"\x55" * 64)
    if keep_times:
        os.utime(path, ns=(times.st_atime_ns, times.st_mtime_ns))


def test_a_store_closed_cleanly_opens_without_the_full_scan(store):
    assert seen.record_path(store).exists()
    assert opened(store).file.full_check is False
    assert opened(store).file.full_check is False  # and stays so, open after open


def test_the_first_open_of_a_store_scans_it_and_the_next_does_not(tmp_path, store):
    copy = tmp_path / "copy" / "received.db"
    copy.parent.mkdir()
    shutil.copyfile(store, copy)
    assert opened(copy).file.full_check is True
    assert opened(copy).file.full_check is False


def test_a_store_opened_cleanly_uses_one_connection_instead_of_two(store, monkeypatch):
    connects = []
    real_connect = sqlite3.connect

    def counting(*args, **kwargs):
        connects.append(args[0] if args else kwargs.get("database"))
        return real_connect(*args, **kwargs)

    monkeypatch.setattr(sqlite3, "connect", counting)  # the probe's
    monkeypatch.setattr(sqlite3.dbapi2, "connect", counting)  # SQLAlchemy's
    services = Services.open(f"sqlite:///{store}", automatic_backups=False)
    try:
        assert services.meetings.count() == 2
    finally:
        services.close()
    assert len(connects) == 1  # the engine's own; no read-only probing connection

    seen.record_path(store).unlink()
    connects.clear()
    Services.open(f"sqlite:///{store}", automatic_backups=False).close()
    assert len(connects) == 2  # without a record: the probe's read-only connection too


def test_a_store_damaged_after_a_clean_close_is_still_refused_untouched(store):
    damage_in_place(store)
    before = snapshot(store.parent)
    with pytest.raises(DamagedStoreError) as caught:
        Services.open(f"sqlite:///{store}")
    assert str(store) in str(caught.value) and "has not been changed" in str(caught.value)
    assert snapshot(store.parent) == before


def test_a_file_copied_over_the_store_is_scanned_again(tmp_path, store):
    other = store_with_sample(tmp_path / "other.db")
    damage_in_place(other)
    shutil.copyfile(other, store)  # same size, new contents and times
    with pytest.raises(DamagedStoreError):
        Services.open(f"sqlite:///{store}")


def test_damage_that_keeps_the_size_and_time_is_found_by_the_weekly_full_check(store):
    damage_in_place(store, keep_times=True)  # nothing in the signature changed
    record = json.loads(seen.record_path(store).read_text(encoding="utf-8"))
    record["checked_at"] = time.time() - seen.FULL_CHECK_EVERY - 3600  # last scanned 8 days ago
    seen.record_path(store).write_text(json.dumps(record), encoding="utf-8")
    with pytest.raises(DamagedStoreError):
        Services.open(f"sqlite:///{store}")


def test_changes_left_in_the_wal_by_a_crash_bring_the_full_scan_back(store):
    crashed = Services.open(f"sqlite:///{store}", automatic_backups=False)
    meeting = crashed.meetings.list()[0]
    crashed.meetings.update(meeting.id, None, title="Typed before the crash")
    try:  # the first process never closes: its change is still in the -wal file
        reopened = Services.open(f"sqlite:///{store}", automatic_backups=False)
        assert reopened.db.file.full_check is True
        assert reopened.meetings.get(meeting.id).title == "Typed before the crash"
        reopened.close()
    finally:
        crashed.close()
    assert opened(store).file.full_check is False  # the last to close recorded it


def test_a_record_that_is_not_readable_means_a_full_scan(store):
    seen.record_path(store).write_text("{not json", encoding="utf-8")
    assert opened(store).file.full_check is True
    assert opened(store).file.full_check is False  # and the scan wrote a good record


def test_a_store_changed_by_another_program_is_scanned_again(store):
    other = sqlite3.connect(store)  # e.g. someone tidying it up in the sqlite3 shell
    other.execute("VACUUM")
    other.close()
    assert opened(store).file.full_check is True
