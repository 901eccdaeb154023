"""The big kill sweep and the reliability figures of docs/reliability.md.

    python -m benchmarks.kill_sweep [--scale 1.0] [--only races]

Kills a real child process with SIGKILL at hundreds of points (the same
scenarios and checks as tests/test_kills.py, more of them), races writer
processes on one note, races restores against other writers (the checks of
tests/test_races.py, more of them), and times the start-up check and backups on
a larger store. ``--scale 0.2`` runs a fifth of the kills and races;
``--only races`` runs only the restore races. Prints Markdown tables.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from tests import future_revision
from tests import kill_checks as k
from tests import race_checks as races
from tests.child_process import errors_of, start, wait_ready
from tests.store_files import store_with_sample

KILLS = {"autosave": 80, "import": 40, "migrate": 40, "backup": 30, "restore": 30, "journal": 40,
         "export": 40}
WINDOWS = {"autosave": 1.0, "import": 1.5, "migrate": 0.6, "backup": 1.0, "restore": 1.0, "journal": 0.5,
           "export": 2.0}


def kill_sweep(tmp: Path, scale: float) -> None:
    sample = store_with_sample(tmp / "sample.db")
    scripts = future_revision.script_dir(tmp)
    print("| scenario | kills | checked after each kill | seconds |")
    print("|---|---|---|---|")
    total = 0
    for name, count in KILLS.items():
        n = max(2, round(count * scale))
        delays = k.spread(n, WINDOWS[name], seed=2024)
        started = time.perf_counter()
        if name == "migrate":
            result = k.sweep_migrate(sample, tmp / "migrate", delays, scripts)
        elif name == "journal":
            result = k.sweep_journal(tmp / "journal", delays)
        elif name == "export":
            store = k.copy_store(sample, tmp / name / "store.db")
            (tmp / name / "books").mkdir()
            result = k.sweep_export(store, tmp / name / "books", delays)
        else:
            store = k.copy_store(sample, tmp / name / "store.db")
            result = getattr(k, f"sweep_{name}")(store, delays)
        seconds = time.perf_counter() - started
        details = ", ".join(f"{v} {key}" for key, v in result.items() if key != "kills")
        print(f"| {name} | {result['kills']} | {details} | {seconds:.0f} |", flush=True)
        total += result["kills"]
    print(f"\n{total} kills, every one followed by integrity_check, a normal open and the "
          "committed-data check: all held.\n")


def writer_race(tmp: Path, writers: int, appends: int) -> None:
    """``writers`` processes append to one note; every conflict re-reads and retries."""
    store = store_with_sample(tmp / f"race-{writers}.db")
    tags = [chr(ord("A") + i) for i in range(writers)]
    children = [start("append", store, tag, env={"APPENDS": str(appends)}) for tag in tags]
    for child in children:
        wait_ready(child)
    conflicts = 0
    started = time.perf_counter()
    for child in children:
        out = child.stdout.read()
        if child.wait() != 0:
            raise RuntimeError(errors_of(child))
        conflicts += sum(int(line.split()[1]) for line in out.splitlines() if line.startswith("conflicts "))
    seconds = time.perf_counter() - started
    with k.assert_sound(store) as services:
        note = services.notes.list_full(services.meetings.list()[-1].id)[0]
        missing = [f"{t}{i}" for t in tags for i in range(appends) if f"[{t}{i}]" not in note.background]
    print(f"| {writers} | {writers * appends} | {conflicts} | {len(missing)} | {seconds:.1f} |")


#: Restores raced against each writer, and ``main.py import`` against ``main.py restore`` runs.
RACES = {"autosave": 20, "import": 20, "cli": 20}


def restore_races(tmp: Path, scale: float) -> None:
    """Restores while another process writes: every write that reported success is kept somewhere."""
    from briefing.services import Services
    from db.backup import write_backup

    (tmp / "races").mkdir()
    sample = store_with_sample(tmp / "races" / "sample.db")
    with Services.open(f"sqlite:///{sample}", automatic_backups=False) as services:
        write_backup(services.db, tmp / "races" / "backup.db")
    source = tmp / "races" / "backup.db"
    print("| race | runs | checked | seconds |")
    print("|---|---|---|---|")
    for name, count in RACES.items():
        n = max(2, round(count * scale))
        store = k.copy_store(sample, tmp / "races" / name / "store.db")
        started = time.perf_counter()
        if name == "cli":
            result = races.race_cli_import_restore(store, source, races.spread(n, 1.5, seed=2024))
        else:
            result = races.race_writer_restore(name, store, source, races.spread(n, 0.5, seed=2024))
        k.assert_sound(store).close()
        seconds = time.perf_counter() - started
        runs = result.pop("races", None) or result.pop("restores")
        details = ", ".join(f"{v} {key}" for key, v in result.items())
        print(f"| {name} | {runs} | {details} | {seconds:.0f} |", flush=True)
    print("\nNo write that reported success was lost: each is in the store or in the backup the "
          "restore said keeps what it replaced.\n")


def store_figures(tmp: Path, imports: int) -> None:
    """Start-up check and backup time on a store grown by importing the sample many times."""
    from briefing.interchange.sample import sample_document
    from briefing.services import Services

    path = tmp / "large.db"
    with Services.open(f"sqlite:///{path}") as services:
        doc = sample_document()
        for _ in range(imports):
            services.interchange.import_document(doc)
        meetings = services.meetings.count()
    size = path.stat().st_size / 1024 / 1024
    opens = []
    for _ in range(5):
        started = time.perf_counter()
        Services.open(f"sqlite:///{path}", automatic_backups=False).close()
        opens.append(time.perf_counter() - started)
    with Services.open(f"sqlite:///{path}", automatic_backups=False) as services:
        started = time.perf_counter()
        record = services.backups.create()
        backup_seconds = time.perf_counter() - started
        started = time.perf_counter()
        services.backups.restore(record.path)
        restore_seconds = time.perf_counter() - started
    print("| meetings | store | open (probe + quick_check), median of 5 | backup (copy + integrity_check) "
          "| restore (check + backup first + copy) |")
    print("|---|---|---|---|---|")
    print(f"| {meetings} | {size:.1f} MB | {sorted(opens)[2] * 1000:.0f} ms | {backup_seconds * 1000:.0f} ms "
          f"| {restore_seconds * 1000:.0f} ms |")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=1.0, help="fraction of the kills to run")
    parser.add_argument("--only", choices=("races",), help="run only the restore races")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="briefbook-kills-") as folder:
        tmp = Path(folder)
        if args.only == "races":
            print("## A restore racing other writers\n")
            restore_races(tmp, args.scale)
            return
        print("## Kills\n")
        kill_sweep(tmp, args.scale)
        print("## Writers racing on one note\n")
        print("| processes | appends | conflicts caught (re-read, retried) | appends lost | seconds |")
        print("|---|---|---|---|---|")
        writer_race(tmp, 2, 100)
        writer_race(tmp, 4, 50)
        print("\n## A restore racing other writers\n")
        restore_races(tmp, args.scale)
        print("\n## A larger store\n")
        store_figures(tmp, imports=max(10, round(250 * args.scale)))


if __name__ == "__main__":
    main()
