"""A file of hundreds of thousands of tiny items is refused at once, at the item past the limit,
instead of running for minutes and taking gigabytes inside the import's one transaction."""

from __future__ import annotations

import pytest

from briefing.interchange import InterchangeError, dump_store, import_document
from briefing.interchange import parse as interchange_parse
from briefing.interchange.parse import MAX_ITEMS


def meeting_with(**lists):
    return {"format": "briefbook", "version": 1,
            "meetings": [{"title": "Round 1", "starts_at": "2022-02-07T09:00:00+09:00", **lists}]}


def test_a_file_of_more_items_than_one_import_takes_is_refused_where_it_passes_the_limit(services):
    doc = meeting_with(agenda=[{"title": f"item {n}", "minutes": 1} for n in range(MAX_ITEMS)])
    before = dump_store(services.db)
    with pytest.raises(InterchangeError) as caught:
        import_document(services.db, doc)  # the meeting and its items: one item too many
    assert caught.value.field == f"$.meetings[0].agenda[{MAX_ITEMS - 1}]"
    assert f"more than {MAX_ITEMS:,} items" in caught.value.message
    assert "split it into several files" in caught.value.message
    assert dump_store(services.db) == before


@pytest.fixture
def at_most_ten_items(monkeypatch):
    monkeypatch.setattr(interchange_parse, "MAX_ITEMS", 10)


def test_every_kind_of_item_counts_towards_the_limit(services, at_most_ten_items):
    issues = [{"slug": f"i{n}", "title": f"Issue {n}"} for n in range(3)]
    note = {"issue": "i0", "sources": [{"title": "A"}, {"title": "B"}]}
    doc = meeting_with(notes=[note], participants=[], actions=[{"text": "call"}],
                       positions=[{"issue": "i0"}])
    doc["issues"], doc["people"] = issues, [{"key": "p", "name": "P"}]
    summary = import_document(services.db, doc)  # 3 + 1 + 1 meeting + 1 + 2 + 1 + 1 = 10 items
    assert summary.meetings_added == 1
    doc["meetings"][0]["notes"][0]["sources"].append({"title": "C"})
    with pytest.raises(InterchangeError) as caught:
        import_document(services.db, doc)
    assert caught.value.field == "$.meetings[0].positions[0]"  # the 11th item, sources counted


def test_a_list_of_the_wrong_type_is_left_to_say_so(services, at_most_ten_items):
    with pytest.raises(InterchangeError) as caught:
        import_document(services.db, meeting_with(agenda={"title": "not a list"}))
    assert (caught.value.field, caught.value.message) == ("$.meetings[0].agenda",
                                                          "must be a list, not an object")
