"""Numbered copies benchmark: ``export --copies 20`` of a ~300-page book against one copy.

The goal (issue 11): twenty numbered copies take at most twice the time of one
book, because the book is laid out once and each copy only stamped
(``briefing/pdf/copies.py``). Whole ``main.py export`` processes, ``ROUNDS``
times each, interleaved; the medians of wall and CPU time (user + system: the
steadier figure on a shared machine) and their ratios are printed.

    python -m benchmarks copies [--copies N] [--papers P] [--jobs J]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
from pathlib import Path

from benchmarks.export import ROOT, build_store, timed

ROUNDS = 3
#: The goal: N copies in at most this many times one copy's time.
GOAL = 2.0


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks copies")
    parser.add_argument("--copies", type=int, default=20)
    parser.add_argument("--papers", type=int, default=95, help="issue papers (95: about 300 pages)")
    parser.add_argument("--jobs", type=int, default=1, help="layout processes (as export --jobs)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        store = Path(tmp) / "bench.db"
        meeting_id, _ = build_store(store, args.papers)
        base = [sys.executable, str(ROOT / "main.py"), "--db", str(store), "export", str(meeting_id),
                "--jobs", str(args.jobs)]
        one: list[tuple[float, float, int]] = []
        many: list[tuple[float, float, int]] = []
        for n in range(ROUNDS):
            one.append(timed([*base, "-o", str(Path(tmp) / f"one-{n}.pdf")]))
            many.append(timed([*base, "--copies", str(args.copies), "-o", str(Path(tmp) / f"many-{n}.pdf")]))
        pages = _pages(Path(tmp) / "one-0.pdf")
        wall1, cpu1 = statistics.median(t[0] for t in one), statistics.median(t[1] for t in one)
        walln, cpun = statistics.median(t[0] for t in many), statistics.median(t[1] for t in many)
        print(f"book: {pages} pages; {args.copies} numbered copies; --jobs {args.jobs}; "
              f"median of {ROUNDS}")
        print(f"one copy:    {wall1:6.2f} s wall  {cpu1:6.2f} s CPU  {max(t[2] for t in one)} MB peak")
        print(f"{args.copies} copies:   {walln:6.2f} s wall  {cpun:6.2f} s CPU  "
              f"{max(t[2] for t in many)} MB peak")
        ratio = walln / wall1
        print(f"ratio:       {ratio:6.2f} × wall  {cpun / cpu1:6.2f} × CPU  (goal: at most {GOAL:.0f}×) "
              f"— {'holds' if ratio <= GOAL else 'MISSED'}")
    return 0 if ratio <= GOAL else 1


def _pages(path: Path) -> int:
    import pikepdf

    with pikepdf.open(path) as pdf:
        return len(pdf.pages)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
