"""Load: a delegation's desktops against one PostgreSQL server, autosaving, searching and exporting.

    python -m benchmarks load --url postgresql://… [--processes 20] [--seconds 60] [--seed N]

The database at ``--url`` is emptied and given the sample meetings imported
``COPIES`` times (a few dozen meetings, about a hundred notes). Then
``--processes`` processes, each a desktop with its own user name (``desk01``…)
and its own connection, work for ``--seconds`` in a realistic mix, with a
think time of ``THINK`` seconds between actions:

* **autosave** (``MIX``: 70%): read a note, then save one section with new text,
  as the editor's debounce does, naming the version read. A third of the saves go
  to three "hot" notes every desktop edits, so that writers meet on the same rows;
* **search** (25%): a query from ``QUERIES`` (words, a phrase, a prefix, Japanese);
* **export** (5%): the book of a meeting, laid out and written (in memory).

A save the store refuses because someone else saved first (``ConflictError``) is
what the user sees as the conflict dialog: counted as refused, not lost. Every
other exception is an error. At the end, **lost updates** are counted against
the store: each acknowledged save returned the note's new version; for each note
those versions must be distinct and exactly the versions the note went through
(its first version + 1 … its version now), and the section saved last must hold
the text of the acknowledged save with the highest version. An update the store
had lost (two saves acknowledged as the same version, or a version that no save
made) would show there.

Prints one JSON line per run and a Markdown table (p50/p95 of save, search,
export latency; counts), which docs/benchmarks.md records.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import random
import statistics
import time
import traceback
from io import BytesIO

SECTIONS = ("background", "objectives", "their_position", "talking_points", "defensives", "red_lines")
MIX = (("autosave", 0.70), ("search", 0.25), ("export", 0.05))
QUERIES = ("steel", "tariff steel", '"section 232"', "alumi", "日米", "林", "萩生田", "quota -beef",
           "semiconductors", "trade partnership", "supply chain", "経済産業省")
THINK = (0.2, 1.0)
COPIES = 10
HOT = 3


def percentile(values: list[float], share: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


def prepare(url: str) -> dict:
    """Empty the store at ``url`` and fill it; returns the note ids and their first versions."""
    from briefing.config import Config
    from briefing.interchange import import_document
    from briefing.interchange.sample import sample_document
    from briefing.services import Services
    from db.copy import tables

    with Services.open(url, Config(user_name="setup"), automatic_backups=False) as services:
        with services.db.write() as session:
            for table in reversed(tables()):
                session.execute(table.delete())
        doc = sample_document()
        for _ in range(COPIES):
            import_document(services.db, doc, services.config)
        notes = {}
        meetings = [m.id for m in services.meetings.list()]
        for meeting_id in meetings:
            for note in services.notes.list(meeting_id):
                notes[note.id] = services.notes.get(note.id).version
    return {"notes": notes, "meetings": meetings}


def desk(number: int, url: str, seconds: float, seed: int, plan: dict, results) -> None:
    """One desktop's minute: actions in the mix until the time is up; puts its figures on ``results``."""
    from briefing.config import Config
    from briefing.errors import ConflictError
    from briefing.pdf.options import BookOptions
    from briefing.pdf.render import render_pdf
    from briefing.services import Services

    rng = random.Random(seed * 1000 + number)
    user = f"desk{number:02d}"
    notes = sorted(int(n) for n in plan["notes"])
    hot = notes[:HOT]
    figures: dict = {"user": user, "save": [], "search": [], "export": [], "acks": [], "refused": 0,
                     "errors": []}
    names, weights = zip(*MIX, strict=True)
    services = Services.open(url, Config(user_name=user), automatic_backups=False)
    try:
        services.prepare_models()
        end = time.monotonic() + seconds
        sequence = 0
        while time.monotonic() < end:
            time.sleep(rng.uniform(*THINK))
            action = rng.choices(names, weights)[0]
            started = time.perf_counter()
            try:
                if action == "autosave":
                    note_id = rng.choice(hot) if rng.random() < 1 / 3 else rng.choice(notes)
                    field = rng.choice(SECTIONS)
                    note = services.notes.get(note_id)
                    sequence += 1
                    value = f"{user} save {sequence}: {getattr(note, field)[:200]}"
                    started = time.perf_counter()  # the save itself, as the status bar waits for it
                    try:
                        saved = services.notes.update(note_id, note.version, **{field: value})
                    except ConflictError:
                        figures["refused"] += 1
                        continue
                    figures["save"].append((time.perf_counter() - started) * 1000)
                    figures["acks"].append((note_id, field, saved.version, value))
                elif action == "search":
                    services.search.search(rng.choice(QUERIES))
                    figures["search"].append((time.perf_counter() - started) * 1000)
                else:
                    brief = services.briefs.load(rng.choice(plan["meetings"]))
                    render_pdf(brief, BookOptions(), BytesIO(), ladder=services.config.ladder)
                    figures["export"].append((time.perf_counter() - started) * 1000)
            except Exception:  # noqa: BLE001 - every failure is counted, none ends the desk
                figures["errors"].append(traceback.format_exc(limit=3))
    finally:
        services.close()
    results.put(figures)


def lost_updates(url: str, plan: dict, acks: list[tuple]) -> list[str]:
    """What the store lost of the acknowledged saves (see the module docstring); empty: nothing."""
    from briefing.config import Config
    from briefing.services import Services

    problems = []
    by_note: dict[int, list[tuple]] = {}
    for note_id, field, version, value in acks:
        by_note.setdefault(note_id, []).append((version, field, value))
    with Services.open(url, Config(), automatic_backups=False) as services:
        for note_id, first in plan["notes"].items():
            note = services.notes.get(int(note_id))
            saves = sorted(by_note.get(int(note_id), []))
            versions = [v for v, _, _ in saves]
            if versions != list(range(first + 1, note.version + 1)):
                problems.append(f"note {note_id}: acknowledged versions {versions[:5]}… but the note went "
                                f"from {first} to {note.version}")
            last_by_field: dict[str, str] = {}
            for _version, field, value in saves:
                last_by_field[field] = value
            for field, value in last_by_field.items():
                if getattr(note, field) != value:
                    problems.append(f"note {note_id}: {field} lost its last acknowledged save")
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks load", description=__doc__.splitlines()[0])
    parser.add_argument("--url", required=True, help="a PostgreSQL database to use (it is emptied)")
    parser.add_argument("--processes", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--seed", type=int, default=14)
    args = parser.parse_args(argv)
    plan = prepare(args.url)
    print(f"{len(plan['meetings'])} meetings, {len(plan['notes'])} notes; {args.processes} desktops "
          f"for {args.seconds:.0f} s …")
    context = multiprocessing.get_context("spawn")
    results = context.Queue()
    desks = [context.Process(target=desk, args=(n + 1, args.url, args.seconds, args.seed, plan, results))
             for n in range(args.processes)]
    started = time.perf_counter()
    for process in desks:
        process.start()
    figures = [results.get() for _ in desks]
    for process in desks:
        process.join()
    wall = time.perf_counter() - started
    saves = [ms for f in figures for ms in f["save"]]
    searches = [ms for f in figures for ms in f["search"]]
    exports = [ms for f in figures for ms in f["export"]]
    acks = [tuple(a) for f in figures for a in f["acks"]]
    errors = [e for f in figures for e in f["errors"]]
    refused = sum(f["refused"] for f in figures)
    lost = lost_updates(args.url, plan, acks)
    summary = {
        "processes": args.processes, "seconds": args.seconds, "wall": round(wall, 1),
        "saves": len(saves), "refused_as_conflicts": refused, "searches": len(searches),
        "exports": len(exports), "errors": len(errors), "lost_updates": len(lost),
        "save_p50": statistics.median(saves) if saves else None, "save_p95": percentile(saves, 0.95),
        "search_p50": statistics.median(searches) if searches else None,
        "search_p95": percentile(searches, 0.95),
        "export_p50": statistics.median(exports) if exports else None,
        "export_p95": percentile(exports, 0.95),
    }
    print(json.dumps(summary))
    for problem in lost[:10]:
        print("LOST:", problem)
    for error in errors[:5]:
        print("ERROR:", error)
    print()
    print("| desktops | seconds | saves | refused as conflicts | lost updates | errors | save p50 / p95 ms "
          "| searches | search p50 / p95 ms | exports | export p50 / p95 ms |")
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    print(f"| {args.processes} | {args.seconds:.0f} | {len(saves)} | {refused} | {len(lost)} | "
          f"{len(errors)} | "
          f"{summary['save_p50'] or 0:.1f} / {summary['save_p95']:.1f} | {len(searches)} | "
          f"{summary['search_p50'] or 0:.1f} / {summary['search_p95']:.1f} | {len(exports)} | "
          f"{summary['export_p50'] or 0:.0f} / {summary['export_p95']:.0f} |")
    return 0 if not lost and not errors else 1


if __name__ == "__main__":
    raise SystemExit(main())
