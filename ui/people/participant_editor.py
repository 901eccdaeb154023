"""``ParticipantEditor``: the selected participant — side and role in this meeting, and the person
(name, native-script name, title, organization, bio) as the directory holds them for every meeting.

Two ``EditorForm``s write typed text after a pause, as one undo step per burst. The bio has the
marking gutter, Ctrl+Shift+M and, above it on the right, the Marking button of every Markdown editor
(issue 11), with "unknown marking (X)" beside it when a paragraph starts with a code off the ladder.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from briefing.people.names import shown_name
from briefing.people.records import ParticipantRecord
from briefing.vocabulary import CAPACITIES, NAME_ORDERS, SIDES
from ui.context import AppContext
from ui.forms import ChoiceBinding, EditorForm, LineBinding, TextBinding
from ui.undo.kinds import PARTICIPANT, PERSON
from ui.widgets.field_error import FieldError, with_error
from ui.widgets.heading import heading_label
from ui.widgets.marking_gutter import (
    MarkingGutter,
    attach_marking,
    fill_marking_menu,
    marking_button,
    unknown_marking_label,
)
from ui.widgets.narrow_combo import narrow
from ui.widgets.palette import muted_colour

SIDE_LABELS = {"ours": "Our delegation", "theirs": "Their delegation"}
CAPACITY_LABELS = {"delegate": "Delegate", "interpreter": "Interpreter", "observer": "Observer",
                   "note-taker": "Note-taker"}
NAME_ORDER_LABELS = {"given_first": "Given name first (Katherine Tai)",
                     "family_first": "Family name first (Hagiuda Koichi → HAGIUDA Koichi)"}


class ParticipantEditor(QWidget):
    """The detail pane of the Participants tab."""

    sig_remove_requested = Signal()
    """The user wants the shown participant out of the meeting."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.participant: ParticipantRecord | None = None
        self._switching = False
        self.person_form = EditorForm(ctx, PERSON, self)
        self.participant_form = EditorForm(ctx, PARTICIPANT, self)
        self.heading = heading_label(self)
        self.side_box = QComboBox(self)
        self.side_box.setAccessibleName("Side")
        for side in SIDES:
            self.side_box.addItem(SIDE_LABELS[side], side)
        narrow(self.side_box)
        self.capacity_box = self._choices("Capacity", CAPACITIES, CAPACITY_LABELS)
        self.role = self._line("Role", "e.g. Head of delegation")
        self.name = self._line("Name", "As it should be printed")
        self.name_order_box = self._choices("Name order", NAME_ORDERS, NAME_ORDER_LABELS)
        self.native_name = self._line("Name in native script", "e.g. 萩生田光一")
        self.title = self._line("Title", "e.g. Minister of Economy, Trade and Industry")
        self.organization = self._line("Organization", "e.g. METI")
        self.bio = QPlainTextEdit(self)
        self.bio.setAccessibleName("Bio")
        self.bio.setPlaceholderText("Who they are, what they want, what to expect from them")
        self.bio.setTabChangesFocus(True)
        self.bio_field = self._bio_field()
        self.errors = {name: FieldError(self) for name in ("role", "name", "native_name", "title",
                                                             "organization")}
        note = QLabel("Name, title, organization and bio belong to the person: changing them changes "
                      "every meeting they attend.", self)
        note.setWordWrap(True)
        note.setStyleSheet(f"color: {muted_colour(self.palette()).name()}")
        self.remove_button = QPushButton("Remove from this meeting", self)
        self.remove_button.setToolTip("The person stays in the directory (Delete, in a delegation list)")
        self.remove_button.clicked.connect(self.sig_remove_requested)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow("&Side", self.side_box)
        form.addRow("&Capacity", self.capacity_box)
        # Mnemonics avoid the window's own: the menus (F E M V H) and the tabs (O A N P I).
        for label, name in (("&Role", "role"), ("Name", "name"), ("Na&tive name", "native_name"),
                            ("Tit&le", "title"), ("Or&ganization", "organization")):
            form.addRow(label, with_error(getattr(self, name), self.errors[name], self))
            if name == "name":
                form.addRow("Name or&der", self.name_order_box)
        form.addRow("&Bio", self.bio_field)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(form, 1)
        layout.addWidget(note)
        layout.addWidget(self.remove_button)

        self.participant_form.bind(ChoiceBinding(self.side_box, "side"))
        self.participant_form.bind(ChoiceBinding(self.capacity_box, "capacity"))
        self.person_form.bind(ChoiceBinding(self.name_order_box, "name_order"))
        self.participant_form.bind(LineBinding(self.role, "role", self.errors["role"]))
        for name in ("name", "native_name", "title", "organization"):
            self.person_form.bind(LineBinding(getattr(self, name), name, self.errors[name]))
        self.person_form.bind(TextBinding(self.bio, "bio"))
        self.remove_button.setEnabled(False)

    def _bio_field(self) -> QWidget:
        """The bio with its marking gutter, under a bar holding the Marking button (as a note's)."""
        field = QWidget(self)
        self.bio_unknown = unknown_marking_label(field)
        self.bio_marking = marking_button(
            field, lambda menu: fill_marking_menu(menu, self.bio, self.bio_gutter))
        self.bio_marking.setAccessibleName("Bio marking")
        self.bio_marking.setEnabled(False)
        self.bio_gutter: MarkingGutter = attach_marking(self.bio, on_refresh=self._bio_marks_found)
        bar = QHBoxLayout()
        bar.setContentsMargins(0, 0, 0, 0)
        bar.addStretch(1)
        bar.addWidget(self.bio_unknown)
        bar.addWidget(self.bio_marking)
        layout = QVBoxLayout(field)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addLayout(bar)
        layout.addWidget(self.bio, 1)
        field.setFocusProxy(self.bio)
        return field

    def _bio_marks_found(self) -> None:
        if not hasattr(self, "bio_gutter"):
            return  # (the gutter's first look, while the editor is being built)
        unknown = self.bio_gutter.unknown()
        self.bio_unknown.setText(", ".join(f"unknown marking ({code})" for code in dict.fromkeys(unknown)))
        self.bio_unknown.setVisible(bool(unknown))

    def _choices(self, name: str, values: tuple[str, ...], labels: dict[str, str]) -> QComboBox:
        box = QComboBox(self)
        box.setAccessibleName(name)
        for value in values:
            box.addItem(labels[value], value)
        narrow(box)
        return box

    def _line(self, name: str, placeholder: str) -> QLineEdit:
        edit = QLineEdit(self)
        edit.setAccessibleName(name)
        edit.setPlaceholderText(placeholder)
        return edit

    def field_editor(self, field: str) -> QLineEdit | QPlainTextEdit | None:
        """The editor of one of the person's fields (name, native_name, title, organization, bio)."""
        editors = {"name": self.name, "native_name": self.native_name, "title": self.title,
                   "organization": self.organization, "bio": self.bio}
        return editors.get(field)

    def show_participant(self, participant: ParticipantRecord | None) -> None:
        """Show a participant (None: nobody); for the one already shown, keep what is being typed."""
        if self._switching:
            return  # the write of the participant being left announced itself; the switch goes on
        if participant is None or self.participant is None or participant.id != self.participant.id:
            self._switching = True
            try:
                self.flush()
            finally:
                self._switching = False
        self.participant = participant
        if participant is not None:
            self.ctx.writer.remember(PARTICIPANT, participant)
            self.ctx.writer.remember(PERSON, participant.person)
        self.participant_form.load(participant)
        self.person_form.load(participant.person if participant else None)
        self.heading.setText(shown_name(participant.person) if participant else "Nobody selected")
        self.remove_button.setEnabled(participant is not None)
        self.bio_marking.setEnabled(participant is not None and not self.bio.isReadOnly())

    def flush(self) -> None:
        self.participant_form.flush(end_burst=True)
        self.person_form.flush(end_burst=True)

