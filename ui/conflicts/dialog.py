"""``ConflictDialog``: theirs (as the store holds it now), mine (not saved) and the differences; choose.

Three ways out: keep mine (written over theirs, at their version), keep theirs
(mine is dropped, by choice), or merge by editing (a text field only: the merge
editor starts with mine). Closing the dialog decides nothing: mine stays in the
editor and in the crash-recovery journal.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from briefing.revisions.diff import word_diff
from ui.widgets.char_width import char_width
from ui.widgets.comparison import TextComparison
from ui.widgets.diff_text import DiffFormats, write_runs
from ui.widgets.safe_browser import SafeTextBrowser

MINE, THEIRS, MERGED = "mine", "theirs", "merged"
LEGEND = "Struck through: only in theirs · Underlined: only in mine"
MERGE_HINT = "Edit the text to combine both versions (it starts as mine), then Save merged text."


class ConflictDialog(QDialog):
    """Shows one conflict; ``sig_chosen(choice, merged text)`` when the user decides."""

    sig_chosen = Signal(str, str)
    """``mine``, ``theirs`` or ``merged`` (with the merged text; empty otherwise)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.comparison = TextComparison("Theirs — saved elsewhere", "Mine — not saved", self)
        self.differences = SafeTextBrowser(self)
        self.differences.setAccessibleName("Differences")
        self.differences.setOpenLinks(False)
        self.merge_editor = QPlainTextEdit(self)
        self.merge_editor.setAccessibleName("Merged text")
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self.comparison, "&Side by side")
        self.tabs.addTab(self.differences, "&Differences")
        self.merge_tab = self.tabs.addTab(self.merge_editor, "Merge by &editing")
        self.legend = legend = QLabel(LEGEND, self)
        legend.setWordWrap(True)
        buttons = QDialogButtonBox(self)
        self.mine_button = self._button(buttons, "Keep &mine",
                                        "Write my text over theirs (Undo takes it back)")
        self.theirs_button = self._button(buttons, "Keep &theirs",
                                          "Drop my text; keep what was saved elsewhere")
        self.merged_button = self._button(buttons, "Save me&rged text",
                                          "Write the text of the Merge tab")
        cancel = buttons.addButton("Decide &later", QDialogButtonBox.ButtonRole.RejectRole)
        cancel.setToolTip("Keep my text in the editor, unsaved, and decide later")
        buttons.rejected.connect(self.reject)
        self.mine_button.clicked.connect(lambda: self._choose(MINE))
        self.theirs_button.clicked.connect(lambda: self._choose(THEIRS))
        self.merged_button.clicked.connect(lambda: self._choose(MERGED))
        self.tabs.currentChanged.connect(self._on_tab)
        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(legend)
        layout.addWidget(buttons)
        metrics = self.fontMetrics()
        self.resize(char_width(metrics) * 140, metrics.lineSpacing() * 34)

    def _button(self, box: QDialogButtonBox, text: str, tip: str) -> QPushButton:
        button = box.addButton(text, QDialogButtonBox.ButtonRole.ActionRole)
        button.setToolTip(tip)
        button.setAutoDefault(False)
        return button

    def show_conflict(self, title: str, message: str, theirs: str, mine: str, mergeable: bool) -> None:
        """Fill the dialog with one conflict (``mergeable``: one text field, which can be edited)."""
        self.setWindowTitle(title)
        self.message.setText(message)
        self.comparison.set_texts(theirs, mine)
        self.differences.clear()
        write_runs(QTextCursor(self.differences.document()), word_diff(theirs, mine), DiffFormats(self))
        self.differences.moveCursor(QTextCursor.MoveOperation.Start)
        self.merge_editor.setPlainText(mine)
        self.tabs.setTabEnabled(self.merge_tab, mergeable)
        self.tabs.setCurrentIndex(0)
        self._on_tab(0)

    def _on_tab(self, index: int) -> None:
        merging = index == self.merge_tab
        self.legend.setText(MERGE_HINT if merging else LEGEND)
        self.merged_button.setVisible(merging)
        self.mine_button.setDefault(not merging)
        if merging:
            self.merge_editor.setFocus()

    def _choose(self, choice: str) -> None:
        self.sig_chosen.emit(choice, self.merge_editor.toPlainText() if choice == MERGED else "")
        self.accept()
