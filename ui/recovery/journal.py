"""``WindowJournal``: the window's side of the crash-recovery journal (``briefing.recovery.journal``).

Forms record what is typed but not yet written (a quarter of a second after a
keystroke, and at once when a write fails) and mark it committed once the store
has it. A journal that cannot be written (a full disk) must not stop typing or
saving: the problem is said once in the status bar, and the next record tries again.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from briefing.errors import StoreError

if TYPE_CHECKING:
    from briefing.recovery.journal import CrashJournal, PendingEdit, Recovery
    from briefing.services import Services
    from ui.status import StatusReporter

#: Typed text goes into the journal after this much idle time (milliseconds)…
JOURNAL_MS = 250
#: …and at least this often while the typing goes on without a pause.
JOURNAL_MAX_WAIT_MS = 1000

Key = tuple[str, int, str]


class WindowJournal:
    """Records and settles the unsaved edits of one window's session."""

    def __init__(self, journal: CrashJournal, status: StatusReporter) -> None:
        self.journal = journal
        self.status = status
        self.problem: str | None = None
        self._recorded: dict[Key, str] = {}

    @classmethod
    def start(cls, services: Services, status: StatusReporter) -> tuple[WindowJournal | None,
                                                                        Recovery | None, str | None]:
        """Begin this window's session: the journal, what earlier sessions left, and any problem.

        A read-only store has no journal (nothing can be typed); what an earlier
        session left stays on disk for a start that can write it.
        """
        from briefing.recovery.journal import CrashJournal

        if services.read_only:
            return None, None, None
        try:
            journal = CrashJournal.for_database(services.db)
            recovery = journal.start_session()
        except (StoreError, OSError) as error:
            return None, None, f"Unsaved typing cannot be kept for a crash: {error}"
        return cls(journal, status), recovery, None

    def record(self, entity: str, entity_id: int, field: str, value: str,
               base_version: int | None) -> None:
        """Keep a field's typed text (unless the journal holds exactly this text already)."""
        key = (entity, entity_id, field)
        if self._recorded.get(key) == value:
            return
        try:
            self.journal.record(entity, entity_id, field, value, base_version)
        except (StoreError, OSError) as error:
            self._failed(error)
            return
        self._recorded[key] = value
        self.problem = None

    def committed(self, entity: str, entity_id: int, field: str) -> None:
        """The store now holds what the field shows: forget its kept text."""
        self._settle(entity, entity_id, field, self.journal.committed)

    def discard(self, entity: str, entity_id: int, field: str) -> None:
        """The user chose not to keep this text."""
        self._settle(entity, entity_id, field, self.journal.discard)

    def pending(self) -> tuple[PendingEdit, ...]:
        """The edits kept and not yet written, oldest first."""
        return self.journal.pending()

    def end(self) -> None:
        """A clean exit (anything still pending stays for the next start)."""
        try:
            self.journal.end_session()
        except OSError as error:
            self._failed(error)

    def _settle(self, entity: str, entity_id: int, field: str, settle) -> None:
        self._recorded.pop((entity, entity_id, field), None)
        try:
            settle(entity, entity_id, field)
        except (StoreError, OSError) as error:
            self._failed(error)

    def _failed(self, error: Exception) -> None:
        message = str(error)
        if message != self.problem:
            self.problem = message
            self.status.failed(message)
