"""Backups and restores report their progress as pages are copied, for the GUI's progress bar."""

from __future__ import annotations

import pytest

from briefing.backups.service import MANUAL

pytestmark = pytest.mark.sqlite_only(reason="backups are SQLite files; a server's are its own job")


@pytest.fixture
def small_steps(monkeypatch):
    monkeypatch.setattr("db.backup.STEP_PAGES", 4)


def test_a_backup_reports_a_rising_share_ending_at_one(sample, small_steps):
    heard: list[float] = []
    record = sample.backups.create(MANUAL, progress=heard.append)
    assert record.path.is_file()
    assert len(heard) > 3 and heard == sorted(heard) and heard[-1] == 1.0 and heard[0] < 0.5


def test_a_restore_reports_its_safety_backup_and_its_copy_as_one_rising_share(sample, small_steps):
    backup = sample.backups.create(MANUAL)
    sample.meetings.delete(sample.meetings.list()[0].id)
    heard: list[float] = []
    sample.backups.restore(backup.path, progress=heard.append)
    assert len(sample.meetings.list()) == 3  # the sample's three meetings
    assert heard == sorted(heard) and heard[-1] == 1.0
    assert any(0.3 < h < 0.45 for h in heard) and any(0.45 < h < 1 for h in heard)
