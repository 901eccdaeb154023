"""Start-up: a store that cannot be opened is named in the one dialog allowed; the first paint stays lean."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtWidgets import QMessageBox

from ui.app import open_services

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
QApplication.processEvents()
heavy = sorted({m.split(".")[0] for m in sys.modules} & {"alembic", "reportlab", "markdown_it", "pikepdf"})
print(json.dumps({"title": window.windowTitle(), "heavy": heavy}))
"""


def test_the_first_paint_imports_no_alembic_reportlab_or_markdown_parser(sample, db_url, tmp_path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    out = subprocess.run([sys.executable, "-c", PROBE, db_url, str(tmp_path / "s.ini")], cwd=ROOT,
                         env=env, capture_output=True, text=True, timeout=60, check=True).stdout
    result = json.loads(out.strip().splitlines()[-1])
    assert result["title"] == "Briefbook — US–Japan Partnership on Trade — Round 1"
    assert result["heavy"] == []
