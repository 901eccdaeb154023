"""``BookOptionsForm``: what goes into an export — sections, issues, paper, watermark, password.

The issues are a checklist (``set_issues``), every one ticked at first: an
unticked issue's notes stay out of the book (its paper, its changes, its line
in the summary), as ``export --notes`` chooses them.

``options()`` turns the form into ``BookOptions`` or raises ``ValidationError``
(no section chosen, the two passwords differ), which ``show_error`` puts next
to the field. ``preview_options()`` is the same book without the password,
for the preview.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from briefing.errors import ValidationError
from briefing.markings.ladder import Ladder
from briefing.pdf.options import SECTIONS, WATERMARK_CHARS, BookOptions
from ui.widgets.field_error import FieldError
from ui.widgets.palette import muted_colour

#: How each section reads in the dialog (its id is the CLI's ``--sections`` name).
SECTION_LABELS = {
    "cover": "&Cover page",
    "summary": "S&ummary for the principal",
    "contents": "C&ontents",
    "positions": "Positions (where each issue stands)",
    "agenda": "&Agenda",
    "scenario": "Sce&nario (run of show)",
    "changes": "C&hanges since the last round",
    "papers": "&Issue papers",
    "red_lines": "&Red lines (leave out for a wider audience)",
    "qa_annex": "&Q&&A annex (every entry the papers use)",
    "participants": "Partici&pants",
    "actions": "Action i&tems",
}
PAPERS = (("a4", "A4 (210 × 297 mm)"), ("letter", "Letter (8½ × 11 in)"))
#: How many books one export writes: one, numbered copies, or one per recipient (issue 11).
COPIES = (("one", "One book"), ("count", "Numbered copies"), ("recipients", "One copy per recipient"))


class BookOptionsForm(QWidget):
    """The export's choices; emits ``sig_changed`` when what the book shows changes."""

    sig_changed = Signal()
    """Sections, paper or watermark changed (the preview rebuilds; the password does not count)."""

    def __init__(self, options: BookOptions, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.sections: dict[str, QCheckBox] = {}
        group = QGroupBox("Sections", self)
        boxes = QVBoxLayout(group)
        descriptions = dict(SECTIONS)
        for name, _ in SECTIONS:
            box = QCheckBox(SECTION_LABELS.get(name, name), group)
            box.setObjectName(f"section-{name}")
            box.setToolTip(descriptions[name].capitalize())
            box.setChecked(name in options.sections)
            box.toggled.connect(self.sig_changed)
            boxes.addWidget(box)
            self.sections[name] = box
        self.sections["red_lines"].setToolTip(
            "Red lines are printed in each issue paper and in the changes since the last round; "
            "without them, not one red line is anywhere in the book.")
        self.sections_error = FieldError(group)
        boxes.addWidget(self.sections_error)

        self.issues_group = QGroupBox("Issues", self)
        self.issues = QStandardItemModel(self)
        self.issues.itemChanged.connect(self.sig_changed)
        self.issues_view = QListView(self.issues_group)
        self.issues_view.setObjectName("issues-checklist")
        self.issues_view.setAccessibleName("Issues in the book")
        self.issues_view.setToolTip("The issues whose notes go into the book: papers, changes "
                                    "and summary (untick one to leave it out)")
        self.issues_view.setModel(self.issues)
        issues_layout = QVBoxLayout(self.issues_group)
        issues_layout.addWidget(self.issues_view)
        self.issues_group.hide()  # until the meeting's issues are set

        self.paper = QComboBox(self)
        self.paper.setAccessibleName("Paper")
        for code, label in PAPERS:
            self.paper.addItem(label, code)
        self.paper.setCurrentIndex(max(0, self.paper.findData(options.paper)))
        self.paper.currentIndexChanged.connect(self.sig_changed)
        self.watermark = QLineEdit(options.watermark, self)
        self.watermark.setAccessibleName("Watermark")
        self.watermark.setPlaceholderText("None (e.g. DRAFT)")
        self.watermark.setMaxLength(WATERMARK_CHARS)
        self.watermark.setClearButtonEnabled(True)
        self.watermark.textChanged.connect(self.sig_changed)
        self.release = QComboBox(self)
        self.release.setObjectName("release-up-to")
        self.release.setAccessibleName("Release up to")
        self.release.setToolTip("A release copy leaves out every paragraph marked above the "
                                "marking chosen; its cover says how many were withheld.")
        self.release.addItem("Everything (not a release copy)", None)
        self.release.currentIndexChanged.connect(self.sig_changed)
        self.copies_mode = QComboBox(self)
        self.copies_mode.setObjectName("copies-mode")
        self.copies_mode.setAccessibleName("Copies")
        for code, label in COPIES:
            self.copies_mode.addItem(label, code)
        self.copies_count = QSpinBox(self)
        self.copies_count.setAccessibleName("Number of copies")
        self.copies_count.setRange(1, 999)
        self.copies_count.setValue(2)
        self.recipients = QLineEdit(self)
        self.recipients.setAccessibleName("Recipients file")
        self.recipients.setPlaceholderText("A text file: one name a line")
        self.recipients_button = QPushButton("&Browse…", self)
        self.recipients_button.clicked.connect(self._choose_recipients)
        self.copies_error = FieldError(self)
        self.recipients.textChanged.connect(lambda: self.copies_error.show_message(None))
        copies_box = QWidget(self)
        copies_box.setFocusProxy(self.copies_mode)  # the label's shortcut goes to the choice
        copies_row = QHBoxLayout(copies_box)
        copies_row.setContentsMargins(0, 0, 0, 0)
        copies_row.addWidget(self.copies_mode, 1)
        copies_row.addWidget(self.copies_count)
        self.recipients_row = QWidget(self)
        recipients_row = QHBoxLayout(self.recipients_row)
        recipients_row.setContentsMargins(0, 0, 0, 0)
        recipients_row.addWidget(self.recipients, 1)
        recipients_row.addWidget(self.recipients_button)
        self.copies_mode.currentIndexChanged.connect(self._show_copies)
        self._show_copies()
        self.password = self._password("Password", "None: anyone with the file can open it")
        self.confirm = self._password("Confirm password", "Type the password again")
        self.password_error = FieldError(self)
        hint = QLabel("AES-256. A forgotten password cannot be recovered.", self)
        hint.setStyleSheet(f"color: {muted_colour(self.palette()).name()}")
        hint.setWordWrap(True)

        form = QFormLayout()
        form.addRow("Pape&r", self.paper)
        form.addRow("&Watermark", self.watermark)
        form.addRow("Re&lease", self.release)
        form.addRow("Copie&s", copies_box)
        form.addRow("", self.recipients_row)
        form.addRow("", self.copies_error)
        form.addRow("Pass&word", self.password)
        form.addRow("Con&firm", self.confirm)
        form.addRow("", self.password_error)
        form.addRow("", hint)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(group)
        layout.addWidget(self.issues_group)
        layout.addLayout(form)
        layout.addStretch(1)

    def _password(self, name: str, placeholder: str) -> QLineEdit:
        edit = QLineEdit(self)
        edit.setEchoMode(QLineEdit.EchoMode.Password)
        edit.setAccessibleName(name)
        edit.setPlaceholderText(placeholder)
        edit.textChanged.connect(lambda: self.password_error.show_message(None))
        return edit

    def set_ladder(self, ladder: Ladder) -> None:
        """The markings a release copy can be cut at: the store's ladder, lowest first."""
        self.release.blockSignals(True)
        while self.release.count() > 1:
            self.release.removeItem(1)
        for marking in ladder.markings:
            self.release.addItem(f"Up to {marking.label} ({marking.code})", marking.code)
        self.release.blockSignals(False)

    def release_code(self) -> str | None:
        """The marking chosen to release up to; None for the whole book."""
        return self.release.currentData()

    def copies(self) -> int | Path | None:
        """How many books: None for one, a count of numbered copies, or the recipients file;
        ``ValidationError`` when one per recipient is chosen without a file."""
        mode = self.copies_mode.currentData()
        if mode == "count":
            return self.copies_count.value()
        if mode == "recipients":
            path = self.recipients.text().strip()
            if not path:
                raise ValidationError("recipients", "Choose the file of recipients (one name a line).")
            return Path(path)
        return None

    def _show_copies(self) -> None:
        mode = self.copies_mode.currentData()
        self.copies_count.setVisible(mode == "count")
        self.recipients_row.setVisible(mode == "recipients")
        self.copies_error.show_message(None)

    def _choose_recipients(self) -> None:
        chosen, _ = QFileDialog.getOpenFileName(self, "Recipients: one name a line",
                                                self.recipients.text(), "Text files (*.txt);;All files (*)")
        if chosen:
            self.recipients.setText(chosen)

    def set_previous_round(self, has_one: bool) -> None:
        """The changes section prints only for a meeting with a previous round: say so."""
        box = self.sections["changes"]
        box.setEnabled(has_one)
        if not has_one:
            box.setToolTip("This meeting has no previous round, so the book has no changes section.")

    def set_issues(self, issues: Sequence[tuple[str, str]]) -> None:
        """The meeting's issues as (slug, title), in print order, every one ticked."""
        self.issues.clear()
        for slug, title in issues:
            item = QStandardItem(title)
            item.setData(slug, Qt.ItemDataRole.UserRole)
            item.setCheckable(True)
            item.setEditable(False)
            item.setCheckState(Qt.CheckState.Checked)
            self.issues.appendRow(item)
        self.issues_group.setVisible(bool(issues))

    def chosen_notes(self) -> frozenset[str] | None:
        """The slugs of the ticked issues; None when every one is (the book has them all)."""
        items = [self.issues.item(row) for row in range(self.issues.rowCount())]
        ticked = [i for i in items if i.checkState() == Qt.CheckState.Checked]
        if len(ticked) == len(items):
            return None
        return frozenset(str(i.data(Qt.ItemDataRole.UserRole)) for i in ticked)

    def chosen_sections(self) -> frozenset[str]:
        return frozenset(name for name, box in self.sections.items() if box.isChecked())

    def preview_options(self) -> BookOptions:
        """The book as chosen, without the password (at least the cover when nothing is chosen)."""
        return BookOptions(sections=self.chosen_sections() or frozenset({"cover"}),
                           paper=self.paper.currentData(), watermark=self.watermark.text(),
                           notes=self.chosen_notes(), up_to=self.release_code())

    def options(self) -> BookOptions:
        """The chosen options; ``ValidationError`` when they cannot make a book."""
        self.show_error(None)
        if not self.chosen_sections():
            raise ValidationError("sections", "Choose at least one section for the book.")
        password = self.password.text()
        if password != self.confirm.text():
            raise ValidationError("password", "The two passwords differ: type the same one twice.")
        return BookOptions(sections=self.chosen_sections(), paper=self.paper.currentData(),
                           watermark=self.watermark.text(), password=password or None,
                           notes=self.chosen_notes(), up_to=self.release_code())

    def show_error(self, error: ValidationError | None) -> None:
        """Put ``error`` next to its field (None clears both messages)."""
        self.sections_error.show_message(error.message if error and error.field == "sections" else None)
        self.password_error.show_message(error.message if error and error.field == "password" else None)
        self.copies_error.show_message(error.message if error and error.field == "recipients" else None)
        if error is not None and error.field == "recipients":
            self.recipients.setFocus()
            return
        if error is not None:
            (self.sections["cover"] if error.field == "sections" else self.password).setFocus()
