"""What an ``EditorForm`` does with typing the store does not have yet: waiting, refused, kept.

A write that failed for a reason that may pass (a full disk, a server that cannot be
reached: ``TransientStoreError``) is tried again by itself, after 1 s, then 2, 4… up
to 30 s, until it works; while the server is away the whole window says "Offline — N
changes waiting" (``ui.live``) and ``retry_now`` writes at once when it answers again.
A value the service refused stays in its editor (``refused``) until the user changes it
or ``discard``s it. Until it is written, what was typed is kept in the crash-recovery
journal too (``keep_in_journal``): text as text, a time as ISO text in UTC, a number
or no value (no end, no budget) as the value it is.

``WaitingTyping`` is the form's side of it, mixed into ``EditorForm``
(``ui.forms.form``), whose state it reads.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QWidget

from briefing.errors import TransientStoreError
from ui.forms.bindings import Binding
from ui.live.offline import store_unreachable

if TYPE_CHECKING:
    from ui.context import AppContext
    from ui.undo.kinds import RowKind

#: The first and the longest wait before a write that failed for a passing reason is tried again.
RETRY_FIRST_MS = 1000
RETRY_MAX_MS = 30_000
#: How the status bar begins while writes wait for the store to come back.
OFFLINE = "Offline"


class WaitingTyping:
    """Retries, refusals and the journal of an ``EditorForm`` (its state is the form's)."""

    ctx: AppContext
    kind: RowKind
    row_id: int | None
    retry_ms: int
    _retrying: set[Binding]
    _refusals: dict[Binding, tuple[str, str | None]]
    _failed: dict[Binding, tuple[dict[str, Any], int]]
    _in_flight: dict[Binding, int]
    _offline: bool
    _retry_timer: QTimer

    def pending(self) -> list[Binding]: ...  # (the form's)
    def write_soon(self) -> None: ...
    def flush(self, *, end_burst: bool = False) -> bool: ...
    def _changes(self, binding: Binding) -> dict[str, Any]: ...

    def _retry_later(self, binding: Binding, error: TransientStoreError) -> None:
        """Keep the text in the editor and the journal, say so, and try again after a wait."""
        self._retrying.add(binding)
        self.keep_in_journal([binding])
        seconds = self.retry_ms / 1000
        when = f"{seconds:g} second{'s' if seconds != 1 else ''}"
        self._offline = getattr(error, "offline", False)
        if self._offline:  # the server cannot be reached (db.driver_errors.translate_error): said briefly
            waiting = sum(len(self._changes(b)) for b in self._retrying)
            self.ctx.status.failed(f"{OFFLINE} — {waiting} change{'s' if waiting != 1 else ''} waiting: "
                                   f"{self.ctx.services.db.location} cannot be reached. Your text stays "
                                   f"here; trying again in {when}.")
            binding.set_error(f"Not saved yet: the store cannot be reached. Trying again in {when}.")
            store_unreachable(self.ctx, error)  # the whole window goes offline now, not at its next poll
        else:
            self.ctx.status.failed(f"Not saved yet: {error} Your text stays here; trying again in {when}.")
            binding.set_error(f"Not saved yet ({error}). Trying again in {when}.")
        self._retry_timer.start(self.retry_ms)
        self.retry_ms = min(self.retry_ms * 2, RETRY_MAX_MS)

    def retry_now(self) -> None:
        """The store answers again: write what waits now, not after the next back-off."""
        if self._retrying:
            self._retry_timer.stop()
            self.retry_ms = RETRY_FIRST_MS
            self.write_soon()

    def waiting(self) -> int:
        """How many fields hold typing the store does not have yet (waiting, refused or on the way)."""
        return sum(len(self._changes(b)) for b in self.pending()) + len(self._in_flight)

    def _retry(self) -> None:
        """Try the waiting writes again: in the background while the server cannot be reached
        (a connection attempt may take long), else at once (a disk that was full)."""
        if self.ctx.closed:
            return  # the window closed with this text waiting: the next start offers it back
        if self._offline:
            self.write_soon()
        else:
            self.flush()

    def keep_in_journal(self, bindings: list[Binding] | None = None) -> None:
        """Put the typed text of ``bindings`` (default: every pending one) into the journal."""
        journal = self.ctx.journal
        if journal is None or self.row_id is None:
            return
        version = self.ctx.writer.version(self.kind, self.row_id)
        for binding in self.pending() if bindings is None else bindings:
            for field, value in self._changes(binding).items():
                text = journal_text(value)
                if text is not None:
                    journal.record(self.kind.name, self.row_id, field, text, version)
                else:  # a number, or nothing (no end, no budget): kept as the value it is
                    latest = self.ctx.writer.latest(self.kind, self.row_id)
                    meeting_id = self.kind.meeting_of(latest) if latest is not None else None
                    journal.record_cell(self.kind.name, self.row_id, field, value, version, meeting_id)

    # -- refused values ----------------------------------------------------------

    def refused(self) -> list[tuple[Binding, str]]:
        """The editors holding a value the store refused (not one waiting to be tried again),
        each with the message shown next to it."""
        return [(b, self._refusals.get(b, ("", None))[0]) for b in self.pending()
                if b in self._failed and b not in self._retrying]

    def refused_widget(self, binding: Binding) -> QWidget:
        """The editor of ``binding`` the refusal is about (e.g. Ends, not the zone beside it)."""
        field = self._refusals.get(binding, ("", None))[1]
        label = self.kind.label(field) if field else None
        return next((w for w in binding.widgets if label and w.accessibleName() == label),
                    binding.widgets[0])

    def discard(self, binding: Binding) -> None:
        """Put the stored value back into ``binding``'s editors and forget the typed one
        (in the journal too)."""
        record = None if self.row_id is None else self.ctx.writer.latest(self.kind, self.row_id)
        if self.ctx.journal is not None and self.row_id is not None:
            for field in binding.fields:
                self.ctx.journal.discard(self.kind.name, self.row_id, field)
        self._failed.pop(binding, None)
        self._refusals.pop(binding, None)
        binding.set_error(None)
        if record is not None:
            binding.show(record)


def journal_text(value: Any) -> str | None:
    """A typed value as the journal keeps it as text: text as it is, a time as ISO text in UTC;
    None for values that are not text (a number, no end): those are kept as the values they are."""
    if isinstance(value, str):
        return value
    if isinstance(value, datetime):
        return str(value.astimezone(UTC))
    return None
