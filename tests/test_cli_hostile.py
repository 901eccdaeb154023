"""A hostile tester's afternoon with the command line: odd numbers, dates and names end in one
line on stderr and a non-zero exit, never a traceback, and leave the store as it was."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.store_files import SAMPLE_MEETINGS
from tests.test_cli import cli


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("hostile") / "cli.db"
    assert cli("sample", "--as-of", "2022-01-01", db=path).returncode == 0
    return path


def one_line_error(out, status: int = 1) -> str:
    assert "Traceback" not in out.stderr, out.stderr
    assert out.returncode == status, out.stderr
    assert len(out.stderr.strip().splitlines()) == 1, out.stderr
    return out.stderr


def test_a_limit_larger_than_any_number_the_store_takes_lists_everything(db):
    everything = cli("search", "steel", "--limit", "1000", db=db)
    huge = cli("search", "steel", "--limit", "99999999999999999999", db=db)
    assert huge.returncode == 0, huge.stderr
    assert huge.stdout == everything.stdout and huge.stdout


@pytest.mark.parametrize("ref", ["99999999999999999999", "²"])
def test_an_issue_number_no_issue_has_is_not_found(db, ref):
    err = one_line_error(cli("search", "steel", "--issue", ref, db=db))
    assert f"Issue {ref!r} was not found" in err


def test_an_issue_is_found_by_its_id_too(db):
    by_id = cli("search", "steel", "--issue", "1", db=db)
    assert by_id.returncode == 0 and by_id.stdout


@pytest.mark.parametrize("day", ["9999-12-31", "0001-01-01", "1899-12-31", "2200-01-01"])
def test_the_sample_is_not_moved_outside_the_years_a_store_keeps(tmp_path, day):
    store = tmp_path / "store.db"
    out = cli("sample", "--as-of", day, db=store)
    assert "Traceback" not in out.stderr and out.returncode == 2
    assert f"--as-of: '{day}' is outside the years the sample can be moved to (1900 to 2199)" in out.stderr
    assert cli("meetings", db=store).stdout == ""


def test_the_sample_moves_to_the_last_year_a_store_keeps(tmp_path):
    store = tmp_path / "store.db"
    assert cli("sample", "--as-of", "2199-12-31", db=store).returncode == 0
    years = [line.split("\t")[1][:4] for line in cli("meetings", db=store).stdout.splitlines()]
    assert years == ["2199"] * SAMPLE_MEETINGS


def test_a_refused_import_names_the_file_the_line_and_the_path_and_changes_nothing(db, tmp_path):
    before = cli("dump", "-o", "-", db=db).stdout
    doc = json.loads(before)
    doc["meetings"][1]["notes"][2]["talking_points"] = 42
    file = tmp_path / "ラウンド 2 😀.json"
    file.write_text(json.dumps(doc, ensure_ascii=False, indent=2), encoding="utf-8")
    line = next(n for n, text in enumerate(file.read_text(encoding="utf-8").splitlines(), 1)
                if '"talking_points": 42' in text)
    err = one_line_error(cli("import", str(file), db=db))
    assert err == (f"briefbook: {file}, line {line}, column 11: $.meetings[1].notes[2].talking_points: "
                   "must be text, not a number\n")
    assert cli("dump", "-o", "-", db=db).stdout == before


def test_a_file_saved_by_notepad_with_a_byte_order_mark_imports(tmp_path):
    file = tmp_path / "notepad.json"
    file.write_bytes(b"\xef\xbb\xbf" + json.dumps({"format": "briefbook", "version": 1, "issues": [
        {"slug": "rice", "title": "Rice"}]}).encode())
    out = cli("import", str(file), db=tmp_path / "store.db")
    assert out.returncode == 0, out.stderr
    assert "issues: 1 added" in out.stdout
