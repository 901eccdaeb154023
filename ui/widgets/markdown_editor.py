"""A plain-text Markdown editor with a rendered preview one click (or Ctrl+Shift+P) away.

Each portion's marking shows in a narrow gutter beside it, and the Marking button (or
Ctrl+Shift+M, which cycles) sets it for the paragraphs under the cursor or the selection
(``ui.widgets.marking_gutter``). Editing is the default. The preview uses Qt's own Markdown reader, so nothing
the user typed is ever turned into markup by string concatenation. A single
line break typed shows as a line break, as in the book (``with_hard_breaks``).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QFontDatabase, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ui.widgets.marking_gutter import (
    MarkingGutter,
    current_ladder,
    marking_button,
    next_marking,
    set_marking,
    unknown_marking_label,
)

if TYPE_CHECKING:
    from ui.widgets.safe_browser import SafeTextBrowser

PREVIEW_KEY = "Ctrl+Shift+P"
MARKING_KEY = "Ctrl+Shift+M"
_FENCE = re.compile(r"^ {0,3}(```|~~~)")


def with_hard_breaks(text: str) -> str:
    """``text`` with each single line break made a Markdown hard break (two trailing spaces),
    except inside code fences, where lines are kept as typed anyway."""
    lines = text.split("\n")
    fenced = False
    for index, line in enumerate(lines[:-1]):
        if _FENCE.match(line):
            fenced = not fenced
            continue
        if not fenced and line.strip() and lines[index + 1].strip():
            lines[index] = line.rstrip() + "  "
    return "\n".join(lines)


class MarkdownEditor(QWidget):
    """``editor`` (a QPlainTextEdit, bind it to a field) and a toggled read-only ``preview``."""

    def __init__(self, placeholder: str = "", title: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.editor = QPlainTextEdit(self)
        self.editor.setPlaceholderText(placeholder)
        self.editor.setTabChangesFocus(True)
        self.editor.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.GeneralFont))
        self._preview: SafeTextBrowser | None = None  # made when first shown: most editors never are
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.editor)

        self.toggle = QToolButton(self)
        self.toggle.setText("Preview")
        self.toggle.setCheckable(True)
        self.toggle.setToolTip(f"Show the text as it will read ({PREVIEW_KEY})")
        self.toggle.setAutoRaise(True)
        self.toggle.toggled.connect(self.set_preview)
        # (Set apart: PySide6 ignores ``context=`` in the constructor, and a window-wide shortcut
        # in every section would be ambiguous and never fire.)
        shortcut = QShortcut(QKeySequence(PREVIEW_KEY), self)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(self.toggle.toggle)

        self.gutter = MarkingGutter(self.editor, self._marks_found)
        self.editor.installEventFilter(self)
        self.marking = marking_button(self, lambda _menu: self._fill_marking_menu(), MARKING_KEY)
        marking_key = QShortcut(QKeySequence(MARKING_KEY), self)
        marking_key.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        marking_key.activated.connect(self.cycle_marking)
        self.unknown = unknown_marking_label(self)
        self._marks_found()

        bar = QHBoxLayout()
        bar.setContentsMargins(0, 0, 0, 0)
        self.title = QLabel(title, self)
        self.title.setBuddy(self.editor)
        bar.addWidget(self.title)
        bar.addStretch(1)
        bar.addWidget(self.unknown)
        bar.addWidget(self.marking)
        bar.addWidget(self.toggle)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addLayout(bar)
        layout.addWidget(self.stack, 1)
        self.setFocusProxy(self.editor)

    # -- portion marks ---------------------------------------------------------------

    def eventFilter(self, watched, event) -> bool:  # noqa: ANN001 - QObject, QEvent
        if watched is self.editor and event.type() == QEvent.Type.Resize:
            self.gutter._place()
        return super().eventFilter(watched, event)

    def set_marking(self, code: str | None) -> None:
        """Mark the paragraphs under the cursor or the selection ``code`` (None: no mark)."""
        if not self.editor.isReadOnly() and not self.is_preview():
            set_marking(self.editor, code)
            self.gutter.refresh()

    def cycle_marking(self) -> None:
        """The next marking of the ladder for the paragraph at the cursor (after the top: none)."""
        self.set_marking(next_marking(self.editor))

    def _fill_marking_menu(self) -> None:
        menu = self.marking.menu()
        menu.clear()
        for m in current_ladder().markings:
            action = menu.addAction(f"({m.code})  {m.label}")
            action.triggered.connect(lambda _checked=False, code=m.code: self.set_marking(code))
        menu.addSeparator()
        menu.addAction("No marking (the meeting's)").triggered.connect(lambda: self.set_marking(None))

    def _marks_found(self) -> None:
        if not hasattr(self, "gutter") or not hasattr(self, "unknown"):
            return  # (the gutter's first look, while the editor is being built)
        unknown = self.gutter.unknown()
        self.unknown.setText(", ".join(f"unknown marking ({code})" for code in dict.fromkeys(unknown)))
        self.unknown.setVisible(bool(unknown))

    @property
    def preview(self) -> SafeTextBrowser:
        """The read-only rendered view (built on first use)."""
        if self._preview is None:
            from ui.widgets.safe_browser import SafeTextBrowser

            self._preview = SafeTextBrowser(self)
            self._preview.setOpenExternalLinks(True)
            self.stack.addWidget(self._preview)
        return self._preview

    def is_preview(self) -> bool:
        return self._preview is not None and self.stack.currentWidget() is self._preview

    def set_preview(self, on: bool) -> None:
        """Show the rendered text (on) or the editor (off)."""
        if on:
            self.preview.setMarkdown(with_hard_breaks(self.editor.toPlainText()))
        self.stack.setCurrentWidget(self.preview if on else self.editor)
        if self.toggle.isChecked() != on:
            self.toggle.setChecked(on)
        self.toggle.setText("Edit" if on else "Preview")
