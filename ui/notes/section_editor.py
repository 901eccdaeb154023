"""``NoteSectionEditor``: one section of an issue note, as tall as its text (the note scrolls, not it).

The height follows the editor's line count (``QPlainTextEdit`` lays out only
what changed, so a keystroke in a 50-page paste stays cheap) or, in preview,
the rendered document's height.
"""

from __future__ import annotations

from PySide6.QtCore import QSizeF, Qt
from PySide6.QtWidgets import QAbstractScrollArea, QSizePolicy, QWidget

from ui.widgets.field_error import FieldError
from ui.widgets.markdown_editor import MarkdownEditor

#: Lines shown for an empty section, and the spare line below the text to type into.
MIN_LINES = 2
SPARE_LINES = 1


class NoteSectionEditor(MarkdownEditor):
    """The Markdown editor of one section (``field``) under its heading, and under it ``error``:
    why its text was not saved (a NUL from the clipboard, a full disk)."""

    def __init__(self, field: str, heading: str, placeholder: str, parent: QWidget | None = None) -> None:
        super().__init__(placeholder, heading, parent)
        self.field = field
        self.editor.setAccessibleName(heading)
        self.preview.setAccessibleName(f"{heading} (preview)")
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.title.setText(heading.replace("&", "&&"))  # "Q&A" is no mnemonic
        self.title.setWordWrap(True)  # "Anticipated asks / defensive Q&A" in a narrow pane
        for view in (self.editor, self.preview):
            view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            view.setSizeAdjustPolicy(QAbstractScrollArea.SizeAdjustPolicy.AdjustIgnored)
            view.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Ignored)
            view.document().documentLayout().documentSizeChanged.connect(self._fit)
        self.stack.currentChanged.connect(self._fit)
        self.error = FieldError(self)
        self.layout().addWidget(self.error)
        self._fit()

    def _fit(self, *_args: object) -> None:
        view = self.stack.currentWidget()
        frame = 2 * view.frameWidth()
        if view is self.editor:
            size: QSizeF = self.editor.document().documentLayout().documentSize()
            lines = max(MIN_LINES, int(size.height())) + SPARE_LINES
            margin = 2 * self.editor.document().documentMargin()
            height = lines * self.editor.fontMetrics().lineSpacing() + margin + frame
        else:
            height = self.preview.document().size().height() + frame
        height = int(height + 0.999)
        if self.stack.height() != height or self.stack.minimumHeight() != height:
            self.stack.setFixedHeight(height)
