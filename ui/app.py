"""Start the desktop app: QApplication, the store, the main window."""

from __future__ import annotations

import sys


def run(url: str, argv: list[str]) -> int:
    """Open the main window on the store at ``url``; returns the exit code."""
    from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QMessageBox

    from briefing.config import Config
    from briefing.errors import BriefbookError
    from briefing.services import Services

    app = QApplication.instance() or QApplication(argv)
    app.setApplicationName("Briefbook")
    try:
        services = Services.open(url, Config.load())
    except BriefbookError as error:
        QMessageBox.critical(None, "Briefbook cannot open the database", str(error))
        return 2
    from briefing.sample import is_empty, load_sample

    if is_empty(services.db):
        load_sample(services.db, services.config)
    window = QMainWindow()
    meeting_id = services.meetings.pick_initial()
    title = services.meetings.get(meeting_id).title if meeting_id else "no meetings yet"
    window.setWindowTitle(f"Briefbook — {title}")
    window.setCentralWidget(QLabel(title))
    window.resize(1200, 800)
    window.show()
    code = app.exec()
    services.close()
    return code


if __name__ == "__main__":
    sys.exit(run(sys.argv[1], sys.argv))
