"""Backups: taken daily, before upgrades and imports, rotated, complete and checked; restore."""

from __future__ import annotations

import os
import sqlite3
import time
from contextlib import closing
from datetime import UTC, datetime, timedelta

import pytest

from briefing.backups.service import BackupService, reason_label
from briefing.errors import StoreError, ValidationError
from briefing.interchange.sample import sample_document
from briefing.services import Services
from db.backup import check_file, partial_path

pytestmark = pytest.mark.sqlite_only(reason="backups are SQLite files; a server's are its own job")


def meetings_in(path) -> list[str]:
    """The titles of the meetings in a backup file, read with plain SQLite."""
    with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as c:
        return [r[0] for r in c.execute("SELECT title FROM meetings WHERE deleted_at IS NULL ORDER BY id")]


def test_a_new_store_gets_no_backup_but_the_next_start_does_once_a_day(db_url, tmp_path):
    first = Services.open(db_url)
    first.close()
    assert not (tmp_path / "backups").exists()
    second = Services.open(db_url)
    daily = second.backups.list()
    assert [b.reason for b in daily] == ["daily"]
    second.close()
    third = Services.open(db_url)
    assert len(third.backups.list()) == 1  # the same day: nothing new
    tomorrow = datetime.now(UTC) + timedelta(days=1, minutes=1)
    assert third.backups.due(tomorrow)
    assert third.backups.daily_if_due(tomorrow).reason == "daily"
    assert len(third.backups.list()) == 2
    third.close()


def test_a_backup_is_a_complete_checked_single_file_store(sample, tmp_path):
    record = sample.backups.create()
    assert record.path.parent == tmp_path / "backups"
    assert record.path.name.startswith("briefbook-") and record.path.name.endswith("-manual.db")
    assert record.size_bytes == record.path.stat().st_size > 0
    assert check_file(record.path) == []
    assert record.path.read_bytes()[18:20] == b"\x01\x01"  # rollback journal: one self-contained file
    assert not record.path.with_name(record.path.name + "-wal").exists()
    assert meetings_in(record.path) == [m.title for m in sample.meetings.list()]
    assert reason_label(record.reason) == "made on request"


def test_a_backup_taken_while_another_window_writes_holds_only_what_was_committed(sample, db_url):
    other = Services.open(db_url, automatic_backups=False)
    meeting = sample.meetings.list()[0]
    try:
        with other.db.write() as session:
            from db.models import Meeting

            session.get(Meeting, meeting.id).title = "Not committed yet"
            session.flush()
            record = sample.backups.create()
    finally:
        other.close()
    assert "Not committed yet" not in meetings_in(record.path)
    assert meeting.title in meetings_in(record.path)


def test_only_the_newest_backups_are_kept(services):
    services.backups.keep = 3
    start = datetime(2024, 3, 1, 8, 0, tzinfo=UTC)
    for day in range(6):
        services.backups.create("daily", now=start + timedelta(days=day))
    kept = services.backups.list()
    assert [b.taken_at.day for b in kept] == [6, 5, 4]
    assert len(list(services.backups.folder.iterdir())) == 3


def test_two_backups_in_the_same_second_both_stay(services):
    now = datetime(2024, 3, 1, 8, 0, tzinfo=UTC)
    first = services.backups.create("manual", now=now)
    second = services.backups.create("manual", now=now)
    assert first.path != second.path
    assert [b.path for b in services.backups.list()] == [second.path, first.path]


def test_backups_of_another_store_in_the_same_folder_are_not_listed(tmp_path):
    a = Services.open(f"sqlite:///{tmp_path / 'round1.db'}")
    b = Services.open(f"sqlite:///{tmp_path / 'round2.db'}")
    try:
        a.backups.create()
        assert b.backups.list() == [] and len(a.backups.list()) == 1
    finally:
        a.close()
        b.close()


def test_leftovers_of_a_killed_backup_are_cleared_once_stale(services):
    services.backups.create()
    left = partial_path(services.backups.folder / "briefbook-20240101T000000Z-daily.db")
    left.write_bytes(b"half a database")
    fresh = left.with_name(".another.db.99.partial")
    fresh.write_bytes(b"a backup still being written")
    hour_ago = time.time() - 3700
    os.utime(left, (hour_ago, hour_ago))
    assert services.backups.prune() == [left]
    assert not left.exists() and fresh.exists()
    assert len(services.backups.list()) == 1


def test_an_upgrade_is_preceded_by_a_backup_of_the_old_store(sample, db_url, monkeypatch):
    import db.migrate as migrate
    import db.revisions as revisions

    sample.close()
    old_head = revisions.HEAD
    monkeypatch.setattr(revisions, "REVISIONS", (*revisions.REVISIONS, "future"))
    monkeypatch.setattr(revisions, "HEAD", "future")
    monkeypatch.setattr(migrate, "upgrade", lambda db: None)
    reopened = Services.open(db_url, automatic_backups=False)
    try:
        assert reopened.schema == "upgraded"
        [backup] = reopened.backups.list()
        assert backup.reason == f"before-upgrade-{old_head}-to-future"
        assert reason_label(backup.reason) == f"before a schema upgrade ({old_head} to future)"
        assert len(meetings_in(backup.path)) == 3
    finally:
        reopened.close()


def test_an_import_is_preceded_by_a_backup_and_a_bad_document_makes_none(sample):
    doc = sample_document()
    with pytest.raises(ValidationError):
        sample.interchange.import_document({"format": "briefbook", "version": 1, "meetings": [{}]})
    assert sample.backups.list() == []
    sample.interchange.import_document(doc)
    [backup] = sample.backups.list()
    assert backup.reason == "before-import"
    assert len(meetings_in(backup.path)) == 3 and sample.meetings.count() == 6


def test_an_import_into_an_empty_store_needs_no_backup(services):
    services.interchange.import_document(sample_document())
    assert services.backups.list() == [] and services.meetings.count() == 3


def test_restore_puts_back_the_backup_and_keeps_what_it_replaced(sample):
    backup = sample.backups.create()
    first = sample.meetings.list()[0]
    sample.meetings.update(first.id, None, title="Renamed after the backup")
    sample.meetings.delete(sample.meetings.list()[1].id)

    safety = sample.backups.restore(backup.path)

    assert [m.title for m in sample.meetings.list()] == meetings_in(backup.path)
    assert sample.meetings.get(first.id).title == first.title
    assert safety.reason == "before-restore"
    assert meetings_in(safety.path) == ["Renamed after the backup",
                                        "US–Japan Partnership on Trade — Round 2"]
    assert check_file(sample.db.path) == []


def test_restoring_the_oldest_backup_when_the_folder_is_full_works(sample):
    sample.backups.keep = 2
    start = datetime(2024, 3, 1, tzinfo=UTC)
    oldest = sample.backups.create("daily", now=start)
    sample.backups.create("daily", now=start + timedelta(days=1))
    sample.meetings.delete(sample.meetings.list()[0].id)
    sample.backups.restore(oldest.path)  # the safety backup must not rotate it away first
    assert sample.meetings.count() == 3


def test_restore_refuses_a_file_that_is_not_a_store_and_changes_nothing(sample, tmp_path):
    junk = tmp_path / "junk.db"
    junk.write_text("not a database")
    with pytest.raises(StoreError, match="not an SQLite file"):
        sample.backups.restore(junk)
    with pytest.raises(StoreError, match="no such file"):
        sample.backups.restore(tmp_path / "missing.db")
    with pytest.raises(StoreError, match="from itself"):
        sample.backups.restore(sample.db.path)
    assert sample.backups.list() == [] and sample.meetings.count() == 3


def test_a_backup_that_cannot_be_written_says_where_and_why(sample, tmp_path):
    blocker = tmp_path / "backups"
    blocker.write_text("a file where the backups folder should be")
    with pytest.raises(StoreError, match="Cannot keep backups in .*: a file of that name is in the way"):
        sample.backups.create()
    service = BackupService(sample.db, folder=tmp_path / "elsewhere")
    assert service.create().path.parent == tmp_path / "elsewhere"


def test_a_failed_daily_backup_does_not_stop_the_store_from_opening(sample, db_url, tmp_path):
    sample.close()
    (tmp_path / "backups").write_text("in the way")
    reopened = Services.open(db_url)
    try:
        assert reopened.meetings.count() == 3
        assert len(reopened.notices) == 1 and "daily backup could not be taken" in reopened.notices[0]
    finally:
        reopened.close()


def test_hostile_text_comes_back_from_a_backup_exactly(sample):
    """Every string of the shared hostile corpus, in a note, survives backup → change → restore."""
    from tests.hostile import HOSTILE_STRINGS

    notes = sample.notes.list_full(2)
    texts = [text for _, text in HOSTILE_STRINGS]
    for n, text in enumerate(texts):
        note = notes[n % len(notes)]
        field = ("background", "talking_points", "red_lines")[n // len(notes) % 3]
        sample.notes.update(note.id, None, **{field: text})
    before = sample.notes.list_full(2)
    backup = sample.backups.create()
    for note in before:
        sample.notes.update(note.id, None, background="overwritten", talking_points="", red_lines="")
    sample.backups.restore(backup.path)
    assert sample.notes.list_full(2) == before


def _aged(path, seconds: float):
    then = time.time() - seconds
    os.utime(path, (then, then))
    return path


def test_leftovers_of_a_killed_restore_beside_the_store_are_cleared_by_the_next_once_stale(sample):
    backup = sample.backups.create()
    store = sample.db.path
    stale = [store.with_name(f".{store.name}.4242.partial{end}") for end in ("", "-journal")]
    fresh = store.with_name(f".{store.name}.4343.partial")
    other = store.with_name(".other.db.4242.partial")
    for path in (*stale, fresh, other):
        path.write_bytes(b"half a staged copy")
    for path in (*stale, other):
        _aged(path, 700)  # older than an export's .part files may be: the same rule
    sample.backups.restore(backup.path)
    assert not any(path.exists() for path in stale)
    assert fresh.exists() and other.exists()  # a copy still being made; another store's


def test_partial_backups_follow_the_age_rule_of_an_exports_temporary_files(services):
    from briefing.output import STALE_SECONDS
    from db.backup import STALE_PARTIAL_SECONDS

    services.backups.create()
    left = partial_path(services.backups.folder / "briefbook-20240101T000000Z-daily.db")
    left.write_bytes(b"half a database")
    _aged(left, STALE_SECONDS + 60)
    assert STALE_PARTIAL_SECONDS == STALE_SECONDS
    assert services.backups.prune() == [left]
