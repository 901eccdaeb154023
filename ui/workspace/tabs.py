"""The workspace's tabs, in order: a title and how to build the panel (see ``ui.panels``)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QWidget

from ui.context import AppContext
from ui.widgets.empty_state import PlaceholderPanel

PanelFactory = Callable[[AppContext, QWidget], QWidget]


def _overview(ctx: AppContext, parent: QWidget) -> QWidget:
    from ui.overview.panel import OverviewPanel

    return OverviewPanel(ctx, parent)


def _agenda(ctx: AppContext, parent: QWidget) -> QWidget:
    from ui.agenda.panel import AgendaPanel

    return AgendaPanel(ctx, parent)


def _placeholder(headline: str, hint: str) -> PanelFactory:
    return lambda ctx, parent: PlaceholderPanel(headline, hint, parent)


TABS: list[tuple[str, PanelFactory]] = [
    ("&Overview", _overview),
    ("&Agenda", _agenda),
    ("Issue &notes", _placeholder(
        "Issue notes are not editable in this build yet",
        "The meeting's issue papers (background, objectives, talking points, red lines) "
        "will be written here.")),
    ("&Participants", _placeholder(
        "Participants are not editable in this build yet",
        "Both delegations, with names in native script, titles and bios, will be listed here.")),
    ("Action &items", _placeholder(
        "Action items are not editable in this build yet",
        "Follow-ups with owners and due dates will be tracked here.")),
]
