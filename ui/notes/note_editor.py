"""``IssueNoteEditor``: one issue note — a thin bar (status, priority, owner, previous round, preview)
above its sections as a vertical stack of Markdown editors, then its sources; the whole stack scrolls.

Typing is written by an ``EditorForm`` (after a pause, on leaving a field, when
the note or the meeting changes, on close) as one undo step per burst.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from briefing.errors import NotFoundError
from briefing.notes.records import NoteRecord
from briefing.vocabulary import NOTE_SECTIONS, NOTE_STATUSES, PRIORITIES, TIERS
from ui.context import AppContext
from ui.forms import ChoiceBinding, EditorForm, LineBinding, TextBinding
from ui.notes.carried import carried_from_text
from ui.notes.find_bar import NoteFindBar
from ui.notes.section_editor import NoteSectionEditor
from ui.notes.sources_editor import SourcesEditor
from ui.qa.budget_marker import BudgetMarker
from ui.qa.note_entries import NoteQaList
from ui.undo.kinds import NOTE, source_kind
from ui.widgets.char_width import char_width
from ui.widgets.field_error import FieldError
from ui.widgets.flow_layout import FlowLayout, labelled
from ui.widgets.heading import heading_label
from ui.widgets.side_window import SideWindow
from ui.widgets.table_editing import commit_open_editor

PLACEHOLDERS = {
    "background": "What the issue is and how we got here (Markdown: **bold**, - lists)",
    "objectives": "What we want from this round",
    "their_position": "What they want and why",
    "talking_points": "1. Numbered, so that the principal can refer to “point 3”",
    "defensives": "**Q: A question they may ask?**\nA: Our answer.",
    "red_lines": "What we must not concede",
}


class IssueNoteEditor(QWidget):
    """The right side of the Issue notes tab; ``set_note(id)`` shows a note (None: nothing)."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.note: NoteRecord | None = None
        self.previous_view = None
        self.windows: dict[str, QWidget] = {}  # history and timeline, when open
        self._switching = False
        self._carried_cache: tuple[int | None, str] = (None, "")
        self.form = EditorForm(ctx, NOTE, self)
        self._build()
        self._bind()

    def _build(self) -> None:
        self.title = heading_label(self)
        self.carried = QLabel(self)  # "Carried from Round 1 (7 Feb 2022)", for a carried note
        self.carried.setTextFormat(Qt.TextFormat.PlainText)
        self.carried.setAccessibleName("Carried from")
        self.carried.hide()
        self.status_box = self._combo("Status", NOTE_STATUSES)
        self.priority_box = self._combo("Priority", PRIORITIES)
        self.tier_box = self._combo("Tier", TIERS)  # how deep the paper prints (issue 13)
        self.tier_box.setToolTip("Full: the whole paper. Short: objectives, talking points and its "
                                 "Q&A. Defensive: its Q&A only (raised only if they raise it)")
        self.budget_marker = BudgetMarker(self.ctx, self)
        self.owner = QLineEdit(self)
        self.owner.setAccessibleName("Owner")
        self.owner.setPlaceholderText("Office or person responsible")
        self.owner_error = FieldError(self)
        self.previous_button = QPushButton("P&revious round…", self)
        self.previous_button.setToolTip("This issue's note in the previous round, with what changed")
        self.previous_button.clicked.connect(self.show_previous)
        self.preview_button = QPushButton("Preview a&ll", self)
        self.preview_button.setCheckable(True)
        self.preview_button.setToolTip("Show every section as it will read (Markdown rendered)")
        self.preview_button.toggled.connect(self.set_preview)
        self.history_button = QPushButton("His&tory…", self)
        self.history_button.setToolTip("Every saved version of this note: compare one with the note now, "
                                       "restore it")
        self.history_button.clicked.connect(self.show_history)
        self.timeline_button = QPushButton("All ro&unds…", self)
        self.timeline_button.setToolTip("This issue across the rounds: our objectives, their position "
                                        "and the note's status in each")
        self.timeline_button.clicked.connect(self.show_timeline)
        self.clearance_button = QPushButton("Export for clearance…", self)
        self.clearance_button.setToolTip("This note alone as a Word file, to be marked up with tracked "
                                         "changes and read back (File → Review a returned Word file…)")
        self.clearance_button.clicked.connect(self.export_for_clearance)
        for button in (self.previous_button, self.history_button, self.timeline_button):
            # A click opens a window beside the note and leaves the keyboard in the section typed in.
            button.setFocusPolicy(Qt.FocusPolicy.TabFocus)

        # Mnemonics avoid the window's own: the menus (F E M V H) and the tabs (O A N P I).
        # The bars wrap rather than widen the window (a laptop's screen, with the Book preview open).
        # The owner's field takes the rest of its line and stays wide enough to read.
        self.owner.setMinimumWidth(char_width(self.fontMetrics()) * 18)
        fields = QWidget(self)
        bar = FlowLayout(fields)
        for label, editor in (("&Status", self.status_box), ("Priorit&y", self.priority_box),
                              ("Tier", self.tier_box), ("O&wner", self.owner)):
            buddy = QLabel(label, self)
            buddy.setBuddy(editor)
            bar.addWidget(labelled(buddy, editor, fields))
        bar.addWidget(self.preview_button)

        content = QWidget(self)
        stack = QVBoxLayout(content)
        self.sections: dict[str, NoteSectionEditor] = {}
        for field, heading in NOTE_SECTIONS:
            section = NoteSectionEditor(field, heading, PLACEHOLDERS[field], content)
            section.editor.cursorPositionChanged.connect(lambda s=section: self._follow_cursor(s))
            self.sections[field] = section
            stack.addWidget(section)
        self.qa_list = NoteQaList(self.ctx, content)  # the note's Q&A bank entries (issue 13)
        stack.addWidget(self.qa_list)
        self.sources = SourcesEditor(self.ctx, content)
        self.sources.sig_about_to_change.connect(self.form.flush)
        stack.addWidget(self.sources)
        stack.addStretch(1)
        self.scroll = QScrollArea(self)
        self.scroll.setWidget(content)
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        self.find_bar = NoteFindBar([s.editor for s in self.sections.values()], self._reveal, self)
        self.carried.setWordWrap(True)
        buttons = QWidget(self)
        buttons_flow = FlowLayout(buttons, align_right=True)
        for button in (self.previous_button, self.history_button, self.timeline_button,
                       self.clearance_button):
            buttons_flow.addWidget(button)
        heading = QVBoxLayout()
        heading.addWidget(self.title)
        heading.addWidget(self.carried)
        top = QHBoxLayout()
        top.addLayout(heading, 1)
        top.addWidget(buttons, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(fields)
        layout.addWidget(self.owner_error)
        layout.addWidget(self.budget_marker)
        layout.addWidget(self.find_bar)
        layout.addWidget(self.scroll, 1)

    def _combo(self, name: str, values: tuple[str, ...]) -> QComboBox:
        combo = QComboBox(self)
        combo.setAccessibleName(name)
        for value in values:
            combo.addItem(value.capitalize(), value)
        return combo

    def _bind(self) -> None:
        f = self.form
        for field, section in self.sections.items():
            f.bind(TextBinding(section.editor, field, section.error))
        f.bind(ChoiceBinding(self.status_box, "status"))
        f.bind(ChoiceBinding(self.priority_box, "priority"))
        f.bind(ChoiceBinding(self.tier_box, "tier"))
        f.bind(LineBinding(self.owner, "owner", self.owner_error))

    # -- showing a note ----------------------------------------------------------------

    def set_note(self, note_id: int | None) -> None:
        """Show a note (pending typing in the one shown before is written first)."""
        if self._switching:
            return  # the write of the note being left announced itself; the switch goes on
        if note_id is not None and self.note is not None and note_id == self.note.id:
            try:  # the same note again (its list was re-read): show it as stored, keep the typing
                self._show(self.ctx.services.notes.get(note_id))
                return
            except NotFoundError:
                pass
        self._switching = True
        try:
            self.form.flush(end_burst=True)
            note = None
            if note_id is not None:
                try:
                    note = self.ctx.services.notes.get(note_id)
                except NotFoundError:
                    note = None
            self._show(note)
        finally:
            self._switching = False

    def refresh(self) -> None:
        """Show the stored note again, keeping what the user is still typing."""
        if self.note is not None and not self._switching:
            self._show(self.ctx.services.notes.get(self.note.id))

    def _show(self, note: NoteRecord | None) -> None:
        self.note = note
        if note is not None:
            self.ctx.writer.remember(NOTE, note)
            self.ctx.writer.remember_all(source_kind(note.meeting_id), list(note.sources))
        self.form.load(note)
        self.title.setText(note.issue_title if note else "")
        carried = self._carried_from(note)
        self.carried.setText(carried)
        self.carried.setVisible(bool(carried))
        self.sources.set_note(note)
        self.qa_list.set_note(note)
        self.budget_marker.show_for(note)
        self.previous_button.setEnabled(note is not None and note.previous_id is not None)
        for button in (self.preview_button, self.history_button, self.timeline_button,
                       self.clearance_button):
            button.setEnabled(note is not None)

    def _carried_from(self, note: NoteRecord | None) -> str:
        """``Carried from Round 1 (7 Feb 2022)`` for a note carried forward, else empty."""
        if note is None or note.previous_id is None:
            return ""
        if self._carried_cache[0] != note.previous_id:
            self._carried_cache = (note.previous_id, carried_from_text(self.ctx.services, note.id))
        return self._carried_cache[1]

    def flush(self) -> None:
        commit_open_editor(self.sources.view)
        self.form.flush(end_burst=True)

    def focus_first_section(self) -> None:
        """Put the cursor in the first section, ready for typing."""
        first = self.sections[NOTE_SECTIONS[0][0]]
        if first.is_preview():
            self.preview_button.setChecked(False)
        first.editor.setFocus(Qt.FocusReason.OtherFocusReason)

    def show_section(self, field: str, spans: Sequence[tuple[int, int]]) -> bool:
        """Put the cursor on ``spans`` of section ``field`` (a search's matches), marked and in view."""
        section = self.sections.get(field)
        if section is None or self.note is None:
            return False
        from ui.widgets.text_marks import show_matches

        if section.is_preview():
            self.preview_button.setChecked(False)
        show_matches(section.editor, getattr(self.note, field), spans)
        QTimer.singleShot(0, lambda: self._reveal_match(section))  # once the note is laid out
        return True

    def _reveal_match(self, section: NoteSectionEditor) -> None:
        """The section's heading in view when it fits with the match, and the match in any case."""
        self.scroll.ensureWidgetVisible(section.title, 0, 0)
        self._keep_cursor_visible(section)

    def show_source(self, source_id: int, field: str, spans: Sequence[tuple[int, int]]) -> bool:
        """Open the cell ``field`` of one of the note's sources with ``spans`` selected."""
        self.scroll.ensureWidgetVisible(self.sources)
        return self.sources.show_field(source_id, field, spans)

    def set_preview(self, on: bool) -> None:
        """Every section rendered (on) or editable (off)."""
        self.form.flush()
        for section in self.sections.values():
            section.set_preview(on)
        self.preview_button.setText("Edit a&ll" if on else "Preview a&ll")

    def find_in_note(self) -> None:
        """Ctrl+F: the find bar, ready for typing (the selected words, if any, to find)."""
        if self.note is None:
            return
        if self.preview_button.isChecked():
            self.preview_button.setChecked(False)
        focused = next((s.editor for s in self.sections.values() if s.editor.hasFocus()), None)
        self.find_bar.start(focused.textCursor().selectedText() if focused else "")

    def _reveal(self, editor: QPlainTextEdit) -> None:
        section = next(s for s in self.sections.values() if s.editor is editor)
        self._keep_cursor_visible(section)

    def _follow_cursor(self, section: NoteSectionEditor) -> None:
        """The cursor the user moves stays in view; a section shown anew (someone else's change
        arriving, live) does not scroll the note away from where the user is."""
        if section.editor.hasFocus():
            self._keep_cursor_visible(section)

    def _keep_cursor_visible(self, section: NoteSectionEditor) -> None:
        rect = section.editor.cursorRect()
        centre = section.editor.viewport().mapTo(self.scroll.widget(), rect.center())
        self.scroll.ensureVisible(centre.x(), centre.y(), 0, rect.height())

    # -- history and rounds --------------------------------------------------------------

    def show_history(self) -> None:
        """Open the note's history beside the window (what is being typed is written first)."""
        if self.note is None:
            return
        self.form.flush()
        from ui.history.history_view import NoteHistoryView

        self._open_window("history", NoteHistoryView(self.ctx, self.note.id, self.flush, self))

    def export_for_clearance(self) -> None:
        """This note alone as a .docx for clearance (``ui.word``), with what is being typed."""
        if self.note is not None:
            from ui.word.export_task import export_note_for_clearance

            export_note_for_clearance(self.ctx, self.note, self, self.flush)

    def show_timeline(self) -> None:
        """Open this issue's timeline across the rounds beside the window."""
        if self.note is None:
            return
        self.form.flush()
        from ui.rounds.timeline_view import IssueTimelineView

        timeline = self.ctx.services.rounds.timeline(self.note.issue_id, self.note.meeting_id)
        self._open_window("timeline", IssueTimelineView(timeline, self.note.meeting_id, self))

    def _open_window(self, name: str, view: SideWindow) -> None:
        """Show ``view`` in place of the window of that ``name`` opened before, if any."""
        old = self.windows.pop(name, None)
        if old is not None:
            old.close()
        self.windows[name] = view
        view.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        view.destroyed.connect(lambda _object=None, v=view: self.windows.get(name) is v
                               and self.windows.pop(name))
        view.show_beside(self)

    # -- previous round ----------------------------------------------------------------

    def show_previous(self) -> None:
        """Open the side-by-side view of this issue's note in the previous round."""
        if self.note is None:
            return
        self.form.flush()
        from ui.notes.previous_round import PreviousRoundView

        if self.previous_view is not None:
            self.previous_view.close()
        self.previous_view = PreviousRoundView.for_note(self.ctx.services, self.note.id, self)
        if self.previous_view is None:
            self.ctx.status.info("This note has no predecessor in a previous round.")
            return
        self.previous_view.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.previous_view.destroyed.connect(self._forget_previous_view)
        self.previous_view.show_beside(self)

    def _forget_previous_view(self) -> None:
        self.previous_view = None
