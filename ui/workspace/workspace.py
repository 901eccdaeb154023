"""``Workspace``: the open meeting's header above its tabs, or an empty state when there is none.

A tab's panel is built when the tab is first shown, and only the visible tab
loads a newly opened meeting at once; the others load it when they are next
shown. Start-up builds one panel, and switching meetings costs one tab, not five.
A tab that cannot load because the store is away says so instead of showing an
empty table one might type into, and loads once the store is back (the views are
told to re-read then: ``ui.live.updates``).
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QStackedWidget, QTabWidget, QVBoxLayout, QWidget

from briefing.errors import TransientStoreError
from briefing.meetings.records import MeetingRecord
from ui.context import AppContext
from ui.forms.background import writes_in_background
from ui.forms.refused import settle_refused
from ui.live.offline import is_offline, store_unreachable
from ui.panels import Panel
from ui.undo.lane_write import wait_for_writes
from ui.widgets.empty_state import EmptyState
from ui.workspace.header import MeetingHeader
from ui.workspace.tabs import ENTITY_TABS, TABS

TAB_KEY = "workspace/tab"


class Workspace(QStackedWidget):
    """The right side of the window."""

    def __init__(self, ctx: AppContext, new_action: QAction, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.meeting_id: int | None = None
        self._new_action = new_action
        self._empty: EmptyState | None = None  # made when first shown: a store with meetings opens one
        page = QWidget(self)
        self.header = MeetingHeader(ctx.services.config.ladder, page, ctx=ctx)
        self.tabs = QTabWidget(page)
        self.tabs.setDocumentMode(True)
        self._factories = [factory for _, factory in TABS]
        self._panels: dict[int, Panel] = {}
        self._not_loaded: dict[int, EmptyState] = {}  # tabs the store was away for, by index
        self._shown: dict[int, int | None] = {}
        for title, _factory in TABS:
            holder = QWidget(self.tabs)  # the panel goes in when the tab is first shown
            QVBoxLayout(holder).setContentsMargins(0, 0, 0, 0)
            self.tabs.addTab(holder, title)
        layout = QVBoxLayout(page)
        layout.addWidget(self.header)
        layout.addWidget(self.tabs, 1)
        self.addWidget(page)
        self.page = page
        self.tabs.setCurrentIndex(int(ctx.settings.value(TAB_KEY, 0) or 0))
        self.tabs.currentChanged.connect(self._on_tab)
        ctx.events.sig_meeting_changed.connect(self._load_what_was_not)
        ctx.events.sig_meetings_changed.connect(self._load_what_was_not)

    @property
    def empty(self) -> EmptyState:
        """What the workspace shows when no meeting is open (made when first needed)."""
        if self._empty is None:
            self._empty = EmptyState(
                "No meetings yet",
                "Create a meeting to prepare: its agenda, issue notes, participants and action items "
                "will live here.", self._new_action, self)
            self.insertWidget(0, self._empty)
        return self._empty

    @property
    def panels(self) -> list[Panel]:
        """The panels built so far (a tab's panel is built when the tab is first shown)."""
        return list(self._panels.values())

    def panel(self, title: str) -> QWidget:
        """A tab's panel by its title (``"Agenda"``), built if need be."""
        return self._panel(self._index_of(title))  # type: ignore[return-value]

    def _index_of(self, title: str) -> int:
        for index in range(self.tabs.count()):
            if self.tabs.tabText(index).replace("&", "") == title:
                return index
        raise KeyError(title)

    def show_field(self, entity: str, entity_id: int, field: str, spans: Sequence[tuple[int, int]]) -> bool:
        """Bring the tab that shows ``entity`` rows to the front and go to the field there
        (``Panel.show_field``); False when the open meeting does not show that row."""
        if self.meeting_id is None or entity not in ENTITY_TABS:
            return False
        index = self._index_of(ENTITY_TABS[entity])
        self.tabs.setCurrentIndex(index)
        self._load(index)
        return self._panel(index).show_field(entity, entity_id, field, spans)

    def _panel(self, index: int) -> Panel:
        panel = self._panels.get(index)
        if panel is None:
            holder = self.tabs.widget(index)
            panel = self._panels[index] = self._factories[index](self.ctx, holder)  # type: ignore[assignment]
            holder.layout().addWidget(panel)  # type: ignore[arg-type]
            panel.show()  # at once: a layout shows a late child only on the next event loop pass
        return panel

    def set_meeting(self, meeting: MeetingRecord | None) -> None:
        """Open ``meeting`` in the tabs (None: the empty state); the window sets the header."""
        self.meeting_id = None if meeting is None else meeting.id
        self.setCurrentWidget(self.empty if meeting is None else self.page)
        self._load(self.tabs.currentIndex())

    def focus_first_field(self) -> None:
        """Show the Overview with its first field ready for typing (after "New meeting")."""
        self.tabs.setCurrentIndex(0)
        focus = getattr(self._panel(0), "focus_first_field", None)
        if focus is not None:
            focus()

    def step_tab(self, step: int) -> None:
        """Ctrl+Tab / Ctrl+Shift+Tab: the next (previous) tab, round the end, its first field focused."""
        if self.currentWidget() is not self.page:
            return
        index = (self.tabs.currentIndex() + step) % self.tabs.count()
        self.tabs.setCurrentIndex(index)
        panel = self._panel(index)
        focusable = [w for w in panel.findChildren(QWidget)
                     if w.isVisible() and w.isEnabled() and w.focusPolicy() & Qt.FocusPolicy.TabFocus]
        if focusable:
            focusable[0].setFocus(Qt.FocusReason.TabFocusReason)

    def focus_note_list(self) -> None:
        """Ctrl+Shift+L: the Issue notes tab with its list of notes focused."""
        if self.currentWidget() is not self.page:
            return
        index = self._index_of(ENTITY_TABS["note"])
        self.tabs.setCurrentIndex(index)
        self._load(index)
        view = getattr(self._panel(index), "view", None)
        if view is not None:
            view.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def show_row(self, kind: str, row_id: int) -> None:
        """Switch to the tab that shows this kind of row and select the row there (after undo/redo)."""
        if self.meeting_id is None or kind not in ENTITY_TABS:
            return
        index = self._index_of(ENTITY_TABS[kind])
        self.tabs.setCurrentIndex(index)
        show = getattr(self._panel(index), "show_row", None)
        if show is not None:
            show(kind, row_id)

    def forget_loaded(self) -> None:
        """Every tab loads its meeting again when next shown (the store was replaced)."""
        self._shown.clear()

    def flush(self, *, wait: bool = True) -> None:
        """Write every panel's pending text now and wait until the store has it and every other
        write started (a row added, an undo) has ended: the window closes, an export or a search
        reads the store next."""
        for panel in self.panels:
            panel.flush()
        if wait:
            wait_for_writes()

    def write_soon(self) -> None:
        """Start writing every panel's pending text, in order, without waiting for the store
        (undo, redo, another meeting: the ``WRITES`` lane keeps the order; the journal keeps the text)."""
        with writes_in_background():
            self.flush(wait=False)

    def settle(self, *, wait: bool = True) -> bool:
        """Before leaving the meeting: write what is pending (``wait=False``: in the background),
        and ask about what the store refused (``ui.forms.refused``); False when the user keeps editing."""
        if wait:
            self.flush()
        else:
            self.write_soon()
        return settle_refused(self)

    def _on_tab(self, index: int) -> None:
        self.ctx.settings.setValue(TAB_KEY, index)
        self._load(index)

    def _load(self, index: int) -> None:
        if index < 0 or self._shown.get(index, -1) == self.meeting_id:
            return
        self._shown[index] = self.meeting_id
        try:
            with writes_in_background():  # what the panel wrote of the last meeting goes on in turn
                self._panel(index).set_meeting(self.meeting_id)
        except TransientStoreError as error:  # the store away: the tab loads again when it is back
            self._shown.pop(index, None)
            self._show_not_loaded(index)
            store_unreachable(self.ctx, error)
            return
        notice = self._not_loaded.pop(index, None)
        if notice is not None:
            notice.hide()
            notice.deleteLater()
            self._panels[index].show()  # type: ignore[attr-defined]

    def not_loaded_notice(self, title: str) -> EmptyState | None:
        """What the tab ``title`` says while the store was away when it was to load (None: loaded)."""
        return self._not_loaded.get(self._index_of(title))

    def _show_not_loaded(self, index: int) -> None:
        """The tab says it was not loaded (its panel, empty or half-filled, is hidden)."""
        panel = self._panels.get(index)
        if panel is not None:
            panel.hide()  # type: ignore[attr-defined]
        if index not in self._not_loaded:
            holder = self.tabs.widget(index)
            notice = self._not_loaded[index] = EmptyState(
                "Offline — this part of the meeting was not loaded",
                "It will load when the store is back.", parent=holder)
            holder.layout().addWidget(notice)
            notice.show()

    def _load_what_was_not(self, *_args: object) -> None:
        """The views are told to re-read (the store is back, or changed): the tab in front loads
        if the store was away when it was first shown."""
        index = self.tabs.currentIndex()
        if index in self._not_loaded and not is_offline(self.ctx):
            self._load(index)
