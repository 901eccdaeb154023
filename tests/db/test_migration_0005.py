"""Migration 0005 (issue 12): the positions table and the agenda items' record fields added to a store
holding data (empty for the rows it has), both searchable; a working downgrade."""

from __future__ import annotations

import copy

import pytest
from sqlalchemy import inspect, text

from db.engine import Database
from db.migrate import current_revision, ensure_schema

RECORD_FIELDS = ("record", "agreed", "open_points")
#: The meetings the sample had before 0005 (migration 0004 marks these as the sample).
OLD_SAMPLE_KEYS = ("usjp-launch-2021", "usjp-round-1-2022")


@pytest.mark.both_backends
def test_0005_upgrades_a_store_with_data_and_downgrades_it_again(new_database_url):
    from alembic import command

    from briefing.search.service import SearchService
    from briefing.services import Services
    from db.migrate import alembic_config
    from tests.old_stores import sample_store_at

    database = sample_store_at(Database(new_database_url()), "0004")
    with database.engine.connect() as c:
        assert "positions" not in inspect(c).get_table_names()
        assert "record" not in {col["name"] for col in inspect(c).get_columns("agenda_items")}
    assert ensure_schema(database) == "upgraded"
    with database.engine.connect() as c:
        assert "positions" in inspect(c).get_table_names()
        assert c.execute(text("SELECT count(*) FROM positions")).scalar() == 0
        for field in RECORD_FIELDS:
            assert set(c.execute(text(f"SELECT DISTINCT {field} FROM agenda_items")).scalars()) == {""}
    services = Services(database)
    meeting = services.meetings.list()[-1]
    item = services.agenda.list(meeting.id)[1]
    services.agenda.update(item.id, item.version, agreed="Quinquennial review agreed")
    position = services.positions.set(meeting.id, item.issue_id, theirs="Zygomorphic quotas")
    search = SearchService(database)
    assert [(h.entity, h.field) for h in search.search("quinquennial").hits] == [("agenda_item", "agreed")]
    assert [(h.entity, h.entity_id) for h in search.search("zygomorphic").hits] == [("position", position.id)]
    assert search.search("萩生田").hits  # the rest of the index is still there

    with database.engine.connect() as connection:
        driver = connection.connection.driver_connection if database.is_sqlite else None
        if driver is not None:
            driver.execute("PRAGMA foreign_keys = OFF")
        with connection.begin():
            command.downgrade(alembic_config(connection), "0004")
        if driver is not None:
            driver.execute("PRAGMA foreign_keys = ON")
        assert current_revision(connection) == "0004"
        assert "positions" not in inspect(connection).get_table_names()
        assert "agreed" not in {col["name"] for col in inspect(connection).get_columns("agenda_items")}
        assert connection.execute(text("SELECT count(*) FROM agenda_items")).scalar() > 0
    if database.is_sqlite:  # the full-text index, rebuilt without the fields 0004 has not got
        with database.engine.connect() as c:
            assert c.execute(text("SELECT count(*) FROM fts_index WHERE fts_index MATCH "
                                  "'words : \"zygomorphic\"'")).scalar() == 0
            assert c.execute(text("SELECT count(*) FROM fts_index")).scalar() > 0
    database.dispose()


def without_0005_fields(doc: dict) -> dict:
    """``doc`` without what a store before 0005 cannot hold (positions, the meeting record): the
    sample as a store of an earlier revision has it. Such a store never held the sample's Round 2;
    built by downgrading, it holds it unmarked (0004 marks the sample's meetings of that time)."""
    doc = copy.deepcopy(doc)
    for meeting in doc["meetings"]:
        meeting.pop("positions", None)
        if meeting.get("key") not in OLD_SAMPLE_KEYS:
            meeting.pop("sample", None)
        for item in meeting.get("agenda", ()):
            for field in RECORD_FIELDS:
                item.pop(field, None)
    return doc
