"""The page scan is never skipped on a guess: the command line scans at open; the app scans after
its first paint (or before opening, when the last session ended badly) and damage stops every write."""

from __future__ import annotations

import json
import os

import pytest

from briefing.errors import DamagedStoreError, ReadOnlyStoreError
from briefing.services import Services
from tests.hidden_damage import damage_unread_pages
from tests.store_files import snapshot, store_with_sample
from tests.ui.test_crash_recovery import leave_a_journal_behind


@pytest.fixture
def store(tmp_path):
    return store_with_sample(tmp_path / "briefbook.db")


def test_a_store_closed_cleanly_and_damaged_since_is_refused_at_open_untouched(store):
    """What the old ".seen" record let through: a store damaged after a clean close, times kept."""
    times = store.stat()
    damage_unread_pages(store)
    os.utime(store, ns=(times.st_atime_ns, times.st_mtime_ns))
    before = snapshot(store.parent)
    with pytest.raises(DamagedStoreError) as caught:
        Services.open(f"sqlite:///{store}")
    assert str(store) in str(caught.value) and "has not been changed" in str(caught.value)
    assert snapshot(store.parent) == before


def test_no_record_is_kept_beside_the_store_and_an_old_one_is_ignored_then_removed(store):
    old_record = store.with_name(f".{store.name}.seen")
    assert not old_record.exists()
    old_record.write_text(json.dumps({"signature": {}, "revision": "x", "checked_at": 9e12}))
    damage_unread_pages(store)
    with pytest.raises(DamagedStoreError):
        Services.open(f"sqlite:///{store}")  # the old record vouches for nothing
    sound = store_with_sample(store.with_name("sound.db"))
    sound.with_name(f".{sound.name}.seen").write_text("{not json")
    Services.open(f"sqlite:///{sound}").close()
    assert not sound.with_name(f".{sound.name}.seen").exists()


def test_a_store_opened_without_the_scan_refuses_writes_once_the_scan_finds_damage(store):
    damage_unread_pages(store)
    services = Services.open(f"sqlite:///{store}", automatic_backups=False, check_integrity=False)
    try:
        assert not services.integrity_checked and not services.read_only
        meeting = services.meetings.list()[0]  # start-up's reads work: the damage is elsewhere
        problems = services.check_integrity()
        assert problems and services.read_only and services.integrity_checked
        with pytest.raises(ReadOnlyStoreError) as caught:
            services.meetings.update(meeting.id, None, title="Written over damage")
        message = str(caught.value)
        assert str(store) in message and "damaged" in message and "nothing was written" in message
        assert services.meetings.get(meeting.id).title == meeting.title
    finally:
        services.close()


def test_a_sound_store_opened_without_the_scan_passes_it_and_stays_writable(store):
    services = Services.open(f"sqlite:///{store}", automatic_backups=False, check_integrity=False)
    try:
        assert services.check_integrity() == []
        assert not services.read_only
        meeting = services.meetings.list()[0]
        services.meetings.update(meeting.id, None, title="Still writable")
    finally:
        services.close()


def test_after_a_session_that_ended_badly_the_scan_runs_before_anything_is_written(store):
    url = f"sqlite:///{store}"
    leave_a_journal_behind(url, [])  # the last window was killed
    damage_unread_pages(store)
    before = store.read_bytes()
    with pytest.raises(DamagedStoreError) as caught:
        Services.open(url, automatic_backups=False, check_integrity=False, crash_journal=True)
    assert str(store) in str(caught.value)
    assert store.read_bytes() == before
    assert not store.with_name(f"{store.name}-wal").exists()


def test_after_a_clean_session_the_app_opens_first_and_scans_later(store):
    url = f"sqlite:///{store}"
    damage_unread_pages(store)
    services = Services.open(url, automatic_backups=False, check_integrity=False, crash_journal=True)
    try:
        assert services.journal is not None and services.recovery.unclean is False
        assert services.integrity_checked is False
        assert services.check_integrity() and services.read_only
    finally:
        services.journal.end_session()
        services.close()
