"""Backup policy: when the store is copied, where the copies go, how many are kept; and restore.

Automatic backups are taken at start-up when the newest is more than a day old
(by ``Services.open`` for the command line; the desktop app takes it in a worker
thread after its first paint, ``ui/daily_backup.py``), before every schema
upgrade and before every import into a store that holds something.
``main.py backup`` and ``main.py restore`` use the same service, and the GUI's
"restore from a list" dialog reads ``list()``. A store found damaged (read-only
for the session) can still be restored: what it held is then kept as a plain
copy of its file, damage and all (reason ``damaged-before-restore``), not as a
checked backup, which it could not give. Backups live in a ``backups/``
folder beside the store, named ``<store>-<UTC time>-<reason>.db``; the newest
``keep`` (default 10) are kept. The copying itself is ``db/backup.py``.

A PostgreSQL store is the server's to back up: every call here says so.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from briefing.errors import ReadOnlyStoreError, StoreError
from briefing.output import replace_with
from db.backup import (
    Progress,
    copy_store_to,
    inspect_backup,
    keep_damaged_copy,
    restore_backup,
    sweep_partials,
    write_backup,
)
from db.engine import Database

DEFAULT_KEEP = 10
DAILY_EVERY = timedelta(days=1)
FOLDER_NAME = "backups"

DAILY = "daily"
MANUAL = "manual"
BEFORE_IMPORT = "before-import"
BEFORE_RESTORE = "before-restore"
DAMAGED_BEFORE_RESTORE = "damaged-before-restore"

_LABELS = {
    DAILY: "daily, at start-up",
    MANUAL: "made on request",
    BEFORE_IMPORT: "before an import",
    BEFORE_RESTORE: "before a restore replaced the store",
    DAMAGED_BEFORE_RESTORE: "the damaged store, as it was when a restore replaced it (unchecked)",
}
#: Files SQLite keeps beside a store while it is open: a backup must never be written over one.
_STORE_COMPANIONS = (("-wal", "it is the store's write-ahead log, which holds its latest changes"),
                     ("-shm", "it is the store's shared-memory index"),
                     ("-journal", "it is the store's rollback journal"))
SEEN_SUFFIX = ".seen"
_STAMP = "%Y%m%dT%H%M%SZ"
_NAME = re.compile(r"^(?P<stem>.+)-(?P<stamp>\d{8}T\d{6}Z)-(?P<reason>[a-z0-9-]+)(?:~\d+)?\.db$")


def reason_label(reason: str) -> str:
    """A backup's reason in words."""
    if reason.startswith("before-upgrade-"):
        return "before a schema upgrade (" + reason.removeprefix("before-upgrade-").replace("-", " ") + ")"
    return _LABELS.get(reason, reason)


@dataclass(frozen=True, slots=True)
class BackupRecord:
    """One backup of the store: where it is, when it was taken (UTC) and why."""

    path: Path
    taken_at: datetime
    reason: str
    size_bytes: int

    @property
    def reason_label(self) -> str:
        """The reason in words, for a list of backups."""
        return reason_label(self.reason)


class BackupService:
    """Backups of one SQLite store: take, list, rotate and restore them."""

    def __init__(self, db: Database, *, keep: int = DEFAULT_KEEP, folder: Path | None = None,
                 user: str = "") -> None:
        self.db = db
        self.user = user
        self.keep = max(1, keep)
        self._folder = folder

    @property
    def available(self) -> bool:
        """True for an SQLite file store (anything else is backed up by its server)."""
        return self.db.path is not None

    @property
    def restorable(self) -> bool:
        """True when a backup can be restored over the store here: an SQLite file this session
        may write, or one it stopped writing only because it found it damaged."""
        if not self.available:
            return False
        try:
            self.db.check_writable(despite_damage=True)
        except ReadOnlyStoreError:
            return False
        return True

    @property
    def folder(self) -> Path:
        """Where this store's backups live (``backups/`` beside it unless given)."""
        return self._folder or self._store().parent / FOLDER_NAME

    # -- reading -----------------------------------------------------------------

    def list(self) -> list[BackupRecord]:
        """This store's backups, newest first."""
        if not self.available or not self.folder.is_dir():
            return []
        stem = self._store().stem
        found = []
        for path in self.folder.iterdir():
            match = _NAME.match(path.name)
            if match is None or match["stem"] != stem or not path.is_file():
                continue
            taken = datetime.strptime(match["stamp"], _STAMP).replace(tzinfo=UTC)
            found.append(BackupRecord(path, taken, match["reason"], path.stat().st_size))
        # Same second: "name~2.db" sorts after "name.db", as it was taken after it.
        return sorted(found, key=lambda b: (b.taken_at, b.path.name), reverse=True)

    def latest(self) -> BackupRecord | None:
        """The newest backup, or None."""
        backups = self.list()
        return backups[0] if backups else None

    # -- writing -----------------------------------------------------------------

    def create(self, reason: str = MANUAL, *, now: datetime | None = None,
               prune: bool = True, progress: Progress | None = None) -> BackupRecord:
        """Back the store up into the backups folder now, then drop the oldest beyond ``keep``.

        ``progress`` hears the share copied (0 to 1), for a progress bar.
        """
        store = self._store()
        if not re.fullmatch(r"[a-z0-9-]+", reason):
            raise ValueError(f"a backup reason is lower-case words and dashes, not {reason!r}")
        now = (now or datetime.now(UTC)).astimezone(UTC)
        self._make_folder()
        target = self._free_name(store.stem, now, reason)
        size = write_backup(self.db, target, progress)
        record = BackupRecord(target, now.replace(microsecond=0), reason, size)
        if prune:
            self.prune()
        return record

    def save_as(self, target: Path) -> BackupRecord:
        """Back the store up to a file of the user's choosing (not rotated).

        ``target`` is written as every file the user names is (``briefing/output.py``),
        and never over the store, a file SQLite keeps beside it, or a ``.seen`` record.
        """
        store = self._store()
        target = Path(target).expanduser().absolute()
        refuse = [(store, "it is the store itself"),
                  *((store.with_name(store.name + suffix), why) for suffix, why in _STORE_COMPANIONS)]
        if target.name.endswith(SEEN_SUFFIX):
            refuse.append((target, "it is the record of a store's last check (a .seen file)"))
        now = datetime.now(UTC).replace(microsecond=0)
        written = replace_with(target, lambda temp: copy_store_to(self.db, temp, named=target), refuse=refuse)
        return BackupRecord(written, now, MANUAL, written.stat().st_size)

    def before_upgrade(self, reason: str) -> BackupRecord | None:
        """The backup ``ensure_schema`` takes before it upgrades (the server's job off SQLite)."""
        return self.create(reason) if self.available else None

    def due(self, now: datetime | None = None) -> bool:
        """True when the newest backup is more than a day old (or there is none)."""
        latest = self.latest()
        now = now or datetime.now(UTC)
        return latest is None or now - latest.taken_at >= DAILY_EVERY

    def daily_if_due(self, now: datetime | None = None) -> BackupRecord | None:
        """The start-up backup: taken only when due, for a store that can be backed up here."""
        if not self.available or self.db.read_only or not self.due(now):
            return None
        return self.create(DAILY, now=now)

    def prune(self) -> list[Path]:
        """Delete the backups beyond ``keep`` (oldest first) and leftovers of killed backups."""
        removed = [b.path for b in self.list()[self.keep:]]
        for path in removed:
            path.unlink(missing_ok=True)
        if self.folder.is_dir():
            removed += sweep_partials(self.folder)
        return removed

    def restore(self, source: Path, progress: Progress | None = None) -> BackupRecord:
        """Replace the store with the backup ``source``; returns the backup taken of what it replaced.

        ``source`` is checked first (a Briefbook store, sound, not from a newer
        Briefbook); the store as it was is backed up before anything changes, and an
        older backup is upgraded to this build's schema afterwards. The safety
        backup is taken under the store's write lock, held until the copy is in:
        a write by another window or process either commits before it (and is in
        the safety backup) or waits, and fails as busy if the wait is too long —
        none is lost between the two. ``progress`` hears the share done (0 to 1)
        over the staging, the safety backup and the copy.

        A store found damaged (``Database.check_integrity``) is restored too, and is
        writable again afterwards: its safety copy is its file as it is, unchecked
        (``DAMAGED_BEFORE_RESTORE``). So is one whose damage the safety backup's
        own check is first to find.
        """
        from db.migrate import ensure_schema

        store = self._store()
        source = inspect_backup(Path(source)).path
        if store.exists() and source.samefile(store):
            raise StoreError(f"Cannot restore {store} from itself. Choose a backup file.")
        self.db.check_writable(despite_damage=True)
        safety: list[BackupRecord] = []

        def back_up_what_is_replaced(part: Progress | None) -> None:
            if not self.db.damage:
                try:
                    safety.append(self.create(BEFORE_RESTORE, prune=False, progress=part))
                    return
                except StoreError:  # damage the scan had not found yet fails the copy or its check
                    if not self.db.check_integrity():  # the store is sound: the error is the copy's
                        raise
            safety.append(self._keep_damaged(part))

        restore_backup(self.db, source, progress, while_locked=back_up_what_is_replaced)
        ensure_schema(self.db, backup=self.before_upgrade)
        self._log_restore()
        self.prune()
        return safety[0]

    # -- internals ---------------------------------------------------------------

    def _log_restore(self) -> None:
        """The restore in the restored store's change log (it is the store's history from now on)."""
        from briefing.changelog.records import STORE_RESTORED
        from briefing.changelog.service import record
        from briefing.config import default_user_name

        with self.db.write() as s:
            record(s, STORE_RESTORED, "", None, user=self.user or default_user_name())

    def _keep_damaged(self, progress: Progress | None) -> BackupRecord:
        """The damaged store's file, copied as it is into the backups folder (not rotated here)."""
        now = datetime.now(UTC)
        self._make_folder()
        target = self._free_name(self._store().stem, now, DAMAGED_BEFORE_RESTORE)
        size = keep_damaged_copy(self.db, target)
        if progress is not None:
            progress(1.0)
        return BackupRecord(target, now.replace(microsecond=0), DAMAGED_BEFORE_RESTORE, size)

    def _make_folder(self) -> None:
        if self.folder.exists() and not self.folder.is_dir():
            raise StoreError(f"Cannot keep backups in {self.folder}: a file of that name is in the "
                             "way. Move or rename it.")
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise StoreError(
                f"Cannot create the backups folder {self.folder}: {error.strerror or error}."
            ) from None

    def _store(self) -> Path:
        if self.db.path is None:
            raise StoreError(
                f"{self.db.location} is not an SQLite file: backing it up and restoring it are "
                "the database server's job (for PostgreSQL, pg_dump and pg_restore). "
                "Ask whoever runs the server."
            )
        return self.db.path

    def _free_name(self, stem: str, now: datetime, reason: str) -> Path:
        base = f"{stem}-{now.strftime(_STAMP)}-{reason}"
        target, n = self.folder / f"{base}.db", 1
        while target.exists():
            n += 1
            target = self.folder / f"{base}~{n}.db"
        return target
