"""How a participant reads in a delegation column: a card with name (and native-script name),
title, organization and role (led by the capacity of a non-delegate); sizes from the font,
colours from the palette."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from briefing.people.names import shown_name
from briefing.people.records import ParticipantRecord
from ui.models.participants_list import PARTICIPANT_ROLE, role_line
from ui.widgets.char_width import char_width
from ui.widgets.palette import muted_colour

Index = QModelIndex | QPersistentModelIndex


class PersonCardDelegate(QStyledItemDelegate):
    """A framed card per person; the selected card is drawn in the highlight colour."""

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        metrics = QFontMetrics(option.font)
        pad = metrics.height() // 2
        bold = QFont(option.font)
        bold.setBold(True)
        bold.setPointSizeF(option.font.pointSizeF() * 1.1)
        lines = QFontMetrics(bold).lineSpacing() + 3 * metrics.lineSpacing()
        # Narrow enough for a narrow column (the card fills the list's width; its lines are elided).
        return QSize(char_width(metrics) * 16, lines + 3 * pad)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        p: ParticipantRecord | None = index.data(PARTICIPANT_ROLE)
        if p is None:
            return
        metrics = QFontMetrics(option.font)
        pad = metrics.height() // 2
        palette = option.palette
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        card = option.rect.adjusted(pad // 2, pad // 2, -pad // 2, -pad // 2)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(palette.color(QPalette.ColorRole.Highlight if selected else QPalette.ColorRole.Mid))
        painter.setBrush(palette.color(QPalette.ColorRole.Highlight if selected else QPalette.ColorRole.Base))
        painter.drawRoundedRect(card, pad / 2, pad / 2)
        if option.state & QStyle.StateFlag.State_HasFocus:
            painter.setPen(palette.color(QPalette.ColorRole.Text))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(card.adjusted(2, 2, -2, -2), pad / 2, pad / 2)
        Role = QPalette.ColorRole
        text_colour = palette.color(Role.HighlightedText if selected else Role.Text)
        muted = text_colour if selected else muted_colour(palette)
        area = card.adjusted(pad, pad // 2, -pad, -pad // 2)

        bold = QFont(option.font)
        bold.setBold(True)
        bold.setPointSizeF(option.font.pointSizeF() * 1.1)
        bold_metrics = QFontMetrics(bold)
        top = area.top()
        painter.setFont(bold)
        painter.setPen(text_colour)
        name_rect = QRect(area.left(), top, area.width(), bold_metrics.lineSpacing())
        name = bold_metrics.elidedText(shown_name(p.person), Qt.TextElideMode.ElideRight, area.width())
        painter.drawText(name_rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, name)
        if p.person.native_name:
            used = bold_metrics.horizontalAdvance(name) + char_width(metrics) * 2
            native_rect = name_rect.adjusted(used, 0, 0, 0)
            painter.setFont(option.font)
            native = metrics.elidedText(p.person.native_name, Qt.TextElideMode.ElideRight,
                                        native_rect.width())
            painter.drawText(native_rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, native)
        top += bold_metrics.lineSpacing()
        painter.setFont(option.font)
        for text, colour, italic in ((p.person.title, text_colour, False),
                                     (p.person.organization, muted, False),
                                     (role_line(p), text_colour, True)):
            font = QFont(option.font)
            font.setItalic(italic)
            painter.setFont(font)
            painter.setPen(colour)
            line = QRect(area.left(), top, area.width(), metrics.lineSpacing())
            shown = QFontMetrics(font).elidedText(text or "", Qt.TextElideMode.ElideRight, area.width())
            painter.drawText(line, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, shown)
            top += metrics.lineSpacing()
        painter.restore()
