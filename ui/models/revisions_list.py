"""``RevisionsListModel``: a note's saved versions, newest first — when, who, and what each changed."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt

from briefing.revisions.records import RevisionRecord
from briefing.vocabulary import SECTION_TITLES
from ui.models.record_rows import RecordRows
from ui.timefmt import clock, short_date

Index = QModelIndex | QPersistentModelIndex
REVISION_ROLE = Qt.ItemDataRole.UserRole + 1
#: Names of the single-value fields a revision may change.
VALUE_LABELS = {"status": "Status", "priority": "Priority", "owner": "Owner"}


def when(moment: datetime) -> str:
    """``28 Nov 2026 14:05`` in the computer's time zone."""
    local = moment.astimezone()
    return f"{short_date(local)} {clock(local)}"


def changed_fields(revision: RevisionRecord) -> str:
    """``Background, Red lines, Status``: the fields a revision changed, as the note calls them."""
    return ", ".join(SECTION_TITLES.get(f) or VALUE_LABELS.get(f, f) for f in revision.changed)


def describe(revision: RevisionRecord, restored_from: RevisionRecord | None = None) -> str:
    """Two lines: when and who; then what the revision is."""
    who = f" \u00b7 {revision.author}" if revision.author else ""
    head = f"{when(revision.saved_at)}{who}"
    if revision.kind == "original":
        return f"{head}\nBefore its first recorded change"
    if revision.kind == "restore":
        source = f" of {when(restored_from.saved_at)}" if restored_from else ""
        return f"{head}\nRestored the version{source}"
    return f"{head}\nChanged: {changed_fields(revision) or 'nothing'}"


class RevisionsListModel(RecordRows, QAbstractListModel):
    """One row per revision of one note, newest first (as ``HistoryService.revisions`` lists them)."""

    def set_revisions(self, revisions: Sequence[RevisionRecord]) -> None:
        self.replace_records(revisions)

    def revision(self, row: int) -> RevisionRecord | None:
        return self.record(row)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        revision = self.record(index.row()) if index.isValid() else None
        if revision is None:
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole,
                    Qt.ItemDataRole.ToolTipRole):
            restored = next((r for r in self.records if r.id == revision.restored_from_id), None)
            return describe(revision, restored)
        if role == REVISION_ROLE:
            return revision
        return None
