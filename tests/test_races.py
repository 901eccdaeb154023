"""A restore racing another writer loses nothing that was reported saved (real processes).

``main.py restore`` runs while a second window autosaves, or while imports run,
on the same store (tests/race_checks.py). Every write that said it succeeded
must afterwards be in the store or in the backup the restore said keeps what it
replaced. ``python -m benchmarks.kill_sweep`` runs many more of these races, and
``main.py import`` against ``main.py restore`` too; docs/reliability.md records them.
"""

from __future__ import annotations

import pytest

from tests import kill_checks as k
from tests import race_checks as r
from tests.store_files import store_with_sample

pytestmark = pytest.mark.sqlite_only(reason="a restore copies an SQLite file")


@pytest.fixture(scope="module")
def stores(tmp_path_factory):
    """A sample store, and a backup of it to restore."""
    from db.backup import write_backup

    folder = tmp_path_factory.mktemp("races")
    sample = store_with_sample(folder / "sample.db")
    with k.assert_sound(sample) as services:
        write_backup(services.db, folder / "backup.db")
    return sample, folder / "backup.db"


def test_a_restore_while_another_window_autosaves_loses_no_saved_write(stores, tmp_path):
    sample, backup = stores
    store = k.copy_store(sample, tmp_path / "autosave.db")
    result = r.race_writer_restore("autosave", store, backup, [0.1, 0.2, 0.1])
    assert result["restores"] == 3 and result["writes checked"] > 10
    k.assert_sound(store).close()


def test_a_restore_while_imports_run_loses_no_import_that_said_it_succeeded(stores, tmp_path):
    sample, backup = stores
    store = k.copy_store(sample, tmp_path / "import.db")
    result = r.race_writer_restore("import", store, backup, [0.1, 0.2, 0.1])
    assert result["restores"] == 3 and result["writes checked"] > 3
    k.assert_sound(store).close()
