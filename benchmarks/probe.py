"""A child process for the start-up benchmark: starts the app (or the floor) and reports its first paint.

    python -m benchmarks.probe app   DB   # Briefbook itself (main.main), on DB
    python -m benchmarks.probe floor DB   # PySide6 + SQLAlchemy ORM, one query, an empty QMainWindow
    python -m benchmarks.probe domain DB  # the floor, but through Briefbook's services (no GUI of ours)

Both print ``shown <title>`` on stdout as soon as a main window whose title is
``Briefbook — <something>`` has painted, then exit at once. The parent times
from before it starts the process until it reads that line.

The probe watches main windows only, from the moment they are shown
(``QWidget.show`` is wrapped to put the event filter on each main window). An
event filter on the whole application would make PySide6 hand every event of
every widget to Python, wrapping each widget and event in its Python type: CPU
time that no user pays and that grows with the number of widgets (28 Nov 2026,
sample store, medians of 9 interleaved runs: app 800 -> 761 ms with this probe,
floor 491 -> 487 ms).
"""

from __future__ import annotations

import os
import sys

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QWidget

PREFIX = "Briefbook — "


class FirstPaint(QObject):
    """Reports once a titled main window has painted (after the paint pass completes)."""

    def watch_main_windows(self) -> None:
        """Filter the events of every main window shown from now on (and of nothing else)."""
        show = QWidget.show

        def show_watched(widget: QWidget) -> None:
            if isinstance(widget, QMainWindow):
                widget.installEventFilter(self)
            show(widget)

        QWidget.show = show_watched

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and isinstance(watched, QMainWindow) \
                and watched.windowTitle().startswith(PREFIX):
            QTimer.singleShot(0, lambda: self.report(watched.windowTitle()))
        return False

    @staticmethod
    def report(title: str) -> None:
        sys.stdout.write(f"shown {title}\n")
        sys.stdout.flush()
        os._exit(0)


def floor(db: str) -> None:
    """The least any PySide6 + SQLAlchemy ORM app must do to show a window with a title."""
    from sqlalchemy import create_engine, text
    from sqlalchemy.orm import Session

    engine = create_engine(f"sqlite:///{db}")
    with Session(engine) as session:
        title = session.execute(text("SELECT title FROM meetings ORDER BY starts_at LIMIT 1")).scalar()
    window = QMainWindow()
    window.setWindowTitle(PREFIX + str(title))
    window.resize(1280, 820)
    window.show()
    QApplication.instance().exec()


def domain(db: str) -> None:
    """The floor with Briefbook's store and services instead of a bare query: what the GUI adds
    on top of this is the GUI's own cost.

    The store is opened as the app opens it (``ui.app.open_services``): the crash-recovery
    session started, the page scan and the daily backup left until after the first paint.
    Until 2 Dec 2026 this probe scanned every page before its paint, which the app no longer
    does: on the 1,000-meeting store that scan alone costs 155-175 ms of CPU (6 ms on the
    sample; ``db.probe.probe_store_file``, load average 4), which is why "domain only" was
    ~130 ms slower there than on the sample.
    """
    from briefing.config import Config
    from briefing.services import Services

    services = Services.open(f"sqlite:///{db}", Config.load(), automatic_backups=False,
                             check_integrity=False, crash_journal=True)
    meeting = services.meetings.get(services.meetings.pick_initial())
    window = QMainWindow()
    window.setWindowTitle(PREFIX + meeting.title)
    window.resize(1280, 820)
    window.show()
    QApplication.instance().exec()


def app(db: str) -> None:
    """Briefbook as ``main.py --db DB`` starts it."""
    import main

    main.main(["--db", db])


if __name__ == "__main__":
    mode, database = sys.argv[1], sys.argv[2]
    application = QApplication(sys.argv[:1])
    probe = FirstPaint()
    probe.watch_main_windows()
    {"app": app, "domain": domain, "floor": floor}[mode](database)
    sys.exit("the window closed before it painted")
