"""More of the hostile tester's findings: odd store names, a superscript for a meeting, a
watermark the length of a page, a folder given as a backup, a file where the
backups go, and a release dump that imports back as it was written."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.test_cli import ROOT, cli
from tests.test_cli_hostile import one_line_error


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("hostile-stores") / "cli.db"
    assert cli("sample", "--as-of", "2022-01-01", db=path).returncode == 0
    return path


def cli_in(folder: Path, *args: str) -> subprocess.CompletedProcess:
    """main.py run in ``folder``, its default store under it (never the tester's own)."""
    env = dict(os.environ, HOME=str(folder), XDG_DATA_HOME=str(folder / "data"),
               XDG_CONFIG_HOME=str(folder / "config"))
    env.pop("BRIEFBOOK_DB", None)
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *args], capture_output=True,
                          text=True, cwd=folder, env=env, timeout=120)


@pytest.mark.parametrize("store, says", [
    ("", "--db: the store's name is empty"),
    (" ", "--db: the store's name is empty"),
    ("sqlite://", "an SQLite store in memory keeps nothing"),
    ("sqlite:///:memory:", "an SQLite store in memory keeps nothing"),
    (":memory:", "an SQLite store in memory keeps nothing"),
])
def test_a_store_that_would_keep_nothing_or_is_unnamed_is_refused(tmp_path, store, says):
    out = cli_in(tmp_path, "--db", store, "sample")
    assert says in one_line_error(out, status=2)
    assert not (tmp_path / "data").exists()  # not the default store either
    assert sorted(p.name for p in tmp_path.iterdir()) == []  # and no file named after it


def test_an_empty_environment_variable_means_the_default_store(tmp_path):
    env_run = subprocess.run([sys.executable, str(ROOT / "main.py"), "sample"], capture_output=True,
                             text=True, cwd=tmp_path, timeout=120,
                             env=dict(os.environ, BRIEFBOOK_DB="", XDG_DATA_HOME=str(tmp_path / "data"),
                                      HOME=str(tmp_path)))
    assert env_run.returncode == 0, env_run.stderr
    assert list((tmp_path / "data").rglob("briefbook.db"))


@pytest.mark.parametrize("args", [["positions", "²"], ["log", "--meeting", "²"],
                                  ["search", "steel", "--meeting", "²"], ["export", "²", "-o", "x.pdf"]])
def test_a_superscript_two_is_not_a_meeting_number(db, args):
    assert "Meeting '²' was not found." in one_line_error(cli(*args, db=db))


def test_a_watermark_the_length_of_a_page_is_refused_at_once(db, tmp_path):
    target = tmp_path / "brief.pdf"
    err = one_line_error(cli("export", "1", "-o", str(target), "--watermark", "DRAFT " * 20, db=db))
    assert "watermark: at most 80 characters, not 120" in err
    assert not target.exists()


def test_a_folder_given_as_a_backup_is_said_to_be_a_folder(db, tmp_path):
    err = one_line_error(cli("restore", str(tmp_path), db=db))
    assert "it is a folder; choose a backup file in it" in err


def test_a_file_where_the_backups_go_is_named_as_in_the_way(tmp_path):
    store = tmp_path / "round.db"
    assert cli("sample", db=store).returncode == 0
    (tmp_path / "backups").write_text("not a folder")
    out = cli("backup", db=store)  # (opening the store said the daily backup failed, the same way)
    assert out.returncode == 1 and "Traceback" not in out.stderr
    assert out.stderr.splitlines()[-1].endswith("backups: a file of that name is in the way. Move or "
                                                "rename it.")


def test_a_release_dump_imports_and_dumps_back_as_it_was_written(db, tmp_path):
    released = tmp_path / "released.json"
    assert cli("dump", "--up-to", "U", "-o", str(released), db=db).returncode == 0
    store = tmp_path / "fresh.db"
    imported = cli("import", str(released), db=store)
    assert imported.returncode == 0, imported.stderr
    again = tmp_path / "again.json"
    assert cli("dump", "-o", str(again), db=store).returncode == 0
    assert again.read_bytes() == released.read_bytes()
