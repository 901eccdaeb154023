"""As-you-type search in the window: from a keystroke to the results listed and painted.

    python -m benchmarks search_gui [--notes N] [--queries N]

The store and the query mix are those of ``benchmarks/search.py`` (100,000 issue
notes; rare, middling and common words, two words, Japanese, a three-letter
prefix), built once and cached under ``benchmarks/out/``. The real window is
opened on a copy of it (offscreen unless ``DISPLAY`` is set), Ctrl+K's popup
shown, and for each query the text but its last character is put in the field,
then the last key is pressed. The time runs from that key press until the
popup's results list holds the new results and has repainted. The typing pause
(``ui.search.runner.DEBOUNCE_MS``) is left out: the pending search is started
as the key is handled, as the pause's timer would start it. Each query is timed
``REPEAT`` times after one warm-up; in the same run and process the service call
alone (``SearchService.search``, on the GUI thread) is timed the same way, so
that the GUI's own cost (the worker thread's hand-over, the model, the paint)
shows as the difference.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

from benchmarks import search as search_benchmark
from benchmarks import search_corpus as corpus

REPEAT = 3


def keystroke_to_results(app, popup, text: str) -> float:
    """Seconds from the last key of ``text`` to the results listed and painted.

    The GUI thread waits in an event loop, as the app's does (a busy loop would
    take the interpreter from the search worker and slow it down)."""
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtTest import QTest

    popup.field.blockSignals(True)
    popup.field.setText(text[:-1])
    popup.field.blockSignals(False)
    loop = QEventLoop()
    connection = popup.model.modelReset.connect(loop.quit)
    QTimer.singleShot(10_000, loop.quit)
    started = time.perf_counter()
    QTest.keyClicks(popup.field, text[-1])  # (every query of the mix ends in ASCII)
    popup.runner.start_now()  # the typing pause, left out
    loop.exec()
    popup.view.viewport().repaint()
    elapsed = time.perf_counter() - started
    popup.model.modelReset.disconnect(connection)
    if popup.runner.waiting:
        raise TimeoutError(f"no results for {text!r} in 10 s")
    return elapsed


def service_call(services, text: str) -> float:
    started = time.perf_counter()
    services.search.search(text)
    return time.perf_counter() - started


def percentile(values: list[float], share: float) -> float:
    return search_benchmark.percentile(values, share)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks search_gui",
                                     description=__doc__.splitlines()[0])
    parser.add_argument("--notes", type=int, default=corpus.NOTES)
    parser.add_argument("--queries", type=int, default=30, help="queries per class")
    args = parser.parse_args(argv)
    if not os.environ.get("DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    path, meta = search_benchmark.build(args.notes, rebuild=False)

    from PySide6.QtCore import QSettings

    from briefing.config import Config
    from briefing.services import Services
    from ui.app import build_window, make_application
    from ui.search.runner import DEBOUNCE_MS

    app = make_application([])
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp) / "store.db"
        shutil.copyfile(path, work)
        services = Services.open(f"sqlite:///{work}", Config(), automatic_backups=False)
        queries = search_benchmark.choose_queries(services.db, args.queries)
        window = build_window(services, QSettings(f"{tmp}/settings.ini", QSettings.Format.IniFormat))
        window.resize(1400, 860)
        window.show()
        app.processEvents()
        started = time.perf_counter()
        window.show_search()
        app.processEvents()
        opened = time.perf_counter() - started
        popup = window.search_popup
        platform = "xcb on " + os.environ["DISPLAY"] if os.environ.get("DISPLAY") else "offscreen"
        print(f"Store: {meta['notes']:,} notes, {meta['index_rows']:,} index rows ({platform}, load average "
              f"{os.getloadavg()[0]:.1f} at the start); typing pause {DEBOUNCE_MS} ms, left out")
        print(f"Opening the search popup the first time (filters filled): {opened * 1000:.0f} ms")
        print("| class | queries | keystroke → results painted p50 / p95 ms | service call p50 / p95 ms "
              "| e.g. |")
        print("|---|---:|---:|---:|---|")
        for name, texts in queries.items():
            if not texts:
                continue
            gui, alone = [], []
            for text in texts:
                keystroke_to_results(app, popup, text)  # warm-up
                for _ in range(REPEAT):
                    gui.append(keystroke_to_results(app, popup, text))
                    alone.append(service_call(services, text))
            examples = ", ".join(f"`{t.strip()}`" for t in texts[:3])
            print(f"| {name} | {len(texts)} | {statistics.median(gui) * 1000:.1f} / "
                  f"{percentile(gui, 0.95) * 1000:.1f} | {statistics.median(alone) * 1000:.1f} / "
                  f"{percentile(alone, 0.95) * 1000:.1f} | {examples} |", flush=True)
        print(f"load average at the end: {os.getloadavg()[0]:.1f}")
        window.close()
        services.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
