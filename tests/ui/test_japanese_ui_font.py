"""With a Japanese UI font (the system's choice under ``ja_JP``), windows and columns sized in
characters come out as wide as with a Latin one: such a font's average character is a full-width
glyph's, and the Q&A bank opened 2,000 px wide, the Trash wider than a laptop's screen, and the
Action items' Issue column took the room of the actions' text (ui/widgets/char_width.py).
The window is laid out in BIZ UDPGothic, shipped in ``resources/fonts``, to measure the same on
any machine."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QFont, QFontDatabase, QFontMetrics
from PySide6.QtWidgets import QApplication

import resources
from tests.ui.tabs import show_tab
from ui.models.actions_table import ISSUE, TEXT
from ui.widgets.char_width import char_width

LAPTOP_WIDTH = 1366
FONTS = Path(resources.__file__).parent / "fonts"


@pytest.fixture
def japanese_font(qapp):
    before = QApplication.font()
    for name in ("BIZUDPGothic-Regular.ttf", "BIZUDPGothic-Bold.ttf"):
        assert QFontDatabase.addApplicationFont(str(FONTS / name)) >= 0
    font = QFont("BIZ UDPGothic")
    font.setPointSizeF(9)
    QApplication.setFont(font)
    metrics = QFontMetrics(font)
    latin = metrics.horizontalAdvance("abcdefghijklmnopqrstuvwxyz") / 26
    assert metrics.averageCharWidth() > 1.4 * latin  # (what the test is about: a full-width average)
    yield font
    QApplication.setFont(before)


def test_a_character_is_a_latin_letter_wide_in_a_japanese_font(japanese_font):
    metrics = QFontMetrics(japanese_font)
    assert char_width(metrics) == round(metrics.horizontalAdvance("abcdefghijklmnopqrstuvwxyz") / 26)


def test_windows_sized_in_characters_fit_a_laptop_screen(qtbot, open_window, japanese_font):
    window = open_window(sample=True)
    qa = window.show_qa_bank()
    trash = window.tools.show_trash()
    for opened in (qa, trash):
        qtbot.waitUntil(opened.isVisible)
        assert opened.width() <= LAPTOP_WIDTH, (opened.windowTitle(), opened.width())


def test_the_actions_text_has_more_room_than_their_issue(qtbot, open_window, japanese_font):
    window = open_window(sample=True)
    window.resize(LAPTOP_WIDTH, 760)
    panel = show_tab(qtbot, window, "Action items")
    qtbot.waitUntil(lambda: panel.model.rowCount() > 0)
    qtbot.waitUntil(lambda: panel.view.columnWidth(TEXT) > panel.view.columnWidth(ISSUE))
