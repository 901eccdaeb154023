"""After one edit to a ~300-page book: the preview's and the export's time, beside a full rebuild.

On the export benchmark's generated meeting (``bookgen``, 95 papers, about
340 pages), in one process, as the window builds (``BookSession``, one
layout process, ``ui/book/job``):

- **full rebuild**: the book laid out whole in one process (``render_pdf``
  without a session: what the preview did before, and the session's first
  build);
- **preview after one edit**: a word typed at the end of one paper's talking
  points (its page count unchanged), then the book rebuilt in memory through
  the warm session's preview (``session.preview``: the last book with an
  incremental update appended, ``appended.py``); ``EDITS`` edits to different
  papers, median and worst, and how much each update added to the file. Also
  kanji never printed before (a font subset grows: rewritten in the update) and
  the brief read from the store (the preview reads it before each build);
- **preview after an edit that adds pages**: a long paste into one paper (every
  later page's "Page X of Y" and the contents' numbers change: appended when the
  pages renumbered are at most half the book, else the book is joined whole);
- **export after one edit**: the same, written to a file (``render_pdf`` with the
  session, as the export dialog does after the preview).

- **in the window** (``--window``): the real main window with View → Book preview shown on
  the same meeting; a paper's talking points written as the autosave writes them after the
  typing pause (the service, then the event the window hears), timed until the pane shows the
  rebuilt book (``sig_refreshed``): gathering the write's events (the event loop's next turn),
  reading the brief, the session's build and reading it into a ``QPdfDocument`` in the worker
  thread, swapping the document into the view.

    python -m benchmarks book_session [--window | --window-only]
    python -m benchmarks preview after-edit [--window | --window-only]
"""

from __future__ import annotations

import io
import os
import statistics
import sys
import tempfile
import time
from dataclasses import replace
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PAPERS = 95
EDITS = 5
PREVIEW_GOAL_S = 0.25
EXPORT_GOAL_S = 1.0
PASTE = "The quota review covers steel and aluminum, line by line, against the schedule. " * 120


def _edit(brief, index: int, **changes):
    notes = list(brief.notes)
    notes[index] = replace(notes[index], **changes)
    return replace(brief, notes=tuple(notes))


#: Processor seconds of this process, per figure (the machine is shared: its wall time is not)
CPU: dict[str, list[float]] = {}


def _timed(function, *args, what: str = "", **kwargs) -> tuple[float, object]:
    started, cpu = time.perf_counter(), time.process_time()
    result = function(*args, **kwargs)
    CPU.setdefault(what, []).append(time.process_time() - cpu)
    return time.perf_counter() - started, result


def _cpu(what: str) -> str:
    return f"processor {statistics.median(CPU[what]):.3f} s"


def main(argv: list[str]) -> int:
    sys.path.insert(0, str(ROOT))
    from benchmarks.bookgen import populate
    from briefing.config import Config
    from briefing.markings.ladder import Ladder
    from briefing.pdf import BookOptions, render_pdf
    from briefing.pdf.incremental import BookSession
    from briefing.services import Services

    if "--window-only" in argv:  # the window's figure alone (about a minute less)
        with tempfile.TemporaryDirectory() as folder:
            window_figures(Path(folder))
            print(f"({os.cpu_count()} CPUs; load average {os.getloadavg()[0]:.2f} at the end)")
        return 0
    with tempfile.TemporaryDirectory() as folder:
        services = Services.open(f"sqlite:///{Path(folder) / 'book.db'}", Config())
        try:
            meeting_id = populate(services, PAPERS)
            load, brief = _timed(services.briefs.load, meeting_id)
        finally:
            services.close()
        options = BookOptions(paper="a4", prepared_on=date(2022, 2, 1))
        ladder = Ladder()

        def build(b, session=None, out=None):
            return render_pdf(b, options, out if out is not None else io.BytesIO(), ladder=ladder,
                              session=session)

        shown: list[bytes] = []

        def show(b, session):  # as the preview pane builds: in memory, through session.preview
            out = io.BytesIO()
            result = build(b, session.preview, out)
            appended = bool(shown) and out.getvalue().startswith(shown[-1])
            shown.append(out.getvalue())
            return result, appended

        build(brief)  # fonts registered, modules loaded
        full, result = _timed(build, brief, what="full")
        pages = result.pages
        session = BookSession()
        cold, _ = _timed(show, brief, session, what="cold")
        print(f"book: {pages} pages, {len(brief.notes)} papers; brief read from the store in {load:.2f} s")
        print(f"full rebuild (one process):            {full:.2f} s ({_cpu('full')})")
        print(f"session's first build (every part):    {cold:.2f} s ({_cpu('cold')})")

        typed, grew = [], []
        for n in range(EDITS):
            index = (n * 37 + 11) % len(brief.notes)
            note = brief.notes[index]
            brief = _edit(brief, index, talking_points=note.talking_points + f" word{n}")
            seconds, (result, appended) = _timed(show, brief, session, what="typed")
            assert result.pages == pages and session.stats.parts.count("paper") == 1 and appended
            typed.append(seconds)
            grew.append(len(shown[-1]) - len(shown[-2]))
        stats = session.stats
        print(f"preview after one edit (a word typed): median {statistics.median(typed):.3f} s, "
              f"worst {max(typed):.3f} s over {EDITS} edits ({_cpu('typed')}; goal {PREVIEW_GOAL_S} s; "
              f"{stats.laid_out} parts laid out, {stats.reused} reused, {stats.renumbered} renumbered; "
              f"each update appended {statistics.median(grew) / 1e3:.0f} kB to the "
              f"{len(shown[0]) / 1e6:.2f} MB book)")
        kanji = []
        for n in range(2):
            index = (n * 19 + 2) % len(brief.notes)
            note = brief.notes[index]
            brief = _edit(brief, index, talking_points=note.talking_points + (" 鬱蒼", " 顰蹙")[n])
            seconds, (result, appended) = _timed(show, brief, session, what="kanji")
            kanji.append(seconds)
        print(f"preview after kanji never printed:     median {statistics.median(kanji):.3f} s "
              f"({_cpu('kanji')}; {'appended' if appended else 'joined whole'})")

        grown = []
        for n in range(2):
            index = (n * 41 + 5) % len(brief.notes)
            note = brief.notes[index]
            brief = _edit(brief, index, background=note.background + "\n\n" + PASTE)
            seconds, (result, appended) = _timed(show, brief, session, what="grown")
            grown.append((seconds, appended))
        stats = session.stats
        times = [seconds for seconds, _ in grown]
        print(f"preview after an edit adding pages:    median {statistics.median(times):.3f} s, "
              f"worst {max(times):.3f} s ({_cpu('grown')}; {result.pages} pages; "
              f"{stats.laid_out} parts laid out, {stats.renumbered} renumbered; "
              f"{', '.join('appended' if a else 'joined whole' for _, a in grown)})")

        exported = []
        target = Path(folder) / "book.pdf"
        for n in range(EDITS):
            index = (n * 29 + 3) % len(brief.notes)
            note = brief.notes[index]
            brief = _edit(brief, index, talking_points=note.talking_points + f" export{n}")
            seconds, result = _timed(build, brief, session, target, what="export")
            exported.append(seconds)
        size = target.stat().st_size
        whole = Path(folder) / "whole.pdf"
        build(brief, None, whole)
        print(f"export after one edit (to a file):     median {statistics.median(exported):.3f} s, "
              f"worst {max(exported):.3f} s ({_cpu('export')}; goal {EXPORT_GOAL_S} s; "
              f"{size / 1e6:.2f} MB, a full rebuild's file {whole.stat().st_size / 1e6:.2f} MB)")
        if "--window" in argv:
            window_figures(Path(folder))
        print(f"({os.cpu_count()} CPUs; load average {os.getloadavg()[0]:.2f} at the end)")
    return 0


def window_figures(folder: Path) -> None:
    """Write → refreshed pane in the real window, on a fresh store of the same meeting."""
    if not os.environ.get("DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QSettings

    from benchmarks.bookgen import populate
    from benchmarks.qt_wait import wait_until
    from briefing.config import Config
    from briefing.services import Services
    from ui.app import build_window, make_application
    from ui.book.job import book_session

    app = make_application([sys.argv[0]])
    services = Services.open(f"sqlite:///{folder / 'window.db'}", Config())
    meeting_id = populate(services, PAPERS)
    window = build_window(services, QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat))
    window.resize(1500, 900)
    window.show()
    try:
        window.open_meeting(meeting_id)
        window.window_actions.book_preview.setChecked(True)
        dock = window.book_preview
        first = wait_until(app, lambda: dock.preview.page_count() > 0, seconds=600)
        wait_until(app, lambda: not dock.builder.busy, seconds=600)
        refreshed: list[float] = []
        cpu_at: list[float] = []
        dock.sig_refreshed.connect(lambda _pages: (refreshed.append(time.perf_counter()),
                                                   cpu_at.append(time.process_time())))
        times, cpu = [], []
        for n in range(EDITS):
            note = services.briefs.load(meeting_id).notes[(n * 23 + 7) % PAPERS]
            refreshed.clear()
            cpu_at.clear()
            written, cpu_written = time.perf_counter(), time.process_time()
            services.notes.update(note.id, note.version,
                                  talking_points=note.talking_points + f" typed{n}")
            window.ctx.events.sig_notes_changed.emit(meeting_id)
            wait_until(app, lambda: bool(refreshed), seconds=120)
            times.append(refreshed[0] - written)
            cpu.append(cpu_at[0] - cpu_written)
            wait_until(app, lambda: not dock.builder.busy, seconds=120)
        stats = book_session().stats
        print(f"in the window, write → refreshed pane: median {statistics.median(times):.3f} s, worst "
              f"{max(times):.3f} s over {EDITS} edits (processor {statistics.median(cpu):.3f} s, every "
              f"thread: the write, reading the brief, the build, the swap; "
              f"{dock.preview.page_count()} pages; first "
              f"preview {first:.1f} s; last build: {stats.laid_out} part laid out, {stats.reused} "
              f"reused; platform {app.platformName()})")
    finally:
        window.close()
        services.close()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
