"""Export benchmark: whole-process time of ``main.py export`` on generated ~300- and ~600-page books.

In the same run, a baseline process (``export_baseline``) lays the same
Markdown out with raw ReportLab in one pass; the figures are the export's
time against the baseline's, pages per second, 600 against 300 pages, and
the peak memory (max RSS) of the export process. Each process runs
``ROUNDS`` times, interleaved; the median counts.

    python -m benchmarks export          (or: make bench)
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ROUNDS = 3
#: Issue papers per book: about 3 pages each, plus agenda, participants and actions.
SIZES = (("300 pages", 95), ("600 pages", 190))
#: A typical book for the preview pane: about 30 pages.
PREVIEW_PAPERS = 8


def build_store(path: Path, papers: int) -> tuple[int, Path]:
    """The generated meeting in a fresh store, and the same texts as JSON for the baseline."""
    sys.path.insert(0, str(ROOT))
    from benchmarks.bookgen import populate
    from briefing.config import Config
    from briefing.services import Services
    from briefing.vocabulary import NOTE_SECTIONS

    services = Services.open(f"sqlite:///{path}", Config())
    try:
        meeting_id = populate(services, papers)
        brief = services.briefs.load(meeting_id)
    finally:
        services.close()
    texts = {
        "agenda": [["#", "Venue", "Home", "Min", "Item", "Lead", "Issue"]] + [
            [str(i), f"{s.venue_start:%H:%M}", f"{s.home_start:%a %H:%M}", str(s.item.minutes),
             s.item.title, s.item.lead, s.item.issue_title or ""]
            for i, s in enumerate(brief.schedule.slots, 1)],
        "notes": [{"title": n.issue_title,
                   "meta": f"Status: {n.status} · Priority: {n.priority} · Round {brief.meeting.round_no}",
                   "sections": [[heading, n.section(field)] for field, heading in NOTE_SECTIONS],
                   "sources": [f"[{i}] {s.title}. {s.publisher}, {s.date}. {s.url}"
                               for i, s in enumerate(n.sources, 1)]} for n in brief.notes],
        "people": [{"name": p.person.name, "native_name": p.person.native_name, "bio": p.person.bio,
                    "role": f"{p.person.title} · {p.person.organization}"} for p in brief.participants],
        "actions": [["#", "Action", "Owner", "Due", "Status", "Issue"]] + [
            [str(i), a.text, a.owner, str(a.due), a.status, a.issue_title or ""]
            for i, a in enumerate(brief.actions, 1)],
    }
    source = path.with_suffix(".json")
    source.write_text(json.dumps(texts, ensure_ascii=False), encoding="utf-8")
    return meeting_id, source


def timed(args: list[str]) -> tuple[float, float, int]:
    """Wall time of one process, its CPU time (user + system) and its peak resident memory in MB.

    On a machine shared with other work the CPU time is the steadier figure."""
    start = time.perf_counter()
    process = subprocess.Popen(args, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise RuntimeError(f"{args[2:4]} failed: {process.stderr.read().decode()[-2000:]}")
    return elapsed, usage.ru_utime + usage.ru_stime, usage.ru_maxrss // 1024


def peak_together(args: list[str]) -> int | None:
    """Peak resident memory in MB of a process and its children together, sampled every 5 ms
    in an untimed run (``wait4`` reports the largest one process reached, not the sum)."""
    if not Path("/proc/self/status").exists():
        return None
    process = subprocess.Popen(args, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    peak = 0
    while process.poll() is None:
        pids = [process.pid]
        try:
            pids += [int(p) for p in Path(f"/proc/{process.pid}/task/{process.pid}/children")
                     .read_text().split()]
        except OSError:
            pass
        total = 0
        for pid in pids:
            try:
                status = Path(f"/proc/{pid}/status").read_text()
            except OSError:
                continue
            total += next((int(line.split()[1]) for line in status.splitlines()
                           if line.startswith("VmRSS:")), 0)
        peak = max(peak, total)
        time.sleep(0.005)
    return peak // 1024


def preview_seconds(store: Path, meeting_id: int) -> tuple[int, float]:
    """Pages and best-of-5 time of rebuilding the book in memory in a warm process (the preview)."""
    import io

    from briefing.config import Config
    from briefing.pdf import BookOptions, render_pdf
    from briefing.services import Services

    services = Services.open(f"sqlite:///{store}", Config())
    try:
        times = []
        for _ in range(6):  # the first run registers the fonts, as the app's first preview does
            start = time.perf_counter()
            result = render_pdf(services.briefs.load(meeting_id), BookOptions(paper="a4"), io.BytesIO())
            times.append(time.perf_counter() - start)
    finally:
        services.close()
    return result.pages, min(times[1:])


def pages_of(pdf: Path) -> int:
    import pypdf

    return len(pypdf.PdfReader(pdf).pages)


def main(argv: list[str]) -> int:
    python = sys.executable
    load_before = os.getloadavg()[0]
    results = {}
    with tempfile.TemporaryDirectory() as tmp:
        store = Path(tmp) / "preview.db"
        meeting_id, _ = build_store(store, PREVIEW_PAPERS)
        preview = preview_seconds(store, meeting_id)
        for label, papers in SIZES:
            store = Path(tmp) / f"bench-{papers}.db"
            meeting_id, source = build_store(store, papers)
            book, plain = Path(tmp) / f"book-{papers}.pdf", Path(tmp) / f"plain-{papers}.pdf"
            export = [python, "main.py", "--db", str(store), "export", str(meeting_id), "-o", str(book),
                      "--paper", "a4"]
            baseline = [python, "-m", "benchmarks.export_baseline", str(source), str(plain)]
            runs: dict[str, list[tuple[float, float, int]]] = {"export": [], "baseline": []}
            for _ in range(ROUNDS):
                runs["export"].append(timed(export))
                runs["baseline"].append(timed(baseline))
            results[label] = {
                "pages": pages_of(book), "baseline pages": pages_of(plain),
                "export s": statistics.median(t for t, _, _ in runs["export"]),
                "baseline s": statistics.median(t for t, _, _ in runs["baseline"]),
                "export cpu": statistics.median(c for _, c, _ in runs["export"]),
                "baseline cpu": statistics.median(c for _, c, _ in runs["baseline"]),
                "peak MB": max(m for _, _, m in runs["export"]),
                "baseline peak MB": max(m for _, _, m in runs["baseline"]),
                "together MB": peak_together(export),
            }
    print(f"{'book':<10} {'pages':>5} {'export s':>9} {'baseline s':>10} {'ratio':>6} {'pages/s':>8} "
          f"{'CPU ratio':>9} {'CPU pages/s':>11} {'peak MB':>8} {'baseline MB':>11}")
    for label, r in results.items():
        print(f"{label:<10} {r['pages']:>5} {r['export s']:>9.2f} {r['baseline s']:>10.2f} "
              f"{r['export s'] / r['baseline s']:>6.2f} {r['pages'] / r['export s']:>8.0f} "
              f"{r['export cpu'] / r['baseline cpu']:>9.2f} {r['pages'] / r['export cpu']:>11.0f} "
              f"{r['peak MB']:>8} {r['baseline peak MB']:>11}   (baseline book: {r['baseline pages']} pages; "
              f"the export's processes together: {r['together MB']} MB)")
    small, large = results["300 pages"], results["600 pages"]
    print(f"600 / 300 pages: {large['export s'] / small['export s']:.2f} × the wall time, "
          f"{large['export cpu'] / small['export cpu']:.2f} × the CPU time "
          f"({large['pages']} / {small['pages']} pages)")
    print(f"preview: {preview[0]} pages rebuilt in memory in {preview[1]:.2f} s (warm process, best of 5)")
    from briefing.pdf.parallel import default_jobs

    print(f"(median of {ROUNDS} interleaved runs; {os.cpu_count()} CPUs; the export lays out with "
          f"{default_jobs()} process(es), its CPU time and peak counting them all; load average "
          f"{load_before:.2f} at the start, {os.getloadavg()[0]:.2f} at the end: above about 1, other "
          f"work shared the processors and the wall times say little)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
