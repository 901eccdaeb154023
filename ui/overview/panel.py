"""``OverviewPanel``: the meeting's own fields, written as the user types (after a pause)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QScrollArea,
    QSizePolicy,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from briefing.meetings.records import MeetingRecord
from briefing.vocabulary import MEETING_STATUSES
from ui.context import AppContext
from ui.forms import ChoiceBinding, CustomBinding, EditorForm, LineBinding, SpinBinding, TextBinding
from ui.overview.when import WhenEditor
from ui.qa.budget_fields import BudgetFields
from ui.undo.kinds import MEETING
from ui.widgets.field_error import FieldError, with_error
from ui.widgets.flow_layout import FlowLayout, labelled
from ui.widgets.markdown_editor import MarkdownEditor
from ui.widgets.narrow_combo import narrow
from ui.widgets.zone_combo import ZoneComboBox


class OverviewPanel(QWidget):
    """Title, round, status, marking, counterpart, venue, times, people responsible, objectives."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.meeting_id: int | None = None
        self.form = EditorForm(ctx, MEETING, self)
        self._build()
        ctx.events.sig_meeting_changed.connect(self._on_meeting_changed)

    def _line(self, name: str, placeholder: str = "") -> tuple[QLineEdit, FieldError]:
        edit = QLineEdit(self)
        edit.setAccessibleName(name)
        edit.setPlaceholderText(placeholder)
        return edit, FieldError(self)

    def _build(self) -> None:
        self.title, title_error = self._line("Title", "What the meeting is called, e.g. “… Round 2”")
        self.round = QSpinBox(self)
        self.round.setRange(0, 999)
        self.round.setAccessibleName("Round")
        self.round.setToolTip("0 for a launch or preparatory meeting")
        self.status_box = QComboBox(self)
        self.status_box.setAccessibleName("Status")
        for status in MEETING_STATUSES:
            self.status_box.addItem(status.capitalize(), status)
        self.sensitivity = QComboBox(self)
        self.sensitivity.setAccessibleName("Sensitivity")
        for marking in self.ctx.services.config.ladder.markings:
            self.sensitivity.addItem(f"{marking.code} · {marking.label.capitalize()}", marking.code)
        narrow(self.sensitivity, 14)
        self.counterpart, counterpart_error = self._line("Counterpart", "Who we negotiate with")
        self.location, location_error = self._line("Venue", "City or building")
        self.when = WhenEditor(self)
        self.home_zone = ZoneComboBox(self)
        self.home_zone.setAccessibleName("Home time zone")
        home_error = FieldError(self)
        self.principal, principal_error = self._line("Prepared for", "The principal the book is for")
        self.prepared_by, prepared_by_error = self._line("Prepared by", "Office or author")
        # the classification authority (issue 11): printed on the cover above the second step
        authority = (("classified_by", "Classified by", "Name and position of who classified it"),
                     ("classification_reason", "Classification reason",
                      "e.g. 1.4(b) foreign government information"),
                     ("declassify_on", "Declassify on", "A date or event, e.g. 2047-02-07"))
        self.authority = {name: self._line(label, hint) for name, label, hint in authority}
        self.budget = BudgetFields(self)  # pages per paper, by tier (issue 13)
        self.objectives = MarkdownEditor("What this meeting must achieve (Markdown: **bold**, "
                                         "- lists, 1. numbered)", "Ob&jectives", self)
        self.objectives.editor.setAccessibleName("Objectives")
        self.objectives.setMinimumHeight(self.fontMetrics().lineSpacing() * 8)

        # Round, status and sensitivity on one line that wraps in a narrow pane; the
        # sensitivity takes the rest of its line.
        self.sensitivity.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        line = QWidget(self)
        flow = FlowLayout(line)
        flow.addWidget(self.round)
        flow.addWidget(labelled(QLabel("Status", self), self.status_box, line))
        flow.addWidget(labelled(QLabel("Sensitivity", self), self.sensitivity, line))

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow("&Title", with_error(self.title, title_error, self))
        round_label = QLabel("&Round", self)
        round_label.setBuddy(self.round)
        form.addRow(round_label, line)
        form.addRow("&Counterpart", with_error(self.counterpart, counterpart_error, self))
        form.addRow("Ven&ue", with_error(self.location, location_error, self))
        for label, field in self.when.rows():
            form.addRow(label, field)
        form.addRow("Home time zone", with_error(self.home_zone, home_error, self))
        form.addRow("Prepare&d for", with_error(self.principal, principal_error, self))
        form.addRow("Prepared b&y", with_error(self.prepared_by, prepared_by_error, self))
        for (_, label, _), (edit, error) in zip(authority, self.authority.values(), strict=True):
            edit.setToolTip("Printed on the book's cover when it holds anything above the ladder's "
                            "second step; left empty, it prints as “—”")
            form.addRow(label, with_error(edit, error, self))
        form.addRow("Page budget", with_error(self.budget, self.budget.error, self))

        content = QWidget(self)
        layout = QVBoxLayout(content)
        layout.addLayout(form)
        layout.addWidget(self.objectives, 1)
        scroll = QScrollArea(self)
        scroll.setWidget(content)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)

        f = self.form
        f.bind(LineBinding(self.title, "title", title_error))
        f.bind(SpinBinding(self.round, "round_no"))
        f.bind(ChoiceBinding(self.status_box, "status"))
        f.bind(ChoiceBinding(self.sensitivity, "sensitivity"))
        f.bind(LineBinding(self.counterpart, "counterpart", counterpart_error))
        f.bind(LineBinding(self.location, "location", location_error))
        f.bind(self.when.binding)
        home = f.bind(CustomBinding(("home_timezone",), (self.home_zone,),
                                    lambda: {"home_timezone": self.home_zone.zone()},
                                    lambda m: self.home_zone.set_zone(m.home_timezone), home_error))
        self.home_zone.activated.connect(home.committed)
        self.home_zone.lineEdit().editingFinished.connect(home.committed)
        self.home_zone.currentTextChanged.connect(self.when.set_home_zone)
        self.home_zone.sig_problem.connect(home_error.show_message)  # quoting what is being typed
        f.bind(LineBinding(self.principal, "principal", principal_error))
        f.bind(LineBinding(self.prepared_by, "prepared_by", prepared_by_error))
        for name, (edit, error) in self.authority.items():
            f.bind(LineBinding(edit, name, error))
        f.bind(TextBinding(self.objectives.editor, "objectives"))
        f.bind(self.budget.binding())

    # -- the panel contract --------------------------------------------------------

    def set_meeting(self, meeting_id: int | None) -> None:
        self.meeting_id = meeting_id
        self.form.load(self._record(meeting_id) if meeting_id else None)

    def flush(self) -> None:
        self.form.flush(end_burst=True)

    def show_field(self, entity: str, entity_id: int, field: str, spans: Sequence[tuple[int, int]]) -> bool:
        editors = {"title": self.title, "counterpart": self.counterpart, "location": self.location,
                   "objectives": self.objectives.editor}
        if entity != "meeting" or entity_id != self.meeting_id or field not in editors:
            return False
        from ui.widgets.text_marks import show_matches

        self.objectives.set_preview(False)
        show_matches(editors[field], getattr(self._record(entity_id), field), spans)
        return True

    def focus_first_field(self) -> None:
        self.title.setFocus(Qt.FocusReason.OtherFocusReason)
        self.title.selectAll()

    def _record(self, meeting_id: int) -> MeetingRecord:
        latest = self.ctx.writer.latest(MEETING, meeting_id)
        return latest or self.ctx.writer.remember(MEETING, self.ctx.services.meetings.get(meeting_id))

    def _on_meeting_changed(self, meeting_id: int) -> None:
        if meeting_id == self.meeting_id:
            self.form.load(self._record(meeting_id))
