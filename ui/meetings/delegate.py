"""``MeetingDelegate``: a meeting row shows its title and, right-aligned, its date; captions are small."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, Qt
from PySide6.QtGui import QFont, QPainter, QPalette
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from ui.models.meetings_list import DATE_ROLE, IS_CAPTION_ROLE
from ui.widgets.palette import muted_colour


class MeetingDelegate(QStyledItemDelegate):
    """Paints the row as the style does, then the date at the right edge."""

    def initStyleOption(self, option: QStyleOptionViewItem,
                        index: QModelIndex | QPersistentModelIndex) -> None:
        super().initStyleOption(option, index)
        if index.data(IS_CAPTION_ROLE):
            font = QFont(option.font)
            font.setBold(True)
            font.setPointSizeF(font.pointSizeF() * 0.85)
            option.font = font
            option.palette.setColor(QPalette.ColorRole.Text, muted_colour(option.palette))

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        date = index.data(DATE_ROLE)
        if not date:
            super().paint(painter, option, index)
            return
        margin = option.widget.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin) * 2 + 2
        width = option.fontMetrics.horizontalAdvance(date) + 2 * margin
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.rect = QRect(option.rect.left(), option.rect.top(), option.rect.width() - width,
                         option.rect.height())
        # The background and selection span the whole row; the text stops before the date.
        option.widget.style().drawPrimitive(QStyle.PrimitiveElement.PE_PanelItemViewItem, option,
                                            painter, option.widget)
        opt.state &= ~QStyle.StateFlag.State_HasFocus
        opt.showDecorationSelected = False
        opt.backgroundBrush = Qt.BrushStyle.NoBrush
        option.widget.style().drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, option.widget)
        selected = option.state & QStyle.StateFlag.State_Selected
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        painter.save()
        painter.setPen(option.palette.color(role))
        painter.drawText(option.rect.adjusted(0, 0, -margin, 0),
                         int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter), date)
        painter.restore()
