"""``LiveUpdates``: another member's saved change appears in this window within about a second.

Every ``POLL_MS`` a background task asks the store whether someone else committed
(``Services.change_watcher``: PostgreSQL's ``LISTEN/NOTIFY``, SQLite's
``data_version``); when so, the views of the open meeting re-read it through the
events they already listen to. What the user is typing is never replaced: a form
keeps a field that differs from the store, and when the store's value of that very
field changed meanwhile, it goes to the conflict dialog (``EditorForm.load``).

When the store cannot be reached, the status bar says "Offline — N changes
waiting" (what is typed stays in the editors and the crash journal); the watcher
keeps asking, less often, and once the store answers again every form writes what
was waiting, in order (row commands given offline first, ``ui.undo.waiting_writes``), and
the views re-read what others saved meanwhile. A view whose
own read finds the store away does not raise either: ``ui.live.offline`` turns it into this
offline state, and the views re-read only once the store's own connections answer again.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QObject, QTimer, Signal

from briefing.errors import BriefbookError, TransientStoreError
from ui.background import BackgroundTask, LatestLane
from ui.forms.form import EditorForm
from ui.live.offline import absorb_offline_errors, offline_absorbed, register
from ui.undo.waiting_writes import forget_waiting, waiting_list, write_waiting

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from ui.context import AppContext

#: How often the store is asked whether someone else changed it (milliseconds).
POLL_MS = 500
#: How often it is asked while it cannot be reached.
OFFLINE_POLL_MS = 2000

T = TypeVar("T")

def _once(ask: Callable[[], T]) -> T:
    return ask()


def _twice(ask: Callable[[], T]) -> T:
    try:
        return ask()
    except TransientStoreError:
        return ask()


class LiveUpdates(QObject):
    """Polls for other members' changes and for the store coming back; a child of the window."""

    sig_changed = Signal()
    """Someone else changed the store: the open meeting's views have been told to re-read."""

    sig_offline = Signal(str)
    """The store cannot be reached (why, in words)."""

    sig_online = Signal()
    """The store answers again after being offline."""

    def __init__(self, ctx: AppContext, window: QWidget, interval_ms: int = POLL_MS) -> None:
        super().__init__(window)
        self.ctx = ctx
        self.window = window
        self.interval_ms = interval_ms
        self.offline: str | None = None
        self.meeting_id = 0
        self._watcher = ctx.services.change_watcher()
        register(ctx, self)
        try:
            self._watcher.begin()  # before the window reads the store: nothing saved after is missed
        except BriefbookError:
            pass  # the first poll says so
        self._lane = LatestLane()
        self._unhook: Callable[[], None] = lambda: None
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.poll)
        ctx.events.sig_meeting_opened.connect(self._on_meeting_opened)

    def start(self) -> None:
        self._unhook = absorb_offline_errors(self.ctx)
        self._timer.start(self.interval_ms)
        self.poll()

    def stop(self) -> None:
        """Stop asking and close the watcher's connection (the window closes)."""
        self._timer.stop()
        self._unhook()
        self._lane.clear()
        self._lane.wait(5000)
        self._watcher.close()
        forget_waiting(self.ctx)  # (row commands still waiting for the store go with the window)

    def poll(self) -> None:
        """Ask once, in the background (a poll still running is not doubled)."""
        if self._lane.busy:
            return
        task = BackgroundTask(self._ask, self._lane)
        task.signals.sig_finished.connect(self._polled)
        task.signals.sig_failed.connect(self._failed)
        task.start()

    def _ask(self, _progress: object) -> tuple[bool, bool]:  # in the worker thread
        """(someone else changed the store, the store's own connections answered too)."""
        offline = self.offline is not None
        changed = (_twice if offline else _once)(self._watcher.poll)
        if not (changed or offline):
            return False, False
        # The views are about to re-read (back, or changed). The watcher answering is not enough:
        # they read through the store's own connections, which must answer too, or the window
        # stays (goes) offline instead. A connection the server ended fails once, and is
        # dropped: asked twice.
        _twice(self.ctx.services.meetings.list)
        return changed, True

    def went_offline(self, error: BaseException) -> None:
        """A view found the store unreachable: say so and ask, less often, until it is back."""
        if self._timer.isActive():
            self._failed(error)
        else:  # not watching (yet, or any more): said all the same
            self.ctx.status.failed(str(error))

    def _on_meeting_opened(self, meeting_id: int) -> None:
        self.meeting_id = meeting_id

    def _polled(self, result: tuple[bool, bool]) -> None:
        if not self._timer.isActive():
            return  # stopped meanwhile
        changed, checked = result
        if self.offline is not None:
            if not checked:  # asked before a view found the store away: the next poll checks
                return
            self.offline = None
            self._timer.setInterval(self.interval_ms)
            self.ctx.status.info("Back online — saving what was waiting.")
            # What others saved meanwhile first: a field typed here that they changed too goes to
            # the conflict dialog (``EditorForm.load``) instead of being written over theirs.
            self.refresh()
            write_waiting(self.ctx)  # row commands given offline, in order, before the typing
            for form in self.window.findChildren(EditorForm):
                form.retry_now()
            self.sig_online.emit()
        elif changed:
            self.refresh()

    def _failed(self, error: object) -> None:
        if not self._timer.isActive():
            return
        if self.offline is None:
            self._timer.setInterval(OFFLINE_POLL_MS)
        self.offline = str(error)
        waiting = self.waiting()
        self.ctx.status.failed(f"Offline — {waiting} change{'s' if waiting != 1 else ''} waiting: "
                               f"{self.ctx.services.db.location} cannot be reached. What you type is "
                               "kept and saved when it is back.")
        self.sig_offline.emit(self.offline)

    def waiting(self) -> int:
        """How many changes wait for the store: the editors' typing, and the rows added, deleted,
        moved and the cells typed while it was away (a write of text an editor holds counts once).
        A write counts once the window has heard that it waits, by which time it is in the crash
        journal: what the bar counts, a kill does not lose."""
        forms = self.window.findChildren(EditorForm)
        typed = {(form.kind.name, form.row_id, name) for form in forms
                 for binding in form.pending() for name in binding.fields}
        count = sum(form.waiting() for form in forms)
        for write in waiting_list(self.ctx):
            if not getattr(write, "journalled", True):
                continue  # found waiting by the worker a moment ago: counted once handled here
            kind, values = getattr(write, "kind", None), getattr(write, "values", None)
            row_id = getattr(write, "row_id", None)
            if kind is None or not values or any((kind.name, row_id, n) not in typed for n in values):
                count += 1
        return count

    def refresh(self) -> None:
        """Tell the views of the open meeting (and the meetings list) to read the store again."""
        events = self.ctx.events
        with offline_absorbed(self.ctx):  # the store gone again meanwhile: offline, no traceback
            events.sig_meetings_changed.emit()
            meeting_id = self.meeting_id
            if meeting_id:
                events.sig_meeting_changed.emit(meeting_id)
                events.sig_agenda_changed.emit(meeting_id)
                events.sig_notes_changed.emit(meeting_id)
                events.sig_people_changed.emit(meeting_id)
                events.sig_actions_changed.emit(meeting_id)
            self.sig_changed.emit()
