"""JSON: an optional top-level ``markings`` sets the store's ladder on import (when it fits) and a dump
writes it; a meeting's classification authority fields round-trip."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import jsonschema
import pytest

from briefing.interchange import InterchangeError, dump_store, import_document

SCHEMA = json.loads((Path(__file__).parents[2] / "docs" / "briefbook.schema.json").read_text())
UK = [{"code": "OFFICIAL", "name": "OFFICIAL"}, {"code": "OFFICIAL-SENSITIVE", "name": "OFFICIAL-SENSITIVE"},
      {"code": "SECRET", "name": "SECRET"}]


def document(**extra):
    meeting = {"title": "UK–Japan EPA review", "starts_at": "2022-02-07T09:00:00+09:00",
               "sensitivity": "OFFICIAL-SENSITIVE", "objectives": "(SECRET) Fallback: 4%.\n\nOpen text.",
               "classified_by": "A. Smith, Trade Policy Director",
               "classification_reason": "Negotiating position", "declassify_on": "2047-02-07"}
    return {"format": "briefbook", "version": 1, "meetings": [meeting], **extra}


def test_a_files_ladder_becomes_the_stores_and_its_meetings_are_marked_on_it(services):
    summary = import_document(services.db, document(markings=UK), services.config)
    assert services.markings.ladder().codes == ("OFFICIAL", "OFFICIAL-SENSITIVE", "SECRET")
    meeting = services.meetings.get(summary.meeting_ids[0])
    assert meeting.sensitivity == "OFFICIAL-SENSITIVE"
    assert (meeting.classified_by, meeting.classification_reason, meeting.declassify_on) == (
        "A. Smith, Trade Policy Director", "Negotiating position", "2047-02-07")
    dumped = dump_store(services.db)
    assert dumped["markings"] == UK
    assert dumped["meetings"][0]["declassify_on"] == "2047-02-07"
    jsonschema.validate(dumped, SCHEMA)  # docs/briefbook.schema.json knows both
    again = dict(dumped, markings=[{"code": "S B"}])
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(again, SCHEMA)


def test_a_file_without_markings_keeps_the_stores_ladder_and_a_default_ladder_is_not_written(services):
    doc = document()
    doc["meetings"][0]["sensitivity"] = "SBU"
    for name in ("classified_by", "classification_reason", "declassify_on"):
        del doc["meetings"][0][name]
    import_document(services.db, doc, services.config)
    assert services.markings.ladder().codes == ("U", "SBU", "C")
    dumped = dump_store(services.db)
    assert "markings" not in dumped
    assert "classified_by" not in dumped["meetings"][0]


def test_a_ladder_that_would_orphan_marks_in_the_store_is_refused_and_nothing_is_imported(services):
    services.meetings.create(title="Round 1", starts_at=datetime(2022, 2, 7, tzinfo=UTC), sensitivity="SBU",
                             objectives="(C) Hold at 5%.\n\n(C) Walk away at 7%.")
    with pytest.raises(InterchangeError) as refused:
        import_document(services.db, document(markings=UK), services.config)
    assert refused.value.field == "$.markings"
    assert refused.value.message == ("does not fit this store: “SBU” cannot be removed: 1 meeting is "
                                     "marked with it. Change their marking first.")
    assert services.markings.ladder().codes == ("U", "SBU", "C")
    assert len(services.meetings.list()) == 1


@pytest.mark.parametrize(("markings", "path", "says"), [
    ([], "$.markings", "needs at least one marking"),
    ([{"code": "S B"}], "$.markings[0].code", "must not contain spaces or parentheses"),
    ([{"code": "S"}, {"code": "S"}], "$.markings[1].code", "is on the ladder twice"),
    ([{"code": "S", "colour": "red"}], "$.markings[0].colour", "is not a field"),
    ([{"name": "SECRET"}], "$.markings[0].code", "is required"),
])
def test_a_bad_ladder_in_a_file_is_refused_with_its_path(services, markings, path, says):
    with pytest.raises(InterchangeError) as refused:
        import_document(services.db, document(markings=markings), services.config)
    assert refused.value.field == path and says in refused.value.message


def test_a_meeting_marked_off_the_files_ladder_is_refused(services):
    doc = document(markings=UK)
    doc["meetings"][0]["sensitivity"] = "C"
    with pytest.raises(InterchangeError) as refused:
        import_document(services.db, doc, services.config)
    assert refused.value.field == "$.meetings[0].sensitivity"
