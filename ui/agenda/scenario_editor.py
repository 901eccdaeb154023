"""``ScenarioEditor``: below the agenda table, the selected item's scenario (run of show, issue 13) —
who speaks first for each side, press open or closed, and the points to use (Markdown). Typing is
written like every form's (after a pause, on leaving a field), one undo step per burst."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QFormLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit, QWidget

from briefing.agenda.records import AgendaItemRecord
from briefing.vocabulary import PRESS_MODES
from ui.context import AppContext
from ui.forms import ChoiceBinding, LineBinding, TextBinding
from ui.forms.form import EditorForm
from ui.undo.kinds import AGENDA_ITEM
from ui.widgets.field_error import FieldError, with_error
from ui.widgets.markdown_editor import MarkdownEditor

PRESS_LABELS = {"closed": "Closed", "open": "Open to the press"}


class ScenarioEditor(QGroupBox):
    """The scenario fields of one agenda item; ``show_item`` shows an item's (None: none)."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__("Scenario of the selected item", parent)
        self.ctx = ctx
        self.item: AgendaItemRecord | None = None
        self.form = EditorForm(ctx, AGENDA_ITEM, self)
        self.speaker_ours = QLineEdit(self)
        self.speaker_ours.setAccessibleName("Speaks first for us")
        self.speaker_ours.setPlaceholderText("Who opens for our side")
        self.speaker_theirs = QLineEdit(self)
        self.speaker_theirs.setAccessibleName("Speaks first for them")
        self.speaker_theirs.setPlaceholderText("Who opens for their side")
        self.press = QComboBox(self)
        self.press.setAccessibleName("Press")
        for mode in PRESS_MODES:
            self.press.addItem(PRESS_LABELS[mode], mode)
        self.points = MarkdownEditor("The points to use on this item (Markdown). Empty: the book "
                                     "points to the issue paper's talking points", "P&oints", self)
        self.points.editor.setAccessibleName("Points")
        self.points.setMinimumHeight(self.fontMetrics().lineSpacing() * 5)
        self.points.setMaximumHeight(self.fontMetrics().lineSpacing() * 9)  # the table keeps the room
        ours_error, theirs_error, self.error = FieldError(self), FieldError(self), FieldError(self)
        speakers = QHBoxLayout()
        speakers.addWidget(with_error(self.speaker_ours, ours_error, self), 1)
        theirs_label = QLabel("The&irs", self)
        theirs_label.setBuddy(self.speaker_theirs)
        speakers.addWidget(theirs_label)
        speakers.addWidget(with_error(self.speaker_theirs, theirs_error, self), 1)
        speakers.addWidget(QLabel("Press", self))
        speakers.addWidget(self.press)
        form = QFormLayout(self)
        ours_label = QLabel("Speaks &first: ours", self)
        ours_label.setBuddy(self.speaker_ours)
        form.addRow(ours_label, speakers)
        form.addRow(self.points)
        form.addRow(self.error)
        f = self.form
        f.bind(LineBinding(self.speaker_ours, "speaker_ours", ours_error))
        f.bind(LineBinding(self.speaker_theirs, "speaker_theirs", theirs_error))
        f.bind(ChoiceBinding(self.press, "press", self.error))
        f.bind(TextBinding(self.points.editor, "points", self.error))
        self.show_item(None)

    def show_item(self, item: AgendaItemRecord | None) -> None:
        """Show an item's scenario (what was being typed in the one shown before is written first)."""
        if self.item is not None and (item is None or item.id != self.item.id):
            self.form.flush(end_burst=True)
        self.item = item
        if item is not None:
            self.ctx.writer.remember(AGENDA_ITEM, item)
        self.form.load(item)
        self.setEnabled(item is not None and not self.ctx.services.read_only)

    def flush(self) -> None:
        self.form.flush(end_burst=True)
