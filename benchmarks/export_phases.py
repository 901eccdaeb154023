"""Where one export's time goes, phase by phase, in the parent and in its layout child.

    python -m benchmarks.export_phases STORE MEETING OUT.pdf [--jobs N] [--rounds R]

Runs ``main.py export`` in this process with probes around its phases (reading
the brief, the highest marking, the fork, each process's story and layout, the
wait at the join, the forms, the canvas's save, the wait for the child's file,
the merge and its parts, the final write) and prints, per process, each
phase's wall and processor time and when it began (seconds since the export
started: both processes read the same monotonic clock). A child writes its
probes to a file before it exits. The probes wrap functions; they change
nothing the export does. With ``--rounds`` the export runs that many times,
each in a fresh process (the first one's imports count in every round), and
the table shows each phase's median. The export runs as the command line runs it
(``main.main()`` reading the process's arguments), so the last phase, from the
file written to the process's end, is what a user waits for after the book is
on disk (Python's shutdown, unless the export ends the process itself).
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from functools import wraps
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

#: (process, phase, began, wall, cpu) per probe, this process's.
_probes: list[tuple[str, str, float, float, float]] = []
_who = ["parent"]
_t0 = [0.0]
#: When ``main.main`` began (wall, processor), for a parent that ends inside it (``os._exit``).
_main_began = [0.0, 0.0]


def _record(phase: str, began: float, wall: float, cpu: float) -> None:
    _probes.append((_who[0], phase, began - _t0[0], wall, cpu))


def _timed(phase: str, function: Callable) -> Callable:
    @wraps(function)
    def probe(*args, **kwargs):
        wall, cpu = time.perf_counter(), time.process_time()
        try:
            return function(*args, **kwargs)
        finally:
            _record(phase, wall, time.perf_counter() - wall, time.process_time() - cpu)
    return probe


def install(dump: Path) -> None:
    """Wrap the export's phases with probes; a forked child dumps its probes to ``dump``."""
    import pikepdf
    from reportlab.pdfgen.canvas import Canvas

    from briefing.brief.load import BriefService
    from briefing.pdf import page_fonts, parallel, render, templates

    BriefService.load = _timed("read the brief", BriefService.load)
    render.register_fonts = _timed("fonts, typesetter", render.register_fonts)
    parallel.book_parts = _timed("book parts (weights)", parallel.book_parts)
    parallel.book_highest = _timed("highest marking", parallel.book_highest)
    parallel.build_story = _timed("build story", parallel.build_story)
    parallel.book_template = _timed("book template", parallel.book_template)
    parallel.merge = _timed("merge (all)", parallel.merge)
    parallel._receive = _timed("wait for child message", parallel._receive)
    page_fonts.trim_fonts = _timed("merge: trim fonts", page_fonts.trim_fonts)
    pikepdf.Pdf.save = _timed("merge: save (qpdf)", pikepdf.Pdf.save)
    render.write_atomically = _timed("write the file", render.write_atomically)
    Canvas.save = _timed("canvas save (subsets, write)", Canvas.save)

    real_open = pikepdf.open

    def opened(*args, **kwargs):
        return _timed("merge: open", real_open)(*args, **kwargs)
    pikepdf.open = opened

    real_build = templates.BookTemplate.build
    real_end = templates.BookTemplate._endBuild

    def build(self, *args, **kwargs):
        self._probe_began = (time.perf_counter(), time.process_time())
        return _timed("build (layout, forms, save)", real_build)(self, *args, **kwargs)

    def end_build(self):
        wall, cpu = self._probe_began
        _record("layout", wall, time.perf_counter() - wall, time.process_time() - cpu)
        if self.join is not None:
            self.join = _timed("join (trade page counts)", self.join)
        return _timed("end build (join, forms, save)", real_end)(self)

    templates.BookTemplate.build = build
    templates.BookTemplate._endBuild = end_build

    real_fork, real_exit = os.fork, os._exit

    def fork():
        wall, cpu = time.perf_counter(), time.process_time()
        pid = real_fork()
        if pid == 0:
            _probes.clear()
            _who[0] = "child"
            _record("fork (child side)", wall, time.perf_counter() - wall, 0.0)
        else:
            _record("fork", wall, time.perf_counter() - wall, time.process_time() - cpu)
        return pid

    def exit_(status):
        if _who[0] == "child":
            _record("child total (CPU since fork)", _t0[0], 0.0, time.process_time())
            dump.write_text(json.dumps(_probes))
        else:  # the export ended the process itself once the file was written
            _report(dump)
        real_exit(status)

    os.fork, os._exit = fork, exit_


def one_export(store: str, meeting: str, out: str, jobs: int) -> None:
    """Run one export in this process as the command line does and print its probes as JSON
    (the parent's and the child's, and when the export began on the monotonic clock)."""
    with tempfile.TemporaryDirectory() as tmp:
        dump = Path(tmp) / "child.json"
        _t0[0] = time.perf_counter()
        cpu0 = time.process_time()
        import main as entry

        install(dump)
        _record("imports", _t0[0], time.perf_counter() - _t0[0], time.process_time() - cpu0)
        _main_began[:] = [time.perf_counter(), time.process_time()]
        sys.argv = ["briefbook", "--db", store, "export", meeting, "-o", out, "--paper", "a4",
                    "--jobs", str(jobs)]
        status = entry.main()  # the process's own command line: it may end the process itself
        if status != 0:
            raise SystemExit(status)
        _report(dump)


def _report(dump: Path) -> None:
    """Print the parent's probes, the child's and the clock's start as one JSON line."""
    wall, cpu = _main_began
    _record("main.main (all)", wall, time.perf_counter() - wall, time.process_time() - cpu)
    child = json.loads(dump.read_text()) if dump.exists() else []
    print(json.dumps({"t0": _t0[0], "probes": [list(p) for p in _probes] + child}), flush=True)


def main(argv: list[str]) -> int:
    import argparse

    parser = argparse.ArgumentParser(prog="export_phases")
    parser.add_argument("store")
    parser.add_argument("meeting")
    parser.add_argument("out")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--rounds", type=int, default=1)
    parser.add_argument("--json", action="store_true", help="print one round's probes as JSON")
    args = parser.parse_args(argv)
    if args.json:
        one_export(args.store, args.meeting, args.out, args.jobs)
        return 0
    rounds = []
    load = os.getloadavg()[0]
    for _ in range(args.rounds):
        done = subprocess.run([sys.executable, "-m", "benchmarks.export_phases", args.store, args.meeting,
                               args.out, "--jobs", str(args.jobs), "--json"],
                              cwd=ROOT, capture_output=True, text=True, check=True)
        ended = time.perf_counter()  # the same monotonic clock as the export's probes
        report = json.loads(done.stdout.splitlines()[-1])
        probes = report["probes"]
        written = max(began + wall for who, phase, began, wall, _ in probes
                      if who == "parent" and phase == "write the file")
        probes.append(["parent", "file written → process ended", written,
                       ended - report["t0"] - written, 0.0])
        rounds.append(probes)
    table: dict[tuple[str, str], list[tuple[float, float, float]]] = {}
    order: list[tuple[str, str]] = []
    for probes in rounds:
        seen: dict[tuple[str, str], list[float]] = {}
        for who, phase, began, wall, cpu in probes:
            key = (who, phase)
            if key not in seen:
                seen[key] = [began, 0.0, 0.0]
                if key not in order:
                    order.append(key)
            seen[key][1] += wall
            seen[key][2] += cpu
        for key, (began, wall, cpu) in seen.items():
            table.setdefault(key, []).append((began, wall, cpu))
    print(f"{'process':<7} {'phase':<34} {'begins s':>8} {'wall s':>7} {'CPU s':>7}   "
          f"(median of {args.rounds}; load average {load:.2f} → {os.getloadavg()[0]:.2f})")
    for key in sorted(order, key=lambda k: (k[0] != "parent", statistics.median(
            b for b, _, _ in table[k]))):
        values = table[key]
        print(f"{key[0]:<7} {key[1]:<34} {statistics.median(b for b, _, _ in values):>8.3f} "
              f"{statistics.median(w for _, w, _ in values):>7.3f} "
              f"{statistics.median(c for _, _, c in values):>7.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
