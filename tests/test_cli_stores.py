"""The command line on bad stores and for backups, run as a user runs it: a real process each time."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from contextlib import closing
from pathlib import Path

import pytest

from tests.hidden_damage import damage_unread_pages
from tests.store_files import (
    corrupt_copy,
    foreign_database,
    read_only,
    snapshot,
    store_with_sample,
    text_file,
    truncated_copy,
)
from tests.test_cli import ROOT, cli


@pytest.fixture(scope="module")
def good_store(tmp_path_factory):
    return store_with_sample(tmp_path_factory.mktemp("cli-good") / "good.db")


def newer_copy(good, path):
    path.write_bytes(good.read_bytes())
    with closing(sqlite3.connect(path)) as c:
        c.execute("UPDATE alembic_version SET version_num = 'zzzz'")
        c.commit()
    return path


BAD = {
    "not a database": (lambda good, p: text_file(p), "not an SQLite file"),
    "cut short": (truncated_copy, "cut short"),
    "corrupt": (corrupt_copy, "is damaged"),
    "another program's": (lambda good, p: foreign_database(p), "not a Briefbook one"),
    "from a newer Briefbook": (newer_copy, "newer version of Briefbook"),
}


@pytest.mark.parametrize("case", list(BAD))
def test_a_bad_store_gets_a_message_on_stderr_and_stays_as_it_was(case, tmp_path, good_store):
    make, words = BAD[case]
    path = make(good_store, tmp_path / "store.db")
    before = snapshot(tmp_path)
    out = cli("meetings", db=path)
    assert out.returncode != 0 and out.stdout == ""
    assert words in out.stderr and str(path) in out.stderr
    assert "Traceback" not in out.stderr
    assert snapshot(tmp_path) == before


def test_a_store_in_a_missing_folder_is_named_and_nothing_is_created(tmp_path):
    out = cli("meetings", db=tmp_path / "gone" / "b.db")
    assert out.returncode != 0 and "does not exist" in out.stderr and "Traceback" not in out.stderr
    assert not (tmp_path / "gone").exists()


def test_a_new_store_in_a_folder_that_cannot_be_written_is_refused(tmp_path):
    folder = tmp_path / "locked"
    folder.mkdir()
    with read_only(folder):
        out = cli("meetings", db=folder / "new.db")
    assert out.returncode != 0 and "Traceback" not in out.stderr
    assert "cannot be written" in out.stderr and str(folder / "new.db") in out.stderr
    assert list(folder.iterdir()) == []


def test_a_read_only_store_lists_its_meetings_but_refuses_an_import(tmp_path, good_store):
    path = tmp_path / "published.db"
    path.write_bytes(good_store.read_bytes())
    dump = tmp_path / "doc.json"
    assert cli("dump", "-o", str(dump), db=good_store).returncode == 0
    before = path.read_bytes()
    with read_only(path):
        listed = cli("meetings", db=path)
        imported = cli("import", str(dump), db=path)
    assert listed.returncode == 0 and len(listed.stdout.splitlines()) == 3
    assert imported.returncode != 0
    assert "read-only" in imported.stderr and str(path) in imported.stderr
    assert "Traceback" not in imported.stderr
    assert path.read_bytes() == before


def test_backup_then_restore_brings_back_what_was_there(tmp_path, good_store):
    store = tmp_path / "round1.db"
    store.write_bytes(good_store.read_bytes())
    copy = tmp_path / "before-the-edit.db"
    made = cli("backup", "-o", str(copy), db=store)
    assert made.returncode == 0 and str(copy) in made.stdout
    wiped = tmp_path / "empty.json"
    wiped.write_text('{"format": "briefbook", "version": 1, "meetings": [{"title": "Extra", '
                     '"starts_at": "2022-05-01T09:00:00+00:00"}]}', encoding="utf-8")
    assert cli("import", str(wiped), db=store).returncode == 0
    assert len(cli("meetings", db=store).stdout.splitlines()) == 4

    restored = cli("restore", str(copy), db=store)
    assert restored.returncode == 0, restored.stderr
    assert [line.split("\t")[2] for line in cli("meetings", db=store).stdout.splitlines()] == [
        line.split("\t")[2] for line in cli("meetings", db=good_store).stdout.splitlines()]
    listed = cli("backup", "--list", db=store).stdout.splitlines()
    reasons = [line.split("\t")[1] for line in listed]
    assert reasons[0] == "before-restore" and "before-import" in reasons
    kept = listed[0].split("\t")[3]
    assert kept in restored.stdout
    # The backup taken before the restore still holds the imported meeting.
    assert len(cli("meetings", db=tmp_path / "backups" / kept.rsplit("/", 1)[-1]).stdout.splitlines()) == 4


@pytest.mark.parametrize("case", ["not a database", "corrupt", "from a newer Briefbook"])
def test_restore_refuses_a_bad_file_and_changes_nothing(case, tmp_path, good_store):
    store = tmp_path / "store.db"
    store.write_bytes(good_store.read_bytes())
    make, _ = BAD[case]
    bad = make(good_store, tmp_path / "bad.db")
    bad_bytes = bad.read_bytes()
    out = cli("restore", str(bad), db=store)
    assert out.returncode != 0 and "Traceback" not in out.stderr
    assert f"Cannot restore from {bad}" in out.stderr
    assert bad.read_bytes() == bad_bytes
    assert len(cli("meetings", db=store).stdout.splitlines()) == 3
    assert "before-restore" not in cli("backup", "--list", db=store).stdout


def test_backup_and_restore_of_a_server_store_say_it_is_the_servers_job(tmp_path):
    pytest.importorskip("sqlalchemy")
    from briefing.backups.service import BackupService
    from briefing.errors import StoreError

    class ServerStore:  # what a PostgreSQL Database looks like to the policy: no file
        path = None
        location = "postgresql://team@db.example/briefbook"
        read_only = False

    service = BackupService(ServerStore())
    assert not service.available and service.list() == []
    assert service.daily_if_due() is None and service.before_upgrade("x") is None
    for attempt in (service.create, lambda: service.restore(tmp_path / "x.db")):
        with pytest.raises(StoreError, match="the database server's job"):
            attempt()


def test_backup_and_restore_have_help(tmp_path):
    for command in ("backup", "restore"):
        out = cli(command, "--help", db=tmp_path / "x.db")
        assert out.returncode == 0 and "usage:" in out.stdout
    assert not (tmp_path / "x.db").exists()


def test_a_store_damaged_where_opening_does_not_read_is_still_refused_at_open(tmp_path, good_store):
    path = tmp_path / "store.db"
    path.write_bytes(good_store.read_bytes())
    damage_unread_pages(path)
    before = snapshot(tmp_path)
    out = cli("meetings", db=path)
    assert out.returncode != 0 and out.stdout == "" and "Traceback" not in out.stderr
    assert "is damaged" in out.stderr and str(path) in out.stderr
    assert snapshot(tmp_path) == before


def one_line_refusal(out: subprocess.CompletedProcess, *words: str) -> None:
    assert out.returncode != 0 and out.stdout == "" and "Traceback" not in out.stderr
    assert len(out.stderr.splitlines()) == 1 and out.stderr.startswith("briefbook: ")
    assert all(word in out.stderr for word in words), out.stderr


def test_a_named_pipe_as_the_store_is_refused_at_once(tmp_path):
    pipe = tmp_path / "store.db"
    os.mkfifo(pipe)
    out = cli("meetings", db=pipe)  # the old code blocked here for ever (the cli's timeout ends it)
    one_line_refusal(out, str(pipe), "named pipe")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["store.db"]


@pytest.mark.parametrize("device", ["/dev/null", "/dev/zero"])
def test_a_device_as_the_store_is_refused_and_gets_no_journal(device):
    journal = Path(f"{device}-journal")
    existed = journal.exists()
    try:
        out = cli("sample", db=Path(device))
        one_line_refusal(out, device, "is a device")
        assert journal.exists() == existed
    finally:
        if not existed and journal.exists():
            journal.unlink()  # what the old code left in /dev


def test_an_sqlite_uri_filename_is_refused_and_no_store_is_created(tmp_path):
    path = tmp_path / "store.db"
    out = subprocess.run([sys.executable, str(ROOT / "main.py"), "--db",
                          f"sqlite:///file:{path}?mode=ro&uri=true", "sample"],
                         capture_output=True, text=True, cwd=tmp_path, timeout=120)
    one_line_refusal(out, "SQLite URI filename", "Give the file's path")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("url", ["mysql://clerk:secret@db.example/briefs", "oracle://x", "mssql+pyodbc://x"])
def test_a_url_of_a_database_briefbook_does_not_store_in_says_which_it_takes(tmp_path, url):
    out = subprocess.run([sys.executable, str(ROOT / "main.py"), "--db", url, "meetings"],
                         capture_output=True, text=True, cwd=tmp_path, timeout=120)
    one_line_refusal(out, "does not store in", "SQLite", "PostgreSQL")
    assert "secret" not in out.stderr and "No module named" not in out.stderr
    assert list(tmp_path.iterdir()) == []


def test_two_processes_creating_the_same_new_store_both_end_well(tmp_path):
    for round_ in range(4):
        path = tmp_path / f"new-{round_}.db"
        command = [sys.executable, str(ROOT / "main.py"), "--db", str(path), "sample"]
        both = [subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                 text=True) for _ in range(2)]
        results = [(p.wait(timeout=120), *p.communicate()) for p in both]
        for code, _out, err in results:
            assert "Traceback" not in err and "already exists" not in err, err
            assert code == 0 or (len(err.splitlines()) == 1 and err.startswith("briefbook: ")), err
        assert any(code == 0 for code, _out, _err in results)
        with closing(sqlite3.connect(path)) as c:
            assert c.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
            assert len(c.execute("SELECT version_num FROM alembic_version").fetchall()) == 1
            assert c.execute("SELECT count(*) FROM meetings").fetchone()[0] > 0


def test_two_processes_loading_the_sample_into_a_new_store_load_it_once(tmp_path):
    for round_ in range(6):
        path = tmp_path / f"sample-{round_}.db"
        command = [sys.executable, str(ROOT / "main.py"), "--db", str(path), "sample"]
        both = [subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                 text=True) for _ in range(2)]
        results = [(p.wait(timeout=120), *p.communicate()) for p in both]
        for code, _out, err in results:
            assert "Traceback" not in err, err
            assert code == 0 or (len(err.splitlines()) == 1 and err.startswith("briefbook: ")), err
        assert sorted("nothing changed" in out for code, out, _err in results if code == 0) in (
            [False], [False, True])  # one of them loaded it; the other found it there
        with closing(sqlite3.connect(path)) as c:
            assert c.execute("SELECT count(*) FROM meetings").fetchone()[0] == 3, f"round {round_}"
