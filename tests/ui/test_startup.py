"""Start-up: a store that cannot be opened is named in the one dialog allowed; the first paint stays lean."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMessageBox

from tests.hidden_damage import damage_unread_pages, scan_problems
from tests.store_files import store_with_sample
from tests.ui.conftest import answer_box
from tests.ui.tabs import show_tab
from tests.ui.test_crash_recovery import leave_a_journal_behind
from ui.app import build_window, open_services
from ui.integrity_check import DAMAGED_TITLE

ROOT = Path(__file__).parents[2]


def test_a_file_that_is_not_a_database_is_named_in_a_dialog(tmp_path, monkeypatch):
    bad = tmp_path / "notes.db"
    bad.write_text("these are my notes, not a database\n" * 100)
    shown = {}
    monkeypatch.setattr(QMessageBox, "critical",
                        lambda parent, title, text: shown.update(title=title, text=text))
    assert open_services(f"sqlite:///{bad}") is None
    assert shown["title"] == "Briefbook cannot open its database"
    assert str(bad) in shown["text"]
    assert bad.read_text().startswith("these are my notes")  # untouched


def test_a_store_from_a_newer_briefbook_is_refused_by_name(tmp_path, monkeypatch, services, db_url):
    with services.db.engine.begin() as connection:
        connection.exec_driver_sql("UPDATE alembic_version SET version_num = '9999'")
    services.close()
    shown = {}
    monkeypatch.setattr(QMessageBox, "critical",
                        lambda parent, title, text: shown.update(title=title, text=text))
    assert open_services(db_url) is None
    assert db_url.removeprefix("sqlite:///") in shown["text"]
    assert "9999" in shown["text"] or "newer" in shown["text"]


PROBE = """
import json, sys
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication
from ui.app import build_window, make_application, open_services
app = make_application([])
services = open_services(sys.argv[1])
window = build_window(services, QSettings(sys.argv[2], QSettings.Format.IniFormat))
window.show()
orm = "db.models" in sys.modules  # declared after the first paint (Services.prepare_models)
QApplication.processEvents()
heavy = sorted({m.split(".")[0] for m in sys.modules} & {"alembic", "reportlab", "markdown_it", "pikepdf"})
print(json.dumps({"title": window.windowTitle(), "heavy": heavy, "orm": orm}))
"""


def test_the_first_paint_imports_no_alembic_reportlab_markdown_parser_or_orm_models(sample, db_url,
                                                                                     tmp_path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    out = subprocess.run([sys.executable, "-c", PROBE, db_url, str(tmp_path / "s.ini")], cwd=ROOT,
                         env=env, capture_output=True, text=True, timeout=60, check=True).stdout
    result = json.loads(out.strip().splitlines()[-1])
    assert result["title"] == "Briefbook — US–Japan Partnership on Trade — Round 2"  # the latest
    assert result["heavy"] == []
    assert result["orm"] is False


KILL = """
import os, signal, sys
from PySide6.QtCore import QSettings, QTimer
from ui.app import build_window, make_application, open_services
from ui.shutdown import QuitCleanly
app = make_application([])
services = open_services(sys.argv[1])
window = build_window(services, QSettings(sys.argv[2], QSettings.Format.IniFormat), autosave_ms=60_000)
quit_cleanly = QuitCleanly(app, window)
window.show()
def type_then_get_killed():
    title = window.workspace.panel("Overview").title
    title.setText("Typed a moment before the kill")
    title.textEdited.emit(title.text())  # pending: the autosave waits a minute
    os.kill(os.getpid(), getattr(signal, sys.argv[3]))
QTimer.singleShot(200, type_then_get_killed)
app.exec()
quit_cleanly.uninstall()
services.close()
"""


def test_sigterm_and_ctrl_c_close_the_window_and_keep_what_was_being_typed(sample, db_url, tmp_path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    for name in ("SIGTERM", "SIGINT"):
        subprocess.run([sys.executable, "-c", KILL, db_url, str(tmp_path / "s.ini"), name], cwd=ROOT,
                       env=env, capture_output=True, timeout=60, check=True)
        meeting = sample.meetings.get(sample.meetings.pick_initial())
        assert meeting.title == "Typed a moment before the kill"
        sample.meetings.update(meeting.id, None, title="Round 1")


LAZY = """
import json, sys
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication
from ui.app import build_window, make_application, open_services
app = make_application([])
services = open_services(sys.argv[1], automatic_backups=False)
window = build_window(services, QSettings(sys.argv[2], QSettings.Format.IniFormat))
window.show()
QApplication.processEvents()
later = ["briefing.search.service", "briefing.rounds.service", "briefing.trash.service",
         "briefing.revisions.diff", "briefing.interchange"]
loaded_at_first_paint = [m for m in later if m in sys.modules]
hits = services.search.search("steel").hits  # each loads when first used
print(json.dumps({"loaded": loaded_at_first_paint, "search": bool(hits),
                  "then": [m for m in later if m in sys.modules]}))
"""


def test_search_rounds_trash_and_word_diffs_load_when_first_used_not_at_start(sample, db_url, tmp_path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    out = subprocess.run([sys.executable, "-c", LAZY, db_url, str(tmp_path / "s.ini")], cwd=ROOT,
                         env=env, capture_output=True, text=True, timeout=60, check=True).stdout
    result = json.loads(out.strip().splitlines()[-1])
    assert result["loaded"] == []
    assert result["search"] is True
    assert result["then"] == ["briefing.search.service"]


def test_a_damaged_store_paints_first_then_says_it_is_damaged_and_refuses_writes(qtbot, tmp_path,
                                                                                settings_file, monkeypatch):
    path = damage_unread_pages(store_with_sample(tmp_path / "damaged.db"))
    services = open_services(f"sqlite:///{path}", automatic_backups=False)
    assert services is not None  # start-up reads nothing damaged: the window opens
    try:
        window = build_window(services, QSettings(settings_file, QSettings.Format.IniFormat))
        qtbot.addWidget(window)
        assert window.bars.bars() == [] and not services.integrity_checked  # nothing scanned yet
        window.show()
        qtbot.waitUntil(lambda: any(b.title.text() == DAMAGED_TITLE for b in window.bars.bars()),
                        timeout=15_000)
        said = next(b for b in window.bars.bars() if b.title.text() == DAMAGED_TITLE).text.text()
        assert str(path) in said and "read-only" in said and "File → Restore from backup…" in said
        overview = show_tab(qtbot, window, "Overview")
        stored = services.meetings.get(window.meeting.id).title
        overview.title.setText("Typed over the damage")
        overview.title.textEdited.emit(overview.title.text())
        overview.flush()
        qtbot.waitUntil(lambda: "damaged" in window.status.state.text(), timeout=5000)
        assert "nothing was written" in window.status.state.text()
        assert services.meetings.get(window.meeting.id).title == stored
        asked = answer_box(monkeypatch, "Discard")  # closing asks about the refused title
        window.close()
        assert len(asked) == 1 and "damaged" in asked[0]["informative"]
    finally:
        services.close()
    assert scan_problems(path)  # still damaged, and nothing more written over it


def test_after_a_crash_a_damaged_store_is_refused_before_it_is_opened_for_writing(tmp_path, monkeypatch):
    path = store_with_sample(tmp_path / "crashed.db")
    leave_a_journal_behind(f"sqlite:///{path}", [])
    damage_unread_pages(path)
    before = path.read_bytes()
    shown = {}
    monkeypatch.setattr(QMessageBox, "critical",
                        lambda parent, title, text: shown.update(title=title, text=text))
    assert open_services(f"sqlite:///{path}") is None
    assert str(path) in shown["text"] and "is damaged" in shown["text"]
    assert path.read_bytes() == before and not path.with_name(f"{path.name}-wal").exists()
