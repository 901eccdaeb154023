"""File → Import a Briefbook file… and File → Export everything…: the JSON interchange in the window.

Run in the write lane (what was typed just before is in the exported file; the window never
waits); an import adds the file's meetings all or nothing and opens the first; a bad file is
refused in a message naming the file, its line and the JSON path, and the store is untouched."""

from __future__ import annotations

import json

from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QFileDialog, QMessageBox

from tests.ui.typing import type_into
from tests.ui.write_gate import written


def overview_objectives(window):
    return window.workspace.panel("Overview").objectives.editor


def test_export_everything_writes_what_was_just_typed_and_the_file_imports_elsewhere(
        qtbot, window, store, tmp_path, monkeypatch):
    target = tmp_path / "everything.json"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), JSON))
    editor = overview_objectives(window)
    editor.setFocus()
    editor.moveCursor(QTextCursor.MoveOperation.End)
    type_into(qtbot, editor, " Typed just before <&> 輸出")
    window.window_actions.export_everything.trigger()  # without waiting for the pause
    qtbot.waitUntil(target.exists, timeout=10_000)
    written(qtbot, window)
    doc = json.loads(target.read_text(encoding="utf-8"))
    assert len(doc["meetings"]) == len(store.meetings.list())
    assert any(m["objectives"].endswith(" Typed just before <&> 輸出") for m in doc["meetings"])
    assert window.status.state.text() == f"Wrote {len(doc['meetings'])} meetings to {target}."


JSON = "Briefbook files (*.json);;All files (*)"


def test_a_file_is_imported_and_its_meeting_opened(qtbot, window, store, tmp_path, monkeypatch):
    source = tmp_path / "from a colleague.json"
    source.write_text(json.dumps({"format": "briefbook", "version": 1, "meetings": [
        {"title": "Round 9 <&> 第9回", "starts_at": "2027-01-12T10:00:00+09:00", "timezone": "Asia/Tokyo"}]},
        ensure_ascii=False), encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(source), JSON))
    before = len(store.meetings.list())
    window.window_actions.import_file.trigger()
    qtbot.waitUntil(lambda: window.meeting is not None and window.meeting.title == "Round 9 <&> 第9回",
                    timeout=10_000)
    assert len(store.meetings.list()) == before + 1
    assert window.status.state.text().startswith("Imported 1 meeting; issues: 0 added")


def test_a_bad_file_is_refused_naming_the_file_and_the_line_and_nothing_is_imported(
        qtbot, window, store, tmp_path, monkeypatch):
    source = tmp_path / "broken.json"
    source.write_text('{"format": "briefbook", "version": 1,\n "meetings": [\n  {"title": ""}]}\n',
                      encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(source), JSON))
    said = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *a: said.append((title, text)))
    before = [m.id for m in store.meetings.list()]
    window.window_actions.import_file.trigger()
    qtbot.waitUntil(lambda: said != [], timeout=10_000)
    ((title, text),) = said
    assert title == "Import refused"
    assert str(source) in text and "line 3" in text and "$.meetings[0]" in text
    assert text.endswith("Nothing was imported: the database is as it was.")
    assert [m.id for m in store.meetings.list()] == before
    assert "Traceback" not in text
