"""The application's event hub: one ``AppEvents`` per window tells every view what changed.

Undo commands announce each write here after it reached the store; panels listen
and reload what they show. No widget calls into another: a panel that needs the
window to do something (open a meeting) asks through a ``sig_*_requested`` signal.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal


class AppEvents(QObject):
    """The signals every panel may connect to (and, through commands, emit)."""

    sig_meeting_changed = Signal(int)
    """A meeting's own fields changed (title, times, status…); the argument is its id."""

    sig_meetings_changed = Signal()
    """The list of meetings changed: one was added, deleted, restored, renamed or moved in time."""

    sig_meeting_opened = Signal(int)
    """The window now shows this meeting (0: none); sent after every panel has loaded it."""

    sig_open_meeting_requested = Signal(int)
    """A command or panel asks the window to open this meeting (e.g. the one just created)."""

    sig_show_row_requested = Signal(str, int)
    """Show this row in its tab (a kind name of ``ui.undo.kinds`` and an id), e.g. a recovered edit."""

    sig_agenda_changed = Signal(int)
    """The agenda of this meeting changed: an item was edited, added, deleted or moved."""

    sig_notes_changed = Signal(int)
    """The issue notes of this meeting changed (a section, status, order, a source)."""

    sig_issues_changed = Signal()
    """The issue library changed (an issue was added or renamed)."""

    sig_people_changed = Signal(int)
    """The participants of this meeting changed; 0 when a person (who may be in many) changed."""

    sig_actions_changed = Signal(int)
    """The action items of this meeting changed."""

    sig_positions_changed = Signal(int)
    """The positions (the tracker) of this meeting changed."""

    sig_qa_changed = Signal()
    """The Q&A bank changed: an entry was added, edited, retired, or attached to or taken off a note."""

    sig_book_laid_out = Signal(int, object)
    """A book of this meeting was laid out (export or preview): its warnings (``ExportWarning``s)."""

    sig_saved = Signal()
    """A write reached the store (the status bar says "Saved")."""

    sig_conflict = Signal(object)
    """A write was refused because the row changed elsewhere (a ``ui.conflicts.conflict.Conflict``)."""

    sig_conflict_resolved = Signal(str, int)
    """The user chose what to keep of a row in conflict (kind name, id): forms show the store's values."""

    sig_save_failed = Signal(str)
    """A write was refused or failed; the argument says what and where (nothing typed is dropped)."""
