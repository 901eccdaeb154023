"""Start-up: from process start to a painted main window showing a meeting, against a floor.

For each store — the sample, and 1,000 meetings with 20,000 issue notes — it
starts in turn ``python -m benchmarks.probe floor DB`` (PySide6 and SQLAlchemy's
ORM imported, one query, an empty QMainWindow), ``… domain DB`` (the same, but
the query goes through Briefbook's services: the cost of the store and domain
layers) and ``… app DB`` (Briefbook as ``main.py --db DB`` starts it), ``RUNS``
times each, and reports the medians of wall time and of the CPU time each
process used, and the app's ratio to the floor (goal: under 1.3).

Then, in this process, it times switching between the two meetings of 50 notes
each with every tab in front (goal: under 100 ms), from the call that opens the
meeting to the end of the paint it causes.

Runs offscreen unless ``DISPLAY`` is set (e.g. under ``xvfb-run``).

Each probe exits the moment it has painted (``os._exit``), which to the
crash-recovery journal is an unclean exit: the next start would find the dead
session and show the unclean-exit bar. A user's usual start follows a clean
exit, so the session files the probes leave beside the store are removed
before each start (``forget_killed_sessions``).
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.generate import SWITCH_KEYS, big_store, sample_store

RUNS = int(os.environ.get("BRIEFBOOK_BENCH_RUNS", "9"))
SWITCHES = 15
GOAL_RATIO = 1.3
GOAL_SWITCH_MS = 100


def _environment(config_home: str) -> dict[str, str]:
    env = dict(os.environ, XDG_CONFIG_HOME=config_home, PYTHONDONTWRITEBYTECODE="")
    if not env.get("DISPLAY"):
        env["QT_QPA_PLATFORM"] = "offscreen"
    env.pop("BRIEFBOOK_DB", None)
    return env


def forget_killed_sessions(db: Path) -> None:
    """Remove the crash-recovery session files that killed probes left beside ``db``."""
    folder = db.with_name(f".{db.name}.recovery")
    if folder.is_dir():
        for leftover in folder.iterdir():
            leftover.unlink()


def time_start(mode: str, db: Path) -> tuple[float, float]:
    """Wall seconds from spawning the probe to its "shown" line, and the CPU seconds it used.

    The child exits as soon as it has reported, so its CPU time (user + system)
    is what the start cost; unlike wall time it barely moves when other work
    shares the machine.
    """
    forget_killed_sessions(db)
    with tempfile.TemporaryDirectory() as config_home:
        started = time.perf_counter()
        child = subprocess.Popen([sys.executable, "-m", "benchmarks.probe", mode, str(db)],
                                 stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                                 env=_environment(config_home), cwd=Path(__file__).parents[1])
        assert child.stdout is not None
        line = child.stdout.readline().decode()
        elapsed = time.perf_counter() - started
        _pid, _status, usage = os.wait4(child.pid, 0)
        child.returncode = 0
    if not line.startswith("shown Briefbook — "):
        raise RuntimeError(f"{mode} on {db.name} did not show a meeting (got {line!r})")
    return elapsed, usage.ru_utime + usage.ru_stime


def compare(name: str, db: Path) -> dict[str, float]:
    """Median start-up (wall and CPU) of the app, the floor and the domain-only floor, in turn."""
    modes = ("floor", "domain", "app")
    for mode in modes:
        time_start(mode, db)  # warm the file cache
    runs: dict[str, list[tuple[float, float]]] = {mode: [] for mode in modes}
    for _ in range(RUNS):
        for mode in modes:
            runs[mode].append(time_start(mode, db))
    m = {f"{mode} {kind}": statistics.median(r[i] for r in runs[mode]) * 1000
         for mode in modes for i, kind in enumerate(("wall", "cpu"))}
    print(f"{name}:", flush=True)
    for kind in ("wall", "cpu"):
        floor = m[f"floor {kind}"]
        print(f"  {kind:<4}  floor {floor:5.0f} ms   domain only {m[f'domain {kind}']:5.0f} ms "
              f"({m[f'domain {kind}'] / floor:4.2f})   app {m[f'app {kind}']:5.0f} ms "
              f"(ratio {m[f'app {kind}'] / floor:4.2f}, goal < {GOAL_RATIO})", flush=True)
    return m


def switching(db: Path) -> dict[str, float]:
    """Median milliseconds to switch between the two 50-note meetings, per tab in front."""
    if not os.environ.get("DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from briefing.config import Config
    from briefing.services import Services
    from ui.app import build_window, make_application

    app = make_application([])
    services = Services.open(f"sqlite:///{db}", Config())
    ids = [services.meetings.resolve(key).id for key in SWITCH_KEYS]
    results: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as tmp:
        window = build_window(services, QSettings(f"{tmp}/settings.ini", QSettings.Format.IniFormat))
        window.show()
        app.processEvents()
        for index in range(window.workspace.tabs.count()):
            window.workspace.tabs.setCurrentIndex(index)
            times = []
            for n in range(SWITCHES * 2 + 2):
                started = time.perf_counter()
                window.open_meeting(ids[n % 2])
                window.repaint()
                QApplication.processEvents()
                if n >= 2:  # the first visit of each meeting warms caches
                    times.append(time.perf_counter() - started)
            title = window.workspace.tabs.tabText(index).replace("&", "")
            results[title] = statistics.median(times) * 1000
            print(f"switch, {title + ' in front':<24} median {results[title]:5.1f} ms "
                  f"(max {max(times) * 1000:.1f}; goal < {GOAL_SWITCH_MS})", flush=True)
        window.close()
    services.close()
    return results


def main(argv: list[str]) -> int:
    """``python -m benchmarks startup``: both stores, then switching; prints the figures."""
    if argv:
        print(__doc__)
        return 0 if argv[0] in ("-h", "--help") else 2
    platform = "xcb on " + os.environ["DISPLAY"] if os.environ.get("DISPLAY") else "offscreen"
    load = os.getloadavg()[0]
    print(f"Start-up, median of {RUNS} runs each ({platform}, {os.cpu_count()} CPUs, "
          f"load average {load:.1f} at the start)", flush=True)
    compare("sample store", sample_store())
    big = big_store()
    compare("1,000 meetings, 20,000 notes", big)
    switching(big)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
