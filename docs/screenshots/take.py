"""Take the README's screenshots: the real window on a fresh store holding the sample.

    xvfb-run -a -s "-screen 0 1600x1000x24" .venv/bin/python docs/screenshots/take.py [TAB ...]

Writes ``docs/screenshots/<tab>.png`` for each tab named (default: overview and
agenda), of the window as the user sees it, the sample's Round 1 open (``SHOT_MEETING``
names another, e.g. "US–Japan Partnership on Trade — Round 2").
``QT_SCALE_FACTOR=2`` gives the 200 % rendering.
"""

from __future__ import annotations

import os
import sys
import tempfile
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from PySide6.QtCore import QSettings  # noqa: E402

from briefing.config import Config  # noqa: E402
from briefing.interchange.sample import load_sample  # noqa: E402
from briefing.services import Services  # noqa: E402
from ui.app import build_window, make_application  # noqa: E402

HERE = Path(__file__).parent
SIZE = tuple(int(x) for x in os.environ.get("SHOT_SIZE", "1400x860").split("x"))
#: The day the sample is moved to, as on a first start that day (fixed, so shots are repeatable).
AS_OF = date(2026, 12, 1)
MEETING = os.environ.get("SHOT_MEETING", "US–Japan Partnership on Trade — Round 1")


def main(tabs: list[str]) -> None:
    app = make_application(sys.argv[:1])
    with tempfile.TemporaryDirectory() as tmp:
        services = Services.open(f"sqlite:///{tmp}/sample.db", Config(home_timezone="America/New_York"))
        load_sample(services.db, services.config, as_of=AS_OF)  # as a new user sees it
        window = build_window(services, QSettings(f"{tmp}/settings.ini", QSettings.Format.IniFormat))
        window.resize(*SIZE)
        window.show()
        window.open_meeting(services.meetings.resolve(MEETING).id)
        for name in tabs:
            titles = [window.workspace.tabs.tabText(i).replace("&", "").lower()
                      for i in range(window.workspace.tabs.count())]
            window.workspace.tabs.setCurrentIndex(titles.index(name.replace("-", " ")))
            for _ in range(5):
                app.processEvents()
            out = HERE / f"{name}.png"
            window.grab().save(str(out))
            print(out)
        window.close()
        services.close()


if __name__ == "__main__":
    main(sys.argv[1:] or ["overview", "agenda"])
