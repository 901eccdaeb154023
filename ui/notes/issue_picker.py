"""``IssuePicker``: add a note on a library issue not yet in the meeting, or on a new issue typed in."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPushButton, QVBoxLayout, QWidget

from briefing.issues.records import IssueRecord
from ui.forms.single_line import keep_on_one_line
from ui.models.pick_list import PickListModel
from ui.widgets.char_width import char_width
from ui.widgets.field_error import FieldError
from ui.widgets.search_list import SearchableList


class IssuePicker(QDialog):
    """After ``accepted``: ``issue`` is the library issue picked, or ``new_title`` the one typed."""

    def __init__(self, issues: list[IssueRecord], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Add issue note")
        self.issue: IssueRecord | None = None
        self.new_title: str | None = None
        self._titles = {i.title.casefold() for i in issues}
        intro = QLabel("Pick an issue from the library, or type the title of a new issue.", self)
        intro.setWordWrap(True)
        model = PickListModel(lambda i: i.title, lambda i: i.description or i.title,
                              lambda i: f"{i.title}\n{i.slug}\n{i.description}", self)
        self.search = SearchableList(model, "Find an issue or type a new title", self)
        self.search.set_records(issues)
        keep_on_one_line(self.search.filter)  # what it holds may become a new issue's title
        self.none_left = QLabel("Every issue of the library has a note in this meeting already: "
                                "type a title to add a new issue.", self)
        self.none_left.setWordWrap(True)
        self.none_left.setVisible(not issues)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.pick_button = QPushButton("&Add note", self)
        self.new_button = QPushButton("&New issue", self)
        buttons.addButton(self.pick_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.new_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.rejected.connect(self.reject)
        self.pick_button.clicked.connect(self.pick)
        self.new_button.clicked.connect(self.create)
        self.search.sig_picked.connect(lambda _issue: self.pick())
        self.search.filter.textChanged.connect(self._update)
        self.search.view.selectionModel().currentChanged.connect(self._update)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.search, 1)
        layout.addWidget(self.none_left)
        self.error = FieldError(self)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.resize(char_width(self.fontMetrics()) * 70, self.fontMetrics().lineSpacing() * 24)
        self._update()

    def typed(self) -> str:
        return self.search.filter.text().strip()

    def pick(self) -> None:
        """Add a note on the issue the list's cursor is on."""
        issue = self.search.current()
        if issue is not None:
            self.issue, self.new_title = issue, None
            self.accept()

    def create(self) -> None:
        """Add a new issue with the title typed (and its note)."""
        if self.typed():
            self.issue, self.new_title = None, self.typed()
            self.accept()

    def _update(self, *_args: object) -> None:
        title = self.typed()
        has_pick = self.search.current() is not None
        can_create = bool(title) and title.casefold() not in self._titles
        self.pick_button.setEnabled(has_pick)
        self.new_button.setEnabled(can_create)
        shown = (title if len(title) <= 40 else title[:39] + "…").replace("&", "&&")
        self.new_button.setText(f"&New issue “{shown}”" if can_create else "&New issue")
        # Enter adds what the list offers, else the new issue typed.
        (self.pick_button if has_pick else self.new_button).setDefault(True)
        (self.new_button if has_pick else self.pick_button).setDefault(False)

    def refused(self, message: str) -> None:
        """The store refused what was picked or typed: show why, and everything as it was, again."""
        self.error.show_message(message)
        self.open()
