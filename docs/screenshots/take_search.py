"""Screenshots of search, history and rounds: the real window on a fresh copy of the sample.

    xvfb-run -a -s "-screen 0 1600x1000x24" .venv/bin/python docs/screenshots/take_search.py [OUT] [SCENE ...]

Scenes: ``search`` (Ctrl+K with results; the README's ``search.png``), ``jump`` (a
result opened: the match selected in its note), ``find`` (Ctrl+F in a note),
``history`` (a note's history with a diff), ``timeline`` (an issue across the
rounds), ``changes`` (what changed since the last round); for the last three the sample's
Round 1 is first carried forward to a Round 2 and edited. The screen is grabbed
where the main window is, so the popup and the windows over it are in the picture.
Writes ``OUT/<scene>.png`` (default OUT: ``docs/screenshots``).
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from PySide6.QtCore import QSettings, Qt  # noqa: E402
from PySide6.QtGui import QGuiApplication  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402

from briefing.config import Config  # noqa: E402
from briefing.interchange.sample import load_sample  # noqa: E402
from briefing.services import Services  # noqa: E402
from ui.app import build_window, make_application  # noqa: E402

HERE = Path(__file__).parent
SCENES = ("search", "jump", "find", "history", "timeline", "changes")


def settle(app, rounds: int = 20) -> None:
    for _ in range(rounds):
        app.processEvents()
        QTest.qWait(20)


def notes(window):
    tabs = window.workspace.tabs
    tabs.setCurrentIndex([tabs.tabText(i).replace("&", "") for i in range(tabs.count())].index("Issue notes"))
    return window.workspace.panel("Issue notes")


def prepare(services: Services) -> None:
    """Round 2 of the sample (carried forward, then edited) so that rounds and history have something."""
    round1 = services.meetings.resolve("US–Japan Partnership on Trade — Round 1")
    round2 = services.rounds.carry_forward(round1.id)
    note = services.notes.list_full(round2.id)[0]
    note = services.notes.update(note.id, note.version, their_position=note.their_position.replace(
        "Japan", "Tokyo", 1) + "\n\nNew in Round 2: METI now links any quota to the 232 duties.")
    services.notes.update(note.id, note.version, priority="high",
                          red_lines="- No quota below 2017 volumes\n- Nothing on rice")


def scene(app, window, name: str, out: Path) -> None:
    if name in ("search", "jump"):
        window.show_search()
        popup = window.search_popup
        QTest.keyClicks(popup.field, "steel capacity")
        popup.runner.start_now()
        settle(app)
        if name == "jump":
            QTest.keyClick(popup.field, Qt.Key.Key_Down)
            QTest.keyClick(popup.field, Qt.Key.Key_Return)
            settle(app)
    elif name == "find":
        panel = notes(window)
        settle(app)
        panel.editor.find_in_note()
        QTest.keyClicks(panel.editor.find_bar.field, "steel")
        QTest.keyClick(panel.editor.find_bar.field, Qt.Key.Key_Return)
        settle(app)
    elif name in ("history", "timeline"):
        panel = notes(window)
        settle(app)
        (panel.editor.show_history if name == "history" else panel.editor.show_timeline)()
        view = panel.editor.windows[name]
        view.move(window.x() + 120, window.y() + 80)
        if name == "history":
            view.select_row(view.model.rowCount() - 1)
        settle(app)
    elif name == "changes":
        window.window_actions.round_changes.trigger()
        settle(app)
    area = window.frameGeometry()  # the popup and the side windows lie over the main window
    QGuiApplication.primaryScreen().grabWindow(0, area.x(), area.y(), area.width(), area.height()).save(
        str(out / f"{name}.png"))
    print(out / f"{name}.png")
    for widget in app.topLevelWidgets():
        if widget is not window and widget.isVisible():
            widget.close()
    settle(app, 5)


def main(argv: list[str]) -> None:
    out = Path(argv[0]) if argv and argv[0] not in SCENES else HERE
    names = [a for a in argv if a in SCENES] or ["search"]
    app = make_application(sys.argv[:1])
    with tempfile.TemporaryDirectory() as tmp:
        services = Services.open(f"sqlite:///{tmp}/sample.db", Config(home_timezone="America/New_York"))
        load_sample(services.db, services.config)
        if set(names) & {"history", "timeline", "changes"}:
            prepare(services)
        for name in names:
            window = build_window(services, QSettings(f"{tmp}/settings.ini", QSettings.Format.IniFormat))
            window.resize(1400, 860)
            window.move(0, 0)
            window.show()
            settle(app)
            scene(app, window, name, out)
            window.close()
        services.close()


if __name__ == "__main__":
    main(sys.argv[1:])
