"""``RoundChangesView``: what changed in a meeting's issue notes since the last round.

One readable page (Meeting → What changed since the last round…): a summary
line, then per issue that changed the sections that differ, word by word
(``ui.widgets.diff_text``), and a changed priority or owner; then the issues new
this round (their text, all new) and those dropped; the unchanged ones are
named at the end. Each issue's heading has a link that opens its note.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QUrl
from PySide6.QtGui import QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QLabel, QWidget

from briefing.rounds.records import IssueChange, RoundChanges
from ui.context import AppContext
from ui.widgets.diff_text import DiffFormats, new_paragraph, write_runs
from ui.widgets.safe_browser import SafeTextBrowser
from ui.widgets.side_window import SideWindow

LEGEND = "Struck through: in last round's note, not in this one \u00b7 Underlined: new in this round"
KINDS = {"changed": "changed", "new": "new this round", "dropped": "dropped since the last round"}
ShowField = Callable[[str, int, str, Sequence[tuple[int, int]]], bool]


def summary(changes: RoundChanges) -> str:
    """``2 issues changed · 1 new · 1 dropped · 3 unchanged``."""
    counts = {kind: sum(i.kind == kind for i in changes.issues)
              for kind in ("changed", "new", "dropped", "unchanged")}
    issues = "issue" if counts["changed"] == 1 else "issues"
    return (f"{counts['changed']} {issues} changed \u00b7 {counts['new']} new \u00b7 "
            f"{counts['dropped']} dropped \u00b7 {counts['unchanged']} unchanged")


class RoundChangesView(SideWindow):
    """A window beside the main one (not modal); ``show_field`` opens a note of the meeting shown."""

    def __init__(self, changes: RoundChanges, show_field: ShowField, parent: QWidget | None = None) -> None:
        super().__init__(f"{changes.meeting_title} \u2014 what changed since the last round", LEGEND, parent)
        self.changes = changes
        self.show_field = show_field
        self.browser = SafeTextBrowser(self)
        self.browser.setAccessibleName("Changes since the last round")
        self.browser.setOpenLinks(False)
        self.browser.anchorClicked.connect(self._open)
        self.problem = QLabel(self)
        self.problem.setWordWrap(True)
        self.problem.hide()
        self.body.addWidget(self.browser, 1)
        self.body.addWidget(self.problem)
        self.resize_to_text(120, 42)
        self._write(DiffFormats(self))

    @classmethod
    def open_for(cls, ctx: AppContext, meeting_id: int, show_field: ShowField,
                 parent: QWidget | None = None) -> RoundChangesView:
        """Read the changes of ``meeting_id`` and show them in a window of their own."""
        view = cls(ctx.services.rounds.changes(meeting_id), show_field, parent)
        view.show()
        return view

    def text(self) -> str:
        """Everything the view shows, as plain text."""
        return self.browser.toPlainText()

    # -- the page --------------------------------------------------------------------

    def _write(self, formats: DiffFormats) -> None:
        changes, cursor = self.changes, QTextCursor(self.browser.document())
        cursor.insertText("What changed since the last round", formats.title)
        new_paragraph(cursor)
        if changes.previous_meeting_id is None:
            cursor.insertText(f"{changes.meeting_title} has no previous round to compare with. A meeting "
                              "started with Meeting \u2192 Next round has one.", formats.empty)
            return
        cursor.insertText(f"{changes.meeting_title} compared with {changes.previous_meeting_title}",
                          formats.state)
        new_paragraph(cursor)
        cursor.insertText(summary(changes), formats.plain)
        for kind in ("changed", "new", "dropped"):
            for issue in (i for i in changes.issues if i.kind == kind):
                self._write_issue(cursor, issue, formats)
        unchanged = [i.issue_title for i in changes.issues if i.kind == "unchanged"]
        if unchanged:
            new_paragraph(cursor, space_above=14)
            cursor.insertText("Unchanged: ", formats.heading)
            cursor.insertText(", ".join(unchanged), formats.plain)
        self.browser.moveCursor(QTextCursor.MoveOperation.Start)

    def _write_issue(self, cursor: QTextCursor, issue: IssueChange, formats: DiffFormats) -> None:
        new_paragraph(cursor, space_above=16)
        cursor.insertText(issue.issue_title, formats.heading)
        cursor.insertText(f"  \u2014 {KINDS[issue.kind]}", formats.state)
        if issue.note_id is not None:
            link = QTextCharFormat()
            link.setAnchor(True)
            link.setAnchorHref(f"note:{issue.note_id}")
            link.setFontUnderline(True)
            cursor.insertText("  ", formats.plain)
            cursor.insertText("Open the note", link)
        if issue.kind == "dropped":
            new_paragraph(cursor)
            had = ", ".join(s.heading for s in issue.sections) or "nothing written"
            cursor.insertText(f"Last round's note had: {had}.", formats.empty)
            return
        if issue.kind == "new" and not issue.sections:
            new_paragraph(cursor)
            cursor.insertText("Nothing written yet.", formats.empty)
        for value in issue.values:
            new_paragraph(cursor)
            cursor.insertText(f"{value.field.capitalize()}: ", formats.heading)
            cursor.insertText(value.old or "(none)", formats.deleted)
            cursor.insertText(" \u2192 ", formats.plain)
            cursor.insertText(value.new or "(none)", formats.inserted)
        for change in issue.sections:
            new_paragraph(cursor, space_above=6)
            cursor.insertText(change.heading, formats.heading)
            new_paragraph(cursor)
            write_runs(cursor, change.runs, formats)

    def _open(self, url: QUrl) -> None:
        text = url.toString()
        if not text.startswith("note:"):
            return
        shown = self.show_field("note", int(text.removeprefix("note:")), "", ())
        self.problem.setVisible(not shown)
        self.problem.setText("" if shown else f"That note is in {self.changes.meeting_title}: open that "
                                              "meeting in the window to go to it.")
