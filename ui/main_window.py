"""``MainWindow``: assembles the menus, the meetings list, the workspace and the status bar.

It holds no business logic: it opens meetings, flushes panels before anything
that changes what they show, and pushes the meeting commands.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QDialog, QMainWindow, QSplitter, QVBoxLayout, QWidget

from briefing.agenda.schedule import format_minutes
from briefing.errors import NotFoundError
from briefing.meetings.records import MeetingRecord
from ui.actions import build_actions, build_menus
from ui.conflicts.resolver import ConflictResolver
from ui.context import AppContext
from ui.first_paint import after_first_paint
from ui.icons import icon
from ui.live.updates import LiveUpdates
from ui.meetings.sample import connect_remove_sample
from ui.meetings.sidebar import MeetingsSidebar
from ui.qa.menu import connect_qa_bank
from ui.rich_text import escape
from ui.status_bar import BriefbookStatusBar
from ui.store_tools import StoreTools
from ui.undo.kinds import MEETING
from ui.undo.window_undo import WindowUndo
from ui.widgets.window_bars import WindowBars
from ui.workspace.workspace import Workspace

APP_TITLE = "Briefbook"
LAST_MEETING_KEY = "meetings/last"
BOOK_PREVIEW_KEY = "window/book_preview"


def window_title(meeting: MeetingRecord | None) -> str:
    """``Briefbook — <meeting title>``, or ``Briefbook`` when no meeting is open."""
    return APP_TITLE if meeting is None else f"{APP_TITLE} — {meeting.title}"


class MainWindow(QMainWindow):
    """The one window: meetings on the left, the open meeting's workspace on the right."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.meeting: MeetingRecord | None = None
        self.ask_on_close = True  # False: close without questions (a signal, the session ending)
        self.search_popup = None  # built when first asked for (Ctrl+K)
        self.book_preview = self.export_dialog = self._export_notice = None  # made when first asked for
        self.setObjectName("MainWindow")
        self.setWindowTitle(APP_TITLE)
        a = self.window_actions = build_actions(self)
        a.new_meeting.setIcon(icon("new-meeting"))
        a.next_round.setIcon(icon("next-round"))
        build_menus(self.menuBar(), a)
        self.sidebar = MeetingsSidebar(ctx, a.new_meeting, a.next_round, self)
        self.workspace = Workspace(ctx, a.new_meeting, self)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("MainSplitter")
        self.splitter.addWidget(self.sidebar)
        self.splitter.addWidget(self.workspace)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([300, 900])
        central = QWidget(self)
        self.bars = WindowBars(central)  # read-only, notices, an unclean exit: ui.store_bars
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.bars)
        layout.addWidget(self.splitter, 1)
        self.setCentralWidget(central)
        self.status = BriefbookStatusBar(ctx.status, self)
        self.setStatusBar(self.status)
        self.conflicts = ConflictResolver(ctx, self)
        self.tools = StoreTools(self)  # Trash, backups
        self.live = LiveUpdates(ctx, self)  # others' saved changes, offline and back (ui/live)
        after_first_paint(self, self.live.start)
        self._connect()
        self._restore_geometry()

    # -- wiring --------------------------------------------------------------------

    def _connect(self) -> None:
        a, events = self.window_actions, self.ctx.events
        a.quit.triggered.connect(self.close)
        self.undo_redo = WindowUndo(self)
        a.new_meeting.triggered.connect(self.new_meeting)
        a.next_round.triggered.connect(self.next_round)
        a.delete_meeting.triggered.connect(self.delete_meeting)
        a.search.triggered.connect(self.show_search)
        a.round_changes.triggered.connect(self.show_round_changes)
        a.export.triggered.connect(self.export_book)
        a.export_record.triggered.connect(self.export_record)
        a.review_word.triggered.connect(self.review_word_file)
        a.book_preview.setEnabled(True)
        a.book_preview.toggled.connect(self.show_book_preview)
        a.next_tab.triggered.connect(lambda: self.workspace.step_tab(1))
        a.previous_tab.triggered.connect(lambda: self.workspace.step_tab(-1))
        a.meetings_list.triggered.connect(lambda: self.sidebar.view.setFocus())
        a.note_list.triggered.connect(self.workspace.focus_note_list)
        a.shortcuts.triggered.connect(self.show_shortcuts)
        a.settings.triggered.connect(self.show_settings)
        a.about.triggered.connect(self.about)
        a.about_qt.triggered.connect(self.about_qt)
        self.sidebar.sig_meeting_selected.connect(self.open_meeting)
        events.sig_open_meeting_requested.connect(lambda mid: self.open_meeting(mid or None))
        events.sig_meeting_changed.connect(self._on_meeting_changed)
        events.sig_agenda_changed.connect(self._on_agenda_changed)
        events.sig_show_row_requested.connect(self.workspace.show_row)
        connect_remove_sample(self.ctx, a.remove_sample, self.workspace, self)  # Help → Remove the sample
        self.show_qa_bank = connect_qa_bank(self.ctx, a.qa_bank, self.workspace.flush, self)

    # -- meetings ------------------------------------------------------------------

    def start(self) -> None:
        """Fill the meetings list and open the last meeting, else the next, else the latest."""
        self.sidebar.show_top()  # the rest of a long list once the window has painted
        last = self.ctx.settings.value(LAST_MEETING_KEY)
        # (a settings file edited by hand: "²", or a number too large for the store, is no meeting)
        last_id = int(last) if str(last or "").isdecimal() and len(str(last)) < 19 else None
        self.open_meeting(self.ctx.services.meetings.pick_initial(last_id))
        if str(self.ctx.settings.value(BOOK_PREVIEW_KEY, "")).lower() == "true":
            QTimer.singleShot(0, lambda: self.window_actions.book_preview.setChecked(True))

    def open_meeting(self, meeting_id: int | None) -> None:
        """Show a meeting in the workspace (pending typing in the old one is written first;
        a value the store refused there is asked about, and may keep the user there)."""
        # Not waiting for the store: the old meeting's writes finish in order in the background.
        if self.meeting is not None and meeting_id != self.meeting.id \
                and not self.workspace.settle(wait=False):
            self.sidebar.select_meeting(self.meeting.id)
            return
        self.workspace.write_soon()
        meeting = None
        if meeting_id:
            try:
                meeting = self.ctx.writer.remember(MEETING, self.ctx.services.meetings.get(meeting_id))
            except NotFoundError:
                meeting = None
        self.meeting = meeting
        self._show_meeting(meeting)
        self.workspace.set_meeting(meeting)
        self.sidebar.select_meeting(meeting.id if meeting else None)
        if self.isVisible():
            QTimer.singleShot(0, self._update_summary)
        else:  # at start: the summary reads the agenda (and the ORM), which the first paint does not need
            after_first_paint(self, self._update_summary)
        if meeting is not None:
            self.ctx.settings.setValue(LAST_MEETING_KEY, meeting.id)
        self.ctx.events.sig_meeting_opened.emit(meeting.id if meeting else 0)

    def _show_meeting(self, meeting: MeetingRecord | None) -> None:
        self.setWindowTitle(window_title(meeting))
        self.workspace.header.set_meeting(meeting)
        a = self.window_actions
        writable = not self.ctx.services.read_only
        a.new_meeting.setEnabled(writable)
        for action in (a.next_round, a.delete_meeting):
            action.setEnabled(meeting is not None and writable)
        a.export.setEnabled(meeting is not None)  # a read-only store exports too
        a.export_record.setEnabled(meeting is not None)
        a.round_changes.setEnabled(meeting is not None and meeting.previous_id is not None)

    def _on_meeting_changed(self, meeting_id: int) -> None:
        if self.meeting is not None and meeting_id == self.meeting.id:
            self.meeting = self.ctx.services.meetings.get(meeting_id)
            self._show_meeting(self.meeting)
            self._update_summary()

    def _on_agenda_changed(self, meeting_id: int) -> None:
        if self.meeting is not None and meeting_id == self.meeting.id:
            self._update_summary()

    def _update_summary(self) -> None:
        if self.meeting is None:
            self.status.set_summary("")
            return
        try:
            schedule = self.ctx.services.agenda.schedule(self.meeting.id)
        except NotFoundError:  # deleted (in the background) before this turn: the next one opens
            self.status.set_summary("")
            return
        text = f"Agenda {format_minutes(schedule.total_minutes)}"
        if schedule.length_minutes is not None:
            text += f" of {format_minutes(schedule.length_minutes)}"
        self.status.set_summary(text)

    def new_meeting(self) -> None:
        if not self.workspace.settle(wait=False):
            return
        from ui.meetings.commands import NewMeetingCommand, new_meeting_fields

        fields = new_meeting_fields(self.ctx.services.config.home_timezone)
        command = NewMeetingCommand(self.ctx, self.meeting and self.meeting.id, fields)
        command.on_done = lambda outcome: outcome.ok and self.workspace.focus_first_field()  # once open
        self.ctx.undo_stack.push(command)  # written in the background: opened once stored

    def next_round(self) -> None:
        """Meeting → Next round: the dialog of what to carry (accepted, one undoable command)."""
        if self.meeting is not None and self.workspace.settle(wait=False):
            from ui.meetings.next_round_dialog import ask_next_round

            ask_next_round(self.ctx, self.meeting, self)

    def delete_meeting(self) -> None:
        if self.meeting is not None and self.workspace.settle(wait=False):
            from ui.meetings.commands import DeleteMeetingCommand

            self.ctx.undo_stack.push(DeleteMeetingCommand(self.ctx, self.meeting.id, self.meeting.title))

    def show_round_changes(self) -> None:
        """Meeting → What changed since the last round…"""
        if self.meeting is not None:
            self.workspace.flush()
            from ui.rounds.changes_view import RoundChangesView

            RoundChangesView.open_for(self.ctx, self.meeting.id, self.workspace.show_field, self)

    # -- search ----------------------------------------------------------------------

    def show_search(self) -> None:
        """Ctrl+K: the search popup (built when first used), finding what was just typed too."""
        self.workspace.flush()
        if self.search_popup is None:
            from ui.search.popup import SearchPopup

            self.search_popup = SearchPopup(self.ctx, self)
            self.search_popup.sig_hit_chosen.connect(self._show_hit)
        self.search_popup.open_over(self)

    def _show_hit(self, hit) -> None:
        from ui.search.jump import show_hit

        show_hit(self, hit)

    # -- the briefing book ------------------------------------------------------------

    def export_book(self) -> None:
        """File → Export briefing book…: the dialog, on what was typed up to now."""
        if self.meeting is None:
            return
        self.workspace.flush()
        from ui.book.export_dialog import ExportDialog
        from ui.book.export_notice import ExportNotice

        if self._export_notice is None:
            self._export_notice = ExportNotice(self.ctx.status, self.status)
            self.status.insertWidget(1, self._export_notice)
        self.export_dialog = ExportDialog(self.ctx, self.meeting, before_read=self.workspace.flush,
                                          parent=self)
        self.export_dialog.sig_exported.connect(self._export_notice.show_export)
        self.export_dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.export_dialog.open()

    def export_record(self) -> None:
        """File → Export meeting record…: the record PDF (``ui.positions.record_export``)."""
        if self.meeting is not None:
            from ui.positions.record_export import export_record

            export_record(self.ctx, self.meeting, self, self.workspace.flush)

    def review_word_file(self) -> None:
        """File → Review a returned Word file…: its tracked changes beside the note (``ui.word``)."""
        from ui.word.review_dialog import review_returned_file

        self.review_dialog = review_returned_file(self.ctx, self, self.workspace.flush)

    def show_book_preview(self, shown: bool) -> None:
        """View → Book preview: the pane beside the workspace (made when first shown)."""
        if self.book_preview is None and shown:
            from ui.book.dock import BookPreviewDock

            dock = self.book_preview = BookPreviewDock(self.ctx, self)
            dock.sig_closed.connect(lambda: self.window_actions.book_preview.setChecked(False))
            self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
            self.restoreDockWidget(dock)  # where the user left it (its first time: its size hint)
            dock.set_meeting(self.meeting.id if self.meeting else None)
        if self.book_preview is not None:
            self.book_preview.setVisible(shown)

    # -- edit ------------------------------------------------------------------------

    def undo(self) -> None:
        """Edit → Undo (``ui/undo/window_undo.py``)."""
        self.undo_redo.undo()

    def redo(self) -> None:
        """Edit → Redo."""
        self.undo_redo.redo()

    # -- window ----------------------------------------------------------------------

    def show_shortcuts(self) -> None:
        """Help → Keyboard shortcuts: every action's keys, read from the actions themselves."""
        from ui.help.shortcuts import ShortcutsWindow

        ShortcutsWindow.open_for(self)

    def show_settings(self) -> None:
        """Edit → Settings… (``ui.settings``)."""
        from ui.settings.dialog import SettingsDialog

        SettingsDialog.open_for(self.ctx, self)

    def about(self) -> None:
        from importlib.metadata import PackageNotFoundError, version

        from PySide6.QtWidgets import QMessageBox  # (here: start-up makes no message box)

        try:
            number = version("briefbook")
        except PackageNotFoundError:
            number = "development"
        QMessageBox.about(
            self, "About Briefbook",
            f"<h3>Briefbook {number}</h3>"
            "<p>Briefing books for trade negotiators: meetings, agendas, issue notes, "
            "participants, action items and print-ready PDFs.</p>"
            f"<p>Database: {escape(self.ctx.services.db.location)}</p><p>MIT licence.</p>",
        )

    def about_qt(self) -> None:
        """Help → About Qt."""
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.aboutQt(self, "About Qt")

    def _restore_geometry(self) -> None:
        settings = self.ctx.settings
        geometry = settings.value("window/geometry")
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(1280, 820)
        state = settings.value("window/state")
        if state is not None:
            self.restoreState(state)
        splitter = settings.value("window/splitter")
        if splitter is not None:
            self.splitter.restoreState(splitter)

    def closeEvent(self, event: QCloseEvent) -> None:
        """Write everything still being typed (asking about refused values), remember the window,
        end the journal's session."""
        self.workspace.flush()
        from ui.shutdown import close_loses_nothing  # (imported on close, not at start-up)
        if self.ask_on_close and not (self.workspace.settle() and close_loses_nothing(self)):
            event.ignore()
            return
        self.ctx.closing = True
        for dialog in self.findChildren(QDialog):
            dialog.close()  # e.g. an export still running: cancelled, its file not written
        settings = self.ctx.settings
        settings.setValue("window/geometry", self.saveGeometry())
        settings.setValue("window/state", self.saveState())
        settings.setValue("window/splitter", self.splitter.saveState())
        settings.setValue(BOOK_PREVIEW_KEY, self.window_actions.book_preview.isChecked())
        settings.sync()
        self.live.stop()
        self.ctx.closed = True  # no retry or pause writes after this: the journal ends here
        if self.ctx.journal is not None:
            self.ctx.journal.end()
            self.ctx.journal = None
        event.accept()
