"""A hostile tester's afternoon with the command line: odd numbers, dates and names end in one
line on stderr and a non-zero exit, never a traceback, and leave the store as it was."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.store_files import SAMPLE_MEETINGS
from tests.test_cli import ROOT, cli


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


def cli_at_home(*args: str, home: Path) -> subprocess.CompletedProcess:
    """main.py with its default store in ``home`` (never the tester's own)."""
    env = dict(os.environ, HOME=str(home), XDG_DATA_HOME=str(home / "data"),
               XDG_CONFIG_HOME=str(home / "config"))
    env.pop("BRIEFBOOK_DB", None)
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *args], capture_output=True,
                          text=True, cwd=ROOT, env=env, timeout=120)


@pytest.mark.parametrize("args, says", [
    (["import", ""], "argument FILE: the file name is empty"),
    (["dump", "-o", ""], "argument -o/--output: the file name is empty"),
    (["backup", "-o", ""], "argument -o/--output: the file name is empty"),
    (["restore", ""], "argument FILE: the file name is empty"),
    (["review", ""], "argument FILE.docx: the file name is empty"),
    (["import-docx", "", "--meeting", "1", "--issue", "x"], "argument FILE.docx: the file name is empty"),
])
def test_an_empty_file_name_is_refused_not_taken_as_the_current_folder(db, args, says):
    out = cli(*args, db=db)
    assert out.returncode == 2 and "Traceback" not in out.stderr
    assert out.stderr.splitlines() == [f"{out.stderr.split(': error: ')[0]}: error: {says}"
                                       f" (see {out.stderr.split(': error: ')[0]} --help)"]


def test_copy_from_an_empty_name_does_not_copy_the_default_store(tmp_path):
    assert cli_at_home("sample", home=tmp_path).returncode == 0  # the store in the data folder
    target = tmp_path / "copy.db"
    out = cli_at_home("copy", "--from", "", "--to", str(target), home=tmp_path)
    assert out.returncode == 2 and "argument --from: the store's URL or path is empty" in out.stderr
    assert not target.exists()
    out = cli_at_home("copy", "--from", str(target), "--to", "", home=tmp_path)
    assert out.returncode == 2 and "argument --to: the store's URL or path is empty" in out.stderr


def test_backup_list_and_output_together_are_refused(db, tmp_path):
    out = cli("backup", "--list", "-o", str(tmp_path / "b.db"), db=db)
    assert out.returncode == 2 and "argument -o/--output: not allowed with argument --list" in out.stderr
    assert not (tmp_path / "b.db").exists()


@pytest.mark.parametrize("since", ["0001-01-01T00:00+14:00", "9999-12-31T23:59-14:00"])
def test_a_log_since_a_moment_outside_the_years_of_utc_is_refused(db, since):
    err = one_line_error(cli("log", "--since", since, db=db))
    assert f"--since: {since!r} is before the year 1 or after the year 9999 in UTC" in err


@pytest.mark.parametrize("args", [["log", "--meeting", ""], ["search", "steel", "--meeting", ""]])
def test_an_empty_meeting_is_not_found_rather_than_read_as_every_meeting(db, args):
    assert "Meeting '' was not found." in one_line_error(cli(*args, db=db))


def test_an_empty_issue_is_not_found_rather_than_read_as_every_issue(db):
    assert "Issue '' was not found." in one_line_error(cli("search", "steel", "--issue", "", db=db))


def test_a_tab_pasted_into_a_title_or_slug_does_not_split_a_line_of_output(tmp_path):
    file = tmp_path / "pasted.json"
    file.write_text(json.dumps({
        "format": "briefbook", "version": 1, "issues": [{"slug": "rice\tquota", "title": "Rice\tquota"}],
        "meetings": [{"title": "Round\t1", "starts_at": "2026-01-01T10:00:00+00:00",
                      "positions": [{"issue": "rice\tquota", "state": "open"}]}]}), encoding="utf-8")
    store = tmp_path / "store.db"
    assert cli("import", str(file), db=store).returncode == 0
    listed = cli("meetings", db=store).stdout.splitlines()
    assert [line.split("\t")[1:] for line in listed] == [["2026-01-01", "Round 1", "planned"]]
    assert cli("positions", "Round\t1", db=store).stdout == "rice quota\topen\t1\n"
    found = cli("search", "quota", db=store).stdout.splitlines()
    assert found and all(len(line.split("\t")) == 3 for line in found)


def test_a_dump_piped_into_import_from_standard_input_dumps_the_same_bytes(db, tmp_path):
    dumped = cli("dump", "-o", "-", db=db).stdout
    store = tmp_path / "piped.db"
    out = cli("import", "-", db=store, stdin=dumped)
    assert out.returncode == 0, out.stderr
    assert cli("dump", "-o", "-", db=store).stdout == dumped


def test_a_refused_document_from_standard_input_is_named_so(tmp_path):
    out = cli("import", "-", db=tmp_path / "store.db", stdin='{"format": "briefbook", "version": 2}')
    assert one_line_error(out) == ("briefbook: standard input: $.version: must be 1 "
                                   "(this Briefbook reads version 1)\n")


def test_an_import_whose_backup_cannot_be_taken_says_nothing_was_imported(tmp_path):
    store = tmp_path / "store.db"
    assert cli("sample", "--as-of", "2022-01-01", db=store).returncode == 0
    shutil.rmtree(tmp_path / "backups", ignore_errors=True)
    (tmp_path / "backups").write_text("a file where the backups folder goes", encoding="utf-8")
    file = tmp_path / "one.json"
    file.write_text(json.dumps({"format": "briefbook", "version": 1, "meetings": [
        {"title": "Round 9", "starts_at": "2026-01-01T10:00:00+00:00"}]}), encoding="utf-8")
    before = cli("meetings", db=store).stdout
    out = cli("import", str(file), db=store)
    assert out.returncode == 1 and "Traceback" not in out.stderr
    assert out.stderr.splitlines()[-1].endswith(
        "Nothing was imported: the store is backed up before every import.")
    assert cli("meetings", db=store).stdout == before
