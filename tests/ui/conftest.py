"""GUI fixtures: the real main window on a temp database, with a temp QSettings INI file.

``open_window()`` builds a window like the app does (its own services, context
and settings file); call it again after closing one to "restart" on the same
database. Autosave waits a minute unless a test asks for less, so tests decide
when typed text is written (focus out, flush, close) unless they test the pause.

A ``QMessageBox`` shown with ``exec()`` that no test answered fails the test
(offscreen, nobody could click it: it would hang); answer with ``answer_box``.
At the end, windows still open close as a signal would close them, without questions.
Settings are read from and written to a temp config folder, never the user's.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMessageBox

from briefing.config import Config
from briefing.interchange.sample import load_sample
from briefing.services import Services

LONG_PAUSE_MS = 60_000


@pytest.fixture(autouse=True)
def unanswered_boxes_fail(monkeypatch):
    def unanswered(box):
        raise AssertionError(f"a question nobody answered: {box.text()} {box.informativeText()}")

    monkeypatch.setattr(QMessageBox, "exec", unanswered)


@pytest.fixture(autouse=True)
def config_dir(tmp_path, monkeypatch):
    """The folder ``briefbook.json`` is read from and written to in this test."""
    folder = tmp_path / "config"
    monkeypatch.setenv("BRIEFBOOK_CONFIG_DIR", str(folder))
    return folder


def answer_box(monkeypatch, button_text: str) -> list[dict]:
    """Answer every ``QMessageBox.exec()`` by clicking the button labelled ``button_text``
    (without its ``&``); returns what each box showed: title, text, informative text, buttons."""
    asked: list[dict] = []

    def answer(box):
        buttons = {b.text().replace("&", ""): b for b in box.buttons()}
        asked.append({"title": box.windowTitle(), "text": box.text(),
                      "informative": box.informativeText(), "buttons": sorted(buttons)})
        buttons[button_text].click()
        return box.standardButton(buttons[button_text])

    monkeypatch.setattr(QMessageBox, "exec", answer)
    return asked


#: The sample's meeting the ``window`` fixture opens.
SAMPLE_ROUND_1 = "US–Japan Partnership on Trade — Round 1"


@pytest.fixture
def settings_file(tmp_path):
    return str(tmp_path / "briefbook-settings.ini")


@pytest.fixture
def open_window(qtbot, db_url, settings_file):
    from ui.app import build_window

    opened = []

    def open_(*, sample: bool = False, autosave_ms: int = LONG_PAUSE_MS):
        services = Services.open(db_url, Config(home_timezone="America/New_York"))
        if sample:
            load_sample(services.db, services.config)
        settings = QSettings(settings_file, QSettings.Format.IniFormat)
        window = build_window(services, settings, autosave_ms=autosave_ms)
        # closed at the end as a signal would close it: without questions
        qtbot.addWidget(window, before_close_func=lambda w: setattr(w, "ask_on_close", False))
        window.show()
        qtbot.waitExposed(window)
        window.activateWindow()  # as the window manager does: focus goes somewhere
        qtbot.waitUntil(window.isActiveWindow)
        opened.append((window, services))
        return window

    yield open_
    for window, services in opened:
        if window.isVisible():
            window.ask_on_close = False
            window.close()
        services.close()


@pytest.fixture
def window(open_window):
    """The window on a store holding the sample meetings, Round 1 open (at their historical dates the
    window would open on the latest, Round 2; the tests of the tabs were written on Round 1)."""
    window = open_window(sample=True)
    round_1 = window.ctx.services.meetings.resolve(SAMPLE_ROUND_1)
    if window.meeting is None or window.meeting.id != round_1.id:
        window.open_meeting(round_1.id)
    return window


@pytest.fixture
def store(db_url):
    """A second connection to the test database, to check what was really written."""
    services = Services.open(db_url, Config(home_timezone="America/New_York"))
    yield services
    services.close()
