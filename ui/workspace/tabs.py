"""The workspace's tabs, in order: a title and how to build the panel (see ``ui.panels``)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QWidget

from ui.context import AppContext

PanelFactory = Callable[[AppContext, QWidget], QWidget]


def _overview(ctx: AppContext, parent: QWidget) -> QWidget:
    from ui.overview.panel import OverviewPanel

    return OverviewPanel(ctx, parent)


def _agenda(ctx: AppContext, parent: QWidget) -> QWidget:
    from ui.agenda.panel import AgendaPanel

    return AgendaPanel(ctx, parent)


def _notes(ctx: AppContext, parent: QWidget) -> QWidget:
    from ui.notes.panel import IssueNotesPanel

    return IssueNotesPanel(ctx, parent)


def _people(ctx: AppContext, parent: QWidget) -> QWidget:
    from ui.people.panel import ParticipantsPanel

    return ParticipantsPanel(ctx, parent)


def _actions(ctx: AppContext, parent: QWidget) -> QWidget:
    from ui.action_items.panel import ActionItemsPanel

    return ActionItemsPanel(ctx, parent)


def _positions(ctx: AppContext, parent: QWidget) -> QWidget:
    from ui.positions.panel import PositionsPanel

    return PositionsPanel(ctx, parent)


TABS: list[tuple[str, PanelFactory]] = [
    ("&Overview", _overview),
    ("&Agenda", _agenda),
    ("Issue &notes", _notes),
    ("Posi&tions", _positions),
    ("&Participants", _people),
    ("Action &items", _actions),
]

#: The tab that shows each kind of row: those a search finds (``SearchHit.entity``), and those
#: undo and redo change (``ui.undo.kinds`` names).
ENTITY_TABS = {"meeting": "Overview", "agenda_item": "Agenda", "note": "Issue notes",
               "source": "Issue notes", "issue": "Issue notes", "person": "Participants",
               "participant": "Participants", "action": "Action items", "position": "Positions"}
