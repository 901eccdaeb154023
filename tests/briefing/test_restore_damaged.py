"""A store found damaged is read-only for the session, and a backup restored over it makes it
sound and writable again; its damaged bytes are kept as they were, under a name that says so."""

from __future__ import annotations

import sqlite3
from contextlib import closing

import pytest

from briefing.errors import ReadOnlyStoreError
from briefing.services import Services
from tests.hidden_damage import damage_unread_pages, scan_problems
from tests.store_files import read_only, store_with_sample

pytestmark = pytest.mark.sqlite_only(reason="backups are SQLite files; a server's are its own job")


@pytest.fixture
def store(tmp_path):
    return store_with_sample(tmp_path / "briefbook.db")


@pytest.fixture
def backup(store, tmp_path):
    """A sound backup of the store, taken before the damage, kept outside its backups folder."""
    with Services.open(f"sqlite:///{store}", automatic_backups=False) as services:
        return services.backups.save_as(tmp_path / "before-the-damage.db").path


def open_unscanned(store) -> Services:
    """The store as the desktop app opens it: the page scan left for later."""
    return Services.open(f"sqlite:///{store}", automatic_backups=False, check_integrity=False)


def test_a_store_found_damaged_is_restored_and_takes_writes_again(store, backup):
    damage_unread_pages(store)
    damaged_bytes = store.read_bytes()
    services = open_unscanned(store)
    try:
        assert services.check_integrity() and services.read_only
        assert services.backups.restorable  # read-only for the damage only
        meeting = services.meetings.list()[0]

        kept = services.backups.restore(backup)

        assert not services.read_only and services.db.damage == []
        assert services.check_integrity() == [] and scan_problems(store) == []
        services.meetings.update(meeting.id, None, title="Written after the restore")
        assert services.meetings.get(meeting.id).title == "Written after the restore"
    finally:
        services.close()
    assert kept.reason == "damaged-before-restore" and "damaged-before-restore" in kept.path.name
    assert kept.path.read_bytes() == damaged_bytes  # the damage kept byte for byte, unchecked
    assert scan_problems(kept.path)
    assert kept.path.parent == store.parent / "backups"


def test_the_damaged_copy_holds_what_another_window_saved_still_in_the_log(store, backup):
    other = open_unscanned(store)  # another window, whose connection keeps the -wal file in use
    services = open_unscanned(store)
    try:
        meeting = other.meetings.list()[0]
        other.meetings.update(meeting.id, None, title="Only in the log so far")
        assert store.with_name(store.name + "-wal").stat().st_size > 0
        damage_unread_pages(store)  # the file's pages spoilt in place, as a bad disk does
        assert services.check_integrity()

        kept = services.backups.restore(backup)

        assert other.meetings.get(meeting.id).title == meeting.title  # the other window sees the backup
    finally:
        services.close()
        other.close()
    with closing(sqlite3.connect(f"file:{kept.path}?mode=ro", uri=True)) as copy:
        titles = [row[0] for row in copy.execute("SELECT title FROM meetings")]
        assert copy.execute("PRAGMA journal_mode").fetchone()[0] == "delete"  # one file, no -wal
    assert "Only in the log so far" in titles
    assert scan_problems(kept.path)
    assert sorted(p.name for p in kept.path.parent.iterdir()) == [kept.path.name]  # no leftovers


def test_damage_the_safety_backup_is_first_to_find_still_lets_the_restore_through(store, backup):
    damage_unread_pages(store)
    services = open_unscanned(store)
    try:
        assert not services.integrity_checked and not services.read_only
        kept = services.backups.restore(backup)
        assert kept.reason == "damaged-before-restore" and not services.read_only
        assert scan_problems(store) == []
    finally:
        services.close()


def test_a_scan_a_restore_overtakes_does_not_mark_the_restored_store_damaged(store, backup, monkeypatch):
    """The window's scan runs in the background: the user may restore before it ends."""
    from db import engine

    damage_unread_pages(store)
    services = open_unscanned(store)
    scan = engine.integrity_problems
    overtaken: list[bool] = []

    def scan_then_restore(connection, **options):
        if overtaken:
            return scan(connection, **options)
        try:
            return scan(connection, **options)
        finally:  # the first scan has met the damage; the restore ends before the scan reports it
            overtaken.append(True)
            services.backups.restore(backup)

    monkeypatch.setattr(engine, "integrity_problems", scan_then_restore)
    try:
        assert services.check_integrity() == []  # what is there now is sound
        assert overtaken and not services.read_only and services.db.damage == []
    finally:
        services.close()


def test_a_sound_store_still_gets_a_checked_backup_before_a_restore(store, backup):
    services = open_unscanned(store)
    try:
        kept = services.backups.restore(backup)
    finally:
        services.close()
    assert kept.reason == "before-restore" and scan_problems(kept.path) == []


def test_a_damaged_store_whose_file_cannot_be_written_is_not_restored_here(store, backup):
    damage_unread_pages(store)
    before = store.read_bytes()
    with read_only(store):
        services = open_unscanned(store)
        try:
            assert services.check_integrity() and services.read_only
            assert not services.backups.restorable
            with pytest.raises(ReadOnlyStoreError, match="open read-only"):
                services.backups.restore(backup)
        finally:
            services.close()
    assert store.read_bytes() == before and not (store.parent / "backups").exists()
