"""Screenshots of issue 13: the Q&A bank window and a note's Q&A entries, on a fresh copy of the sample.

    xvfb-run -a -s "-screen 0 1600x1000x24" .venv/bin/python docs/screenshots/take_qa.py [OUT] [SCENE ...]

Scenes: ``qa-bank`` (Edit → Q&A bank… over Round 1's Section 232 note; the README's
``qa-bank.png``), ``qa-note`` (that note scrolled to its entries, with its tier), ``scenario``
(the Agenda tab with the first item's scenario below the table). Writes ``OUT/<scene>.png``
(default OUT: ``docs/screenshots``).
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from PySide6.QtCore import QSettings  # noqa: E402
from PySide6.QtGui import QGuiApplication  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402

from briefing.config import Config  # noqa: E402
from briefing.interchange.sample import load_sample  # noqa: E402
from briefing.services import Services  # noqa: E402
from ui.app import build_window, make_application  # noqa: E402

HERE = Path(__file__).parent
SCENES = ("qa-bank", "qa-note", "scenario")
ROUND_1 = "US–Japan Partnership on Trade — Round 1"
NOTE = "Section 232 tariffs on Japanese steel and aluminum"


def settle(app, rounds: int = 20) -> None:
    for _ in range(rounds):
        app.processEvents()
        QTest.qWait(20)


def open_note(window):
    window.open_meeting(window.ctx.services.meetings.resolve(ROUND_1).id)
    tabs = window.workspace.tabs
    tabs.setCurrentIndex([tabs.tabText(i).replace("&", "") for i in range(tabs.count())].index("Issue notes"))
    panel = window.workspace.panel("Issue notes")
    row = next(r for r in range(panel.model.rowCount()) if panel.model.summary(r).issue_title == NOTE)
    panel.view.setCurrentIndex(panel.model.index(row, 0))
    return panel.editor


def scene(app, window, name: str, out: Path) -> None:
    editor = open_note(window)
    settle(app)
    if name == "qa-bank":
        bank = window.show_qa_bank()
        bank.move(window.x() + 160, window.y() + 120)
        settle(app)
        bank.issue.setCurrentIndex(0)
        bank.view.selectRow(1)
    elif name == "qa-note":
        editor.scroll.ensureWidgetVisible(editor.qa_list)
    else:
        tabs = window.workspace.tabs
        tabs.setCurrentIndex([tabs.tabText(i).replace("&", "") for i in range(tabs.count())].index("Agenda"))
        window.workspace.panel("Agenda").view.selectRow(0)
    settle(app)
    area = window.frameGeometry()
    QGuiApplication.primaryScreen().grabWindow(0, area.x(), area.y(), area.width(), area.height()).save(
        str(out / f"{name}.png"))
    print(out / f"{name}.png")
    for widget in app.topLevelWidgets():
        if widget is not window and widget.isVisible():
            widget.close()
    settle(app, 5)


def main(argv: list[str]) -> None:
    out = Path(argv[0]) if argv and argv[0] not in SCENES else HERE
    names = [a for a in argv if a in SCENES] or ["qa-bank"]
    app = make_application(sys.argv[:1])
    with tempfile.TemporaryDirectory() as tmp:
        services = Services.open(f"sqlite:///{tmp}/sample.db", Config(home_timezone="America/New_York"))
        load_sample(services.db, services.config)
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
