"""``ExportDialog``: File → Export briefing book… — the choices, the book's preview, the export.

Export asks where to save (a file dialog, named after the meeting), writes
typed text still pending (``before_read``), then builds the book in a worker
(``BookJob``, a ``BackgroundTask``) with a progress bar and a Cancel button; the window keeps
repainting and the dialog keeps answering meanwhile. The builder writes the
file only when it is complete, so a cancelled or failed export leaves an
earlier file of that name as it was. A clean export closes the dialog and
says so in the status bar (``sig_exported``); one with warnings (characters no
font has…) stays open and lists them.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QStandardPaths, QStringListModel, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListView,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from briefing.errors import ValidationError
from briefing.meetings.records import MeetingRecord
from briefing.pdf.options import book_filename
from ui.book.builder import PreviewBuilder
from ui.book.choices import FOLDER_KEY, load_choices, save_choices
from ui.book.copies_job import CopiesJob
from ui.book.job import BookJob, BookOutcome, book_failure
from ui.book.open_file import open_file, open_folder
from ui.book.options_form import BookOptionsForm
from ui.book.preview import BookPreview
from ui.widgets.char_width import char_width
from ui.widgets.palette import warning_colour

if TYPE_CHECKING:
    from briefing.pdf import ExportProgress
    from ui.context import AppContext

#: Typing a watermark rebuilds the preview after this pause (milliseconds).
PREVIEW_PAUSE_MS = 250
PROGRESS_STEPS = 1000
#: The save dialog's Word choice: the same book as a .docx (``briefing.word``).
WORD_FILTER = "Word documents (*.docx)"


class ExportDialog(QDialog):
    """Export the open meeting's briefing book as a PDF."""

    sig_exported = Signal(str, int, int)
    """A book was written: its path, its page count and how many warnings came with it."""

    sig_export_ended = Signal(str)
    """An export ended: ``written``, ``cancelled`` or ``failed`` (tests wait on it)."""

    def __init__(self, ctx: AppContext, meeting: MeetingRecord, *, before_read: Callable[[], None],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.meeting = meeting
        self.before_read = before_read
        self.job: BookJob | None = None
        self.path: Path | None = None
        self.setWindowTitle("Export briefing book")
        self.setObjectName("ExportDialog")
        self.form = BookOptionsForm(load_choices(ctx.settings), self)
        self.form.set_ladder(ctx.services.config.ladder)
        self.copies = False  # the export under way writes numbered copies
        self.form.set_previous_round(meeting.previous_id is not None)
        self.form.set_issues([(n.issue_slug, n.issue_title)
                              for n in ctx.services.notes.list_full(meeting.id)])
        self.preview = BookPreview(self)
        self.builder = PreviewBuilder(self)
        self._build()
        self._preview_timer = QTimer(self)
        self._preview_timer.setSingleShot(True)
        self._preview_timer.setInterval(PREVIEW_PAUSE_MS)
        self._preview_timer.timeout.connect(self.refresh_preview)
        self.form.sig_changed.connect(self._preview_timer.start)
        self.builder.sig_started.connect(lambda: self.preview.show_state("Updating…"))
        self.builder.sig_built.connect(self._on_preview_built)
        self.builder.sig_failed.connect(lambda message: self.preview.show_state(message, problem=True))
        self.refresh_preview()

    def _build(self) -> None:
        title = QLabel(self)
        title.setTextFormat(Qt.TextFormat.PlainText)
        title.setText(self.meeting.title)
        title.setWordWrap(True)
        font = title.font()
        font.setBold(True)
        title.setFont(font)
        self.progress = QProgressBar(self)
        self.progress.setRange(0, PROGRESS_STEPS)
        self.progress.setAccessibleName("Export progress")
        self.progress.hide()
        self.cancel_button = QPushButton("&Cancel export", self)
        self.cancel_button.clicked.connect(self.cancel_export)
        self.cancel_button.hide()
        self.message = QLabel(self)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setWordWrap(True)
        self.message.setAccessibleName("Export state")
        self.warnings = QListView(self)
        self.warnings.setModel(QStringListModel(self))
        self.warnings.setAccessibleName("Warnings")
        self.warnings.setWordWrap(True)
        self.warnings.hide()
        self.buttons = QDialogButtonBox(self)
        self.export_button = self.buttons.addButton("&Export…", QDialogButtonBox.ButtonRole.AcceptRole)
        self.export_button.setDefault(True)
        self.open_file_button = self.buttons.addButton("Open &file", QDialogButtonBox.ButtonRole.ActionRole)
        self.open_folder_button = self.buttons.addButton("Open fol&der",
                                                         QDialogButtonBox.ButtonRole.ActionRole)
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        for button in (self.open_file_button, self.open_folder_button):
            button.hide()
        self.export_button.clicked.connect(self.export)
        self.open_file_button.clicked.connect(lambda: self.path and open_file(self.path))
        self.open_folder_button.clicked.connect(lambda: self.path and open_folder(self.path))
        self.close_button.clicked.connect(self.reject)

        progress = QHBoxLayout()
        progress.addWidget(self.progress, 1)
        progress.addWidget(self.cancel_button)
        left = QWidget(self)
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(title)
        # The options scroll on a short screen (a 768-px laptop): the Export button stays in view.
        options = QScrollArea(left)
        options.setWidget(self.form)
        options.setWidgetResizable(True)
        options.setFrameShape(QScrollArea.Shape.NoFrame)
        options.setMinimumHeight(self.fontMetrics().lineSpacing() * 8)
        column.addWidget(options, 1)
        column.addLayout(progress)
        column.addWidget(self.message)
        column.addWidget(self.warnings, 1)
        column.addWidget(self.buttons)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(left)
        splitter.addWidget(self.preview)
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        em = char_width(self.fontMetrics())
        left.setMinimumWidth(em * 42)
        self.resize(em * 150, em * 95)
        splitter.setSizes([em * 50, em * 100])

    # -- the preview -----------------------------------------------------------------

    def refresh_preview(self) -> None:
        services, meeting_id = self.ctx.services, self.meeting.id
        self.builder.request(lambda: services.briefs.load(meeting_id), self.form.preview_options(),
                             services.config.ladder)

    def _on_preview_built(self, outcome: BookOutcome, _tag: object) -> None:
        if outcome.data is not None:
            self.preview.show_book(outcome.book)
            self.preview.show_state(f"{outcome.result.pages} pages")
            self.ctx.events.sig_book_laid_out.emit(self.meeting.id, outcome.result.warnings)

    # -- the export ------------------------------------------------------------------

    def default_path(self) -> Path:
        """The meeting's title as a file name, in the folder of the last export (else Documents)."""
        folder = str(self.ctx.settings.value(FOLDER_KEY, "") or "")
        if not folder or not Path(folder).is_dir():
            folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        return Path(folder or Path.home()) / book_filename(self.meeting.title)

    def export(self) -> None:
        """Ask where to save, then build and write the book in the worker."""
        try:
            options = self.form.options()
            who = self.form.copies()
        except ValidationError as error:
            self.form.show_error(error)
            return
        chosen, kind = QFileDialog.getSaveFileName(self, "Export briefing book", str(self.default_path()),
                                                   f"PDF documents (*.pdf);;{WORD_FILTER}")
        if not chosen:
            return
        path = Path(chosen)
        word = path.suffix.lower() == ".docx" or kind == WORD_FILTER  # the Word choice (ui.word)
        if word and path.suffix.lower() != ".docx":
            path = path.with_suffix(".docx") if path.suffix.lower() == ".pdf" else path.with_name(
                path.name + ".docx")
        elif path.suffix.lower() != ".pdf":
            path = path.with_name(path.name + ".pdf")
        if word and options.password:
            self._say("A Word file is written without a password: clear it, or export a PDF.",
                      problem=True)
            return
        save_choices(self.ctx.settings, options)
        self.ctx.settings.setValue(FOLDER_KEY, str(path.parent))
        self.before_read()  # what is still being typed goes into the book
        services, meeting_id = self.ctx.services, self.meeting.id
        self.path = path
        if word:
            self._export_word(options)
            return
        read = lambda: services.briefs.load(meeting_id)  # noqa: E731
        self.copies = who is not None
        if who is None:
            self.job = BookJob(read, options, path, services.config.ladder)
        else:  # numbered copies beside the name chosen, and their register
            self.job = CopiesJob(read, options, path, who, services.config.ladder)
        self.job.signals.sig_progress.connect(self._on_progress)
        self.job.signals.sig_finished.connect(self._on_finished)
        self.job.signals.sig_failed.connect(self._on_failed)
        self._set_exporting(True)
        self._say(f"Exporting to {path}…")
        self.job.start()

    def _export_word(self, options) -> None:
        from ui.word.export_task import word_export_task

        self.job = word_export_task(self.ctx, self.meeting.id, options, self.path)
        self.job.signals.sig_finished.connect(self._on_word_written)
        self.job.signals.sig_failed.connect(self._on_failed)
        self._set_exporting(True)
        self._say(f"Exporting to {self.path}…")
        self.job.start()

    def _on_word_written(self, _result) -> None:
        self._set_exporting(False)
        self.job = None
        self.ctx.status.info(f"Exported a Word file to {self.path.name}")
        self.sig_export_ended.emit("written")
        self.accept()

    def cancel_export(self) -> None:
        if self.job is not None:
            self.job.cancel()
            self.cancel_button.setEnabled(False)
            self._say("Cancelling…")

    def _on_progress(self, report: ExportProgress) -> None:
        self.progress.setValue(round(report.fraction * PROGRESS_STEPS))
        self._say(f"Page {report.page}" + (f" · {report.section}" if report.section else ""))

    def _on_finished(self, outcome: BookOutcome) -> None:
        self._set_exporting(False)
        self.job = None
        if outcome.cancelled:
            self._say("Export cancelled: nothing was written (a file already there is unchanged).")
            self.sig_export_ended.emit("cancelled")
            return
        result = outcome.result
        if self.copies and result.path is not None:
            self.path = result.path  # the register: it lists the copies
        assert self.path is not None
        warnings = [str(w) for w in result.warnings]
        self.ctx.events.sig_book_laid_out.emit(self.meeting.id, result.warnings)  # budgets: issue 13
        self.sig_exported.emit(str(self.path), result.pages, len(warnings))
        self.sig_export_ended.emit("written")
        if not warnings:
            self.accept()
            return
        plural = "s" if len(warnings) > 1 else ""
        self._say(f"Wrote {result.pages} pages to {self.path}, with {len(warnings)} warning{plural}:")
        self.warnings.model().setStringList(warnings)
        self.warnings.show()
        for button in (self.open_file_button, self.open_folder_button):
            button.show()
        self.export_button.setText("&Export again…")

    def _on_failed(self, error: Exception) -> None:
        self._set_exporting(False)
        self.job = None
        self._say(f"The book was not written: {book_failure(error)}", problem=True)
        self.sig_export_ended.emit("failed")

    def _set_exporting(self, exporting: bool) -> None:
        self.progress.setVisible(exporting)
        self.progress.setValue(0)
        self.cancel_button.setVisible(exporting)
        self.cancel_button.setEnabled(exporting)
        self.export_button.setEnabled(not exporting)
        self.form.setEnabled(not exporting)
        if exporting:
            self.warnings.hide()

    def _say(self, text: str, *, problem: bool = False) -> None:
        self.message.setStyleSheet(f"color: {warning_colour(self.palette()).name()}" if problem else "")
        self.message.setText(text)

    # -- closing ---------------------------------------------------------------------

    def done(self, result: int) -> None:
        """Closing stops the export and the preview (an export cancelled writes nothing)."""
        job = self.job
        if job is not None:
            job.cancel()
        self.builder.stop()
        if job is not None:
            job.wait(10_000)
        self.builder.wait(10_000)
        super().done(result)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.done(QDialog.DialogCode.Rejected)
        event.accept()
