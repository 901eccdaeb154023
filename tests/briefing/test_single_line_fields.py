"""A single-line field (a title, a name, an owner, a publisher…) holds one line: a line break inside
it is refused naming the field, by every service and by import; multi-line text keeps its breaks."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from briefing import validation as v
from briefing.errors import ValidationError
from briefing.interchange import InterchangeError, dump_store, import_document
from briefing.interchange.sample import sample_document

ROOT = Path(__file__).parents[2]
#: Every kind of line break a paste or a hand-edited file can bring.
BREAKS = ["\n", "\r", "\r\n", "\v", "\f", "\x1c", "\x1d", "\x1e", "\x85", "\u2028", "\u2029"]
START = "2022-02-07T09:00:00+09:00"


@pytest.mark.parametrize("brk", BREAKS, ids=[f"U+{ord(b[-1]):04X}" for b in BREAKS])
def test_a_line_break_inside_a_single_line_value_is_refused_naming_the_field(brk):
    with pytest.raises(ValidationError) as caught:
        v.line("owner", f"Trade{brk}Ministry")
    assert caught.value.field == "owner"
    assert "contains a line break" in caught.value.message and "at position 6" in caught.value.message
    assert v.text("background", f"Trade{brk}Ministry") == f"Trade{brk}Ministry"  # multi-line: kept


def test_line_breaks_around_a_single_line_value_are_stripped_like_spaces():
    assert v.line("title", "\r\n  Round 1\u2028\n") == "Round 1"
    with pytest.raises(ValidationError, match=r"at position 9\b"):
        v.line("title", "\n  Round\n1")  # counted in the text as given


def test_one_line_turns_each_line_break_into_one_space():
    assert v.one_line("a\r\nb\nc\u2028d\re") == "a b c d e"


def test_every_service_refuses_a_line_break_in_a_single_line_field_and_keeps_it_in_multi_line_ones(
        services):
    meeting = services.meetings.create(title="Round 1", starts_at=START)
    attempts = {
        "title": lambda: services.meetings.create(title="Round\n1", starts_at=START),
        "counterpart": lambda: services.meetings.update(meeting.id, None, counterpart="METI\nTokyo"),
        "prepared_by": lambda: services.meetings.update(meeting.id, None, prepared_by="A\u2028B"),
        "slug": lambda: services.issues.create("Tariffs", slug="tariffs\nsteel"),
        "name": lambda: services.people.create_person("Katherine\nTai"),
        "organization": lambda: services.people.create_person("Tai", organization="USTR\r\nDC"),
    }
    for field, attempt in attempts.items():
        with pytest.raises(ValidationError) as caught:
            attempt()
        assert (caught.value.field, "contains a line break" in caught.value.message) == (field, True)

    note = services.notes.add_new_issue(meeting.id, "Tariffs")
    person = services.people.create_person("Katherine Tai", bio="Trade\nRepresentative")
    participant = services.people.add_participant(meeting.id, person.id)
    item = services.agenda.add(meeting.id, "Opening", outcome="Agreed\nto meet again")
    action = services.actions.add(meeting.id, "Send\nthe draft")
    source = services.notes.add_source(note.id, "Press release")
    later = [
        ("owner", lambda: services.notes.update(note.id, None, owner="Trade\nDesk")),
        ("owner", lambda: services.actions.update(action.id, None, owner="Trade\r\nDesk")),
        ("publisher", lambda: services.notes.update_source(source.id, None, publisher="Bloomberg\nL.P.")),
        ("role", lambda: services.people.update_participant(participant.id, None, role="Head\x85of")),
        ("lead", lambda: services.agenda.update(item.id, None, lead="Tai\nHagiuda")),
        ("title", lambda: services.notes.add_source(note.id, "Press\x0crelease")),
    ]
    for field, attempt in later:
        with pytest.raises(ValidationError) as caught:
            attempt()
        assert (caught.value.field, "contains a line break" in caught.value.message) == (field, True)
    assert services.actions.list(meeting.id)[0].text == "Send\nthe draft"
    assert services.agenda.list(meeting.id)[0].outcome == "Agreed\nto meet again"
    assert services.people.get_person(person.id).bio == "Trade\nRepresentative"
    assert services.notes.get(note.id).owner == "" and services.notes.get(note.id).sources[0].publisher == ""
    assert [m.title for m in services.meetings.list()] == ["Round 1"]


@pytest.mark.parametrize(("place", "where"), [
    (lambda d: d["meetings"][0].__setitem__("title", "Round\n1"), "$.meetings[0].title"),
    (lambda d: d["meetings"][1]["notes"][0]["sources"][0].__setitem__("publisher", "Bloomberg\r\nL.P."),
     "$.meetings[1].notes[0].sources[0].publisher"),
    (lambda d: d["meetings"][1]["agenda"][1].__setitem__("lead", "Tai\u2028Hagiuda"),
     "$.meetings[1].agenda[1].lead"),
    (lambda d: d["people"][0].__setitem__("organization", "USTR\x85DC"), "$.people[0].organization"),
    (lambda d: d["meetings"][1]["participants"][0].__setitem__("role", "Head of\ndelegation"),
     "$.meetings[1].participants[0].role"),
], ids=["meeting-title", "source-publisher", "agenda-lead", "person-organization", "participant-role"])
def test_import_refuses_a_line_break_in_a_single_line_field_with_its_path(services, place, where):
    doc = sample_document()
    place(doc)
    before = dump_store(services.db)
    with pytest.raises(InterchangeError) as caught:
        import_document(services.db, doc)
    assert caught.value.field == where
    assert "contains a line break" in caught.value.message
    assert "\n" not in str(caught.value) and "\r" not in str(caught.value)
    assert dump_store(services.db) == before


def test_the_import_command_refuses_a_line_break_on_one_line_and_changes_nothing(tmp_path):
    db = tmp_path / "cli.db"

    def main(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, str(ROOT / "main.py"), "--db", str(db), *args],
                              capture_output=True, text=True, cwd=ROOT, timeout=120)

    assert main("sample").returncode == 0
    doc = sample_document()
    doc["meetings"][1]["notes"][0]["owner"] = "Trade\nDesk"
    path = tmp_path / "owner.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    before = main("dump", "-o", "-").stdout
    out = main("import", str(path))
    assert out.returncode != 0
    assert len(out.stderr.strip().splitlines()) == 1, out.stderr
    assert "$.meetings[1].notes[0].owner: contains a line break (LF, at position 6)" in out.stderr
    assert "Traceback" not in out.stderr
    assert json.loads(main("dump", "-o", "-").stdout)["meetings"] == json.loads(before)["meetings"]
