"""Portion marks in a Markdown editor: a narrow gutter painting each portion's code, and the
commands that set the marking of the paragraphs under the cursor or the selection.

What a portion is, and what its mark is, is ``briefing.markings.portions``'s: the gutter
only paints it. A code that is not on the ladder is painted "(X)?" in the warning colour,
and the editor's ``unknown`` line says "unknown marking (X)". Setting a marking edits the
text in one edit block, so one Ctrl+Z takes it back. The ladder is the store's, read
through ``ladder_source`` (set once by the window; a plain default ladder until then).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QRect, QSize, Qt, QTimer
from PySide6.QtGui import QColor, QKeySequence, QPaintEvent, QShortcut
from PySide6.QtWidgets import QLabel, QMenu, QPlainTextEdit, QToolButton, QWidget

from briefing.markings.ladder import Ladder
from ui.widgets.char_width import char_width
from ui.widgets.palette import muted_colour

#: Where every editor reads the ladder (``set_ladder_source``).
_ladder_source: Callable[[], Ladder] = Ladder
#: Marks are found again this long after the last keystroke (a 50-page paste parses in ~0.1 s).
REFRESH_MS = 250
WARNING = "#b3261e"


def set_ladder_source(source: Callable[[], Ladder]) -> None:
    """Every marking gutter reads the ladder from ``source`` (the store's, via the services)."""
    global _ladder_source
    _ladder_source = source


def current_ladder() -> Ladder:
    return _ladder_source()


def _utf16(text: str, index: int) -> int:
    """A Python index into ``text`` as a QTextDocument position (UTF-16 code units)."""
    prefix = text[:index]
    return index + sum(1 for c in prefix if ord(c) > 0xFFFF)


def _python_index(text: str, position: int) -> int:
    """A QTextDocument position in ``text`` as a Python index."""
    units = 0
    for index, c in enumerate(text):
        if units >= position:
            return index
        units += 2 if ord(c) > 0xFFFF else 1
    return len(text)


class MarkingGutter(QWidget):
    """The strip left of ``editor``'s text: each portion's code beside its first line."""

    def __init__(self, editor: QPlainTextEdit, on_refresh: Callable[[], None] | None = None) -> None:
        super().__init__(editor)
        self.editor = editor
        self.on_refresh = on_refresh  # told when the marks were found again
        #: block number → (code, unknown) of the portion beginning on that line
        self.marks: dict[int, tuple[str | None, str | None]] = {}
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(REFRESH_MS)
        self._timer.timeout.connect(self.refresh)
        editor.textChanged.connect(self._timer.start)
        editor.updateRequest.connect(self._on_update_request)
        self.setMouseTracking(True)
        self.setAutoFillBackground(True)  # the palette's window brush, filled by Qt before paintEvent
        self.refresh()

    def sizeHint(self) -> QSize:
        return QSize(self.gutter_width(), 0)

    def gutter_width(self) -> int:
        metrics = self.fontMetrics()
        widest = max((metrics.horizontalAdvance(f"({c})") for c in current_ladder().codes), default=0)
        return min(widest, metrics.horizontalAdvance("(SBU)") * 2) + char_width(metrics)

    def refresh(self) -> None:
        """Find the portions and their marks again (after typing pauses)."""
        self._timer.stop()
        text = self.editor.toPlainText()
        marks: dict[int, tuple[str | None, str | None]] = {}
        if "(" in text:  # (portions are read, and their module imported, only where one may begin)
            from briefing.markings.portions import portions

            line, at = 0, 0
            for p in portions(text, current_ladder()):
                if p.code is None and p.unknown is None:
                    continue
                line += text.count("\n", at, p.start)
                at = p.start
                marks[line] = (p.code, p.unknown)
        self.marks = marks
        margins = self.editor.viewportMargins()  # the other sides are the editor's (a hint below)
        self.editor.setViewportMargins(self.gutter_width(), margins.top(), margins.right(), margins.bottom())
        self._place()
        self.update()
        if self.on_refresh is not None:
            self.on_refresh()

    def unknown(self) -> list[str]:
        """The unknown codes the text begins portions with, in order."""
        return [unknown for _, unknown in self.marks.values() if unknown]

    def _place(self) -> None:
        rect = self.editor.contentsRect()
        margins = self.editor.viewportMargins()
        self.setGeometry(QRect(rect.left(), rect.top() + margins.top(), self.gutter_width(),
                               rect.height() - margins.top() - margins.bottom()))

    def _on_update_request(self, rect: QRect, dy: int) -> None:
        if dy:
            self.scroll(0, dy)
        else:
            self.update(0, rect.y(), self.width(), rect.height())

    def paintEvent(self, event: QPaintEvent) -> None:
        if not self.marks:  # (no painter, no fillRect: PySide makes the gradient types for that)
            return
        from PySide6.QtGui import QPainter  # (here and below: a class PySide makes when first named)

        painter = QPainter(self)
        ladder = current_ladder()
        metrics = self.fontMetrics()
        block = self.editor.firstVisibleBlock()
        offset = self.editor.contentOffset()
        while block.isValid():
            geometry = self.editor.blockBoundingGeometry(block).translated(offset)
            if geometry.top() > event.rect().bottom():
                break
            found = self.marks.get(block.blockNumber())
            if found is not None and block.isVisible():
                code, unknown = found
                if code is not None:
                    painter.setPen(muted_colour(self.palette()) if code == ladder.lowest.code
                                   else self.palette().text().color())
                    text = f"({code})"
                else:
                    painter.setPen(QColor(WARNING))
                    text = f"({unknown})?"
                painter.drawText(QRect(0, int(geometry.top()), self.width() - 2, metrics.height()),
                                 Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                                 metrics.elidedText(text, Qt.TextElideMode.ElideRight, self.width() - 2))
            block = block.next()

    def event(self, event) -> bool:  # noqa: ANN001 - a QEvent
        if event.type() == event.Type.ToolTip:
            from PySide6.QtWidgets import QToolTip

            block = self.editor.cursorForPosition(event.pos()).block()
            found = self.marks.get(block.blockNumber())
            if found is not None:
                code, unknown = found
                tip = (f"unknown marking ({unknown}): not on the ladder, so the text stays as typed"
                       if unknown else current_ladder().get(code or "").label)
                QToolTip.showText(event.globalPos(), tip, self)
            else:
                QToolTip.hideText()
            return True
        return super().event(event)


def set_marking(editor: QPlainTextEdit, code: str | None) -> bool:
    """Give the portions under ``editor``'s cursor (or its selection) the marking ``code`` (None:
    none), in one edit block (one undo step); False when nothing changed."""
    from briefing.markings.portions import mark_edits

    text = editor.toPlainText()
    cursor = editor.textCursor()
    start = _python_index(text, cursor.selectionStart())
    end = _python_index(text, cursor.selectionEnd())
    edits = mark_edits(text, start, end, code, current_ladder())
    if not edits:
        return False
    from PySide6.QtGui import QTextCursor

    change = QTextCursor(editor.document())
    change.beginEditBlock()
    for first, last, replacement in edits:  # last first: earlier offsets stay right
        change.setPosition(_utf16(text, first))
        change.setPosition(_utf16(text, last), QTextCursor.MoveMode.KeepAnchor)
        change.insertText(replacement)
    change.endEditBlock()
    return True


def next_marking(editor: QPlainTextEdit) -> str | None:
    """The marking after the one of the portion at the cursor: none → lowest → … → highest → none."""
    from briefing.markings.portions import portions

    text = editor.toPlainText()
    at = _python_index(text, editor.textCursor().selectionStart())
    codes = current_ladder().codes
    here = next((p for p in portions(text, current_ladder()) if p.start <= at <= p.end or at < p.start),
                None)
    current = here.code if here is not None else None
    if current is None:
        return codes[0]
    index = codes.index(current) + 1
    return codes[index] if index < len(codes) else None


class _KeepsGutterPlaced(QObject):
    """Places a gutter again whenever its editor is resized."""

    def __init__(self, gutter: MarkingGutter) -> None:
        super().__init__(gutter)
        self.gutter = gutter

    def eventFilter(self, watched, event) -> bool:  # noqa: ANN001, N802 - QObject, QEvent
        if event.type() == QEvent.Type.Resize:
            self.gutter._place()
        return False


def marking_button(parent: QWidget, fill: Callable[[QMenu], None], key: str = "Ctrl+Shift+M") -> QToolButton:
    """The flat "Marking" button of a Markdown field's bar; its menu is filled by ``fill`` each
    time it opens (``fill_marking_menu``, or the editor's own)."""
    button = QToolButton(parent)
    button.setText("Marking")
    button.setToolTip(f"Set the marking of the paragraphs under the cursor or the selection "
                      f"({key} goes to the next one)")
    button.setAutoRaise(True)
    button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
    menu = QMenu(button)
    button.setMenu(menu)
    menu.aboutToShow.connect(lambda: fill(menu))
    return button


def unknown_marking_label(parent: QWidget) -> QLabel:
    """The hidden warning label saying "unknown marking (X)" beside a field's Marking button."""
    label = QLabel(parent)  # "unknown marking (X)": a code typed that is not on the ladder
    label.setObjectName("UnknownMarking")
    label.setStyleSheet(f"QLabel#UnknownMarking {{ color: {WARNING}; }}")
    label.setVisible(False)
    return label


def fill_marking_menu(menu: QMenu, editor: QPlainTextEdit, gutter: MarkingGutter) -> None:
    """Fill ``menu`` with the ladder's markings and "No marking", each setting the marking of the
    paragraphs under ``editor``'s cursor or selection (one undo step), as the Marking button does."""

    def choose(code: str | None) -> None:
        if not editor.isReadOnly() and set_marking(editor, code):
            gutter.refresh()

    menu.clear()
    for m in current_ladder().markings:
        action = menu.addAction(f"({m.code})  {m.label}")
        action.triggered.connect(lambda _checked=False, code=m.code: choose(code))
    menu.addSeparator()
    menu.addAction("No marking (the meeting's)").triggered.connect(lambda: choose(None))


def attach_marking(editor: QPlainTextEdit, key: str = "Ctrl+Shift+M",
                   on_refresh: Callable[[], None] | None = None) -> MarkingGutter:
    """Give a plain Markdown field outside ``MarkdownEditor`` (a person's bio, a table cell's
    editor) the same marking gutter and the same shortcut cycling its paragraphs' marking (one
    undo step each); ``on_refresh`` is told whenever the marks were found again."""
    gutter = MarkingGutter(editor, on_refresh)
    editor.installEventFilter(_KeepsGutterPlaced(gutter))
    shortcut = QShortcut(QKeySequence(key), editor)
    shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)

    def cycle() -> None:
        if not editor.isReadOnly() and set_marking(editor, next_marking(editor)):
            gutter.refresh()

    shortcut.activated.connect(cycle)
    editor.setToolTip(f"Start a paragraph with (CODE) to mark it; {key} cycles its marking")
    return gutter
