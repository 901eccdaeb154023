"""A 50-page paste and more into an issue note section: does typing stay responsive?

In the real window on a fresh copy of the sample, with the Issue notes tab in
front, it pastes ``PAGES`` pages of text into the first note's Background, then
times keystrokes at the end of the paste and in its middle (each keystroke from
the key event to the end of the repaint it causes), the write of the note, and
leaving the note for another and coming back. Runs offscreen unless
``DISPLAY`` is set (e.g. under ``xvfb-run``).

Before the window, the same store's service alone (``NoteService.update``, what
an autosave calls, with the search index kept in step by its triggers) saves
the pasted section, then a one-character change to it, then a one-line change
to another section of the same note (``SAVES`` times each; median and slowest).
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time

PAGES = int(os.environ.get("BRIEFBOOK_PASTE_PAGES", "110"))
PAGE = 3000  # characters on a printed page, roughly
KEYS = 40
SAVES = 7


def _paragraphs(pages: int) -> str:
    para = ("Japan's position on the Section 232 measures has not changed since the launch; the "
            "ministry expects a negotiated outcome before the end of the fiscal year. 日米の協議は続く。 ")
    text, n = [], 0
    while sum(map(len, text)) < pages * PAGE:
        n += 1
        text.append(f"{n}. {para * 3}")
    return "\n\n".join(text)


def _keystrokes(app, editor, key_for) -> list[float]:
    from PySide6.QtTest import QTest

    times = []
    for i in range(KEYS):
        started = time.perf_counter()
        QTest.keyClick(editor, key_for(i))
        editor.viewport().repaint()
        app.processEvents()
        times.append(time.perf_counter() - started)
    return times


def _report(label: str, seconds: list[float]) -> None:
    print(f"  {label:<38} median {statistics.median(seconds) * 1000:6.1f} ms   "
          f"slowest {max(seconds) * 1000:6.1f} ms", flush=True)


def _service_saves(services, text: str) -> None:
    """Time the service's writes of a huge section and of a small one beside it."""
    meeting_id = services.meetings.pick_initial()
    note = original = services.notes.list_full(meeting_id)[0]

    def save(**changes) -> float:
        nonlocal note
        started = time.perf_counter()
        note = services.notes.update(note.id, note.version, **changes)
        return time.perf_counter() - started

    _report("service: save the pasted section", [save(background=text)])
    _report("service: one more character in it", [save(background=note.background + str(i % 10))
                                                  for i in range(SAVES)])
    _report("service: a line in another section", [save(red_lines=note.red_lines + f"\n- {i}")
                                                   for i in range(SAVES)])
    services.notes.update(note.id, note.version, background=original.background,
                          red_lines=original.red_lines)  # the window starts from the sample


def main(argv: list[str]) -> int:
    """``python -m benchmarks note_paste``: prints the figures."""
    if argv:
        print(__doc__)
        return 0 if argv[0] in ("-h", "--help") else 2
    if not os.environ.get("DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QSettings, Qt
    from PySide6.QtGui import QGuiApplication

    from briefing.config import Config
    from briefing.interchange.sample import load_sample
    from briefing.services import Services
    from ui.app import build_window, make_application

    app = make_application([])
    text = _paragraphs(PAGES)
    platform = "xcb on " + os.environ["DISPLAY"] if os.environ.get("DISPLAY") else "offscreen"
    print(f"Paste of {len(text):,} characters (~{PAGES} pages) into a note section ({platform}, "
          f"load average {os.getloadavg()[0]:.1f} at the start)", flush=True)
    with tempfile.TemporaryDirectory() as tmp:
        services = Services.open(f"sqlite:///{tmp}/sample.db", Config(), automatic_backups=False)
        load_sample(services.db, services.config)
        _service_saves(services, text)
        services.close()
        services = Services.open(f"sqlite:///{tmp}/sample.db", Config(), automatic_backups=False)
        window = build_window(services, QSettings(f"{tmp}/settings.ini", QSettings.Format.IniFormat))
        window.resize(1400, 860)
        window.show()
        tabs = window.workspace.tabs
        tabs.setCurrentIndex([tabs.tabText(i).replace("&", "") for i in range(tabs.count())]
                             .index("Issue notes"))
        panel = window.workspace.panel("Issue notes")
        app.processEvents()
        editor = panel.editor.sections["background"].editor
        editor.setFocus()
        QGuiApplication.clipboard().setText(text)
        started = time.perf_counter()
        editor.paste()
        window.repaint()
        app.processEvents()
        _report("paste, layout and paint", [time.perf_counter() - started])
        _report("keystroke at the end", _keystrokes(app, editor, lambda i: Qt.Key.Key_A))
        cursor = editor.textCursor()
        cursor.setPosition(len(text) // 2)
        editor.setTextCursor(cursor)
        _report("keystroke in the middle (1 in 10 Enter)", _keystrokes(
            app, editor, lambda i: Qt.Key.Key_Return if i % 10 == 0 else Qt.Key.Key_B))
        started = time.perf_counter()
        panel.flush()
        _report("write of the note (one undo step)", [time.perf_counter() - started])
        written = len(services.notes.get(panel.editor.note.id).background)
        started = time.perf_counter()
        for row in (1, 0):
            panel.view.setCurrentIndex(panel.model.index(row))
            window.repaint()
            app.processEvents()
        _report("to another note and back", [time.perf_counter() - started])
        print(f"  stored: {written:,} characters", flush=True)
        window.close()
        services.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
