"""``TextComparison``: two versions of a text side by side, what differs marked in each.

The left version shows what only it has struck through, the right one what only
it has underlined (``briefing.revisions.diff`` word by word). Each side scrolls on its own,
and starts scrolled to its first difference; ``max_lines`` keeps the pair short
where it sits inside a bar.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent, QTextCursor
from PySide6.QtWidgets import QGridLayout, QLabel, QWidget

from briefing.revisions.diff import DELETE, EQUAL, INSERT, word_diff
from ui.widgets.diff_text import DiffFormats, write_runs
from ui.widgets.safe_browser import SafeTextBrowser


class TextComparison(QWidget):
    """``left`` (the old or other version) and ``right`` (the new one, or mine), labelled."""

    def __init__(self, left_label: str, right_label: str, parent: QWidget | None = None, *,
                 max_lines: int | None = None) -> None:
        super().__init__(parent)
        self.max_lines = max_lines
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.left = self._browser(left_label)
        self.right = self._browser(right_label)
        self.labels: list[QLabel] = []
        for column, (label, browser) in enumerate(((left_label, self.left), (right_label, self.right))):
            caption = QLabel(label, self)
            caption.setTextFormat(Qt.TextFormat.PlainText)
            caption.setBuddy(browser)
            self.labels.append(caption)
            layout.addWidget(caption, 0, column)
            layout.addWidget(browser, 1, column)
            layout.setColumnStretch(column, 1)
        layout.setRowStretch(1, 1)

    def _browser(self, name: str) -> SafeTextBrowser:
        browser = SafeTextBrowser(self)
        browser.setAccessibleName(name)
        browser.setOpenLinks(False)
        return browser

    def set_texts(self, left: str, right: str) -> None:
        """Show both versions with their differences marked."""
        runs = word_diff(left, right)
        formats = DiffFormats(self)
        for browser, leave_out in ((self.left, INSERT), (self.right, DELETE)):
            browser.clear()
            write_runs(QTextCursor(browser.document()), runs, formats, leave_out)
            cursor = QTextCursor(browser.document())
            cursor.setPosition(_first_change(runs, leave_out))
            browser.setTextCursor(cursor)
            self._scroll_to_cursor(browser)
        if self.max_lines is not None:  # as tall as the longer text, up to max_lines
            lines = min(self.max_lines, max(left.count("\n"), right.count("\n")) + 1)
            for browser in (self.left, self.right):
                margin = 2 * (browser.frameWidth() + browser.document().documentMargin())
                browser.setFixedHeight(int(self.fontMetrics().lineSpacing() * lines + margin + 2))

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        for browser in (self.left, self.right):  # laid out only now
            self._scroll_to_cursor(browser)

    def _scroll_to_cursor(self, browser: SafeTextBrowser) -> None:
        """The first difference at the top, with a line of what comes before it."""
        cursor = browser.textCursor()
        block = cursor.block()
        top = browser.document().documentLayout().blockBoundingRect(block).top()
        line = block.layout().lineForTextPosition(cursor.positionInBlock())
        if line.isValid():
            top += line.y()
        browser.verticalScrollBar().setValue(int(top - self.fontMetrics().lineSpacing()))

    def texts(self) -> tuple[str, str]:
        """Both sides as shown, as plain text."""
        return self.left.toPlainText(), self.right.toPlainText()


def _first_change(runs, leave_out: str) -> int:
    """Where the first difference starts in the side that leaves out ``leave_out`` runs."""
    position = 0
    for run in runs:
        if run.kind == leave_out:
            continue
        if run.kind != EQUAL:
            return position
        position += len(run.text)
    return 0
