"""Start-up: the window's first paint does only what it shows (issue 18).

Each check starts Briefbook as a user does (``main.main(["--db", URL])``) in a
fresh process and looks, once the window titled with the meeting has first
painted (as ``benchmarks/probe.py`` times it), at what was imported and built by
then. What is left out here is made when first used: the agenda's records with
the agenda, the meeting commands with New meeting or Delete, a message box when
one is asked, the empty state when there is no meeting, the backups once the
window is up, and the list of every zone on the host when a zone is typed.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).parents[2]

AT_FIRST_PAINT = r"""
import json, os, sys
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QWidget


class FirstPaint(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint and watched.windowTitle().startswith("Briefbook — "):
            # After this paint pass (the window's own paint comes before its children's); this
            # filter, installed last, runs before the app's own "after the first paint" watchers.
            QTimer.singleShot(0, lambda: report(watched))
        return False


def report(window):
    from briefing.times import zones
    from ui.widgets.empty_state import EmptyState

    seen = {
        "title": window.windowTitle(),
        "modules": sorted(sys.modules),
        "zone_folders_listed": zones._meeting_zones.cache_info().currsize > 0,
        "empty_states": len(window.findChildren(EmptyState)),
        "classes_made": sorted(name for module in ("QtCore", "QtGui", "QtWidgets")
                               for name in vars(sys.modules[f"PySide6.{module}"])),
    }
    sys.stdout.write(json.dumps(seen) + "\n")
    sys.stdout.flush()
    os._exit(0)


probe = FirstPaint()
show = QWidget.show


def show_watched(widget):
    if isinstance(widget, QMainWindow):
        widget.installEventFilter(probe)
    show(widget)


QWidget.show = show_watched
app = QApplication(sys.argv[:1])
import main

main.main(["--db", sys.argv[1]])
sys.exit("the window closed before it painted")
"""


def first_paint(db_url: str, tmp_path: Path) -> dict:
    """What a Briefbook started on ``db_url`` had imported and built when its window first painted."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(tmp_path / "config"))
    env.pop("BRIEFBOOK_DB", None)
    out = subprocess.run([sys.executable, "-c", AT_FIRST_PAINT, db_url], cwd=ROOT, env=env,
                         capture_output=True, text=True, timeout=120, check=True).stdout
    return json.loads(out.strip().splitlines()[-1])


def test_the_first_paint_shows_the_meeting_without_what_only_later_actions_need(sample, db_url,
                                                                                 tmp_path):
    seen = first_paint(db_url, tmp_path)
    assert seen["title"] == "Briefbook — US–Japan Partnership on Trade — Round 2"  # the latest
    modules = set(seen["modules"])
    assert {"ui.main_window", "ui.overview.panel", "briefing.meetings.records"} <= modules  # (it looked)
    assert "briefing.agenda.records" not in modules  # the agenda's records: with the agenda
    assert "ui.meetings.commands" not in modules  # New meeting, Delete meeting: when chosen
    assert "briefing.meetings.sample" not in modules  # removing the sample: when asked
    assert "briefing.backups.service" not in modules  # the daily backup: once the window is up
    assert "db.search.searchable" not in modules  # the fields search covers: with search, a ladder edit
    # portions of text and their marks: where a text may hold one (Round 2's objectives do not)
    assert "briefing.markings.portions" not in modules
    # PySide makes a class, and all its enums, when it is first named: none of these is needed
    # to show the meeting (a message box is made when one is asked; the Markdown editors'
    # gutters leave their background to Qt's own fill, where QPainter.fillRect's overloads
    # would name QGradient's; a tooltip, a marking set by hand and a gutter's marks come later;
    # a table cell's editor and a rich-text editor are not on the first screen)
    made = set(seen["classes_made"])
    assert {"QMainWindow", "QLineEdit", "QPlainTextEdit"} <= made  # (it looked)
    assert made.isdisjoint({"QMessageBox", "QGradient", "QPainter", "QTextCursor", "QToolTip",
                            "QTextEdit", "QStyleOptionViewItem"})
    assert seen["empty_states"] == 0  # "No meetings yet": only where there is no meeting


def test_the_overview_knows_the_meetings_zone_without_listing_every_zone_on_the_host(sample, db_url,
                                                                                     tmp_path):
    seen = first_paint(db_url, tmp_path)
    assert seen["title"].startswith("Briefbook — ")
    assert seen["zone_folders_listed"] is False


def test_a_store_without_meetings_still_says_so_and_offers_a_new_meeting(qtbot, open_window):
    window = open_window()
    empty = window.workspace.empty
    assert window.workspace.currentWidget() is empty and empty.isVisible()
    assert empty.headline.text() == "No meetings yet"
    assert empty.button is not None and empty.button.text() == "New meeting"


DAILY_BACKUP = r"""
import os, sys
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QWidget
import ui.app

painted = []


class FirstPaint(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            painted.append(watched)
        return False


probe = FirstPaint()
show = QWidget.show


def show_watched(widget):
    if isinstance(widget, QMainWindow):
        widget.installEventFilter(probe)
    show(widget)


QWidget.show = show_watched
start = ui.app.start_daily_backup


def start_then_close(services, window):
    print("painted before the backup started:", bool(painted), flush=True)
    daily = start(services, window)
    daily.signals.sig_finished.connect(lambda record: (print("taken:", getattr(record, "reason", None),
                                                             flush=True),
                                                       QTimer.singleShot(0, window.close)))
    daily.signals.sig_failed.connect(lambda notice: (print("failed:", notice, flush=True),
                                                     QTimer.singleShot(0, window.close)))
    return daily


ui.app.start_daily_backup = start_then_close
app = QApplication(sys.argv[:1])
import main

sys.exit(main.main(["--db", sys.argv[1]]))
"""


def test_the_app_takes_the_daily_backup_once_its_window_has_painted(services, db_url, tmp_path):
    from briefing.interchange.sample import load_sample

    if not services.backups.available:
        pytest.skip("a PostgreSQL store is backed up by its server, not by the app")
    load_sample(services.db, services.config)  # a new store gets no backup: this start is due one
    assert services.backups.list() == []
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(tmp_path / "config"))
    env.pop("BRIEFBOOK_DB", None)
    said = subprocess.run([sys.executable, "-c", DAILY_BACKUP, db_url], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120, check=True).stdout
    assert "painted before the backup started: True" in said
    assert "taken: daily" in said
    assert [b.reason for b in services.backups.list()] == ["daily"]
