"""A refused interchange file names the line to open in an editor, beside the JSON path."""

from __future__ import annotations

import json
import os
import threading

import pytest

from briefing.interchange import InterchangeError, read_json
from briefing.interchange.places import located, offset_of, path_steps

DOC = {"format": "briefbook", "version": 1,
       "issues": [{"slug": "steel", "title": "Steel"}, {"slug": "wto", "title": "WTO", "x y": 1}],
       "meetings": [{"title": "Round 1", "agenda": [{"minutes": 30}, {"minutes": "forty"}]}]}


def line_of(text: str, path: str) -> int:
    return text.count("\n", 0, offset_of(text, path_steps(path))) + 1


def test_a_path_is_read_step_by_step():
    assert path_steps('$.meetings[0].agenda[12]["a \\"b\\""].minutes') == [
        "meetings", 0, "agenda", 12, 'a "b"', "minutes"]
    assert path_steps("$") == []
    assert path_steps("limit") is None


def test_the_line_of_a_member_deep_inside_an_indented_file():
    text = json.dumps(DOC, indent=2)
    lines = text.splitlines()
    at = line_of(text, "$.meetings[0].agenda[1].minutes")
    assert lines[at - 1].strip() == '"minutes": "forty"'
    assert lines[line_of(text, '$.issues[1]["x y"]') - 1].strip() == '"x y": 1'
    assert lines[line_of(text, "$.issues[1]") - 1].strip() == "{"
    assert line_of(text, "$.issues[1]") == line_of(text, "$.issues[1].slug") - 1


def test_a_missing_member_is_placed_at_the_object_that_lacks_it():
    text = json.dumps(DOC, indent=2)
    assert line_of(text, "$.meetings[0].starts_at") == line_of(text, "$.meetings[0]")
    assert line_of(text, "$.meetings[7].title") == line_of(text, "$.meetings")


def test_a_key_given_twice_is_placed_at_its_second_time():
    text = '{"format": "briefbook",\n "version": 1,\n "format": "again"}'
    assert line_of(text, "$.format") == 3


def test_located_puts_file_line_and_column_before_the_path(tmp_path):
    file = tmp_path / "round 1 ラウンド 😀.json"
    file.write_text(json.dumps(DOC, indent=2), encoding="utf-8")
    error = located(InterchangeError("$.meetings[0].agenda[1].minutes", "must be a whole number"), file)
    assert str(error) == (f"{file}, line 23, column 11: $.meetings[0].agenda[1].minutes: "
                          "must be a whole number")


def test_located_names_the_file_alone_when_it_is_gone(tmp_path):
    file = tmp_path / "gone.json"
    error = located(InterchangeError("$.version", "must be 1"), file)
    assert str(error) == f"{file}: $.version: must be 1"


def test_a_file_saved_with_a_byte_order_mark_reads(tmp_path):
    file = tmp_path / "notepad.json"
    file.write_bytes(b"\xef\xbb\xbf" + json.dumps(DOC).encode())
    assert read_json(file) == DOC


@pytest.mark.parametrize("text", ["[" * 3000 + "]" * 3000, '{"a": 1', "nonsense"])
def test_a_text_that_is_not_a_sound_document_gives_no_place_but_no_error(tmp_path, text):
    file = tmp_path / "bad.json"
    file.write_text(text, encoding="utf-8")
    assert str(located(InterchangeError("$[0][1][2].a", "bad"), file)).startswith(str(file))


def test_a_named_pipe_is_not_opened_again_to_find_the_line(tmp_path):
    fifo = tmp_path / "from-a-pipe.json"
    os.mkfifo(fifo)  # opening it to read waits for a writer: one comes and goes after a moment,
    writer = threading.Timer(2, lambda: os.close(os.open(fifo, os.O_RDWR)))  # so none waits for ever
    writer.start()
    try:
        error = located(InterchangeError("$.version", "must be 1"), fifo)
    finally:
        writer.join()
    assert str(error) == f"{fifo}: $.version: must be 1"  # not "line 1, column 1" of an empty read
