"""``main.py --db DAMAGED restore BACKUP``: the one command that opens a damaged store, to replace it.

Every other command still refuses the damaged store at open; restore scans it itself,
keeps the damaged file as it is in the backups folder and puts the backup in its place.
"""

from __future__ import annotations

import pytest

from tests.hidden_damage import damage_unread_pages, scan_problems
from tests.store_files import SAMPLE_MEETINGS, snapshot, store_with_sample
from tests.test_cli import cli


@pytest.fixture
def damaged(tmp_path):
    """A store damaged where opening does not read, and a sound copy of it taken before the damage."""
    store = store_with_sample(tmp_path / "round1.db")
    backup = tmp_path / "kept-elsewhere.db"
    assert cli("backup", "-o", str(backup), db=store).returncode == 0
    damage_unread_pages(store)
    return store, backup


def test_restore_replaces_a_damaged_store_and_keeps_the_damaged_file(damaged, tmp_path):
    store, backup = damaged
    damaged_bytes = store.read_bytes()
    assert "is damaged" in cli("meetings", db=store).stderr  # refused, as before

    out = cli("restore", str(backup), db=store)

    assert out.returncode == 0, out.stderr
    assert "Traceback" not in out.stderr and "is damaged" in out.stderr
    [kept] = (tmp_path / "backups").glob("round1-*-damaged-before-restore.db")
    assert f"The damaged store is kept as it was, unchecked, in {kept}." in out.stdout
    assert kept.read_bytes() == damaged_bytes and scan_problems(kept)
    assert scan_problems(store) == []
    assert len(cli("meetings", db=store).stdout.splitlines()) == SAMPLE_MEETINGS  # as the backup
    listed = cli("backup", "--list", db=store).stdout
    assert "damaged-before-restore" in listed


def test_restore_from_a_bad_file_leaves_a_damaged_store_as_it_was(damaged, tmp_path):
    store, _backup = damaged
    bogus = tmp_path / "minutes.db"
    bogus.write_text("Minutes of the meeting, not a database\n")
    before = snapshot(tmp_path)
    out = cli("restore", str(bogus), db=store)
    assert out.returncode != 0 and "Traceback" not in out.stderr
    assert f"Cannot restore from {bogus}" in out.stderr
    assert snapshot(tmp_path) == before


def test_the_other_commands_still_refuse_a_damaged_store_untouched(damaged, tmp_path):
    store, _backup = damaged
    before = snapshot(tmp_path)
    for command in (("meetings",), ("backup",), ("sample",)):
        out = cli(*command, db=store)
        assert out.returncode != 0 and "is damaged" in out.stderr, command
    assert snapshot(tmp_path) == before
