"""Kill a real child process at many points and check what it leaves: shared by tests and benchmarks.

Each ``sweep_*`` function runs one scenario of ``tests/child_process.py`` once
per kill point (``spread``), SIGKILLs it, and checks after every kill that the store passes
``PRAGMA integrity_check``, opens normally, and holds everything the child
reported committed (raising ``AssertionError`` otherwise). It returns how many
kills it made and what it checked, for ``docs/reliability.md``.
"""

from __future__ import annotations

import io
import random
import shutil
import sqlite3
from collections.abc import Iterable
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import func, select, text

from briefing.services import Services
from db.backup import check_file, write_backup
from db.probe import sqlite_uri
from db.revisions import HEAD
from tests.child_process import run_and_kill


@dataclass(frozen=True)
class KillPoint:
    """When to kill a child: ``delay`` seconds after it reported ``after`` units done (0: after
    ``ready``). Counting from a reported unit, not from the start, is what guarantees that some
    kills land after committed work however busy the machine is."""

    after: int
    delay: float


def spread(n: int, longest: float, seed: int, after: tuple[int, ...] = (0,)) -> list[KillPoint]:
    """``n`` kill points, their delays spread over ``[0, longest)`` (one at random in each of n
    equal slices); the i-th counts from ``after[i % len(after)]`` units done, so that with
    ``after=(0, 2)`` half the kills can land at start-up or mid-unit and half land after at least
    two units were committed."""
    rng = random.Random(seed)
    return [KillPoint(after[i % len(after)], longest * (i + rng.random()) / n) for i in range(n)]


def copy_store(source: Path, target: Path) -> Path:
    """A copy of a cleanly closed store (no -wal to carry)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, target)
    return target


def assert_sound(path: Path) -> Services:
    """The store passes integrity_check and opens normally; returns it open (close it)."""
    problems = check_file(path)
    assert problems == [], f"{path}: {problems}"
    return Services.open(f"sqlite:///{path}", automatic_backups=False)


def _table_counts(services: Services, tables: Iterable[str]) -> dict[str, int]:
    with services.db.read() as s:
        return {t: s.execute(text(f"SELECT count(*) FROM {t}")).scalar() for t in tables}


def sweep_autosave(store: Path, points: list[KillPoint]) -> dict:
    """Kills during a loop of note updates and agenda additions on one store, again and again."""
    from db.models import AgendaItem

    updates = 0
    for run, point in enumerate(points):
        with assert_sound(store) as services:
            with services.db.read() as s:
                agenda_before = s.scalar(select(func.count()).select_from(AgendaItem))
        done = run_and_kill("autosave", store, point.delay, str(run), after=point.after)
        with assert_sound(store) as services:
            meeting = services.meetings.list()[-1]
            first_line = services.notes.list_full(meeting.id)[0].background.split("\n", 1)[0]
            with services.db.read() as s:
                agenda_now = s.scalar(select(func.count()).select_from(AgendaItem))
        last = max(done, default=-1)
        words = first_line.split()
        # This run's latest write (I = last reported, or the next one, committed but not yet
        # reported); a run killed before its first write leaves an earlier run's text.
        saved = int(words[2]) if words[:2] == ["autosave", str(run)] else -1
        assert last <= saved <= last + 1, (run, last, first_line)
        adds = sum(1 for i in done if i % 4 == 0)
        assert adds <= agenda_now - agenda_before <= adds + 1, (adds, agenda_now - agenda_before)
        updates += len(done)
    return {"kills": len(points), "committed updates checked": updates}


def sweep_import(store: Path, points: list[KillPoint]) -> dict:
    """Kills during imports of the sample (each preceded by a backup): all of an import or none."""
    from briefing.interchange.sample import sample_document

    sample = sample_document()["meetings"]
    per_import = len(sample)  # every import adds each of the sample's meetings, or none
    whole = {(len(m.get("agenda", [])), len(m.get("notes", []))) for m in sample}
    imports = 0
    for point in points:
        with assert_sound(store) as services:
            before = services.meetings.count()
        done = run_and_kill("import", store, point.delay, after=point.after)
        with assert_sound(store) as services:
            meetings = services.meetings.list()
            added = len(meetings) - before
            assert per_import * len(done) <= added <= per_import * (len(done) + 1), (len(done), added)
            assert added % per_import == 0, (len(done), added)
            shapes = {(len(services.agenda.list(m.id)), len(services.notes.list(m.id))) for m in meetings}
            assert shapes <= whole, shapes  # every meeting complete, none half-imported
            for b in services.backups.list():
                assert check_file(b.path) == [], b.path
        imports += len(done)
    return {"kills": len(points), "committed imports checked": imports}


def sweep_migrate(sample: Path, folder: Path, points: list[KillPoint], scripts: Path) -> dict:
    """Kills during an upgrade that rebuilds issue_notes: the old schema whole, or the new one."""
    from tests import future_revision

    outcomes = {"old": 0, "new": 0}
    for n, point in enumerate(points):
        store = copy_store(sample, folder / f"migrate-{n}.db")
        with assert_sound(store) as services:
            before = _table_counts(services, ("issue_notes", "sources", "meetings", "agenda_items"))
        done = run_and_kill("migrate", store, point.delay, str(scripts), after=point.after)
        assert check_file(store) == []
        with closing(sqlite3.connect(sqlite_uri(store, "mode=ro"), uri=True)) as c:
            revision = c.execute("SELECT version_num FROM alembic_version").fetchone()[0]
        assert revision in (REVISION_OLD, future_revision.REVISION)
        assert not done or revision == future_revision.REVISION
        outcomes["new" if revision == future_revision.REVISION else "old"] += 1
        saved = _migrated_open(store, scripts)
        assert _table_counts(saved, before) == before
        saved.close()
    return {"kills": len(points), "left at the old schema": outcomes["old"],
            "left at the new schema": outcomes["new"]}


REVISION_OLD = HEAD  # the shipped head; the test revision comes after it


def _migrated_open(store: Path, scripts: Path) -> Services:
    """Open as the build that ships the new revision would (upgrading an old store)."""
    import db.migrate as migrate
    import db.revisions as revisions
    from tests import future_revision

    saved = [(migrate, "MIGRATIONS_DIR", migrate.MIGRATIONS_DIR),
             (revisions, "REVISIONS", revisions.REVISIONS), (revisions, "HEAD", revisions.HEAD)]
    future_revision.use(None, scripts)
    try:
        return Services.open(f"sqlite:///{store}", automatic_backups=False)
    finally:
        for module, name, value in saved:
            setattr(module, name, value)


def sweep_backup(store: Path, points: list[KillPoint]) -> dict:
    """Kills while backups are taken: the store stays sound, every backup under its name is whole."""
    checked = 0
    for point in points:
        run_and_kill("backup", store, point.delay, after=point.after)
        with assert_sound(store) as services:
            for b in services.backups.list():
                assert check_file(b.path) == [], b.path
                checked += 1
    return {"kills": len(points), "backup files checked": checked}


def sweep_restore(store: Path, points: list[KillPoint]) -> dict:
    """Kills during restore-then-delete loops: the store holds the backup's content or one less.

    The child deletes at most one meeting between restores, so a store missing
    more, or holding anything else, was damaged by a kill.
    """
    with assert_sound(store) as services:
        source = store.with_name("restore-source.db")
        write_backup(services.db, source)
        titles = sorted(m.title for m in services.meetings.list())
    restores = 0
    for point in points:
        done = run_and_kill("restore", store, point.delay, str(source), after=point.after)
        with assert_sound(store) as services:
            now = sorted(m.title for m in services.meetings.list())
            assert now == titles or (len(now) == len(titles) - 1 and set(now) < set(titles)), now
        restores += len(done)
    return {"kills": len(points), "committed restores": restores}


def sweep_journal(folder: Path, points: list[KillPoint]) -> dict:
    """Kills while typing is journalled: the next start says so and offers the latest text."""
    from briefing.recovery.journal import CrashJournal

    records, skipped = 0, 0
    for n, point in enumerate(points):
        where = folder / f"journal-{n}"
        done = run_and_kill("journal", where, point.delay, after=point.after)
        recovery = CrashJournal(where).start_session()
        assert recovery.unclean
        last = max(done, default=-1)
        if last < 0:
            assert len(recovery.pending) <= 1
        else:
            [edit] = recovery.pending
            kept = int(edit.value.split("\n", 1)[0].split()[1])
            assert last <= kept <= last + 1, (last, kept)
        records += len(done)
        skipped += recovery.skipped_lines
    return {"kills": len(points), "records checked": records, "torn lines skipped": skipped}


def sweep_export(store: Path, folder: Path, points: list[KillPoint]) -> dict:
    """Kills while a book is exported again and again to one path: the file under that name is
    always absent (nothing finished yet) or one whole export — the last reported or the one after
    it — with the right page count; never a partial file."""

    import pikepdf
    import pypdf

    from briefing.pdf import render_pdf
    from tests.child_process import export_options, which_export

    with assert_sound(store) as services:
        brief = services.briefs.load(services.meetings.resolve("US–Japan Partnership on Trade — Round 1").id)
    pages = [render_pdf(brief, export_options("ref", i), io.BytesIO()).pages for i in (0, 1)]
    target = folder / "book.pdf"
    found = {"kills": len(points), "whole files checked": 0, "absent": 0, "temporary files left": 0}
    previous: tuple[int, int] | None = None
    for run, point in enumerate(points):
        done = run_and_kill("export", store, point.delay, f"{run}:{target}", after=point.after)
        others = [p.name for p in folder.iterdir() if p != target]
        assert all(n.startswith(f".{target.name}.") and n.endswith(".part") for n in others), others
        found["temporary files left"] = len(others)
        if not target.exists():
            assert previous is None and not done, (run, done)
            found["absent"] += 1
            continue
        data = target.read_bytes()
        reader = pypdf.PdfReader(io.BytesIO(data))
        which = which_export(" ".join(reader.pages[0].extract_text().split()))
        assert which is not None, run
        last = max(done, default=-1)
        # this run's latest export (reported, or finished just before the kill), else the file
        # an earlier run left
        assert which in ((run, last), (run, last + 1)) or (not done and which == previous), (which, run, last)
        assert len(reader.pages) == pages[which[1] % 2], (which, len(reader.pages))
        with pikepdf.open(io.BytesIO(data)) as pdf:
            assert pdf.check_pdf_syntax() == []
        found["whole files checked"] += 1
        previous = which
    return found
