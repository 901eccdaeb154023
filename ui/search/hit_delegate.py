"""``SearchHitDelegate``: paints a result — where it is, then its excerpt with the matched words marked.

A heading row (a meeting) is its title in bold with when it took place beside
it. A hit row is ``context › field`` on one line and the excerpt on up to two
lines below, laid out with ``QTextLayout``: the marks are format ranges over
the plain excerpt (bold on a tinted background, so they show without colour
too), never markup built from what the user wrote.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPointF, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPalette, QTextCharFormat, QTextLayout, QTextOption
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from briefing.search.records import SearchHit
from ui.models.search_results import HIT_ROLE, SUBTITLE_ROLE
from ui.widgets.char_width import char_width
from ui.widgets.palette import is_dark, muted_colour
from ui.widgets.text_marks import qt_offset

#: Lines of excerpt under a hit's first line.
SNIPPET_LINES = 2


class SearchHitDelegate(QStyledItemDelegate):
    """Heading rows and hit rows of ``SearchResultsModel``."""

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:
        line = option.fontMetrics.lineSpacing()
        pad = line // 3
        lines = 1 if index.data(HIT_ROLE) is None else 1 + SNIPPET_LINES
        extra = line // 2 if index.data(HIT_ROLE) is None and index.row() > 0 else 0
        return QSize(0, lines * line + 2 * pad + extra)  # as wide as the list; the text is cut to fit

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        hit: SearchHit | None = index.data(HIT_ROLE)
        painter.save()
        try:
            if hit is None:
                self._paint_heading(painter, option, index)
            else:
                self._paint_hit(painter, option, hit)
        finally:
            painter.restore()

    def _paint_heading(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        metrics = option.fontMetrics
        pad = metrics.lineSpacing() // 3
        rect = option.rect.adjusted(pad, pad, -pad, -pad)
        if index.row() > 0:
            rect.setTop(rect.top() + metrics.lineSpacing() // 2)
        font = QFont(option.font)
        font.setBold(True)
        painter.setFont(font)
        painter.setPen(option.palette.color(QPalette.ColorRole.Text))
        title = painter.fontMetrics().elidedText(index.data() or "", Qt.TextElideMode.ElideRight,
                                                 int(rect.width() * 0.7))
        painter.drawText(rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, title)
        used = painter.fontMetrics().horizontalAdvance(title) + char_width(metrics) * 2
        painter.setFont(option.font)
        painter.setPen(muted_colour(option.palette))
        subtitle = rect.adjusted(used, 0, 0, 0)
        painter.drawText(subtitle, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                         metrics.elidedText(index.data(SUBTITLE_ROLE) or "", Qt.TextElideMode.ElideRight,
                                            max(0, subtitle.width())))

    def _paint_hit(self, painter: QPainter, option: QStyleOptionViewItem, hit: SearchHit) -> None:
        style = option.widget.style() if option.widget else None
        if style is not None:
            style.drawPrimitive(QStyle.PrimitiveElement.PE_PanelItemViewItem, option, painter, option.widget)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        text_colour = option.palette.color(role)
        metrics = option.fontMetrics
        line = metrics.lineSpacing()
        indent = char_width(metrics) * 3
        rect = option.rect.adjusted(indent, line // 3, -line // 3, -line // 3)
        where = QFont(option.font)
        where.setWeight(QFont.Weight.DemiBold)
        painter.setFont(where)
        painter.setPen(text_colour)
        first = QRect(rect.left(), rect.top(), rect.width(), line)
        painter.drawText(first, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                         painter.fontMetrics().elidedText(f"{hit.context} › {hit.field_label}",
                                                          Qt.TextElideMode.ElideRight, rect.width()))
        painter.setFont(option.font)
        self._draw_snippet(painter, option, hit, QRect(rect.left(), rect.top() + line, rect.width(),
                                                       SNIPPET_LINES * line))

    def _draw_snippet(self, painter: QPainter, option: QStyleOptionViewItem, hit: SearchHit,
                      rect: QRect) -> None:
        layout = QTextLayout(hit.snippet, option.font)
        text_option = QTextOption()
        text_option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        layout.setTextOption(text_option)
        layout.setFormats([self._mark(hit.snippet, start, end, option) for start, end in hit.marks])
        layout.beginLayout()
        y = 0.0
        for _ in range(SNIPPET_LINES):
            text_line = layout.createLine()
            if not text_line.isValid():
                break
            text_line.setLineWidth(rect.width())
            text_line.setPosition(QPointF(0, y))
            y += text_line.height()
        layout.endLayout()
        painter.setClipRect(rect)
        layout.draw(painter, QPointF(rect.topLeft()))

    @staticmethod
    def _mark(snippet: str, start: int, end: int, option: QStyleOptionViewItem) -> QTextLayout.FormatRange:
        mark = QTextCharFormat()
        mark.setFontWeight(QFont.Weight.Bold)
        colour = QColor(255, 200, 0, 110 if is_dark(option.palette) else 150)
        mark.setBackground(colour)
        mark.setForeground(option.palette.color(QPalette.ColorRole.Text))
        span = QTextLayout.FormatRange()
        span.start = qt_offset(snippet, start)
        span.length = qt_offset(snippet, end) - span.start
        span.format = mark
        return span
