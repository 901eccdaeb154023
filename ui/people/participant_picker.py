"""``ParticipantPicker``: add someone to the meeting — a person from the directory, or a new one.

Typing narrows the directory (names in either script, title, organization).
"New person…" turns what was typed into the new person's name. The side and
role apply to either choice.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from briefing.people.records import PersonRecord
from ui.forms.single_line import keep_on_one_line
from ui.models.pick_list import PickListModel
from ui.widgets.char_width import char_width
from ui.widgets.field_error import FieldError
from ui.widgets.search_list import SearchableList


def person_line(person: PersonRecord) -> str:
    """``Koichi Hagiuda (萩生田光一) — Minister of Economy, Trade and Industry``."""
    text = person.name + (f" ({person.native_name})" if person.native_name else "")
    if person.title or person.organization:
        text += " — " + (person.title or person.organization)
    return text


class ParticipantPicker(QDialog):
    """After ``accepted``: ``person`` (from the directory) or ``new_person`` (fields), ``side``, ``role``."""

    def __init__(self, people: list[PersonRecord], side: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Add participant")
        self.person: PersonRecord | None = None
        self.new_person: dict[str, Any] | None = None
        model = PickListModel(person_line, lambda p: "\n".join(x for x in (person_line(p), p.bio) if x),
                              lambda p: "\n".join((p.name, p.native_name, p.title, p.organization)), self)
        self.search = SearchableList(model, "Find a person by name (either script), title or organization",
                                     self)
        self.search.set_records(people)
        self.search.sig_picked.connect(lambda _p: self.add())
        self.new_button = QPushButton("&New person…", self)
        self.new_button.setToolTip("Someone not in the directory yet")
        self.new_button.clicked.connect(self.start_new_person)
        find_page = QWidget(self)
        find = QVBoxLayout(find_page)
        find.setContentsMargins(0, 0, 0, 0)
        find.addWidget(self.search, 1)
        find.addWidget(self.new_button)

        self.fields = {name: keep_on_one_line(QLineEdit(self))
                       for name in ("name", "native_name", "title", "organization")}
        self.fields["native_name"].setPlaceholderText("e.g. 萩生田光一")
        new_page = QWidget(self)
        form = QFormLayout(new_page)
        intro = QLabel("Someone new: they join the people directory and this meeting.", new_page)
        intro.setWordWrap(True)
        form.addRow(intro)
        for label, name in (("&Name", "name"), ("Name in native &script", "native_name"),
                            ("&Title", "title"), ("Or&ganization", "organization")):
            self.fields[name].setAccessibleName(label.replace("&", ""))
            form.addRow(label, self.fields[name])
        back = QPushButton("&Back to the directory", self)
        back.clicked.connect(lambda: self.pages.setCurrentIndex(0))
        form.addRow("", back)
        self.pages = QStackedWidget(self)
        self.pages.addWidget(find_page)
        self.pages.addWidget(new_page)

        self.ours = QRadioButton("&Our delegation", self)
        self.theirs = QRadioButton("T&heir delegation", self)
        self.sides = QButtonGroup(self)
        self.sides.addButton(self.ours)
        self.sides.addButton(self.theirs)
        (self.ours if side == "ours" else self.theirs).setChecked(True)
        self.role_edit = keep_on_one_line(QLineEdit(self))
        self.role_edit.setPlaceholderText("e.g. Head of delegation")
        self.role_edit.setAccessibleName("Role")
        where = QHBoxLayout()
        where.addWidget(self.ours)
        where.addWidget(self.theirs)
        where.addWidget(QLabel("&Role", self, buddy=self.role_edit))
        where.addWidget(self.role_edit, 1)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.add_button = self.buttons.addButton("&Add to the meeting",
                                                 QDialogButtonBox.ButtonRole.AcceptRole)
        self.add_button.setDefault(True)
        self.buttons.accepted.connect(self.add)
        self.buttons.rejected.connect(self.reject)
        for edit in (self.search.filter, self.fields["name"]):
            edit.textChanged.connect(self._update)
        self.search.view.selectionModel().currentChanged.connect(self._update)
        self.pages.currentChanged.connect(self._update)
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages, 1)
        layout.addLayout(where)
        self.error = FieldError(self)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.resize(char_width(self.fontMetrics()) * 80, self.fontMetrics().lineSpacing() * 24)
        self._update()

    @property
    def side(self) -> str:
        return "ours" if self.ours.isChecked() else "theirs"

    @property
    def role(self) -> str:
        return self.role_edit.text().strip()

    def start_new_person(self) -> None:
        """Show the new person's fields, the name filled with what was typed in the search."""
        if not self.fields["name"].text():
            self.fields["name"].setText(self.search.filter.text().strip())
        self.pages.setCurrentIndex(1)
        self.fields["name"].setFocus()

    def add(self) -> None:
        if self.pages.currentIndex() == 0:
            self.person, self.new_person = self.search.current(), None
        else:
            self.person = None
            self.new_person = {name: edit.text().strip() for name, edit in self.fields.items()}
        if self.person is not None or (self.new_person and self.new_person["name"]):
            self.accept()

    def _update(self, *_args: object) -> None:
        if self.pages.currentIndex() == 0:
            self.add_button.setEnabled(self.search.current() is not None)
        else:
            self.add_button.setEnabled(bool(self.fields["name"].text().strip()))

    def refused(self, message: str) -> None:
        """The store refused what was picked or typed: show why, and everything as it was, again."""
        self.error.show_message(message)
        self.open()
