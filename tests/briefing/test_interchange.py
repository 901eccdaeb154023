"""JSON interchange: dump, import, round trips, non-empty stores, and bad files refused whole."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest

from briefing.interchange import InterchangeError, dump_store, import_document, read_json
from briefing.interchange.sample import load_sample, sample_document

SCHEMA = json.loads((Path(__file__).parents[2] / "docs" / "briefbook.schema.json").read_text())


def validate(doc):
    import jsonschema

    jsonschema.validate(doc, SCHEMA)


def test_the_sample_dump_round_trips_and_matches_the_schema(sample, new_store_url):
    from briefing.services import Services

    first = dump_store(sample.db)
    validate(first)
    with Services.open(new_store_url()) as other:
        import_document(other.db, first)
        assert dump_store(other.db) == first
    assert first == sample_document()  # the sample file is itself a dump


def test_lists_keep_their_order(services):
    doc = sample_document()
    doc["meetings"][1]["agenda"].reverse()
    doc["meetings"][1]["notes"].reverse()
    doc["issues"].reverse()
    import_document(services.db, doc)
    assert dump_store(services.db) == doc


def test_defaults_fill_what_a_minimal_document_leaves_out(services):
    doc = {"format": "briefbook", "version": 1,
           "issues": [{"slug": "wto", "title": "WTO"}],
           "meetings": [{"title": " Minimal ", "starts_at": "2022-02-07T09:00:00+09:00",
                         "notes": [{"issue": "wto"}], "agenda": [{}], "actions": [{}]}]}
    import_document(services.db, doc)
    m = dump_store(services.db)["meetings"][0]
    assert m["title"] == "Minimal"
    assert (m["timezone"], m["status"], m["sensitivity"], m["objectives"]) == ("UTC", "planned", "U", "")
    assert m["starts_at"] == "2022-02-07T00:00:00+00:00"
    assert m["home_timezone"] == "America/New_York"
    assert m["notes"][0]["status"] == "draft" and m["notes"][0]["background"] == ""
    assert m["agenda"][0] == {"title": "", "minutes": 0, "lead": "", "issue": None,
                              "status": "pending", "outcome": ""}
    assert m["actions"][0]["status"] == "open"
    validate(dump_store(services.db))


def test_import_into_a_store_with_data_adds_meetings_and_matches_issues_and_people(sample):
    doc = sample_document()
    doc["issues"][0]["title"] = "Steel and aluminum overcapacity"
    doc["people"][0]["bio"] = "Updated bio."
    summary = import_document(sample.db, doc)
    assert summary.meetings_added == 3 and summary.issues_added == 0 and summary.people_added == 0
    assert summary.issues_updated == 1 and summary.people_updated == 1
    assert set(summary.renamed_keys) == {"usjp-launch-2021", "usjp-round-1-2022", "usjp-round-2-2022"}
    dumped = dump_store(sample.db)
    assert len(dumped["meetings"]) == 6 and len(dumped["issues"]) == len(doc["issues"])
    assert dumped["issues"][0]["title"] == "Steel and aluminum overcapacity"
    assert dumped["people"][0]["bio"] == "Updated bio."
    keys = [m["key"] for m in dumped["meetings"]]
    assert len(set(keys)) == 6
    # The new round 1 links to the new launch, not the old one.
    assert dumped["meetings"][4]["previous"] == dumped["meetings"][3]["key"]
    new_round = sample.meetings.resolve(dumped["meetings"][4]["key"])
    assert all(n.previous_id is not None for n in sample.notes.list_full(new_round.id)
               if n.issue_slug in ("wto-reform", "steel-aluminum-excess-capacity"))


def test_loading_the_sample_twice_changes_nothing(sample):
    before = dump_store(sample.db)
    assert load_sample(sample.db) is False
    assert dump_store(sample.db) == before


def broken(path: str, value):
    doc = sample_document()
    target = doc
    parts = path.split(".")
    for part in parts[:-1]:
        target = target[int(part)] if part.isdigit() else target[part]
    last = parts[-1]
    if value is KeyError:
        del target[last]
    else:
        target[int(last) if last.isdigit() else last] = value
    return doc


@pytest.mark.parametrize(
    ("doc", "where"),
    [
        (broken("format", "word"), "$.format"),
        (broken("version", 2), "$.version"),
        (broken("meetings.1.title", KeyError), "$.meetings[1].title"),
        (broken("meetings.1.title", "   "), "$.meetings[1].title"),
        (broken("meetings.0.starts_at", "yesterday"), "$.meetings[0].starts_at"),
        (broken("meetings.1.agenda.2.minutes", "ninety"), "$.meetings[1].agenda[2].minutes"),
        (broken("meetings.1.agenda.2.minutes", -1), "$.meetings[1].agenda[2].minutes"),
        (broken("meetings.1.notes.3.issue", "no-such-issue"), "$.meetings[1].notes[3].issue"),
        (broken("meetings.1.notes.3.background", "a\x00b"), "$.meetings[1].notes[3].background"),
        (broken("meetings.1.notes.3.background", 42), "$.meetings[1].notes[3].background"),
        (broken("meetings.1.participants.0.person", "nobody"), "$.meetings[1].participants[0].person"),
        (broken("meetings.1.previous", "missing-round"), "$.meetings[1].previous"),
        (broken("people.2.name", KeyError), "$.people[2].name"),
        (broken("issues.1.slug", ""), "$.issues[1].slug"),
        (broken("meetings.1.actions.0.due", "soon"), "$.meetings[1].actions[0].due"),
        (broken("meetings.1.notes", {"not": "a list"}), "$.meetings[1].notes"),
        (broken("meetings.0.status", "postponed"), "$.meetings[0].status"),
        (broken("meetings.0.colour", "red"), "$.meetings[0].colour"),
        ([1, 2, 3], "$"),
    ],
)
def test_a_bad_document_is_refused_whole_naming_the_path(services, doc, where):
    with pytest.raises(InterchangeError) as caught:
        import_document(services.db, doc)
    assert caught.value.field == where
    assert dump_store(services.db)["meetings"] == []
    assert dump_store(services.db)["issues"] == []


def test_a_file_that_is_not_json_is_refused_with_its_position(tmp_path):
    path = tmp_path / "bad.json"
    path.write_text('{"format": "briefbook",\n  "version": 1,,}')
    with pytest.raises(InterchangeError, match="line 2"):
        read_json(path)


def test_text_fields_keep_white_space_and_control_characters(services):
    doc = copy.deepcopy(sample_document())
    weird = "  leading\ttabs\r\nCRLF\x0b\x1b[31m <b> & 🎌 林芳正 \u202e RTL  \n\n"
    doc["meetings"][1]["notes"][0]["talking_points"] = weird
    doc["meetings"][1]["agenda"][0]["outcome"] = weird
    doc["people"][0]["bio"] = weird
    doc["meetings"][1]["actions"][0]["text"] = weird
    doc["issues"][0]["title"] = "  padded title  "
    import_document(services.db, doc)
    out = dump_store(services.db)
    assert out["meetings"][1]["notes"][0]["talking_points"] == weird
    assert out["meetings"][1]["agenda"][0]["outcome"] == weird
    assert out["people"][0]["bio"] == weird
    assert out["meetings"][1]["actions"][0]["text"] == weird
    assert out["issues"][0]["title"] == "padded title"


def test_the_fields_added_after_the_first_release_round_trip_and_are_written_only_when_set(services):
    doc = sample_document()
    doc["people"][2] |= {"name": "Hagiuda Koichi", "name_order": "family_first"}
    doc["meetings"][1]["participants"][1]["capacity"] = "observer"
    doc["meetings"][0].pop("sample")  # a meeting of the user's own in the same file
    import_document(services.db, doc)
    dumped = dump_store(services.db)
    validate(dumped)
    assert dumped == doc
    assert "sample" not in dumped["meetings"][0] and dumped["meetings"][1]["sample"] is True
    assert "name_order" not in dumped["people"][0]
    assert "capacity" not in dumped["meetings"][1]["participants"][0]


def test_a_file_of_the_first_release_imports_with_the_defaults(services):
    doc = sample_document()
    for m in doc["meetings"]:
        del m["sample"]
    import_document(services.db, doc)
    assert not any(services.meetings.get(m.id).is_sample for m in services.meetings.list())
    round_1 = services.meetings.list()[1]
    people = services.people.participants(round_1.id)
    assert {p.capacity for p in people} == {"delegate"}
    assert {p.person.name_order for p in people} == {"given_first"}


@pytest.mark.parametrize(("where", "value", "says"), [
    (("meetings", 0, "sample"), "yes", "$.meetings[0].sample: must be true or false, not text"),
    (("people", 0, "name_order"), "surname_first", "$.people[0].name_order: must be one of"),
    (("meetings", 1, "participants", 0, "capacity"), "minder",
     "$.meetings[1].participants[0].capacity: must be one of"),
])
def test_a_bad_value_in_a_new_field_is_refused_with_its_path(services, where, value, says):
    doc = sample_document()
    target = doc
    for step in where[:-1]:
        target = target[step]
    target[where[-1]] = value
    with pytest.raises(InterchangeError) as caught:
        import_document(services.db, doc)
    assert str(caught.value).startswith(says) or says in str(caught.value)
    assert services.meetings.count() == 0
