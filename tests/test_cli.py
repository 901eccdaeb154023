"""The command line, run as a user runs it: a real process, stdout, stderr and exit codes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).parents[1]


def cli(*args: str, db: Path, stdin: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(ROOT / "main.py"), "--db", str(db), *args],
                          capture_output=True, text=True, input=stdin, cwd=ROOT, timeout=120)


@pytest.fixture
def db(tmp_path) -> Path:
    return tmp_path / "cli.db"


def test_sample_then_meetings_lists_them_by_start(db):
    first = cli("sample", "--as-of", "2022-01-01", db=db)  # before the story: the historical dates
    assert first.returncode == 0, first.stderr
    again = cli("sample", db=db)
    assert again.returncode == 0 and "nothing changed" in again.stdout
    out = cli("meetings", db=db)
    assert out.returncode == 0
    lines = [line.split("\t") for line in out.stdout.splitlines()]
    assert [(cols[1], cols[3]) for cols in lines] == [("2021-11-17", "held"), ("2022-02-07", "held"),
                                                      ("2022-03-14", "held")]
    assert all(cols[0].isdigit() for cols in lines)
    assert all("US–Japan" in cols[2] for cols in lines)


def test_the_sample_is_moved_so_that_its_last_round_was_held_last_week(db):
    loaded = cli("sample", "--as-of", "2030-06-03", db=db)  # a Monday
    assert loaded.returncode == 0, loaded.stderr
    lines = [line.split("\t") for line in cli("meetings", db=db).stdout.splitlines()]
    # Whole weeks: Round 2 (held, with its record) stays a Monday, a week before; the launch and
    # Round 1 as long before it as they were. The next round is the user's to prepare.
    assert [(cols[1], cols[3]) for cols in lines] == [("2030-01-30", "held"), ("2030-04-22", "held"),
                                                      ("2030-05-27", "held")]
    bad = cli("sample", "--as-of", "next week", db=db)
    assert bad.returncode != 0 and "'next week' is not a date" in bad.stderr


def test_dump_then_import_gives_the_same_document(db, tmp_path):
    cli("sample", db=db)
    first, second = tmp_path / "one.json", tmp_path / "two.json"
    assert cli("dump", "-o", str(first), db=db).returncode == 0
    other = tmp_path / "other.db"
    imported = cli("import", str(first), db=other)
    assert imported.returncode == 0, imported.stderr
    assert cli("dump", "-o", str(second), db=other).returncode == 0
    assert json.loads(first.read_text()) == json.loads(second.read_text())


def test_a_bad_file_is_refused_on_stderr_without_a_traceback(db, tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"format": "briefbook", "version": 1,
                               "meetings": [{"starts_at": "2022-02-07T09:00:00+09:00"}]}))
    out = cli("import", str(bad), db=db)
    assert out.returncode != 0
    assert "$.meetings[0].title" in out.stderr
    assert "Traceback" not in out.stderr
    missing = cli("import", str(tmp_path / "nope.json"), db=db)
    assert missing.returncode != 0 and "nope.json" in missing.stderr and "Traceback" not in missing.stderr


def test_every_sub_command_has_help(db):
    out = subprocess.run([sys.executable, str(ROOT / "main.py"), "--help"], capture_output=True, text=True)
    assert out.returncode == 0
    for command in ("meetings", "sample", "import", "dump"):
        assert command in out.stdout
        sub = cli(command, "--help", db=db)
        assert sub.returncode == 0 and "usage:" in sub.stdout


def test_a_store_from_a_newer_briefbook_is_refused_with_a_message(db):
    import sqlite3

    cli("sample", db=db)
    with sqlite3.connect(db) as c:
        c.execute("UPDATE alembic_version SET version_num = 'zzzz'")
    out = cli("meetings", db=db)
    assert out.returncode != 0
    assert "newer version of Briefbook" in out.stderr and str(db) in out.stderr
    assert "Traceback" not in out.stderr


@pytest.mark.parametrize(("stored", "zone"), [("9999-12-31 23:00:00.000000", "Pacific/Kiritimati"),
                                              ("0001-01-01 01:00:00.000000", "America/New_York")])
def test_a_store_holding_a_time_no_zone_can_show_still_lists_dumps_and_exports(db, tmp_path, stored, zone):
    import sqlite3

    cli("sample", db=db)
    with sqlite3.connect(db) as c:  # as an older build or a hand edit left it: no validation
        c.execute("UPDATE meetings SET starts_at = ?, ends_at = NULL, timezone = ? "
                  "WHERE key = 'usjp-round-1-2022'", (stored, zone))
    iso = stored.replace(" ", "T")[:19] + "+00:00"
    listed = cli("meetings", db=db)
    assert listed.returncode == 0, listed.stderr
    assert f"{iso} (cannot be shown in {zone})" in listed.stdout
    out = tmp_path / "dump.json"
    dumped = cli("dump", "-o", str(out), db=db)
    assert dumped.returncode == 0, dumped.stderr
    assert f"(cannot be shown in {zone})" in dumped.stderr and "Traceback" not in dumped.stderr
    assert iso in [m["starts_at"] for m in json.loads(out.read_text())["meetings"]]
    pdf = tmp_path / "book.pdf"
    exported = cli("export", "usjp-round-1-2022", "-o", str(pdf), db=db)
    assert exported.returncode == 0, exported.stderr
    assert pdf.read_bytes().startswith(b"%PDF")


def _meeting(**fields) -> dict:
    return {"title": "Round 1", "starts_at": "2022-02-07T09:00:00+09:00", **fields}


def _doc(*meetings, version: object = 1) -> str:
    return json.dumps({"format": "briefbook", "version": version, "meetings": list(meetings)})


HOSTILE_FILES = [
    ("kiritimati", _doc(_meeting(starts_at="9999-12-31T23:00:00+00:00", timezone="Pacific/Kiritimati")),
     "$.meetings[0].starts_at"),
    ("deep", "[" * 10_000 + "]" * 10_000, "too deeply"),
    ("long-integer", _doc(_meeting(round=1)).replace('"round": 1', '"round": ' + "7" * 5000),
     "$.meetings[0].round"),
    ("beyond-64-bits", _doc(_meeting(round=2**64)), "$.meetings[0].round"),
    ("repeated-key", _doc(_meeting()).replace('"title": "Round 1"', '"title": "A", "title": "B"'),
     "$.meetings[0].title"),
    ("version-true", _doc(_meeting(), version=True), "$.version"),
    ("localtime", _doc(_meeting(timezone="localtime")), "$.meetings[0].timezone"),
    ("loop", _doc(_meeting(key="a", previous="b"), _meeting(key="b", previous="a")),
     "$.meetings[0].previous"),
]


@pytest.mark.parametrize(("text", "says"), [(t, s) for _, t, s in HOSTILE_FILES],
                         ids=[name for name, _, _ in HOSTILE_FILES])
def test_a_hostile_file_is_refused_on_one_line_and_the_store_is_untouched(db, tmp_path, text, says):
    import sqlite3

    cli("sample", db=db)
    with sqlite3.connect(db) as c:
        before = list(c.iterdump())
    path = tmp_path / "hostile.json"
    path.write_text(text, encoding="utf-8")
    out = cli("import", str(path), db=db)
    assert out.returncode != 0
    assert says in out.stderr and "Traceback" not in out.stderr
    assert len(out.stderr.strip().splitlines()) == 1, out.stderr
    with sqlite3.connect(db) as c:
        assert list(c.iterdump()) == before
