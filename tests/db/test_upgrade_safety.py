"""An upgrade that rebuilds a table keeps every row, and one that fails leaves the store as it was."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from briefing.errors import StoreError
from briefing.services import Services
from db.revisions import HEAD
from tests import future_revision


def counts(services) -> dict[str, int]:
    with services.db.read() as s:
        return {t: s.execute(text(f"SELECT count(*) FROM {t}")).scalar()
                for t in ("meetings", "issue_notes", "sources", "agenda_items", "participants")}


def revision_of(services) -> str:
    with services.db.read() as s:
        return s.execute(text("SELECT version_num FROM alembic_version")).scalar()


def test_an_upgrade_that_rebuilds_issue_notes_keeps_every_source(sample, db_url, tmp_path, monkeypatch):
    before = counts(sample)
    backgrounds = [n.background for n in sample.notes.list_full(2)]
    sample.close()
    future_revision.use(monkeypatch, future_revision.script_dir(tmp_path))

    upgraded = Services.open(db_url)
    try:
        assert upgraded.schema == "upgraded" and revision_of(upgraded) == future_revision.REVISION
        assert counts(upgraded) == before  # with foreign keys on, the rebuild deleted every source
        assert [n.background for n in upgraded.notes.list_full(2)] == backgrounds
        assert all(len(n.sources) == 1 for n in upgraded.notes.list_full(2))
        reason = f"before-upgrade-{HEAD}-to-{future_revision.REVISION}"
        assert [b.reason for b in upgraded.backups.list()] == [reason]
        # The search index survived the rebuild, and still follows edits of the rebuilt table.
        assert upgraded.search.search("melted-and-poured").hits
        note = upgraded.notes.list_full(2)[0]
        upgraded.notes.update(note.id, note.version, background="Zanzibar clause")
        assert [h.entity_id for h in upgraded.search.search("zanzibar").hits] == [note.id]
    finally:
        upgraded.close()


def test_an_upgrade_that_fails_half_way_leaves_the_store_as_it_was(sample, db_url, tmp_path, monkeypatch):
    before = counts(sample)
    sample.close()
    future_revision.use(monkeypatch, future_revision.script_dir(tmp_path, fail=True))
    with pytest.raises(StoreError, match="half-way") as caught:
        Services.open(db_url)
    assert "the store is as it was" in str(caught.value)
    monkeypatch.undo()
    reopened = Services.open(db_url)
    try:
        assert revision_of(reopened) == HEAD and counts(reopened) == before
    finally:
        reopened.close()
