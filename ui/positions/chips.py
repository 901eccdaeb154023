"""The state chip: a state drawn as a coloured, rounded label (and picked from a list when edited).

The colour is never the only sign: the chip says the state in words. The hues
follow the book's matrix (``briefing.pdf.positions_section``), lightened or
darkened to the palette so that they read in dark mode too.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import QStyle, QStyleOptionViewItem

from briefing.positions.records import STATE_TITLES, STATES
from ui.agenda.delegates import ChoiceDelegate
from ui.positions.model import STATE_ROLE

#: (fill, ink) per state for a light palette.
CHIP_COLOURS = {
    "open": ("#e8eef7", "#1b4f9c"), "bracketed": ("#fbecc8", "#8a5a00"),
    "agreed": ("#d9f0dc", "#1e6b2e"), "dropped": ("#e6e6e6", "#555555"),
}


def chip_colours(state: str, palette: QPalette) -> tuple[QColor, QColor]:
    """The chip's fill and ink for ``state``, swapped in tone on a dark palette."""
    fill, ink = (QColor(c) for c in CHIP_COLOURS.get(state, ("#e6e6e6", "#333333")))
    if palette.color(QPalette.ColorRole.Base).lightness() < 128:
        return ink.darker(160), fill
    return fill, ink


class StateChipDelegate(ChoiceDelegate):
    """Paints the state as a chip; edits it with a list of the four states."""

    def __init__(self, parent=None) -> None:
        super().__init__(lambda: [(STATE_TITLES[s], s) for s in STATES], parent)

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        size = super().sizeHint(option, index)
        font = QFont(option.font)  # type: ignore[attr-defined]
        font.setBold(True)
        metrics = QFontMetrics(font)
        widest = max(metrics.horizontalAdvance(t) for t in STATE_TITLES.values())
        return QSize(max(size.width(), widest + 2 * max(4, metrics.height() // 3) + 10),
                     max(size.height(), metrics.height() + 8))

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        widget = option.widget  # type: ignore[attr-defined]
        style = widget.style() if widget is not None else None
        plain = QStyleOptionViewItem(option)
        self.initStyleOption(plain, index)
        plain.text = ""
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, plain, painter, widget)
        state = index.data(STATE_ROLE) or ""
        text = index.data(Qt.ItemDataRole.DisplayRole) or ""
        fill, ink = chip_colours(state, option.palette)  # type: ignore[attr-defined]
        font = QFont(option.font)  # type: ignore[attr-defined]
        font.setBold(True)
        metrics = QFontMetrics(font)
        rect = option.rect  # type: ignore[attr-defined]
        pad = max(4, metrics.height() // 3)
        width = min(rect.width() - 4, metrics.horizontalAdvance(text) + 2 * pad)
        height = metrics.height() + 2
        chip = QRectF(rect.x() + 3, rect.y() + (rect.height() - height) / 2, width, height)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(fill)
        painter.drawRoundedRect(chip, height / 2, height / 2)
        painter.setPen(ink)
        painter.setFont(font)
        painter.drawText(chip, Qt.AlignmentFlag.AlignCenter, text)
        painter.restore()
