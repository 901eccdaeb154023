"""``BookPreviewDock``: View → Book preview, the open meeting's book beside the workspace.

It rebuilds the book (off the GUI thread, ``PreviewBuilder``) when anything
the book shows is written: the meeting, its agenda, notes, people or actions
(``AppEvents``), and when another meeting is opened. The events of one write
come together, so the event loop's next turn gathers them into one build. It builds only
while it is shown; hidden, it remembers that it is out of date.

Typed text reaches the store after the autosave pause (about a second), and
the book is built from the store. So that the pane shows what was typed
within a second of the last keystroke, the pause is shortened to
``TYPING_PAUSE_MS`` while the pane is shown: a shorter pause only writes
sooner; typing bursts still merge into one undo step.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QCloseEvent, QHideEvent, QShowEvent
from PySide6.QtWidgets import QComboBox, QDockWidget, QWidget

from ui.book.builder import PreviewBuilder
from ui.book.choices import load_choices
from ui.book.preview import BookPreview
from ui.widgets.narrow_combo import narrow

if TYPE_CHECKING:
    from ui.book.job import BookOutcome
    from ui.context import AppContext

#: The events of one write (a save, an undo) are gathered into one build: they are announced
#: together, so waiting for the event loop's next turn is enough (a fixed wait here was time
#: added to every refresh; a write announced later only supersedes the build, see PreviewBuilder).
GATHER_MS = 0
#: While the pane is shown, typed text is written after this pause (instead of the autosave's).
TYPING_PAUSE_MS = 300


class BookPreviewDock(QDockWidget):
    """The Book preview pane."""

    sig_refreshed = Signal(int)
    """The pane shows a new build of the book; the argument is its page count."""

    sig_closed = Signal()
    """The user closed the pane (its own close button)."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__("Book preview", parent)
        self.ctx = ctx
        self.setObjectName("BookPreviewDock")
        self.meeting_id: int | None = None
        self._shown_meeting: int | None = None
        self._stale = True
        self._autosave_ms = ctx.autosave_ms
        self.preview = BookPreview(self)
        self.setWidget(self.preview)
        # a release copy as the pane shows it (issue 11): the same choice as the export dialog's
        self.release = QComboBox(self.preview)
        self.release.setObjectName("preview-release-up-to")
        self.release.setAccessibleName("Release up to")
        self.release.setToolTip("Show the book as a release copy: every paragraph marked above the "
                                "chosen marking left out")
        self.release.addItem("Everything", None)
        for marking in ctx.services.config.ladder.markings:
            self.release.addItem(f"Release up to {marking.code}", marking.code)
        self.release.currentIndexChanged.connect(lambda _index: self._on_changed(self.meeting_id or 0))
        narrow(self.release, 8)
        narrow(self.preview.zoom, 6)
        self.preview.bar.insertWidget(self.preview.bar.count() - 1, self.release)
        self.builder = PreviewBuilder(self)
        self.builder.sig_started.connect(lambda: self.preview.show_state("Updating…"))
        self.builder.sig_built.connect(self._on_built)
        self.builder.sig_failed.connect(lambda message: self.preview.show_state(message, problem=True))
        self._gather = QTimer(self)
        self._gather.setSingleShot(True)
        self._gather.setInterval(GATHER_MS)
        self._gather.timeout.connect(self.rebuild)
        events = ctx.events
        events.sig_meeting_opened.connect(self.set_meeting)
        for signal in (events.sig_meeting_changed, events.sig_agenda_changed, events.sig_notes_changed,
                       events.sig_actions_changed, events.sig_people_changed):
            signal.connect(self._on_changed)
        events.sig_issues_changed.connect(lambda: self._on_changed(self.meeting_id or 0))

    def set_meeting(self, meeting_id: int | None) -> None:
        """Show the book of this meeting (0 or None: none is open)."""
        self.meeting_id = meeting_id or None
        self._on_changed(self.meeting_id or 0)

    def _on_changed(self, meeting_id: int) -> None:
        # 0: a person, who may be in this meeting, changed
        if meeting_id in (0, self.meeting_id):
            self._stale = True
            if self.isVisible():
                self._gather.start()

    def rebuild(self) -> None:
        """Build the book again now (the latest request wins; see ``PreviewBuilder``)."""
        self._gather.stop()
        self._stale = False
        meeting_id = self.meeting_id
        if meeting_id is None:
            self.builder.stop()
            self.preview.clear()
            self._shown_meeting = None
            self.preview.show_state("Open a meeting to see its briefing book here.")
            return
        services = self.ctx.services
        choices = replace(load_choices(self.ctx.settings), up_to=self.release.currentData())
        self.builder.request(lambda: services.briefs.load(meeting_id), choices,
                             services.config.ladder, tag=meeting_id)

    def _on_built(self, outcome: BookOutcome, meeting_id: object) -> None:
        if meeting_id != self.meeting_id or outcome.data is None:
            outcome.discard()
            return  # built for a meeting no longer open
        self.preview.show_book(outcome.book, same_book=meeting_id == self._shown_meeting)
        self._shown_meeting = meeting_id
        pages = outcome.result.pages
        self.ctx.events.sig_book_laid_out.emit(meeting_id, outcome.result.warnings)  # budgets: issue 13
        self.preview.show_state(f"{pages} page{'s' if pages != 1 else ''} · updated "
                                f"{datetime.now():%H:%M:%S}")
        self.sig_refreshed.emit(pages)

    # -- shown or hidden -------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.ctx.autosave_ms = min(self._autosave_ms, TYPING_PAUSE_MS)
        if self._stale:
            self.rebuild()

    def hideEvent(self, event: QHideEvent) -> None:
        super().hideEvent(event)
        self.ctx.autosave_ms = self._autosave_ms
        if self.builder.busy:
            self.builder.stop()
            self.builder.wait()  # a cancelled build stops at its next flowable
            self._stale = True

    def closeEvent(self, event: QCloseEvent) -> None:
        super().closeEvent(event)
        self.sig_closed.emit()
