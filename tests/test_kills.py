"""SIGKILL at any moment: the store passes integrity_check, holds all that was committed, and opens.

Each test starts a real child process (tests/child_process.py) once per kill
point, kills it at a point spread over its run, and checks the store after every
kill (tests/kill_checks.py). 36 kill points in all, kept few so that the suite
stays quick; ``python -m benchmarks.kill_sweep`` runs hundreds and
docs/reliability.md records them.

Half the kill points of a test count their delay from the child's ``ready``
(kills at start-up or in the middle of a unit), the other half from its report
that some units were committed (``after``), so that the counts asserted below —
how much committed work the checks covered — hold however busy the machine is.
"""

from __future__ import annotations

import pytest

from tests import future_revision
from tests import kill_checks as k
from tests.store_files import store_with_sample

SEED = 6


@pytest.fixture(scope="module")
def sample_store(tmp_path_factory):
    return store_with_sample(tmp_path_factory.mktemp("kills") / "sample.db")


def test_kills_mid_autosave_lose_nothing_committed(sample_store, tmp_path):
    store = k.copy_store(sample_store, tmp_path / "autosave.db")
    result = k.sweep_autosave(store, k.spread(8, 0.6, SEED, after=(0, 3)))
    assert result["kills"] == 8 and result["committed updates checked"] > 8


def test_kills_mid_import_leave_all_of_an_import_or_none(sample_store, tmp_path):
    store = k.copy_store(sample_store, tmp_path / "import.db")
    result = k.sweep_import(store, k.spread(5, 0.8, SEED, after=(0, 1)))
    assert result["kills"] == 5 and result["committed imports checked"] >= 1


def test_kills_mid_migration_leave_the_old_schema_or_the_new_whole(sample_store, tmp_path):
    scripts = future_revision.script_dir(tmp_path)
    result = k.sweep_migrate(sample_store, tmp_path / "stores", k.spread(6, 0.6, SEED, after=(0, 1)), scripts)
    assert result["left at the old schema"] + result["left at the new schema"] == 6


def test_kills_mid_backup_leave_the_store_sound_and_no_half_backup_under_a_name(sample_store, tmp_path):
    store = k.copy_store(sample_store, tmp_path / "backup.db")
    result = k.sweep_backup(store, k.spread(4, 0.5, SEED, after=(0, 1)))
    assert result["backup files checked"] >= 1


def test_kills_mid_restore_leave_the_old_content_or_the_backups(sample_store, tmp_path):
    store = k.copy_store(sample_store, tmp_path / "restore.db")
    result = k.sweep_restore(store, k.spread(4, 0.6, SEED, after=(0, 1)))
    assert result["kills"] == 4


def test_kills_while_typing_is_journalled_are_reported_with_the_latest_text(tmp_path):
    result = k.sweep_journal(tmp_path, k.spread(5, 0.3, SEED, after=(0, 3)))
    assert result["records checked"] > 5


def test_kills_mid_export_leave_the_earlier_book_or_the_new_one_whole_never_a_partial_file(
        sample_store, tmp_path):
    store = k.copy_store(sample_store, tmp_path / "export.db")
    folder = tmp_path / "books"
    folder.mkdir()
    result = k.sweep_export(store, folder, k.spread(4, 1.2, SEED, after=(0, 1)))
    # a kill before the first export finished leaves no file; every other kill left a whole book
    # (the second kill comes after an export was reported, so at least one book is checked)
    assert result["whole files checked"] + result["absent"] == 4 and result["whole files checked"] >= 1
