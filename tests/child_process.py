"""Programs the kill and two-writer tests run as real child processes, and how to kill them.

    python -m tests.child_process SCENARIO STORE [ARG]

Each program prints ``ready`` once set up, then ``done N`` after each unit of work
has been committed (flushed at once), so the parent knows what must survive a
kill. ``run_and_kill`` starts one, waits until it is ready (or has reported a
number of units done), lets it work for a while, and SIGKILLs it. Waiting for
progress rather than for a time is what keeps the kill tests' checks the same on
a busy machine. A new scenario is one more function in ``SCENARIOS``.
"""

from __future__ import annotations

import itertools
import os
import re
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).parents[1]
FILLER = "Steel and aluminum excess capacity; Section 232 tariffs of 25% and 10%. 鉄鋼 ✓\n" * 30


def _services(store: str):
    """The store: an SQLite file path, or any SQLAlchemy URL (a PostgreSQL database)."""
    from briefing.services import Services
    from db.store_url import normalize_url

    return Services.open(normalize_url(store), automatic_backups=False)


def _ready() -> None:
    print("ready", flush=True)


def _done(n: int, extra: str = "") -> None:
    print(f"done {n} {extra}".rstrip(), flush=True)


def autosave(store: str, run: str) -> None:
    """The GUI's autosave: one note field written again and again, an agenda item added now and then.

    The text starts with ``autosave RUN I``, so that a check tells this run's writes from earlier ones.
    """
    services = _services(store)
    meeting = services.meetings.list()[-1]
    note = services.notes.list_full(meeting.id)[0]
    version = note.version
    _ready()
    for i in itertools.count():
        text = f"autosave {run} {i}\n{FILLER}"
        version = services.notes.update(note.id, version, background=text).version
        if i % 4 == 0:
            services.agenda.add(meeting.id, f"Added {i}", minutes=5)
        _done(i)


def import_(store: str, _arg: str) -> None:
    """Import the sample again and again (each import backs the store up first)."""
    from briefing.interchange.sample import sample_document

    services = _services(store)
    doc = sample_document()
    _ready()
    for i in itertools.count():
        services.interchange.import_document(doc)
        _done(i)


def migrate(store: str, scripts: str) -> None:
    """Upgrade the store to the test-only revision that rebuilds issue_notes."""
    from tests import future_revision

    future_revision.use(None, Path(scripts))
    _ready()
    _services(store).close()
    _done(0)
    time.sleep(60)  # wait to be killed, so that every run ends the same way


def backup(store: str, _arg: str) -> None:
    """Take backups one after another."""
    services = _services(store)
    _ready()
    for i in itertools.count():
        _done(i, str(services.backups.create().path))


def restore(store: str, source: str) -> None:
    """Restore a backup, then delete a meeting it has, again and again."""
    services = _services(store)
    _ready()
    for i in itertools.count():
        services.backups.restore(Path(source))
        _done(i)
        services.meetings.delete(services.meetings.list()[0].id)


def journal(folder: str, _arg: str) -> None:
    """Record typing in the crash-recovery journal, as the GUI's debounce does."""
    from briefing.recovery.journal import CrashJournal

    recorder = CrashJournal(Path(folder))
    recorder.start_session()
    _ready()
    for i in itertools.count():
        recorder.record("note", 1, "background", f"typed {i}\n{FILLER}", base_version=1)
        _done(i)


def append(store: str, tag: str) -> None:
    """A second writer: append tokens to one note, re-reading after every conflict."""
    from briefing.errors import ConflictError

    services = _services(store)
    note_id = services.notes.list_full(services.meetings.list()[-1].id)[0].id
    conflicts = 0
    _ready()
    for i in range(int(os.environ.get("APPENDS", "30"))):
        while True:
            note = services.notes.get(note_id)
            try:
                services.notes.update(note_id, note.version, background=f"{note.background}[{tag}{i}]")
                break
            except ConflictError:
                conflicts += 1
        _done(i)
    print(f"conflicts {conflicts}", flush=True)


#: The export scenario alternates these books: everything, and a shorter one.
EXPORT_SECTIONS = (None, frozenset({"cover", "contents", "agenda", "papers"}))


#: The first "Prepared on" date of the exports a kill test tells apart (``export_options``).
EXPORTS_FROM = date(2000, 1, 1)
#: Exports a run can make before its date runs into the next run's.
EXPORTS_PER_RUN = 1000


def export_options(run: str, i: int):
    """The options of export ``i`` of ``run``: its cover's "Prepared on" date names it (``which_export``).

    (The watermark cannot: its letters are shapes, not text.) ``run`` is a number, or "ref".
    """
    from briefing.pdf import BookOptions

    sections = EXPORT_SECTIONS[i % 2]
    extra = {} if sections is None else {"sections": sections}
    number = 0 if run == "ref" else int(run)
    prepared = EXPORTS_FROM + timedelta(days=number * EXPORTS_PER_RUN + i)
    return BookOptions(paper="a4", watermark=f"EXPORT {run} {i}", prepared_on=prepared, **extra)


def which_export(cover_text: str) -> tuple[int, int] | None:
    """(run, i) of the export whose cover reads ``cover_text``, or None (see ``export_options``)."""
    from briefing.times.names import MONTHS

    found = re.search(r"Prepared on \w+ (\d{1,2}) (\w+) (\d{4})", cover_text, re.IGNORECASE)
    if found is None or found.group(2) not in MONTHS:
        return None
    day = date(int(found.group(3)), MONTHS.index(found.group(2)) + 1, int(found.group(1)))
    return divmod((day - EXPORTS_FROM).days, EXPORTS_PER_RUN)


def export(store: str, arg: str) -> None:
    """Export the sample's Round 1 book again and again to one file (ARG: ``RUN:PATH``)."""
    from briefing.pdf import render_pdf
    from briefing.pdf.fonts import register_fonts

    run, path = arg.split(":", 1)
    services = _services(store)
    brief = services.briefs.load(services.meetings.resolve("US–Japan Partnership on Trade — Round 1").id)
    register_fonts()
    _ready()
    for i in itertools.count():
        result = render_pdf(brief, export_options(run, i), path)
        _done(i, str(result.pages))


SCENARIOS = {"autosave": autosave, "import": import_, "migrate": migrate, "backup": backup,
             "restore": restore, "journal": journal, "append": append, "export": export}


def start(scenario: str, target: Path | str, arg: str = "", env: dict | None = None) -> subprocess.Popen:
    """Start a scenario in a child process: stdout is a pipe of its progress lines, stderr a file."""
    return subprocess.Popen(
        [sys.executable, "-m", "tests.child_process", scenario, str(target), arg],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=tempfile.TemporaryFile(), text=True,
        env={**os.environ, **(env or {})},
    )


def errors_of(child: subprocess.Popen) -> str:
    """What the child wrote to stderr (the end of it)."""
    child.stderr.seek(0)
    return child.stderr.read().decode("utf-8", "replace")[-3000:]


#: Seconds a child may take to get ready or to report the progress waited for, however busy
#: the machine: only a hung child takes longer (it is killed and the wait fails).
PROGRESS_TIMEOUT = 300


def wait_ready(child: subprocess.Popen) -> None:
    """Wait for the child's ``ready`` line (RuntimeError if it died or hung first)."""
    with _killed_if_hung(child):
        line = child.stdout.readline()
    if line.strip() != "ready":
        child.kill()
        child.wait()
        raise RuntimeError(f"the child did not start: {line!r} {errors_of(child)}")


def wait_done(child: subprocess.Popen, units: int) -> list[str]:
    """Wait until the child reports ``units`` units done; the lines it printed meanwhile."""
    lines: list[str] = []
    done = 0
    with _killed_if_hung(child):
        while done < units:
            line = child.stdout.readline()
            if not line:
                child.wait()
                raise RuntimeError(f"the child ended ({child.returncode}) after {done} of the "
                                   f"{units} units waited for: {errors_of(child)}")
            lines.append(line)
            done += line.startswith("done ")
    return lines


@contextmanager
def _killed_if_hung(child: subprocess.Popen) -> Iterator[None]:
    """Kill ``child`` if the block has not ended within ``PROGRESS_TIMEOUT`` seconds."""
    timer = threading.Timer(PROGRESS_TIMEOUT, child.kill)
    timer.start()
    try:
        yield
    finally:
        timer.cancel()


def run_and_kill(scenario: str, target: Path, delay: float, arg: str = "", after: int = 0) -> list[int]:
    """Run a scenario, SIGKILL it ``delay`` seconds after it is ready and has reported ``after``
    units done (so that a kill lands after them however slow the machine); the units it reported
    done."""
    child = start(scenario, target, arg)
    try:
        wait_ready(child)
        early = wait_done(child, after)
        time.sleep(delay)
        child.send_signal(signal.SIGKILL)
        out = "".join(early) + child.stdout.read()  # the lines it printed before it died
        child.wait(timeout=30)
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
    if child.returncode != -signal.SIGKILL:
        raise RuntimeError(f"the child ended by itself ({child.returncode}): {errors_of(child)}")
    return [int(line.split()[1]) for line in out.splitlines() if line.startswith("done ")]


def main(argv: list[str]) -> None:
    scenario, target, arg = argv[0], argv[1], (argv[2] if len(argv) > 2 else "")
    SCENARIOS[scenario](target, arg)


if __name__ == "__main__":
    main(sys.argv[1:])
