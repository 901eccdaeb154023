"""``main.py search``, run as a user runs it: one line per result, exit 0 even when nothing is found."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.test_cli import cli


@pytest.fixture
def db(tmp_path) -> Path:
    path = tmp_path / "cli.db"
    assert cli("sample", db=path).returncode == 0
    return path


def columns(out: str) -> list[list[str]]:
    return [line.split("\t") for line in out.splitlines()]


def test_search_prints_meeting_field_and_marked_excerpt(db):
    out = cli("search", "萩生田", db=db)
    assert out.returncode == 0, out.stderr
    assert columns(out.stdout) == [["People", "Koichi Hagiuda › Name in native script", "«萩生田»光一"]]
    lines = columns(cli("search", "excess", "capacity", db=db).stdout)
    assert lines and all(len(cols) == 3 for cols in lines)
    assert all("«" in cols[2] for cols in lines)
    assert lines[0][0] == "US–Japan Partnership on Trade — Round 2"  # newest round first


def test_search_filters(db):
    out = cli("search", "--meeting", "US–Japan trade talks, Tokyo", "--section", "their_position",
              "--limit", "1", "japan", db=db)
    assert out.returncode == 0, out.stderr
    lines = columns(out.stdout)
    assert len(lines) == 1 and {c[0] for c in lines} == {"US–Japan trade talks, Tokyo"}
    assert all(c[1].endswith("› Their position") for c in lines)
    assert "narrow the search" in out.stderr
    issue = cli("search", "--issue", "steel-aluminum-excess-capacity", "steel", db=db)
    assert issue.returncode == 0 and issue.stdout


def test_nothing_found_is_said_and_is_not_an_error(db):
    out = cli("search", "zzyzx", db=db)
    assert (out.returncode, out.stdout) == (0, "No results for 'zzyzx'.\n")
    quote = cli("search", '"', db=db)
    assert quote.returncode == 0 and quote.stdout.startswith("Nothing to search for")
    res = cli("search", "--", "-", "AND", "(", "NEAR", "*", db=db)
    assert res.returncode == 0 and "Traceback" not in res.stderr


def test_search_has_help(db):
    out = cli("search", "--help", db=db)
    assert out.returncode == 0 and "usage:" in out.stdout and "--section" in out.stdout


def test_unknown_filters_are_user_errors_without_traceback(db):
    out = cli("search", "--meeting", "No such meeting", "steel", db=db)
    assert out.returncode == 1 and "No such meeting" in out.stderr and "Traceback" not in out.stderr
    bad = cli("search", "--section", "nonsense", "steel", db=db)
    assert bad.returncode == 2 and "invalid choice" in bad.stderr
