"""``main.py log``: who changed what and when, one tab-separated line per change, oldest first.

Runs on SQLite, and on PostgreSQL too when ``BRIEFBOOK_TEST_PG_URL`` names a server."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from tests.test_cli import ROOT

pytestmark = pytest.mark.both_backends


def run(*args: str, db: str, user: str | None = None, config_dir=None) -> subprocess.CompletedProcess:
    env = dict(os.environ)
    if config_dir is not None:
        config_dir.mkdir(exist_ok=True)
        (config_dir / "briefbook.json").write_text(json.dumps({"user_name": user}), encoding="utf-8")
        env["BRIEFBOOK_CONFIG_DIR"] = str(config_dir)
    return subprocess.run([sys.executable, str(ROOT / "main.py"), "--db", db, *args], env=env,
                          capture_output=True, text=True, cwd=ROOT, timeout=120)


def test_log_lists_the_sample_load_and_an_import_with_each_user(new_database_url, tmp_path):
    store = new_database_url()
    assert run("sample", "--as-of", "2022-01-01", db=store, user="Alice 🙂",
               config_dir=tmp_path / "alice").returncode == 0
    document = tmp_path / "doc.json"
    assert run("dump", "-o", str(document), db=store).returncode == 0
    imported = run("import", str(document), db=store, user="林 <desk> & co", config_dir=tmp_path / "hayashi")
    assert imported.returncode == 0, imported.stderr

    out = run("log", db=store)
    assert out.returncode == 0, out.stderr
    rows = [line.split("\t") for line in out.stdout.splitlines()]
    assert all(len(row) == 5 for row in rows)
    sample = len(run("meetings", db=store).stdout.splitlines()) // 2  # the sample, then its import
    assert sample >= 2
    assert [(row[1], row[3]) for row in rows] == [("Alice 🙂", "sample loaded")] * sample + [
        ("林 <desk> & co", "imported")] * sample
    assert all(row[0].endswith("Z") and row[0][4] == "-" and row[0][10] == "T" for row in rows)
    assert [row[0] for row in rows] == sorted(row[0] for row in rows)  # oldest first
    assert rows[0][2] in ("US–Japan trade talks, Tokyo", "US–Japan Partnership on Trade — Round 1")


def test_log_of_one_meeting_and_since_a_date(new_database_url, tmp_path):
    store = new_database_url()
    assert run("sample", "--as-of", "2022-01-01", db=store).returncode == 0
    round1 = "US–Japan Partnership on Trade — Round 1"
    one = run("log", "--meeting", round1, db=store)
    assert one.returncode == 0, one.stderr
    assert [line.split("\t")[2] for line in one.stdout.splitlines()] == [round1]
    future = run("log", "--since", "9999-12-31", db=store)
    assert future.returncode == 0 and future.stdout == ""
    past = run("log", "--since", "2000-01-01T00:00", db=store)
    assert len(past.stdout.splitlines()) == len(run("meetings", db=store).stdout.splitlines())


def test_a_bad_date_or_meeting_is_a_message_not_a_traceback(new_database_url):
    store = new_database_url()
    bad = run("log", "--since", "last tuesday", db=store)
    assert bad.returncode != 0 and "--since" in bad.stderr and "YYYY-MM-DD" in bad.stderr
    assert "Traceback" not in bad.stderr
    missing = run("log", "--meeting", "no such meeting", db=store)
    assert missing.returncode != 0 and "Traceback" not in missing.stderr
