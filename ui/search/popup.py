"""``SearchPopup``: Ctrl+K — search everything as you type, then open a result where it is.

A popup over the top of the window: the query field, three filters (meeting,
issue, field), the results grouped by meeting (newest round first) and a line
that says what is going on. Focus stays in the query field: Up and Down move
through the results, Enter opens the one chosen (``sig_hit_chosen``), Esc
closes. Searching runs off the GUI thread (``SearchRunner``). Whatever is typed
is a valid query; a failed search is said in the popup, never in a dialog.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QItemSelectionModel, QObject, QPoint, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QVBoxLayout,
    QWidget,
)

from briefing.meetings.records import MeetingSummary
from briefing.search.records import SearchGroup, SearchResults
from briefing.search.service import section_choices
from ui.context import AppContext
from ui.models.search_results import SearchResultsModel
from ui.search.hit_delegate import SearchHitDelegate
from ui.search.runner import SearchRequest, SearchRunner
from ui.timefmt import in_zone, short_date
from ui.widgets.palette import muted_colour

HINT = ("Type to search every meeting, agenda, note, source, person and action item. "
        "All words must match; \u201cquotes\u201d find a phrase; -word leaves a word out.")
KEYS = "\u2191\u2193 move \u00b7 Enter opens \u00b7 Esc closes"
MOVES = {Qt.Key.Key_Down: 1, Qt.Key.Key_Up: -1, Qt.Key.Key_PageDown: 5, Qt.Key.Key_PageUp: -5}


def no_results(text: str, filtered: bool) -> str:
    """What to say when nothing matched, with what to try."""
    tip = "clear the filters, or " if filtered else ""
    return (f"No results for \u201c{text.strip()}\u201d. Check the spelling, {tip}use fewer or "
            "shorter words (the last word also matches its beginning: \u201ctari\u201d finds tariffs).")


class SearchPopup(QFrame):
    """The search field and its results, shown by ``open_over(window)``."""

    sig_hit_chosen = Signal(object)
    """The user opened a result: the ``SearchHit`` (the popup has closed)."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Popup)
        self.ctx = ctx
        self.setObjectName("SearchPopup")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.meetings: dict[int, MeetingSummary] = {}
        self._open_when_ready = False
        self._filters_stale = True  # the meetings and issues to offer are read when next shown
        ctx.events.sig_meetings_changed.connect(self._stale_filters)
        ctx.events.sig_issues_changed.connect(self._stale_filters)
        self.runner = SearchRunner(ctx.services, parent=self)
        self.runner.sig_results.connect(self.show_results)
        self.runner.sig_failed.connect(self._on_failed)
        self.model = SearchResultsModel(self._group_subtitle, self)
        self._build()
        if parent is not None:
            parent.installEventFilter(self)  # the window closing: let a running search finish first

    def _build(self) -> None:
        self.field = QLineEdit(self)
        self.field.setPlaceholderText("Search everything")
        self.field.setAccessibleName("Search everything")
        self.field.setClearButtonEnabled(True)
        font = self.field.font()
        font.setPointSizeF(font.pointSizeF() * 1.2)
        self.field.setFont(font)
        self.field.textChanged.connect(lambda _text: self.search())
        self.field.installEventFilter(self)
        self.meeting_filter = self._filter("Meeting", "Any meeting")
        self.issue_filter = self._filter("Issue", "Any issue")
        self.section_filter = self._filter("Field", "Any field")
        for field, label in section_choices():
            self.section_filter.addItem(label, field)
        self.view = QListView(self)
        self.view.setModel(self.model)
        self.view.setItemDelegate(SearchHitDelegate(self.view))
        self.view.setAccessibleName("Search results")
        self.view.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # typing goes on in the field
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.clicked.connect(lambda index: self.open_row(index.row()))
        self.status = QLabel(HINT, self)
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setAccessibleName("Search status")
        self.keys = QLabel(KEYS, self)
        self.keys.setStyleSheet(f"color: {muted_colour(self.palette()).name()}")
        filters = QHBoxLayout()
        for label, combo in (("&Meeting", self.meeting_filter), ("&Issue", self.issue_filter),
                             ("Fi&eld", self.section_filter)):
            buddy = QLabel(label, self)
            buddy.setBuddy(combo)
            filters.addWidget(buddy)
            filters.addWidget(combo, 1)
        footer = QHBoxLayout()
        footer.addWidget(self.status, 1)
        footer.addWidget(self.keys, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.addWidget(self.field)
        layout.addLayout(filters)
        layout.addWidget(self.view, 1)
        layout.addLayout(footer)

    def _filter(self, name: str, anything: str) -> QComboBox:
        combo = QComboBox(self)
        combo.setAccessibleName(f"{name} filter")
        combo.addItem(anything, None)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(12)
        combo.currentIndexChanged.connect(lambda _index: self.search(at_once=True))
        return combo

    # -- showing -------------------------------------------------------------------------

    def open_over(self, window: QWidget) -> None:
        """Show the popup across the top of ``window``, the query selected for typing over."""
        self._fill_filters()
        width = min(max(window.width() * 2 // 3, 560), window.width())
        height = max(window.height() * 2 // 3, 360)
        top_left = window.mapToGlobal(QPoint((window.width() - width) // 2, window.height() // 12))
        self.setGeometry(top_left.x(), top_left.y(), width, height)
        self.show()
        self.raise_()
        self.activateWindow()
        self.field.setFocus(Qt.FocusReason.PopupFocusReason)
        self.field.selectAll()
        if self.field.text().strip():
            self.search(at_once=True)  # the store may have changed since

    def _stale_filters(self) -> None:
        self._filters_stale = True

    def _fill_filters(self) -> None:
        """The meetings (newest first) and issues to narrow to, as they are now; choices kept."""
        if not self._filters_stale:
            return
        self._filters_stale = False
        services = self.ctx.services
        meetings = sorted(services.meetings.list(), key=lambda m: (m.starts_at, m.id), reverse=True)
        self.meetings = {m.id: m for m in meetings}
        self._refill(self.meeting_filter, [(f"{m.title} ({self._when(m)})", m.id) for m in meetings])
        self._refill(self.issue_filter, [(i.title, i.id) for i in services.issues.list()])

    @staticmethod
    def _refill(combo: QComboBox, choices: list[tuple[str, int]]) -> None:
        chosen = combo.currentData()
        combo.blockSignals(True)
        try:
            while combo.count() > 1:
                combo.removeItem(1)
            for label, value in choices:
                combo.addItem(label, value)
            combo.setCurrentIndex(max(0, combo.findData(chosen)))
        finally:
            combo.blockSignals(False)

    @staticmethod
    def _when(meeting: MeetingSummary) -> str:
        return short_date(in_zone(meeting.starts_at, meeting.timezone))

    def _group_subtitle(self, group: SearchGroup) -> str:
        meeting = self.meetings.get(group.meeting_id) if group.meeting_id is not None else None
        if meeting is None:
            return ""
        name = f"Round {meeting.round_no}" if meeting.round_no else "Launch"
        return f"{name} \u00b7 {self._when(meeting)}"

    # -- searching -----------------------------------------------------------------------

    def request(self) -> SearchRequest:
        """The query and filters as the popup shows them."""
        filters = {"meeting_id": self.meeting_filter.currentData(),
                   "issue_id": self.issue_filter.currentData(),
                   "section": self.section_filter.currentData()}
        return SearchRequest(self.field.text(), filters)

    def search(self, at_once: bool = False) -> None:
        """Search for what the popup shows (after the typing pause, unless ``at_once``)."""
        self.runner.request(self.request())
        if at_once:
            self.runner.start_now()

    def is_filtered(self) -> bool:
        return any(value is not None for value in self.request().filters.values())

    def show_results(self, results: SearchResults | None) -> None:
        self.model.set_results(results)
        count = self.model.hit_count()
        if results is None:
            self.status.setText(HINT)
        elif not count:
            self.status.setText(no_results(results.text, self.is_filtered()))
        else:
            more = " (the best of more; add a word or a filter to narrow)" if results.more else ""
            self.status.setText(f"{count} result{'s' if count != 1 else ''}{more}")
        self.select_row(self.model.hit_row_after(-1, 1))
        if self._open_when_ready:
            self._open_when_ready = False
            self.open_row(self.current_row())

    def _on_failed(self, problem: str) -> None:
        self._open_when_ready = False
        self.model.set_results(None)
        self.status.setText(problem)

    # -- choosing ------------------------------------------------------------------------

    def select_row(self, row: int) -> None:
        if row < 0:
            return
        index = self.model.index(row)
        self.view.selectionModel().setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        self.view.scrollTo(index)

    def current_row(self) -> int:
        return self.view.currentIndex().row()

    def open_current(self) -> None:
        """Enter: open the result chosen; typed faster than the search, the first one when it comes."""
        if self.runner.waiting:
            self._open_when_ready = True
            if self.runner.timer.isActive():
                self.runner.start_now()
        else:
            self.open_row(self.current_row())

    def open_row(self, row: int) -> None:
        """Close the popup and ask for the hit at ``row`` to be shown (headings do nothing)."""
        hit = self.model.hit(row)
        if hit is None:
            return
        self.hide()
        self.sig_hit_chosen.emit(hit)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.parent() and event.type() == QEvent.Type.Close:
            self.runner.wait()
        elif watched is self.field and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() in MOVES:
                self.select_row(self.model.hit_row_after(self.current_row(), MOVES[event.key()]))
                return True
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.open_current()
                return True
        return super().eventFilter(watched, event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.hide()
            return
        super().keyPressEvent(event)
