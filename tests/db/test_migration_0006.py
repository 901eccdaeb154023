"""Migration 0006 (issue 13): the Q&A bank, note tiers, page budgets and the scenario columns added
to a store holding data, with the values old rows always meant; the bank searchable; a working
downgrade."""

from __future__ import annotations

import pytest
from sqlalchemy import inspect, text

from db.engine import Database
from db.migrate import current_revision, ensure_schema


@pytest.mark.both_backends
def test_0006_upgrades_a_store_with_data_and_downgrades_it_again(new_database_url):
    from alembic import command

    from briefing.search.service import SearchService
    from briefing.services import Services
    from db.migrate import alembic_config
    from tests.old_stores import sample_store_at

    database = sample_store_at(Database(new_database_url()), "0005")
    with database.engine.connect() as c:
        assert "qa_entries" not in inspect(c).get_table_names()
    assert ensure_schema(database) == "upgraded"
    with database.engine.connect() as c:
        assert {"qa_entries", "qa_revisions", "note_qa"} <= set(inspect(c).get_table_names())
        assert set(c.execute(text("SELECT DISTINCT tier FROM issue_notes")).scalars()) == {"full"}
        assert set(c.execute(text("SELECT DISTINCT press FROM agenda_items")).scalars()) == {"closed"}
        assert c.execute(text("SELECT count(*) FROM meetings WHERE page_budget_full IS NOT NULL "
                              "OR page_budget_short IS NOT NULL")).scalar() == 0
    services = Services(database)
    note = services.notes.list_full(services.meetings.list()[-1].id)[0]
    entry = services.qa.add("Will the 碳 duties end?", "Not before the arrangement.", note_id=note.id)
    hits = SearchService(database).search("arrangement").hits
    assert ("qa", entry.id, "answer") in {(h.entity, h.entity_id, h.field) for h in hits}
    assert SearchService(database).search("萩生田").hits  # the rest of the index is still there

    with database.engine.connect() as connection:
        sqlite = database.is_sqlite
        driver = connection.connection.driver_connection if sqlite else None
        if driver is not None:
            driver.execute("PRAGMA foreign_keys = OFF")
        with connection.begin():
            command.downgrade(alembic_config(connection), "0005")
        if driver is not None:
            driver.execute("PRAGMA foreign_keys = ON")
        assert current_revision(connection) == "0005"
        tables = set(inspect(connection).get_table_names())
        assert not {"qa_entries", "qa_revisions", "note_qa"} & tables
        assert "tier" not in {col["name"] for col in inspect(connection).get_columns("issue_notes")}
        assert connection.execute(text("SELECT count(*) FROM issue_notes")).scalar() > 0
    database.dispose()


def without_0006_fields(doc: dict) -> dict:
    """``doc`` without what a store before 0006 cannot hold (the Q&A bank, tiers, page budgets, the
    scenario): the sample as a store of an earlier revision has it."""
    import copy

    doc = copy.deepcopy(doc)
    doc.pop("qa", None)
    for meeting in doc["meetings"]:
        meeting.pop("page_budget", None)
        for item in meeting["agenda"]:
            for name in ("speaker_ours", "speaker_theirs", "press", "points"):
                item.pop(name, None)
        for note in meeting["notes"]:
            note.pop("tier", None)
            note.pop("qa", None)
    return doc
