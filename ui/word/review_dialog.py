"""``ReviewDialog``: File → Review a returned Word file… — the note as it is now with each tracked
change in place, the list of changes and comments beside it, Accept / Reject per change and for
all, applied as one undoable step.

The file is read and its changes placed by ``WordService.review`` (no Qt there); what the
dialog shows is written with ``QTextCursor``, never parsed as markup. A change that no longer
applies is listed as a conflict with its reason, never applied; nothing is written until Apply.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelectionModel, Qt, Signal
from PySide6.QtGui import QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from briefing.errors import BriefbookError
from briefing.vocabulary import NOTE_SECTIONS
from briefing.word.records import DELETION, Review
from ui.widgets.char_width import char_width
from ui.widgets.diff_text import DiffFormats
from ui.widgets.palette import warning_colour
from ui.word.review_model import ACCEPT, NUMBER_ROLE, REJECT, TEXT, ReviewTableModel

if TYPE_CHECKING:
    from ui.context import AppContext

TITLE = "Review a returned Word file"


class ReviewDialog(QDialog):
    """One returned file's review against its note; Apply pushes one undo command."""

    sig_applied = Signal(int)
    """The accepted changes were written to the note (its id)."""

    def __init__(self, ctx: AppContext, review: Review, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.review = review
        self.setObjectName("ReviewDialog")
        self.setWindowTitle(f"{TITLE} — {Path(review.path).name}")
        self.formats = DiffFormats(self)
        self.model = ReviewTableModel(self)
        self.model.set_review(review)
        self.spans: dict[int, tuple[int, int]] = {}
        self._build()
        self.model.dataChanged.connect(lambda *_: self.render())
        self.render()

    def _build(self) -> None:
        o = self.review.origin
        title = QLabel(self)
        title.setTextFormat(Qt.TextFormat.PlainText)
        title.setText(f"{o.issue_title} — {o.meeting_title}")
        font = title.font()
        font.setBold(True)
        title.setFont(font)
        self.state = QLabel(self)
        self.state.setTextFormat(Qt.TextFormat.PlainText)
        self.state.setWordWrap(True)
        self.state.setAccessibleName("Review state")
        self.text = QTextBrowser(self)
        self.text.setAccessibleName("The note with the changes in place")
        self.text.setOpenLinks(False)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setAccessibleName("Changes and comments")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setSectionResizeMode(TEXT, QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().currentRowChanged.connect(lambda cur, _: self.show_change(cur))
        self.accept_button = QPushButton("&Accept", self)
        self.reject_button = QPushButton("&Reject", self)
        self.accept_all_button = QPushButton("Accept a&ll", self)
        self.reject_all_button = QPushButton("Reject all", self)
        self.accept_button.clicked.connect(lambda: self.decide_selected(ACCEPT))
        self.reject_button.clicked.connect(lambda: self.decide_selected(REJECT))
        self.accept_all_button.clicked.connect(lambda: self.model.decide(self.model.changes(), ACCEPT))
        self.reject_all_button.clicked.connect(lambda: self.model.decide(self.model.changes(), REJECT))
        decide = QHBoxLayout()
        for button in (self.accept_button, self.reject_button, self.accept_all_button,
                       self.reject_all_button):
            decide.addWidget(button)
        decide.addStretch(1)
        self.buttons = QDialogButtonBox(self)
        self.apply_button = self.buttons.addButton("A&pply to the note",
                                                   QDialogButtonBox.ButtonRole.AcceptRole)
        self.apply_button.clicked.connect(self.apply)
        self.buttons.addButton(QDialogButtonBox.StandardButton.Close).clicked.connect(self.reject)

        right = QWidget(self)
        column = QVBoxLayout(right)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.table, 1)
        column.addLayout(decide)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.text)
        splitter.addWidget(right)
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(self.state)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.buttons)
        em = char_width(self.fontMetrics())
        self.resize(em * 170, em * 80)
        splitter.setSizes([em * 80, em * 90])
        self._say_state()

    # -- what is shown -----------------------------------------------------------------------

    def _say_state(self, problem: str = "") -> None:
        review = self.review
        conflicts = sum(1 for i in review.items if i.conflict)
        parts = [f"{len(review.items)} change{'s' if len(review.items) != 1 else ''}",
                 f"{len(review.comments)} comment{'s' if len(review.comments) != 1 else ''}"]
        if conflicts:
            parts.append(f"{conflicts} to make by hand (the note has moved on there)")
        text = problem or " · ".join(parts)
        if review.note.version != review.origin.note_version and not problem:
            text += (". The note has changed since the file was sent out: changes are placed in "
                     "it as it is now.")
        self.state.setStyleSheet(f"color: {warning_colour(self.palette()).name()}" if problem else "")
        self.state.setText(text)

    def render(self) -> None:
        """The note as it is now, each placed change in it, marked by its decision."""
        self.text.clear()
        self.spans = {}
        cursor = QTextCursor(self.text.document())
        f = self.formats
        rejected = QTextCharFormat(f.state)
        for field, heading in NOTE_SECTIONS:
            text = self.review.note.section(field)
            items = sorted((i for i in self.review.items
                            if i.change.section == field and not i.conflict), key=lambda i: i.start)
            if not text.strip() and not items:
                continue
            if not cursor.atStart():
                cursor.insertBlock()
            cursor.insertText(heading, f.heading)
            cursor.insertBlock()
            at = 0
            for item in items:
                cursor.insertText(text[at:item.start], f.plain)
                decision = self.model.decisions.get(item.change.number, "")
                start = cursor.position()
                if item.change.kind == DELETION:
                    shown = text[item.start:item.end]
                    cursor.insertText(shown, f.plain if decision == REJECT else f.deleted)
                else:
                    cursor.insertText(item.change.text, rejected if decision == REJECT else f.inserted)
                self.spans[item.change.number] = (start, cursor.position())
                at = item.end
            cursor.insertText(text[at:], f.plain)

    def show_change(self, index) -> None:
        """Select the change of row ``index`` in the text and scroll to it."""
        number = index.data(NUMBER_ROLE) if index.isValid() else 0
        span = self.spans.get(number or 0)
        if span is None:
            return
        cursor = QTextCursor(self.text.document())
        cursor.setPosition(span[0])
        cursor.setPosition(span[1], QTextCursor.MoveMode.KeepAnchor)
        self.text.setTextCursor(cursor)
        self.text.ensureCursorVisible()

    def select_change(self, number: int) -> None:
        """Make the change ``number`` the current row (as a click on it does)."""
        for row in range(self.model.rowCount()):
            index = self.model.index(row, 0)
            if index.data(NUMBER_ROLE) == number:
                self.table.selectionModel().setCurrentIndex(
                    index, QItemSelectionModel.SelectionFlag.ClearAndSelect
                    | QItemSelectionModel.SelectionFlag.Rows)
                return

    # -- deciding and applying ---------------------------------------------------------------

    def decide_selected(self, decision: str) -> None:
        rows = {i.row() for i in self.table.selectionModel().selectedRows()}
        numbers = [self.model.index(r, 0).data(NUMBER_ROLE) for r in rows]
        self.model.decide([n for n in numbers if n], decision)

    def apply(self) -> None:
        """Write the accepted changes to the note in one undo step; the rest are left out."""
        from briefing.word.service import WordService, review_author
        from ui.word.commands import ApplyReviewCommand

        accepted = self.model.accepted()
        if not accepted:
            self._say_state("Nothing accepted: the note is unchanged. Accept changes first, or Close.")
            return
        word = WordService(self.ctx.services)
        try:
            new = word.proposed(self.review, accepted)
        except BriefbookError as error:
            self._say_state(str(error))
            return
        authors = [i.change.author for i in self.review.items if i.change.number in accepted]
        command = ApplyReviewCommand(self.ctx, self.review.note, new, review_author(authors))
        outcome = command.outcome
        self.ctx.undo_stack.push(command)
        if outcome.error is not None:
            self._say_state(f"Not applied: {outcome.error}")
            return
        self.sig_applied.emit(self.review.note.id)
        self.accept()


def review_returned_file(ctx: AppContext, parent: QWidget, before_read: Callable[[], None],
                         path: str | None = None) -> ReviewDialog | None:
    """Ask for a returned .docx (unless ``path`` is given), read it, show the review dialog."""
    if path is None:
        path, _ = QFileDialog.getOpenFileName(parent, TITLE, "", "Word documents (*.docx);;All files (*)")
        if not path:
            return None
    before_read()  # what is being typed is part of the note as it is now
    from briefing.word.service import WordService

    try:
        review = WordService(ctx.services).review(path)
    except BriefbookError as error:
        tell(parent, TITLE, str(error))
        return None
    dialog = ReviewDialog(ctx, review, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    return dialog


def tell(parent: QWidget, title: str, text: str) -> None:
    """A warning with an OK button (a box tests can answer, unlike ``QMessageBox.warning``)."""
    box = QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Ok, parent)
    box.exec()
