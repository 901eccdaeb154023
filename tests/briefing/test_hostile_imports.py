"""A hostile tester's files: each is refused whole with the JSON path of the problem, and the store
stays as it was (no import poisons the store)."""

from __future__ import annotations

import json
import tracemalloc

import pytest

from briefing.interchange import InterchangeError, dump_store, import_document, read_json
from briefing.interchange.sample import sample_document


def minimal(**meeting):
    return {"format": "briefbook", "version": 1,
            "meetings": [{"title": "Round 1", "starts_at": "2022-02-07T09:00:00+09:00", **meeting}]}


def refused(services, doc) -> InterchangeError:
    before = dump_store(services.db)
    with pytest.raises(InterchangeError) as caught:
        import_document(services.db, doc)
    assert dump_store(services.db) == before
    assert "\n" not in str(caught.value)
    return caught.value


@pytest.mark.parametrize(("meeting", "where", "says"), [
    ({"starts_at": "9999-12-31T23:00:00+00:00", "timezone": "Pacific/Kiritimati"},
     "$.meetings[0].starts_at", "1900 to 2200"),
    ({"starts_at": "0001-01-01T01:00:00+00:00", "timezone": "America/New_York"},
     "$.meetings[0].starts_at", "1900 to 2200"),
    ({"starts_at": "0001-01-01T00:00:00+05:00"}, "$.meetings[0].starts_at", "1900 to 2200"),
    ({"ends_at": "2201-01-01T00:00:00+00:00"}, "$.meetings[0].ends_at", "1900 to 2200"),
    ({"actions": [{"due": "0001-01-01"}]}, "$.meetings[0].actions[0].due", "1900 to 2200"),
    ({"round": 2**64}, "$.meetings[0].round", "0 to 999"),
    ({"round": -(2**70)}, "$.meetings[0].round", "0 to 999"),
    ({"timezone": "localtime"}, "$.meetings[0].timezone", "not a known time zone"),
    ({"timezone": "posixrules"}, "$.meetings[0].timezone", "not a known time zone"),
    ({"home_timezone": "Factory"}, "$.meetings[0].home_timezone", "not a known time zone"),
    ({"objectives": "x" * 2_000_001}, "$.meetings[0].objectives", "2,000,000"),
])
def test_a_meeting_field_no_desk_app_can_keep_is_refused_with_its_path(services, meeting, where, says):
    error = refused(services, minimal(**meeting))
    assert error.field == where
    assert says in error.message


@pytest.mark.parametrize("version", [1.0, True, "1", 2, None])
def test_only_a_version_this_briefbook_knows_imports(services, version):
    doc = minimal()
    doc["version"] = version
    assert refused(services, doc).field == "$.version"


def test_a_meeting_cannot_be_its_own_previous_round(services):
    error = refused(services, minimal(key="r1", previous="r1"))
    assert error.field == "$.meetings[0].previous" and "itself" in error.message


@pytest.mark.parametrize("size", [2, 3])
def test_meetings_cannot_be_each_others_previous_round(services, size):
    doc = minimal()
    keys = [f"r{n}" for n in range(size)]
    doc["meetings"] = [{"title": f"Round {n}", "starts_at": "2022-02-07T09:00:00+09:00",
                        "key": key, "previous": keys[n - 1]} for n, key in enumerate(keys)]
    doc["meetings"].insert(0, {"title": "Launch", "starts_at": "2021-11-17T10:00:00+09:00", "key": "l"})
    error = refused(services, doc)
    assert error.field == "$.meetings[1].previous"
    assert "loop" in error.message and "'r0'" in error.message


def test_a_chain_of_rounds_still_imports(services):
    doc = sample_document()
    summary = import_document(services.db, doc)
    assert summary.meetings_added == 3


# -- what read_json reads ------------------------------------------------------------


def write(tmp_path, text: str):
    path = tmp_path / "doc.json"
    path.write_text(text, encoding="utf-8")
    return path


def test_json_nested_ten_thousand_deep_is_refused(tmp_path):
    path = write(tmp_path, "[" * 10_000 + "]" * 10_000)
    with pytest.raises(InterchangeError, match="too deeply") as caught:
        read_json(path)
    assert caught.value.field == "$"


def test_a_five_thousand_digit_integer_is_refused_with_its_path(services, tmp_path):
    text = json.dumps(minimal(round=1)).replace('"round": 1', '"round": ' + "9" * 5000)
    error = refused(services, read_json(write(tmp_path, text)))
    assert error.field == "$.meetings[0].round" and "5,000 digits" in error.message


def test_a_key_given_twice_is_refused_with_its_path(services, tmp_path):
    text = json.dumps(minimal()).replace('"title": "Round 1"', '"title": "Round 1", "title": "Round 2"')
    assert refused(services, read_json(write(tmp_path, text))).field == "$.meetings[0].title"


def test_a_hostile_key_names_its_path_on_one_line(services, tmp_path):
    text = json.dumps(minimal()).replace('"title": "Round 1"', '"title": "R", "a\\nb": 1, "a\\nb": 2')
    assert refused(services, read_json(write(tmp_path, text))).field == '$.meetings[0]["a\\nb"]'


def test_a_file_over_the_cap_is_refused_before_it_is_read(tmp_path):
    path = tmp_path / "huge.json"
    with path.open("wb") as f:  # sparse: no disk space used
        f.truncate(100 * 1024 * 1024 + 1)
    with pytest.raises(InterchangeError, match="100 MB"):
        read_json(path)


def test_reading_a_large_file_holds_it_about_twice_not_three_times(tmp_path):
    size = 20_000_000
    doc = minimal(objectives="x" * size)
    path = write(tmp_path, json.dumps(doc))
    tracemalloc.start()
    try:
        read = read_json(path)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert read["meetings"][0]["objectives"] == "x" * size
    assert peak < 2.5 * size  # bytes then text (the bytes let go), then the parsed string
