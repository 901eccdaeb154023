"""The flow layout: a bar of buttons or fields that wraps rather than widen its panel."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QLineEdit, QPushButton, QWidget

from ui.widgets.flow_layout import FlowLayout

GAP = 6


@pytest.fixture
def bar(qtbot):
    widget = QWidget()
    qtbot.addWidget(widget)
    flow = FlowLayout(widget, align_right=True)
    flow.setSpacing(GAP)
    buttons = []
    for width in (100, 60, 80):
        button = QPushButton("x", widget)
        button.setFixedSize(width, 20)
        flow.addWidget(button)
        buttons.append(button)
    return widget, flow, buttons


def lay_out(widget: QWidget, width: int) -> None:
    widget.resize(width, widget.layout().heightForWidth(width))
    widget.layout().activate()
    widget.layout().setGeometry(widget.rect())


def test_wide_enough_it_is_one_line_packed_to_the_right(bar):
    widget, flow, (first, second, third) = bar
    assert flow.sizeHint().width() == 100 + 60 + 80 + 2 * GAP
    lay_out(widget, 400)
    assert flow.heightForWidth(400) == 20
    assert {first.y(), second.y(), third.y()} == {0}
    assert third.geometry().right() == 399
    assert second.x() == third.x() - GAP - 60 and first.x() == second.x() - GAP - 100


def test_too_narrow_it_wraps_and_needs_only_its_widest_widget(bar):
    widget, flow, (first, second, third) = bar
    assert flow.minimumSize().width() == 100
    lay_out(widget, 170)  # 100 + 6 + 60 fit; 80 does not
    assert flow.heightForWidth(170) == 20 + GAP + 20
    assert first.y() == second.y() == 0 and third.y() == 20 + GAP
    lay_out(widget, 100)
    assert flow.heightForWidth(100) == 3 * 20 + 2 * GAP
    assert [b.y() for b in (first, second, third)] == [0, 26, 52]


def test_a_text_field_takes_what_is_left_of_its_line(qtbot):
    widget = QWidget()
    qtbot.addWidget(widget)
    flow = FlowLayout(widget)
    flow.setSpacing(GAP)
    button = QPushButton("x", widget)
    button.setFixedSize(50, 20)
    field = QLineEdit(widget)
    field.setMinimumWidth(80)
    field.setFixedHeight(20)
    flow.addWidget(button)
    flow.addWidget(field)
    lay_out(widget, 300)
    assert button.x() == 0 and field.x() == 50 + GAP
    assert field.geometry().right() == 299  # the rest of the line
    lay_out(widget, 100)  # the field wraps onto its own line, and fills it
    assert field.y() == 20 + GAP and field.x() == 0 and field.width() == 100
