"""``main.py copy --from URL --to URL``: a whole store into another, either way between SQLite and
PostgreSQL; the copy dumps to the same bytes as its source.

The PostgreSQL cases are skipped unless ``BRIEFBOOK_TEST_PG_URL`` names a server."""

from __future__ import annotations

import pytest

from briefing.config import Config
from briefing.services import Services
from tests.test_cli import cli


def _sqlite(tmp_path, name: str) -> str:
    return f"sqlite:///{tmp_path / name}"


@pytest.fixture
def server_url(postgres_server):
    """URLs of new, empty databases on the test server."""
    made: list[str] = []

    def new() -> str:
        made.append(postgres_server.create_database())
        return made[-1]

    yield new
    for url in made:
        postgres_server.release(url)


def _full_store(url: str) -> None:
    """The sample with history, the Trash, action items and the change log in it."""
    with Services.open(url, Config(user_name="alice")) as s:
        from briefing.interchange.sample import load_sample

        load_sample(s.db, s.config)
        round1 = s.meetings.resolve("US–Japan Partnership on Trade — Round 1")
        notes = s.notes.list_full(round1.id)
        saved = s.notes.update(notes[0].id, notes[0].version, background="日本語 <b>&amp;</b> 🚢 " * 50)
        s.history.restore(s.history.revisions(notes[0].id)[-1].id, saved.version)
        s.notes.delete(notes[1].id)
        item = s.actions.add(round1.id, "Call Tokyo", owner="林")
        s.actions.delete(item.id)
        s.meetings.delete(s.meetings.resolve("US–Japan trade talks, Tokyo").id)


def _dump(url: str, tmp_path, name: str) -> bytes:
    out = tmp_path / name
    done = cli("dump", "-o", str(out), db=url)
    assert done.returncode == 0, done.stderr
    return out.read_bytes()


def _rows(url: str) -> dict[str, int]:
    from db.copy import row_counts

    with Services.open(url, Config()) as s, s.db.engine.connect() as c:
        return row_counts(c)


def _copy_and_compare(source: str, target: str, tmp_path) -> None:
    _full_store(source)
    copied = cli("copy", "--from", source, "--to", target, db=source)
    assert copied.returncode == 0, copied.stderr
    assert _dump(target, tmp_path, "target.json") == _dump(source, tmp_path, "source.json")
    assert _rows(target) == _rows(source)
    # the Trash, history and who did what came along
    for args in (("log",), ("search", "日本語")):
        assert cli(*args, db=target).stdout == cli(*args, db=source).stdout


def test_sqlite_to_sqlite_copies_everything(tmp_path):
    _copy_and_compare(_sqlite(tmp_path, "a.db"), _sqlite(tmp_path, "b.db"), tmp_path)


def test_sqlite_to_postgresql_copies_everything(tmp_path, server_url):
    _copy_and_compare(_sqlite(tmp_path, "a.db"), server_url(), tmp_path)


def test_postgresql_to_sqlite_copies_everything(tmp_path, server_url):
    _copy_and_compare(server_url(), _sqlite(tmp_path, "b.db"), tmp_path)


def test_a_copy_then_goes_on_taking_new_rows(tmp_path, server_url):
    source, target = _sqlite(tmp_path, "a.db"), server_url()
    _full_store(source)
    assert cli("copy", "--from", source, "--to", target, db=source).returncode == 0
    with Services.open(target, Config(user_name="bob")) as s:  # ids after the copied ones
        round1 = s.meetings.resolve("US–Japan Partnership on Trade — Round 1")
        item = s.actions.add(round1.id, "new")
        assert item.id > max(a.id for a in s.actions.list(round1.id) if a.id != item.id)
        assert s.changelog.changes()[-1].user_name == "bob"


def test_a_store_that_holds_anything_is_refused_unless_replace(tmp_path):
    source, target = _sqlite(tmp_path, "a.db"), _sqlite(tmp_path, "b.db")
    _full_store(source)
    assert cli("sample", db=target).returncode == 0
    before = _dump(target, tmp_path, "before.json")
    refused = cli("copy", "--from", source, "--to", target, db=source)
    assert refused.returncode != 0 and "not empty" in refused.stderr and "--replace" in refused.stderr
    assert "Traceback" not in refused.stderr
    assert _dump(target, tmp_path, "after.json") == before
    replaced = cli("copy", "--from", source, "--to", target, "--replace", db=source)
    assert replaced.returncode == 0, replaced.stderr
    assert _dump(target, tmp_path, "t.json") == _dump(source, tmp_path, "s.json")


def test_copy_onto_itself_is_refused(tmp_path):
    source = _sqlite(tmp_path, "a.db")
    _full_store(source)
    same = cli("copy", "--from", source, "--to", source, db=source)
    assert same.returncode != 0 and "same store" in same.stderr


def test_copy_does_not_open_the_default_store(tmp_path):
    source, target = _sqlite(tmp_path, "a.db"), _sqlite(tmp_path, "b.db")
    _full_store(source)
    done = cli("copy", "--from", source, "--to", target, db=tmp_path / "unused.db")
    assert done.returncode == 0, done.stderr
    assert not (tmp_path / "unused.db").exists()
