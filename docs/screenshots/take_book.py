"""Take the README's screenshots of the book inside the app: the Book preview pane, the export dialog.

    xvfb-run -a -s "-screen 0 1600x1000x24" .venv/bin/python docs/screenshots/take_book.py

Writes ``docs/screenshots/book-preview.png`` (the sample's Round 1 on the
Overview, the pane beside it at the first issue paper) and
``docs/screenshots/export-dialog.png``.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from PySide6.QtCore import QSettings  # noqa: E402

from briefing.config import Config  # noqa: E402
from briefing.interchange.sample import load_sample  # noqa: E402
from briefing.services import Services  # noqa: E402
from ui.app import build_window, make_application  # noqa: E402

HERE = Path(__file__).parent
SIZE = tuple(int(x) for x in os.environ.get("SHOT_SIZE", "1500x900").split("x"))


def wait_for(app, condition, seconds: float = 20) -> None:
    end = time.monotonic() + seconds
    while not condition() and time.monotonic() < end:
        app.processEvents()
        time.sleep(0.01)
    for _ in range(10):
        app.processEvents()


def main() -> None:
    app = make_application(sys.argv[:1])
    with tempfile.TemporaryDirectory() as tmp:
        services = Services.open(f"sqlite:///{tmp}/sample.db", Config(home_timezone="America/New_York"))
        load_sample(services.db, services.config)
        window = build_window(services, QSettings(f"{tmp}/settings.ini", QSettings.Format.IniFormat))
        window.resize(*SIZE)
        window.show()
        window.window_actions.book_preview.setChecked(True)
        dock = window.book_preview
        wait_for(app, lambda: dock.preview.page_count() > 0)
        dock.preview.go_to(5)
        wait_for(app, lambda: False, 1.5)  # the pages render in Qt's own threads
        window.grab().save(str(HERE / "book-preview.png"))
        print(HERE / "book-preview.png")
        window.export_book()
        dialog = window.export_dialog
        wait_for(app, lambda: dialog.preview.page_count() > 0)
        dialog.preview.go_to(3)
        wait_for(app, lambda: False, 1.5)
        dialog.grab().save(str(HERE / "export-dialog.png"))
        print(HERE / "export-dialog.png")
        dialog.close()
        window.close()
        services.close()


if __name__ == "__main__":
    main()
