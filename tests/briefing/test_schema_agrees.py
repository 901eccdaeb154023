"""docs/briefbook.schema.json refuses what the import refuses in a text field: a line break inside
a single-line field, a NUL anywhere; and lets through what the import keeps."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from briefing.errors import ValidationError
from briefing.interchange.parse import parse_document

SCHEMA_FILE = Path(__file__).parents[2] / "docs" / "briefbook.schema.json"
SCHEMA = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))


def with_meeting(**fields):
    return {"format": "briefbook", "version": 1,
            "meetings": [{"title": "Round 1", "starts_at": "2022-02-07T09:00:00+09:00", **fields}]}


def schema_takes(doc) -> bool:
    return jsonschema.Draft202012Validator(SCHEMA).is_valid(doc)


def import_takes(doc) -> bool:
    try:
        parse_document(doc, ("U", "SBU", "C"), "America/New_York")
    except ValidationError:
        return False
    return True


@pytest.mark.parametrize("field, value", [
    ("title", "Round 1"), ("title", "Round\n1"), ("title", "Round 1\n"), ("title", "\r\nRound 1 "),
    ("title", "Round\u20281"), ("title", "Round \u0085 1"), ("title", "Round\x0b1"), ("title", "Round\x1e1"),
    ("title", "Round\x001"), ("title", "Round\t1"), ("location", "Tokyo\nOsaka"), ("location", "\n"),
    ("objectives", "line\nbreaks\r\nkept"), ("objectives", "a NUL \x00 here"), ("objectives", "\x1c\x85"),
])
def test_the_schema_and_the_import_agree_on_line_breaks_and_nul(field, value):
    doc = with_meeting(**{field: value})
    assert schema_takes(doc) == import_takes(doc)


def test_a_refused_line_break_is_refused_by_both():
    doc = with_meeting(title="Round\n1")
    assert not schema_takes(doc) and not import_takes(doc)
