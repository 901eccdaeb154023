"""``EditorForm``: editors bound to one record; typed text is written after a pause, undoably.

Typing stays in the editor until the user pauses (``ctx.autosave_ms``), leaves the
field, presses Enter, or the panel is flushed (meeting change, undo, close).
Then each changed binding becomes one ``EditCommand``, written off the GUI thread in
the ``WRITES`` lane (``ui.undo.background_write``): the window goes on taking
keystrokes while the store takes its time — after a pause, on leaving a field, on
Enter, on undo and redo and on switching meetings (``writes_in_background``). Only
``flush()`` outside that waits until the writes started have ended, so that what
follows reads them (the window's close, an export). Undo and redo of an edit show the
values in the editor at once and the store follows in turn (``_follow``); a refusal
puts back what the store holds.
A field someone else saved while the user was typing in it goes to the conflict
dialog when the view re-reads the row (``load``: live updates, ``ui.live``); while the user keeps
typing in the same field (no focus change, no pause over ``BURST_IDLE_S``) the
commands merge into one undo step. A value the service refuses stays in the
editor with the message next to the field and in the status bar; it is tried
again once the user changes it or another write succeeds. It is never dropped
without asking: ``refused()`` lists such values, and before the panel shows
another meeting or the window closes the user chooses to keep editing or to
``discard()`` them (``ui.forms.refused``). A write that failed
for a reason that may pass (a full disk, an I/O error: ``TransientStoreError``)
is tried again by itself, after 1 s, then 2, 4… up to 30 s, until it works; a server
that cannot be reached makes the status say "Offline — N changes waiting", and the
retry runs in the background (``retry_now`` when the store answers again).
On a read-only store the editors show the record but cannot be edited.

Until it is written, typed text is also kept in the crash-recovery journal
(``ctx.journal``): a quarter of a second after a keystroke (at least once a
second while typing goes on), and at once when a write fails; a successful
write or a discard settles it. Times go in as ISO text in UTC (the form the
services read back); a number, or no value (no end, no budget), as the value it is.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget

import ui.forms.waiting as waiting
from briefing.errors import TransientStoreError, ValidationError
from ui.conflicts.conflict import Conflict
from ui.forms.background import ShownRecord, background_only
from ui.forms.bindings import Binding
from ui.forms.undo_keys import route_undo_keys
from ui.forms.waiting import WaitingTyping
from ui.recovery.journal import JOURNAL_MAX_WAIT_MS, JOURNAL_MS
from ui.undo.background_write import wait_for_writes
from ui.undo.command import Outcome, describe
from ui.undo.edit import EditCommand
from ui.undo.kinds import RowKind

if TYPE_CHECKING:
    from ui.context import AppContext

#: A pause longer than this (seconds) starts a new undo step even in the same field.
BURST_IDLE_S = 5.0


class _Burst:
    """A typing burst: edits pushed with the same token merge into one undo step."""

    def __init__(self) -> None:
        self.last_push = time.monotonic()


class EditorForm(QObject, WaitingTyping):
    """The bindings of one panel's record (a meeting, a note, a person)."""

    def __init__(self, ctx: AppContext, kind: RowKind, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.kind = kind
        self.bindings: list[Binding] = []
        self.row_id: int | None = None
        self._stored: dict[str, Any] = {}
        self._bursts: dict[Binding, _Burst] = {}
        self._failed: dict[Binding, tuple[dict[str, Any], int]] = {}
        self._refusals: dict[Binding, tuple[str, str | None]] = {}  # message, field refused
        self._successes = 0
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._on_pause)
        self._journal_timer = QTimer(self)
        self._journal_timer.setSingleShot(True)
        self._journal_timer.timeout.connect(self.keep_in_journal)
        self._journal_due = 0.0
        self._retry_timer = QTimer(self)
        self._retry_timer.setSingleShot(True)
        self._retry_timer.timeout.connect(self._retry)
        self._offline = False  # the last write waiting to be tried again could not reach the server
        self._in_flight: dict[Binding, int] = {}  # writes started and not yet ended, per binding
        self._conflicted: dict[Binding, int | None] = {}  # the row's version a conflict was asked about
        self.retry_ms = waiting.RETRY_FIRST_MS
        self._retrying: set[Binding] = set()
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        app.focusChanged.connect(self._on_focus_changed)
        ctx.events.sig_conflict_resolved.connect(self._on_conflict_resolved)

    # -- set-up ------------------------------------------------------------------

    def bind(self, binding: Binding) -> Binding:
        """Add a binding; its editors are disabled until a record is loaded."""
        self.bindings.append(binding)
        binding.sig_edited.connect(self._on_edited)
        binding.sig_committed.connect(self.write_soon)  # Enter: written in turn, never waited for
        for widget in binding.widgets:
            route_undo_keys(widget)
        binding.set_enabled(self.row_id is not None)
        if self.ctx.services.read_only:
            binding.set_editable(False)
        return binding

    # -- showing a record --------------------------------------------------------

    def load(self, record: Any | None) -> None:
        """Show ``record``; for the row already shown, keep what the user is still typing (and ask
        about a field someone else saved meanwhile: ``_changed_under``)."""
        conflicts: list[tuple[Binding, dict[str, Any]]] = []
        expected = {} if record is None else self.ctx.writer.expected(self.kind, record.id)
        if expected:  # an undo or redo of it is on its way to the store: shown as it will be
            record = ShownRecord(record, expected)
        if record is None or record.id != self.row_id:
            self._timer.stop()
            self._journal_timer.stop()
            self._retry_timer.stop()
            self._retrying.clear()
            self._in_flight.clear()
            self._conflicted.clear()
            self._bursts.clear()
            self._failed.clear()
            self._refusals.clear()
            self.row_id = None if record is None else record.id
            self._stored = {}
            for binding in self.bindings:
                binding.set_error(None)
                binding.set_enabled(record is not None)
                if self.ctx.services.read_only:
                    binding.set_editable(False)
                if record is not None:
                    binding.show(record)
        else:
            conflicts = [(b, {f: self._stored.get(f) for f in self._changes(b)}) for b in self.bindings
                         if b not in self._in_flight and self._changed_under(b, record)]
            for binding in self.bindings:
                if not self._differs(binding) and binding not in self._in_flight:
                    binding.show(record)  # (a binding being written shows what was typed)
        if record is not None:
            writing = self._writing_fields()  # what is on its way keeps its value until it lands
            self._stored = {f: self._stored[f] if f in writing and f in self._stored else getattr(record, f)
                            for b in self.bindings for f in b.fields}
            if conflicts:
                self._conflict(conflicts, record)

    def _changed_under(self, binding: Binding, record: Any) -> bool:
        """The user is typing in ``binding`` and someone else saved another value of it meanwhile
        (asked about once per version of the row)."""
        if not self._differs(binding) or self._conflicted.get(binding) == getattr(record, "version", None):
            return False
        return any(f in self._stored and getattr(record, f) != self._stored[f] for f in binding.fields)

    def _conflict(self, conflicts: list[tuple[Binding, dict[str, Any]]], record: Any) -> None:
        """Hand the typed values of the bindings (typed over ``base``) to the conflict dialog; they
        wait (unwritten, in the editor and the journal) until the user has chosen."""
        assert self.row_id is not None
        for binding, base in conflicts:
            self._conflicted[binding] = getattr(record, "version", None)
            mine = self._changes(binding)
            self._failed[binding] = (mine, self._successes)
            self.keep_in_journal([binding])
            self.ctx.events.sig_conflict.emit(Conflict(self.kind, self.row_id, mine, base, record))

    def _on_conflict_resolved(self, kind_name: str, row_id: int) -> None:
        """The user chose in a conflict about this row: the refused fields show the store's values."""
        record = self.ctx.writer.latest(self.kind, row_id)
        if kind_name != self.kind.name or row_id != self.row_id or record is None:
            return
        for binding in self.bindings:
            if binding in self._failed or not self._differs(binding):
                binding.set_error(None)
                binding.show(record)
        self._failed.clear()
        self._stored = {f: getattr(record, f) for b in self.bindings for f in b.fields}

    def pending(self) -> list[Binding]:
        """The bindings whose editors hold something not yet written."""
        if self.row_id is None:
            return []
        return [b for b in self.bindings if self._differs(b)]

    # -- writing -----------------------------------------------------------------

    def flush(self, *, end_burst: bool = False) -> bool:
        """Write every pending value now and wait until the store has it (or refused it), unless
        inside ``writes_in_background()``; True when nothing is left unwritten."""
        self.write_soon()
        if self._in_flight and not background_only():
            wait_for_writes()
        if end_burst:
            self._bursts.clear()
        return not self.pending()

    def write_soon(self) -> None:
        """Start writing every pending value in the background (``WRITES``) and return at once:
        typing goes on while the store takes its time; the outcome arrives by itself."""
        self._timer.stop()
        self._journal_timer.stop()
        for binding in self.pending():
            changes = self._changes(binding)
            failed = self._failed.get(binding)
            if failed is not None and failed == (changes, self._successes):
                continue  # the same refused value: wait for the user to change it
            self._push(binding, changes)

    def _push(self, binding: Binding, changes: dict[str, Any]) -> None:
        assert self.row_id is not None
        row_id = self.row_id
        old = {f: self._stored.get(f) for f in changes}
        self.keep_in_journal([binding])  # kept until the store has it: a kill while it waits loses nothing
        command = EditCommand(self.ctx, self.kind, row_id, old, changes, burst=self._burst(binding),
                              background=True,
                              on_done=lambda outcome: self._written(row_id, binding, changes, old, outcome),
                              follow=lambda values: self._follow(row_id, binding, values))
        self._stored.update(changes)  # on its way: not pending again unless typed on or refused
        self._in_flight[binding] = self._in_flight.get(binding, 0) + 1
        self.ctx.undo_stack.push(command)

    def _written(self, row_id: int, binding: Binding, changes: dict[str, Any], old: dict[str, Any],
                 outcome: Outcome) -> None:
        """A write started by ``_push`` has ended (on the GUI thread)."""
        left = self._in_flight.get(binding, 0) - 1
        if left > 0:
            self._in_flight[binding] = left
        else:
            self._in_flight.pop(binding, None)
        journal = self.ctx.journal
        if row_id != self.row_id:  # the form shows another row now; a refused text stays in the journal
            if outcome.ok and journal is not None:
                for field in changes:
                    journal.committed(self.kind.name, row_id, field)
            return
        error = outcome.error
        if error is not None:
            for field, value in old.items():  # the store still holds what it held: the text is pending
                if field not in self._writing_fields():
                    self._stored[field] = value
            if isinstance(error, TransientStoreError):
                self._retry_later(binding, error)
                return
            self._failed[binding] = (changes, self._successes)
            field = error.field if isinstance(error, ValidationError) else None
            message = describe(error, self.kind)
            self._refusals[binding] = (message, field)
            binding.set_error(message)
            self.keep_in_journal([binding])
            return
        self._retrying.discard(binding)
        if not self._retrying:
            self.retry_ms = waiting.RETRY_FIRST_MS
        if journal is not None:
            for field in changes:
                journal.committed(self.kind.name, row_id, field)
        self._successes += 1
        self._failed.pop(binding, None)
        self._refusals.pop(binding, None)
        binding.set_error(None)
        writing = self._writing_fields()
        self._stored.update({f: getattr(outcome.record, f) for f in self._stored if f not in writing})
        if self._differs(binding):
            self.keep_in_journal([binding])  # typed on while it was written: kept again

    def _follow(self, row_id: int, binding: Binding, values: dict[str, Any]
                ) -> Callable[[Outcome], None] | None:
        """Undo or redo is about to write ``values`` of ``binding``: the editor shows them now
        (unless it holds something else not written, or shows another row) and the store follows."""
        row_id = self.ctx.writer.current_id(self.kind, row_id)
        record = self.ctx.writer.latest(self.kind, row_id)
        if row_id != self.row_id or record is None or self._differs(binding):
            return None  # shown when the view shows the row (``load``: ``RecordWriter.expected``)
        before = {f: self._stored.get(f) for f in values}
        self._stored.update(values)
        self._in_flight[binding] = self._in_flight.get(binding, 0) + 1
        binding.show(ShownRecord(record, values))
        return lambda outcome: self._followed(row_id, binding, values, before, outcome)

    def _followed(self, row_id: int, binding: Binding, values: dict[str, Any], before: dict[str, Any],
                  outcome: Outcome) -> None:
        """The write of an undo or redo shown at once has ended: keep it, or (refused: the command
        is dropped) show the store's values again where nothing was typed over them."""
        left = self._in_flight.get(binding, 0) - 1
        if left > 0:
            self._in_flight[binding] = left
        else:
            self._in_flight.pop(binding, None)
        if self.ctx.writer.current_id(self.kind, row_id) != self.row_id:
            return
        writing = self._writing_fields()
        if outcome.ok:
            self._stored.update({f: getattr(outcome.record, f) for f in self._stored if f not in writing})
            return
        untouched = all(binding.value().get(f) == v for f, v in values.items())
        for field, value in before.items():
            if field not in writing:
                self._stored[field] = value
        record = self.ctx.writer.latest(self.kind, self.row_id)
        if untouched and binding not in self._in_flight and record is not None:
            binding.show(record)

    def _writing_fields(self) -> set[str]:
        """The fields with a write on its way."""
        return {f for b in self._in_flight for f in b.fields}

    def _burst(self, binding: Binding) -> _Burst:
        burst = self._bursts.get(binding)
        now = time.monotonic()
        if burst is None or now - burst.last_push > BURST_IDLE_S:
            burst = self._bursts[binding] = _Burst()
        burst.last_push = now
        return burst

    def _changes(self, binding: Binding) -> dict[str, Any]:
        return {f: v for f, v in binding.value().items() if self._stored.get(f) != v}

    def _differs(self, binding: Binding) -> bool:
        return self.row_id is not None and bool(self._changes(binding))

    # -- triggers ----------------------------------------------------------------

    def _on_edited(self) -> None:
        if self.row_id is None:
            return
        if not (self._offline and self._retrying):  # "Offline — N changes waiting" stays said
            self.ctx.status.saving()
        self._timer.start(self.ctx.autosave_ms)
        if self.ctx.journal is not None:
            now = time.monotonic()
            if not self._journal_timer.isActive():
                self._journal_due = now + JOURNAL_MAX_WAIT_MS / 1000
            self._journal_timer.start(max(0, min(JOURNAL_MS, int((self._journal_due - now) * 1000))))

    def _on_pause(self) -> None:
        if not self.ctx.closed:
            self.write_soon()

    def _on_focus_changed(self, old: QWidget | None, new: QWidget | None) -> None:
        """Leaving a bound editor (not for its own popup) writes what was typed and ends the burst."""
        left = self._bound(old)
        if left is None or self._bound(new) == left or QApplication.activePopupWidget():
            return
        self.write_soon()  # written in turn: leaving a field never waits for the store
        self._bursts.pop(left[0], None)

    def _bound(self, widget: QWidget | None) -> tuple[Binding, QWidget] | None:
        """The binding and bound editor that ``widget`` is (or is part of, e.g. a spin box's line)."""
        while widget is not None:
            for binding in self.bindings:
                if widget in binding.widgets:
                    return binding, widget
            if widget.isWindow():
                return None
            widget = widget.parentWidget()
        return None
