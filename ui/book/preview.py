"""``BookPreview``: the book on screen with QtPdf — pages one under another, page navigation, zoom.

``show_book(book)`` swaps in a new build without losing the reader's place:
the page being read (and the spot on it, when the pages keep their size)
stays in view. The PDF arrives from a build in memory already read into a
``QPdfDocument`` in the worker thread (``loaded_book``: the sizes of its
pages, which the view lays out, already known), or as bytes read here; the
document that was shown is dropped only after the new one is in the view,
so the pane never flashes empty.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QSize, Qt, Signal
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ui.book.loaded_book import read_book
from ui.widgets.char_width import char_width
from ui.widgets.palette import muted_colour, warning_colour

#: The zoom choices: (label, zoom mode, factor).
ZOOMS: tuple[tuple[str, QPdfView.ZoomMode, float], ...] = (
    ("Fit width", QPdfView.ZoomMode.FitToWidth, 1.0),
    ("Whole page", QPdfView.ZoomMode.FitInView, 1.0),
    *((f"{percent} %", QPdfView.ZoomMode.Custom, percent / 100) for percent in (50, 75, 100, 125, 150, 200)),
)


class BookPreview(QWidget):
    """The book's pages, with a bar to move between pages and zoom, and a line saying its state."""

    sig_page_changed = Signal(int)
    """The page in view changed (0-based)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document: QPdfDocument | None = None
        self._page = 0
        self.view = QPdfView(self)
        self.view.setObjectName("BookPreviewView")
        self.view.setAccessibleName("Book preview")
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.pageNavigator().currentPageChanged.connect(self._on_scrolled_to)
        self._build_bar()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(self.bar)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.state)
        self._show_pages(0)

    def _build_bar(self) -> None:
        self.previous = QToolButton(self)
        self.previous.setArrowType(Qt.ArrowType.UpArrow)
        self.previous.setToolTip("Previous page (Page Up)")
        self.previous.setAccessibleName("Previous page")
        self.next = QToolButton(self)
        self.next.setArrowType(Qt.ArrowType.DownArrow)
        self.next.setToolTip("Next page (Page Down)")
        self.next.setAccessibleName("Next page")
        self.page = QSpinBox(self)
        self.page.setAccessibleName("Page")
        self.page.setKeyboardTracking(False)
        self.pages = QLabel(self)
        self.zoom = QComboBox(self)
        self.zoom.setAccessibleName("Zoom")
        for label, _mode, _factor in ZOOMS:
            self.zoom.addItem(label)
        self.previous.clicked.connect(lambda: self.go_to(self.current_page() - 1))
        self.next.clicked.connect(lambda: self.go_to(self.current_page() + 1))
        self.page.valueChanged.connect(lambda number: self.go_to(number - 1))
        self.zoom.currentIndexChanged.connect(self._on_zoom)
        self.bar = QHBoxLayout()
        self.bar.setContentsMargins(0, 0, 0, 0)
        label = QLabel("&Page", self)
        label.setBuddy(self.page)
        for widget in (self.previous, self.next, label, self.page, self.pages):
            self.bar.addWidget(widget)
        self.bar.addStretch(1)
        self.bar.addWidget(self.zoom)
        self.state = QLabel(self)
        self.state.setTextFormat(Qt.TextFormat.PlainText)
        self.state.setWordWrap(True)
        self.state.setAccessibleName("Preview state")

    def sizeHint(self) -> QSize:
        """Wide enough to read a page at "Fit width" (a pane starts this wide)."""
        em = char_width(self.fontMetrics())
        return QSize(em * 70, em * 90)

    # -- what the pane shows -------------------------------------------------------

    def page_count(self) -> int:
        return self.document.pageCount() if self.document is not None else 0

    def current_page(self) -> int:
        """The page being read, 0-based: the one scrolled to, or the one asked for (``go_to``)."""
        return self._page

    def page_text(self, page: int) -> str:
        """The text of ``page`` (0-based) as the preview's document has it."""
        assert self.document is not None
        return self.document.getAllText(page).text()

    def show_book(self, book: bytes | QPdfDocument, *, same_book: bool = True) -> None:
        """Show the PDF ``book`` (bytes, or a document read in a worker: ``ui.book.loaded_book``,
        which this pane then owns); for ``same_book`` (a rebuild of what is shown) keep the place."""
        page = self.current_page() if same_book and self.document is not None else 0
        scroll = self.view.verticalScrollBar().value()
        same_size = (self.document is not None and self.document.pageCount() > 0
                     and self.document.pagePointSize(0))
        document = read_book(book) if isinstance(book, bytes) else book
        if document is None:
            self.show_state("The preview could not read the book that was built.", problem=True)
            return
        document.setParent(self)
        old, self.document = self.document, document
        same_size = bool(same_size) and document.pagePointSize(0) == same_size
        self.view.setDocument(document)
        if old is not None:
            old.deleteLater()
        self._show_pages(document.pageCount())
        page = min(page, document.pageCount() - 1)
        if same_size:  # same paper: the same spot of the same page
            self.view.verticalScrollBar().setValue(scroll)
        if self.current_page() != page or not same_size:
            self.go_to(page)

    def clear(self) -> None:
        """Show no book (no meeting is open)."""
        if self.document is not None:
            self.view.setDocument(None)
            self.document.deleteLater()
            self.document = None
        self._show_pages(0)

    def show_state(self, text: str, *, problem: bool = False) -> None:
        """A line under the pages: "Updating…", or what went wrong."""
        colour = warning_colour(self.palette()) if problem else muted_colour(self.palette())
        self.state.setStyleSheet(f"color: {colour.name()}")
        self.state.setText(text)

    # -- navigation ----------------------------------------------------------------

    def go_to(self, page: int) -> None:
        """Bring ``page`` (0-based) into view."""
        count = self.page_count()
        if count == 0:
            return
        page = max(0, min(page, count - 1))
        self.view.pageNavigator().jump(page, QPointF(), self.view.zoomFactor())
        self._on_page(page)

    def _on_scrolled_to(self, page: int) -> None:
        # QPdfView calls "current" the page under a line 40 % down the view; near the end of the
        # book the last pages never get there, so a page asked for stays the current one
        bar = self.view.verticalScrollBar()
        if page < self._page and bar.value() >= bar.maximum() > 0:
            return
        self._on_page(page)

    def _on_page(self, page: int) -> None:
        self._page = page
        self.page.blockSignals(True)
        self.page.setValue(page + 1)
        self.page.blockSignals(False)
        self.previous.setEnabled(page > 0)
        self.next.setEnabled(page < self.page_count() - 1)
        self.sig_page_changed.emit(page)

    def _show_pages(self, count: int) -> None:
        self.page.blockSignals(True)
        self.page.setRange(1 if count else 0, max(count, 1) if count else 0)
        self.page.blockSignals(False)
        self.page.setEnabled(count > 0)
        self.pages.setText(f"of {count}" if count else "")
        self._on_page(self.current_page() if count else 0)

    def _on_zoom(self, index: int) -> None:
        _label, mode, factor = ZOOMS[index]
        page = self.current_page()
        self.view.setZoomMode(mode)
        if mode == QPdfView.ZoomMode.Custom:
            self.view.setZoomFactor(factor)
        self.go_to(page)

    def set_zoom(self, label: str) -> None:
        """Choose a zoom by its label (``"Fit width"``, ``"100 %"``…)."""
        index = self.zoom.findText(label)
        if index >= 0:
            self.zoom.setCurrentIndex(index)
