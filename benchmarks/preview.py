"""Book preview: from the last keystroke to the refreshed pane, and typing while the book builds.

On a generated meeting whose book runs to about 30 pages (``bookgen``, 8
papers), the real main window with View → Book preview shown:

- **last keystroke → refreshed preview**: a burst of typing in the Overview's
  objectives (a word a key, 60 ms between keys), then nothing; the time from
  the last key to the moment the pane shows a book that holds the burst's
  last word. ``BURSTS`` bursts; median and worst.
- **typing while a build runs**: how long each key press takes to handle
  (its event, the editor, the form) with no build running, and while the
  pane rebuilds the book in its worker thread; median, 95th percentile and
  worst of ``KEYS`` keys each. And the event loop's worst lateness meanwhile
  (a 10 ms timer: how much later than asked it fired).

    python -m benchmarks preview          (runs offscreen unless DISPLAY is set)
    python -m benchmarks preview after-edit
                                          (the ~300-page book after one edit: the preview's
                                           and the export's time beside a full rebuild;
                                           ``book_session``)
    python -m benchmarks preview window-steps
                                          (that book in the window after one edit, step by
                                           step: the write, reading the brief, the build,
                                           QtPdf reading the book, the swap; ``window_steps``)
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.qt_wait import wait_until

ROOT = Path(__file__).resolve().parents[1]
PAPERS = 8
BURSTS = 6
KEYS = 120
KEY_GAP_MS = 60
GOAL_S = 1.0


def _window(tmp: Path):
    from PySide6.QtCore import QSettings

    from benchmarks.bookgen import populate
    from briefing.config import Config
    from briefing.services import Services
    from ui.app import build_window, make_application

    app = make_application([sys.argv[0]])
    services = Services.open(f"sqlite:///{tmp / 'preview.db'}", Config())
    populate(services, PAPERS)
    window = build_window(services, QSettings(str(tmp / "settings.ini"), QSettings.Format.IniFormat))
    window.resize(1500, 900)
    window.show()
    return app, services, window


def _preview_text(dock) -> str:
    preview = dock.preview
    return " ".join(" ".join(preview.page_text(p).split()) for p in range(preview.page_count()))


def _press(app, editor, char: str) -> float:
    """Type one character as a key event; the seconds its handling took."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    started = time.perf_counter()
    if char == " ":
        QTest.keyClick(editor, Qt.Key.Key_Space)
    else:
        QTest.keyClicks(editor, char)
    app.processEvents()
    return time.perf_counter() - started


def _idle(app, ms: int) -> None:
    end = time.perf_counter() + ms / 1000
    while time.perf_counter() < end:
        app.processEvents()
        time.sleep(0.002)


def refresh_after_typing(app, window, dock) -> list[float]:
    """Seconds from each burst's last key to a pane showing that burst's last word."""
    editor = window.workspace.panel("Overview").objectives.editor
    editor.setFocus()
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    refreshed: list[float] = []
    dock.sig_refreshed.connect(lambda _pages: refreshed.append(time.perf_counter()))
    out = []
    for burst in range(BURSTS):
        word = f" round{burst}marker"
        for char in word:
            _press(app, editor, char)
            _idle(app, KEY_GAP_MS)
        last_key = time.perf_counter()
        while True:  # the text of each refresh is read once, outside the time measured
            refreshed.clear()
            wait_until(app, lambda: bool(refreshed))
            if word.strip() in _preview_text(dock):
                break
        out.append(refreshed[0] - last_key)
        _idle(app, 300)
    return out


def typing_latency(app, window, dock, building: bool) -> tuple[list[float], float]:
    """Per-key handling times (s), and the event loop's worst lateness (s), with or without builds."""
    from PySide6.QtCore import QTimer

    editor = window.workspace.panel("Overview").objectives.editor
    editor.setFocus()
    late = [0.0]
    last = [time.perf_counter()]

    def tick() -> None:
        now = time.perf_counter()
        late[0] = max(late[0], now - last[0] - 0.010)
        last[0] = now

    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(tick)
    times = []
    builds = dock.builder.builds
    timer.start()
    last[0] = time.perf_counter()
    for n in range(KEYS):
        if building and not dock.builder.busy:
            dock.rebuild()  # keep a build running the whole time
        times.append(_press(app, editor, "abcdefghij "[n % 11]))
        _idle(app, 30)
    timer.stop()
    if building:
        assert dock.builder.builds > builds
    return times, late[0]


def _summary(times: list[float]) -> str:
    ordered = sorted(times)
    p95 = ordered[int(len(ordered) * 0.95) - 1]
    return (f"median {statistics.median(ordered) * 1000:.1f} ms, p95 {p95 * 1000:.1f} ms, "
            f"worst {ordered[-1] * 1000:.1f} ms")


#: Edits timed by ``window-steps``.
STEP_EDITS = 9


def _timing(steps: dict[str, list[tuple[float, float]]], name: str, function):
    """``function`` noting each call's wall and thread processor seconds under ``name``."""
    def timed(*args, **kwargs):
        wall, cpu = time.perf_counter(), time.thread_time()
        try:
            return function(*args, **kwargs)
        finally:
            steps.setdefault(name, []).append((time.perf_counter() - wall, time.thread_time() - cpu))
    return timed


def window_steps(edits: int = STEP_EDITS) -> None:
    """Write → refreshed pane in the real window on the ~300-page book (``book_session``'s
    meeting), step by step: each step's wall and processor time (of the thread it runs in)."""
    if not os.environ.get("DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QSettings

    import briefing.pdf
    import ui.book.loaded_book
    from benchmarks.book_session import PAPERS
    from benchmarks.bookgen import populate
    from briefing.brief.load import BriefService
    from briefing.config import Config
    from briefing.services import Services
    from ui.app import build_window, make_application
    from ui.book.preview import BookPreview

    steps: dict[str, list[tuple[float, float]]] = {}
    briefing.pdf.render_pdf = _timing(steps, "build", briefing.pdf.render_pdf)
    ui.book.loaded_book.load_book = _timing(steps, "QtPdf read", ui.book.loaded_book.load_book)
    BriefService.load = _timing(steps, "brief read", BriefService.load)
    BookPreview.show_book = _timing(steps, "swap", BookPreview.show_book)
    with tempfile.TemporaryDirectory() as folder:
        app = make_application([sys.argv[0]])
        services = Services.open(f"sqlite:///{Path(folder) / 'window.db'}", Config())
        meeting_id = populate(services, PAPERS)
        window = build_window(services, QSettings(str(Path(folder) / "settings.ini"),
                                                  QSettings.Format.IniFormat))
        window.resize(1500, 900)
        window.show()
        try:
            window.open_meeting(meeting_id)
            window.window_actions.book_preview.setChecked(True)
            dock = window.book_preview
            wait_until(app, lambda: dock.preview.page_count() > 0, seconds=600)
            wait_until(app, lambda: not dock.builder.busy, seconds=600)
            refreshed: list[float] = []
            dock.sig_refreshed.connect(lambda _pages: refreshed.append(time.perf_counter()))
            kept: dict[str, list[tuple[float, float]]] = {}
            for n in range(edits):
                note = services.briefs.load(meeting_id).notes[(n * 23 + 7) % PAPERS]
                steps.clear()
                refreshed.clear()
                wall, cpu = time.perf_counter(), time.process_time()
                services.notes.update(note.id, note.version,
                                      talking_points=note.talking_points + f" typed{n}")
                steps["write"] = [(time.perf_counter() - wall, time.process_time() - cpu)]
                window.ctx.events.sig_notes_changed.emit(meeting_id)
                wait_until(app, lambda: bool(refreshed), seconds=120)
                steps["write → refreshed pane"] = [(refreshed[0] - wall, time.process_time() - cpu)]
                wait_until(app, lambda: not dock.builder.busy, seconds=120)
                for name, times in steps.items():
                    kept.setdefault(name, []).append((sum(w for w, _ in times), sum(c for _, c in times)))
            print(f"in the window, {dock.preview.page_count()} pages, {edits} edits "
                  f"(wall median (worst) / processor median, ms; the total's processor: every thread):")
            for name, times in kept.items():
                walls = [w for w, _ in times]
                print(f"  {name:24s} {statistics.median(walls) * 1000:6.0f} ({max(walls) * 1000:.0f})"
                      f" / {statistics.median(c for _, c in times) * 1000:.0f}")
            print(f"({os.cpu_count()} CPUs; load average {os.getloadavg()[0]:.2f} at the end; "
                  f"platform {app.platformName()})")
        finally:
            window.close()
            services.close()


def main(argv: list[str]) -> int:
    if argv[:1] == ["after-edit"]:
        from benchmarks import book_session

        return book_session.main(argv[1:])
    if argv[:1] == ["window-steps"]:
        sys.path.insert(0, str(ROOT))
        window_steps()
        return 0
    if not os.environ.get("DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sys.path.insert(0, str(ROOT))
    with tempfile.TemporaryDirectory() as folder:
        app, services, window = _window(Path(folder))
        try:
            window.window_actions.book_preview.setChecked(True)
            dock = window.book_preview
            first = wait_until(app, lambda: dock.preview.page_count() > 0)
            pages = dock.preview.page_count()
            print(f"book: {pages} pages; first preview {first:.2f} s after the pane opened "
                  f"(fonts registered on first use)")
            refresh = refresh_after_typing(app, window, dock)
            print(f"last keystroke → refreshed preview: median {statistics.median(refresh):.2f} s, "
                  f"worst {max(refresh):.2f} s over {BURSTS} bursts (goal: within {GOAL_S:.0f} s; "
                  f"typing pause while the pane shows: {window.ctx.autosave_ms} ms)")
            wait_until(app, lambda: not dock.builder.busy)
            idle, idle_late = typing_latency(app, window, dock, building=False)
            busy, busy_late = typing_latency(app, window, dock, building=True)
            print(f"key handling, no build running:    {_summary(idle)}; event loop late by "
                  f"{idle_late * 1000:.0f} ms at worst")
            print(f"key handling, a build running:     {_summary(busy)}; event loop late by "
                  f"{busy_late * 1000:.0f} ms at worst")
            print(f"({os.cpu_count()} CPUs; load average {os.getloadavg()[0]:.2f} at the end; "
                  f"platform {app.platformName()})")
        finally:
            window.close()
            services.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
