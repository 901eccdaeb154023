"""Bad files and bad places: each is refused with a message naming the file, and never changed."""

from __future__ import annotations

import os
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest
from sqlalchemy import event

from briefing.errors import (
    DamagedStoreError,
    ReadOnlyStoreError,
    SchemaTooNewError,
    StoreError,
    TransientStoreError,
)
from briefing.services import Services
from db.search.fts import register_functions
from tests.store_files import (
    SAMPLE_MEETINGS,
    corrupt_copy,
    foreign_database,
    read_only,
    snapshot,
    store_with_sample,
    text_file,
    truncated_copy,
)


@pytest.fixture(scope="module")
def good_store(tmp_path_factory):
    return store_with_sample(tmp_path_factory.mktemp("good") / "good.db")


def refused(path, error=StoreError) -> str:
    """Open the store at ``path``, expecting a refusal; returns its message."""
    with pytest.raises(error) as caught:
        Services.open(f"sqlite:///{path}")
    message = str(caught.value)
    assert str(path) in message
    return message


def test_a_text_file_is_refused_untouched(tmp_path):
    path = text_file(tmp_path / "notes.db")
    before = snapshot(tmp_path)
    message = refused(path, DamagedStoreError)
    assert "not an SQLite file" in message and "has not been changed" in message
    assert snapshot(tmp_path) == before  # not even a -wal or -shm file appeared


def test_a_truncated_store_is_refused_untouched(tmp_path, good_store):
    path = truncated_copy(good_store, tmp_path / "cut.db")
    before = snapshot(tmp_path)
    message = refused(path, DamagedStoreError)
    assert "cut short" in message and "restore a backup" in message
    assert snapshot(tmp_path) == before


def test_a_corrupt_store_is_refused_untouched(tmp_path, good_store):
    path = corrupt_copy(good_store, tmp_path / "corrupt.db")
    before = snapshot(tmp_path)
    message = refused(path, DamagedStoreError)
    assert "is damaged" in message
    assert snapshot(tmp_path) == before


def test_another_programs_database_is_refused_and_not_switched_to_wal(tmp_path):
    path = foreign_database(tmp_path / "accounts.db")
    before = snapshot(tmp_path)
    assert "not a Briefbook one" in refused(path)
    assert snapshot(tmp_path) == before
    with sqlite3.connect(path) as c:
        assert c.execute("PRAGMA journal_mode").fetchone()[0] == "delete"


def test_a_folder_given_as_the_database_is_refused(tmp_path):
    assert "is a folder, not a database file" in refused(tmp_path)


def test_a_folder_that_does_not_exist_is_named_and_not_created(tmp_path):
    path = tmp_path / "no" / "such" / "briefbook.db"
    message = refused(path)
    assert "does not exist" in message and str(path.parent) in message
    assert not (tmp_path / "no").exists()


def test_a_new_store_in_a_folder_that_cannot_be_written_is_refused(tmp_path):
    folder = tmp_path / "locked"
    folder.mkdir()
    with read_only(folder):
        message = refused(folder / "new.db")
    assert "cannot be written" in message
    assert list(folder.iterdir()) == []


def test_a_read_only_store_opens_for_reading_and_refuses_writes(tmp_path, good_store):
    path = tmp_path / "shared.db"
    path.write_bytes(good_store.read_bytes())
    before = snapshot(tmp_path)
    with read_only(path):
        services = Services.open(f"sqlite:///{path}")
        try:
            assert services.read_only
            meetings = services.meetings.list()
            assert len(meetings) == SAMPLE_MEETINGS
            with pytest.raises(ReadOnlyStoreError) as caught:
                services.meetings.update(meetings[0].id, None, title="Changed")
            assert str(path) in str(caught.value) and "read-only" in str(caught.value)
            with pytest.raises(ReadOnlyStoreError):
                services.trash.empty()
            assert services.backups.daily_if_due() is None
        finally:
            services.close()
    after = snapshot(tmp_path)
    assert after["shared.db"] == before["shared.db"]
    # SQLite's read-only WAL reader may leave an empty -wal and its -shm index beside it.
    assert {name: data for name, data in after.items() if name not in before} in (
        {}, {"shared.db-shm": b"", "shared.db-wal": b""})


def test_a_store_in_a_read_only_folder_opens_for_reading(tmp_path, good_store):
    folder = tmp_path / "cd-rom"
    folder.mkdir()
    path = folder / "archive.db"
    path.write_bytes(good_store.read_bytes())  # a cleanly closed WAL store: no -wal, no -shm
    with read_only(path, folder):
        services = Services.open(f"sqlite:///{path}")
        try:
            assert services.read_only
            assert "folder" in services.db.read_only_reason
            assert [m.title for m in services.meetings.list()][1].startswith("US–Japan")
            with pytest.raises(ReadOnlyStoreError):
                services.notes.update(services.notes.list(2)[0].id, None, background="x")
        finally:
            services.close()
    assert sorted(p.name for p in folder.iterdir()) == ["archive.db"]


def test_a_read_only_folder_still_shows_changes_waiting_in_the_wal(tmp_path, good_store):
    """Opening with "immutable" would hide them: a WAL with content is read with mode=ro."""
    folder = tmp_path / "left-behind"
    folder.mkdir()
    path = folder / "store.db"
    path.write_bytes(good_store.read_bytes())
    writer = sqlite3.connect(path)
    register_functions(writer)  # the search index's triggers call them
    writer.execute("PRAGMA wal_autocheckpoint = 0")
    writer.execute("UPDATE meetings SET title = 'Saved but not checkpointed' WHERE id = 1")
    writer.commit()
    # Copy the files as a crash leaves them (the WAL still holds the change).
    crashed = tmp_path / "crashed"
    crashed.mkdir()
    for p in folder.iterdir():
        (crashed / p.name).write_bytes(p.read_bytes())
    writer.close()
    copy = crashed / "store.db"
    with read_only(*crashed.iterdir(), crashed):
        services = Services.open(f"sqlite:///{copy}")
        try:
            assert services.read_only
            assert services.meetings.get(1).title == "Saved but not checkpointed"
        finally:
            services.close()


def test_a_read_only_store_that_needs_an_upgrade_is_refused_untouched(tmp_path, good_store,
                                                                     monkeypatch):
    import db.revisions as revisions

    path = tmp_path / "old.db"
    path.write_bytes(good_store.read_bytes())
    monkeypatch.setattr(revisions, "REVISIONS", (*revisions.REVISIONS, "future"))
    monkeypatch.setattr(revisions, "HEAD", "future")
    with read_only(path):
        message = refused(path, ReadOnlyStoreError)
    assert "must be upgraded" in message and "has not been changed" in message


def test_a_store_from_a_newer_briefbook_is_refused_even_read_only(tmp_path, good_store):
    path = tmp_path / "newer.db"
    path.write_bytes(good_store.read_bytes())
    with closing(sqlite3.connect(path)) as c:
        c.execute("UPDATE alembic_version SET version_num = '9999'")
        c.commit()
    before = snapshot(tmp_path)
    with read_only(path):
        assert "newer version of Briefbook" in refused(path, SchemaTooNewError)
    assert snapshot(tmp_path) == before


def test_an_empty_file_becomes_a_new_store(tmp_path):
    path = tmp_path / "touched.db"
    path.touch()
    services = Services.open(f"sqlite:///{path}")
    try:
        assert services.schema == "created" and services.meetings.count() == 0
    finally:
        services.close()


def test_a_full_disk_refuses_the_save_keeps_the_store_and_the_retry_works(services):
    """SQLite reports a full disk as SQLITE_FULL; a page limit makes it happen on demand."""
    meeting = services.meetings.create(title="Round 2", starts_at="2022-03-01T09:00:00+09:00")
    note = services.notes.add_new_issue(meeting.id, "Digital trade")
    limit = {"pages": None}

    @event.listens_for(services.db.engine, "connect")
    def _cap(dbapi_connection, _record):
        if limit["pages"]:
            dbapi_connection.execute(f"PRAGMA max_page_count = {limit['pages']}")

    with services.db.engine.connect() as c:
        limit["pages"] = c.exec_driver_sql("PRAGMA page_count").scalar() + 1
    services.db.dispose()
    long_text = "Talking point. " * 40_000  # ~600 KB: far more than one free page
    with pytest.raises(TransientStoreError) as caught:
        services.notes.update(note.id, note.version, background=long_text)
    assert "is full" in str(caught.value) and "nothing was written" in str(caught.value)
    assert services.notes.get(note.id).background == ""
    limit["pages"] = None
    services.db.dispose()
    saved = services.notes.update(note.id, note.version, background=long_text)
    assert services.notes.get(note.id).background == long_text and saved.version == note.version + 1


def test_a_named_pipe_is_refused_by_its_kind_without_blocking_and_nothing_appears_beside_it(tmp_path):
    pipe = tmp_path / "store.db"
    os.mkfifo(pipe)
    before = sorted(p.name for p in tmp_path.iterdir())
    message = refused(pipe)  # opening a FIFO to read its header would block for ever
    assert "named pipe" in message and "not a database file" in message
    assert sorted(p.name for p in tmp_path.iterdir()) == before


@pytest.mark.parametrize("device", ["/dev/null", "/dev/zero"])
def test_a_device_is_refused_and_gets_no_journal_beside_it(device):
    journal = Path(f"{device}-journal")
    existed = journal.exists()
    try:
        message = refused(device)
        assert "is a device, not a database file" in message
        assert journal.exists() == existed
    finally:
        if not existed and journal.exists():
            journal.unlink()  # what the old code left in /dev


@pytest.mark.parametrize("url", ["sqlite:///file:{path}?mode=ro&uri=true", "sqlite:///{path}?mode=ro&uri=true",
                                 "sqlite:///file:{path}"])
def test_an_sqlite_uri_filename_is_refused_with_a_message_and_creates_nothing(tmp_path, url):
    url = url.format(path=tmp_path / "store.db")
    with pytest.raises(StoreError) as caught:
        Services.open(url)
    assert "SQLite URI filename" in str(caught.value) and "Give the file's path" in str(caught.value)
    assert list(tmp_path.iterdir()) == []
    assert not Path("file:").exists()


def test_a_uri_filename_naming_an_existing_store_leaves_it_as_it_was(tmp_path, good_store):
    path = tmp_path / "published.db"
    path.write_bytes(good_store.read_bytes())
    before = snapshot(tmp_path)
    with pytest.raises(StoreError):
        Services.open(f"sqlite:///file:{path}?mode=ro&uri=true")
    assert snapshot(tmp_path) == before


def test_a_store_killed_in_a_checkpoint_opens_whole(tmp_path, good_store):
    """Page 1 (the grown size) is written before the new pages; the WAL still holds them all."""
    folder = tmp_path / "live"
    folder.mkdir()
    path = folder / "store.db"
    path.write_bytes(good_store.read_bytes())
    writer = sqlite3.connect(path)
    register_functions(writer)
    writer.execute("PRAGMA journal_mode = WAL")
    writer.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    small = path.stat().st_size
    writer.execute("PRAGMA wal_autocheckpoint = 0")
    writer.execute("CREATE TABLE filler (x TEXT)")
    writer.executemany("INSERT INTO filler VALUES (?)", [("x" * 2000,) for _ in range(200)])
    writer.execute("UPDATE meetings SET title = 'Grown in the checkpoint' WHERE id = 1")
    writer.commit()
    writer.execute("PRAGMA wal_checkpoint(PASSIVE)")  # copies every frame; the WAL keeps them
    assert path.stat().st_size > small
    crashed = tmp_path / "crashed"
    crashed.mkdir()
    (crashed / "store.db").write_bytes(path.read_bytes()[:small])  # killed before the tail
    (crashed / "store.db-wal").write_bytes((folder / "store.db-wal").read_bytes())
    writer.close()
    services = Services.open(f"sqlite:///{crashed / 'store.db'}")
    try:
        assert services.meetings.get(1).title == "Grown in the checkpoint"
        assert services.meetings.count() == SAMPLE_MEETINGS
    finally:
        services.close()
