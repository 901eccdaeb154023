"""``WindowJournal``: the window's side of the crash-recovery journal (``briefing.recovery.journal``).

Forms record what is typed but not yet written (a quarter of a second after a
keystroke, and at once when a write fails) and mark it committed once the store
has it. A table cell's value and a row command (add, delete, move…) whose write
waits for a server that is away are kept too, until written (``ui.undo.waiting_writes``),
so that a kill while offline loses nothing. A journal that cannot be written (a
full disk) must not stop typing or saving: the problem is said once in the status
bar, and the next record tries again.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from briefing.errors import StoreError

if TYPE_CHECKING:
    from briefing.recovery.journal import CrashJournal, PendingEdit, Recovery
    from briefing.recovery.row_changes import PendingRowChange, RowChange
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

    def record_cell(self, entity: str, entity_id: int, field: str, value: Any, base_version: int | None,
                    meeting_id: int | None) -> bool:
        """Keep a table cell's value whose write waits for the store; False when it could not be kept."""
        self._recorded.pop((entity, entity_id, field), None)
        try:
            self.journal.record(entity, entity_id, field, "", base_version, data=value, meeting_id=meeting_id)
        except ValueError:  # a value of a kind the journal cannot keep exactly: its text, then
            return self._keep(lambda: self.journal.record(entity, entity_id, field, str(value), base_version,
                                                          meeting_id=meeting_id))
        except (StoreError, OSError) as error:
            self._failed(error)
            return False
        self.problem = None
        return True

    def cell_written(self, entity: str, entity_id: int, field: str, value: Any) -> None:
        """The store has a cell's value (or refused it, said then): forget it, unless typed since."""
        from briefing.recovery.typed import shown_text

        try:
            self.journal.committed(entity, entity_id, field, shown_text(value))
        except (StoreError, OSError) as error:
            self._failed(error)

    def record_row(self, change: RowChange) -> str | None:
        """Keep a change to a list whose write waits for the store; its token (None: not kept)."""
        try:
            token = self.journal.record_row(change)
        except ValueError as error:  # a value the journal cannot keep exactly
            self._failed(ValueError(f"A change to a list cannot be kept for a crash: {error}"))
            return None
        except (StoreError, OSError) as error:
            self._failed(error)
            return None
        self.problem = None
        return token

    def row_written(self, token: str, made_id: int | None = None) -> None:
        """The store has the change ``token`` (or refused it, said then): forget it."""
        self._keep(lambda: self.journal.row_written(token, made_id))

    def discard_row(self, token: str) -> None:
        """The user chose not to replay this change."""
        self._keep(lambda: self.journal.discard_row(token))

    def pending_rows(self) -> tuple[PendingRowChange, ...]:
        """The changes to lists kept and not yet written, oldest first."""
        return self.journal.pending_rows()

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

    def _keep(self, write) -> bool:
        try:
            write()
        except (StoreError, OSError) as error:
            self._failed(error)
            return False
        return True

    def _failed(self, error: Exception) -> None:
        message = str(error)
        if message != self.problem:
            self.problem = message
            self.status.failed(message)
