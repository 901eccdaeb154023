"""``BackupsTableModel``: the store's backups, newest first — when, why, how big."""

from __future__ import annotations

from briefing.backups.service import BackupRecord
from ui.models.listing_table import ListingTable
from ui.timefmt import day_time

TAKEN, REASON, SIZE = range(3)


def size_text(size_bytes: int) -> str:
    """``840 KB``, ``3.9 MB``."""
    if size_bytes < 1024 * 1024:
        return f"{max(1, round(size_bytes / 1024))} KB"
    return f"{size_bytes / (1024 * 1024):.1f} MB"


def taken_text(backup: BackupRecord) -> str:
    """When a backup was taken, in the computer's time zone."""
    return day_time(backup.taken_at.astimezone())


class BackupsTableModel(ListingTable):
    """One row per backup."""

    HEADERS = {TAKEN: "Taken", REASON: "Why", SIZE: "Size"}

    def backup(self, row: int) -> BackupRecord | None:
        return self.record(row)

    def cell(self, backup: BackupRecord, column: int) -> str:
        if column == TAKEN:
            return taken_text(backup)
        if column == REASON:
            return backup.reason_label.capitalize()
        return size_text(backup.size_bytes)

    def tooltip(self, backup: BackupRecord, column: int) -> str:
        return str(backup.path)
