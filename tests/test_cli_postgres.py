"""The command line on a PostgreSQL store, as a team member runs it: a real process each time.

Skipped unless ``BRIEFBOOK_TEST_PG_URL`` names a server (``.ci/run`` starts one)."""

from __future__ import annotations

import json

import pytest
from pypdf import PdfReader

from tests.test_cli import cli


@pytest.fixture
def new_database_url(postgres_server):
    """URLs of new, empty databases on the test server (dropped when the test ends)."""
    made: list[str] = []

    def new() -> str:
        made.append(postgres_server.create_database())
        return made[-1]

    yield new
    for url in made:
        postgres_server.release(url)


@pytest.fixture
def store(new_database_url) -> str:
    return new_database_url()


def test_sample_meetings_search_dump_import_and_export_on_a_server(store, new_database_url, tmp_path):
    created = cli("sample", "--as-of", "2022-01-01", db=store)  # the historical dates
    assert created.returncode == 0, created.stderr
    meetings = cli("meetings", db=store)
    assert meetings.returncode == 0, meetings.stderr
    rows = [line.split("\t") for line in meetings.stdout.splitlines()]
    assert [(cols[1], cols[3]) for cols in rows] == [("2021-11-17", "held"), ("2022-02-07", "held"),
                                                     ("2022-03-14", "held")]

    found = cli("search", "萩生田", db=store)
    assert found.returncode == 0, found.stderr
    assert "萩生田" in found.stdout

    first, second = tmp_path / "one.json", tmp_path / "two.json"
    assert cli("dump", "-o", str(first), db=store).returncode == 0
    other = new_database_url()
    imported = cli("import", str(first), db=other)
    assert imported.returncode == 0, imported.stderr
    assert cli("dump", "-o", str(second), db=other).returncode == 0
    assert json.loads(first.read_text()) == json.loads(second.read_text())

    book = tmp_path / "book.pdf"
    round_1 = rows[1][0]
    exported = cli("export", round_1, "-o", str(book), db=store)
    assert exported.returncode == 0, exported.stderr
    text = "".join(page.extract_text() for page in PdfReader(book).pages)
    assert "Steel and aluminum" in text


def test_backup_and_restore_say_the_server_backs_up_its_databases(store, tmp_path):
    assert cli("sample", db=store).returncode == 0
    for args in (("backup",), ("restore", str(tmp_path / "some.db"))):
        out = cli(*args, db=store)
        assert out.returncode != 0
        assert "pg_dump" in out.stderr and "Traceback" not in out.stderr


def test_two_processes_loading_the_sample_into_a_new_server_store_load_it_once(new_database_url):
    import subprocess
    import sys

    from tests.test_cli import ROOT

    for round_ in range(4):
        store = new_database_url()
        assert cli("meetings", db=store).returncode == 0  # the schema made: only the sample races
        command = [sys.executable, str(ROOT / "main.py"), "--db", store, "sample"]
        both = [subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                 text=True) for _ in range(2)]
        results = [(p.wait(timeout=120), *p.communicate()) for p in both]
        assert [code for code, _out, _err in results] == [0, 0], results
        assert sorted("nothing changed" in out for _code, out, _err in results) == [False, True]
        meetings = cli("meetings", db=store)
        assert len(meetings.stdout.splitlines()) == 3, f"round {round_}: {meetings.stdout}"
