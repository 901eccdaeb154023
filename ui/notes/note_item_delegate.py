"""How a note reads in the notes list: its issue title, then a status chip, its priority, its tier
as a small tag (none for a full paper) and "Over budget" when its paper went over its tier's budget.

Sizes come from the font (readable at 200% scaling) and colours from the
palette; the chip's word says the status, so colour is never the only sign.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from ui.models.notes_list import OVER_BUDGET_ROLE, PRIORITY_ROLE, STATUS_ROLE, TIER_ROLE
from ui.widgets.char_width import char_width
from ui.widgets.palette import is_dark

Index = QModelIndex | QPersistentModelIndex
#: Chip colours (light theme, dark theme) by status.
CHIP_COLOURS = {"draft": ("#8a5a00", "#ffcc66"), "cleared": ("#1e6b34", "#7ddc8f")}
PRIORITY_MARKS = {"high": "▲ High", "medium": "● Medium", "low": "▽ Low"}
#: What the list says of a paper over its page budget (the tooltip says by how much).
OVER_BUDGET_MARK = "⚠ Over budget"


class NoteItemDelegate(QStyledItemDelegate):
    """Two lines per note."""

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        metrics = QFontMetrics(option.font)
        pad = metrics.height() // 3
        return QSize(char_width(metrics) * 24, 2 * metrics.lineSpacing() + 3 * pad)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        text, opt.text = opt.text, ""
        style = opt.widget.style() if opt.widget else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)

        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        group = QPalette.ColorGroup.Active if opt.state & QStyle.StateFlag.State_Active \
            else QPalette.ColorGroup.Inactive
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        metrics = QFontMetrics(opt.font)
        pad = metrics.height() // 3
        area = opt.rect.adjusted(pad, pad, -pad, -pad)

        painter.save()
        title_font = opt.font
        title_font.setBold(True)
        painter.setFont(title_font)
        painter.setPen(opt.palette.color(group, role))
        line = QRect(area.left(), area.top(), area.width(), metrics.lineSpacing())
        painter.drawText(line, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                         QFontMetrics(title_font).elidedText(text, Qt.TextElideMode.ElideRight, line.width()))
        painter.setFont(option.font)
        status = str(index.data(STATUS_ROLE) or "")
        second = line.translated(0, metrics.lineSpacing() + pad // 2)
        chip_rect = self._draw_chip(painter, opt, status, second, selected)
        priority = PRIORITY_MARKS.get(str(index.data(PRIORITY_ROLE)), "")
        painter.setPen(opt.palette.color(group, role))
        rest = QRect(chip_rect.right() + pad, chip_rect.top(), area.right() - chip_rect.right() - pad,
                     chip_rect.height())
        painter.drawText(rest, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, priority)
        left = rest.left() + metrics.horizontalAdvance(priority) + pad
        tag = str(index.data(TIER_ROLE) or "")
        if tag and left < area.right():
            tag_rect = QRect(left, rest.top(), metrics.horizontalAdvance(tag) + metrics.height(),
                             rest.height()).intersected(area)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(tag_rect.adjusted(0, 2, 0, -2), 3, 3)
            painter.drawText(tag_rect, Qt.AlignmentFlag.AlignCenter, tag)
            left = tag_rect.right() + pad
        if index.data(OVER_BUDGET_ROLE) and left < area.right():
            if not selected:
                painter.setPen(opt.palette.color(group, QPalette.ColorRole.Link))
            over = QRect(left, rest.top(), area.right() - left, rest.height())
            painter.drawText(over, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                             metrics.elidedText(OVER_BUDGET_MARK, Qt.TextElideMode.ElideRight, over.width()))
        painter.restore()

    def _draw_chip(self, painter: QPainter, opt: QStyleOptionViewItem, status: str, line: QRect,
                   selected: bool) -> QRect:
        metrics = QFontMetrics(opt.font)
        word = status.capitalize()
        light, dark = CHIP_COLOURS.get(status, ("#555555", "#bbbbbb"))
        colour = QColor(dark if is_dark(opt.palette) or selected else light)
        rect = QRect(line.left(), line.top(), metrics.horizontalAdvance(word) + metrics.height(),
                     line.height())
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(colour)
        fill = QColor(colour)
        fill.setAlpha(40)
        painter.setBrush(fill)
        radius = rect.height() / 2
        painter.drawRoundedRect(rect.adjusted(0, 1, 0, -1), radius, radius)
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, word)
        return rect
