"""A restore racing another writer: nothing that reported success is lost. Shared by tests and benchmarks.

Each ``race_*`` function runs real ``main.py restore`` processes while another
real process writes to the same store: a second window's autosave or imports one
after another (``tests/race_writer.py``), or one ``main.py import`` started a
moment before. After both end, every write that reported success must be in the
store, or in a backup a restore said keeps what it replaced; a write or a restore
that did not succeed must have said why in one line, without a traceback.
Raises ``AssertionError`` otherwise; returns what it counted, for
docs/reliability.md.
"""

from __future__ import annotations

import json
import os
import random
import re
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from contextlib import closing
from pathlib import Path

from tests.race_writer import tagged_document, written

ROOT = Path(__file__).parents[1]
KEPT_IN = re.compile(r"^What it held before is kept in (.+)\.$", re.MULTILINE)


def spread(n: int, longest: float, seed: int) -> list[float]:
    """``n`` delays spread over ``[0, longest)`` seconds: one at random in each of n equal slices."""
    rng = random.Random(seed)
    return [longest * (i + rng.random()) / n for i in range(n)]


def cli(store: Path, config: Path, *args: str) -> subprocess.Popen:
    """``main.py --db STORE ARGS…`` started as a user starts it (``config``: its config folder)."""
    return subprocess.Popen([sys.executable, str(ROOT / "main.py"), "--db", str(store), *args],
                            cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env={**os.environ, "XDG_CONFIG_HOME": str(config)})


def config_keeping_every_backup(folder: Path) -> Path:
    """A config folder whose briefbook.json keeps every backup (a check reads them all)."""
    (folder / "Briefbook").mkdir(parents=True, exist_ok=True)
    (folder / "Briefbook" / "briefbook.json").write_text(json.dumps({"backups_keep": 10_000}))
    return folder


def finish(process: subprocess.Popen) -> tuple[int, str]:
    """Wait for a command; its exit code and stdout (a failure says why in one line, no traceback)."""
    out, err = process.communicate(timeout=300)
    if process.returncode != 0:
        assert "Traceback" not in err and len(err.strip().splitlines()) == 1, err
    return process.returncode, out


def titles(path: Path, table: str) -> set[str]:
    """Titles of the live rows of ``table`` in a store or backup file, read with plain SQLite."""
    with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as c:
        return {r[0] for r in c.execute(f"SELECT title FROM {table} WHERE deleted_at IS NULL")}


def safety_backup(restore_out: str) -> Path:
    """The backup ``main.py restore`` says holds what it replaced."""
    found = KEPT_IN.search(restore_out)
    assert found is not None, restore_out
    return Path(found.group(1))


def race_writer_restore(mode: str, store: Path, source: Path, delays: list[float]) -> dict:
    """A writer (``autosave`` or ``import``) at work while ``main.py restore SOURCE`` runs once per delay.

    Each restore starts ``delay`` seconds after the one before ended; the writer
    goes on throughout, and a little after the last.
    """
    counts = {"restores": 0, "writes checked": 0, "writes refused with a message": 0,
              "restores refused with a message": 0}
    run = f"{mode}-{time.monotonic_ns()}"
    with tempfile.TemporaryDirectory(prefix="race-config-") as folder:
        config = config_keeping_every_backup(Path(folder))
        writer = subprocess.Popen([sys.executable, "-m", "tests.race_writer", mode, str(store), run],
                                  cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        kept: list[Path] = []
        try:
            assert writer.stdout.readline().strip() == "ready", writer.stderr.read()
            for delay in delays:
                time.sleep(delay)
                restored, out = finish(cli(store, config, "restore", str(source)))
                counts["restores"] += 1
                if restored == 0:
                    kept.append(safety_backup(out))
                else:
                    counts["restores refused with a message"] += 1
            time.sleep(0.3)  # a few more writes after the last restore
        finally:
            writer.send_signal(signal.SIGTERM)
            out, err = writer.communicate(timeout=60)
    assert "Traceback" not in err, err
    lines = [line.split(" ", 2) for line in out.splitlines()]
    done = [int(n) for word, n, *_ in lines if word == "done"]
    counts["writes refused with a message"] = sum(1 for word, *_ in lines if word == "refused")
    table = written(mode, run, 0)[0]
    found = titles(store, table).union(*(titles(path, table) for path in kept))
    lost = [i for i in done if not written(mode, run, i)[1] <= found]
    assert not lost, f"{mode}: writes {lost} of {len(done)} reported saved, then lost by a restore"
    counts["writes checked"] = len(done)
    return counts


def race_cli_import_restore(store: Path, source: Path, delays: list[float], copies: int = 4) -> dict:
    """``main.py import BIG.json`` and, ``delay`` seconds later, ``main.py restore SOURCE``."""
    counts = {"races": 0, "import in the before-restore backup": 0, "import made after the restore": 0,
              "import refused with a message": 0, "restore refused with a message": 0}
    with tempfile.TemporaryDirectory(prefix="race-") as folder:
        config = config_keeping_every_backup(Path(folder))
        for run, delay in enumerate(delays):
            tag = f"cli-{run}-{time.monotonic_ns()}"
            doc = tagged_document(tag, copies)
            path = Path(folder) / f"{tag}.json"
            path.write_text(json.dumps(doc), encoding="utf-8")
            importing = cli(store, config, "import", str(path))
            time.sleep(delay)
            restoring = cli(store, config, "restore", str(source))
            imported, _ = finish(importing)
            restored, restore_out = finish(restoring)
            counts["races"] += 1
            if restored != 0:
                counts["restore refused with a message"] += 1
            if imported != 0:
                counts["import refused with a message"] += 1
                continue
            mine = {m["title"] for m in doc["meetings"]}
            in_store = mine <= titles(store, "meetings")
            in_backup = restored == 0 and mine <= titles(safety_backup(restore_out), "meetings")
            assert in_store or in_backup, (f"run {run} (delay {delay:.2f} s): the import said it succeeded, "
                                           "but it is in neither the store nor the before-restore backup")
            where = "import made after the restore" if in_store else "import in the before-restore backup"
            counts[where] += 1
    return counts
