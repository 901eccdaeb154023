"""What every panel is handed: ``AppContext`` (services, undo stack, events, settings, status).

One context per window. Panels never reach into each other or into the window;
they read through ``services``, write through undo commands pushed on
``undo_stack`` (which write with ``writer``), and learn about changes from
``events``; forms keep unsaved typing in ``journal``. The panel contract
itself is in ``ui.panels``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSettings
from PySide6.QtGui import QUndoStack

from ui.events import AppEvents
from ui.status import StatusReporter
from ui.undo.waiting_list import WaitingList
from ui.undo.writer import RecordWriter

if TYPE_CHECKING:
    from briefing.services import Services
    from ui.recovery.journal import WindowJournal

#: Typed text is written after this much idle time (milliseconds).
AUTOSAVE_MS = 1000


@dataclass
class AppContext:
    """The shared objects of one window, handed to every panel."""

    services: Services
    undo_stack: QUndoStack
    events: AppEvents
    settings: QSettings
    status: StatusReporter
    writer: RecordWriter
    autosave_ms: int = AUTOSAVE_MS
    journal: WindowJournal | None = None
    """The crash-recovery journal of this window's session (None: none could be kept)."""
    closed: bool = False
    """The window has closed: its forms write nothing more (what waited is in the journal)."""
    closing: bool = False
    """The window is closing (its dialogs are being closed): a dialog's unsaved text stays in the
    journal for the next start, without a question per dialog."""
    waiting: WaitingList = field(default_factory=WaitingList)
    """Writes of this window waiting for a server that is away (``ui.undo.waiting_writes``)."""

    @classmethod
    def create(cls, services: Services, settings: QSettings, *, autosave_ms: int = AUTOSAVE_MS,
               parent: QObject | None = None) -> AppContext:
        """A fresh context: its own undo stack, event hub and status reporter."""
        events = AppEvents(parent)
        return cls(
            services=services,
            undo_stack=QUndoStack(parent),
            events=events,
            settings=settings,
            status=StatusReporter(parent),
            writer=RecordWriter(services, events),
            autosave_ms=autosave_ms,
        )
