"""A staffer's laptop (1366 × 768): with the Book preview open, the window fits on every tab.

A long choice ("Family name first, as in Japan…"), a headline that did not wrap and a row
of buttons each set a panel's minimum width; with the preview docked beside them the
window came out 1,500 px and more wide, and the preview ran off the screen. The test
lays the window out in the app's own font (Noto Sans, shipped in ``resources/fonts``) so
that it measures the same on any machine.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication, QTabWidget

import resources

LAPTOP = (1366, 768)
FONTS = Path(resources.__file__).parent / "fonts"


@pytest.fixture
def shipped_font(qapp):
    before = QApplication.font()
    for name in ("NotoSans-Regular.ttf", "NotoSans-Bold.ttf", "NotoSans-Italic.ttf"):
        assert QFontDatabase.addApplicationFont(str(FONTS / name)) >= 0
    font = QFont("Noto Sans")
    font.setPointSizeF(9)
    QApplication.setFont(font)
    yield font
    QApplication.setFont(before)


def test_with_the_book_preview_open_every_tab_fits_a_laptop_screen(qtbot, open_window, shipped_font):
    window = open_window(sample=True)
    window.show()
    window.window_actions.book_preview.setChecked(True)
    qtbot.waitUntil(lambda: window.book_preview is not None and window.book_preview.isVisible())
    tabs = window.findChild(QTabWidget)
    for index in range(tabs.count()):
        tabs.setCurrentIndex(index)
        QApplication.processEvents()
        smallest = window.minimumSizeHint().expandedTo(window.minimumSize())
        assert smallest.width() <= LAPTOP[0], (tabs.tabText(index), smallest.width())
        assert smallest.height() <= LAPTOP[1] - 40, (tabs.tabText(index), smallest.height())


def test_the_export_dialog_keeps_its_export_button_on_a_laptop_screen(qtbot, open_window, shipped_font):
    window = open_window(sample=True)
    window.window_actions.export.trigger()
    dialog = window.export_dialog
    qtbot.waitUntil(dialog.isVisible)
    smallest = dialog.minimumSizeHint().expandedTo(dialog.minimumSize())
    assert smallest.width() <= LAPTOP[0] and smallest.height() <= LAPTOP[1] - 40, smallest
    dialog.resize(LAPTOP[0] - 100, LAPTOP[1] - 100)
    QApplication.processEvents()
    export = dialog.buttons.buttons()[0]
    assert "Export" in export.text()
    bottom = export.mapTo(dialog, export.rect().bottomLeft()).y()
    assert export.isVisible() and bottom < dialog.height(), (bottom, dialog.height())


def test_on_a_laptop_a_note_reads_without_scrolling_sideways(qtbot, open_window, shipped_font):
    from ui.notes.panel import IssueNotesPanel

    window = open_window(sample=True)
    window.resize(LAPTOP[0], LAPTOP[1] - 40)
    window.show()
    window.window_actions.book_preview.setChecked(True)
    qtbot.waitUntil(lambda: window.book_preview is not None and window.book_preview.isVisible())
    tabs = window.findChild(QTabWidget)
    tabs.setCurrentIndex(2)
    panel = window.findChild(IssueNotesPanel)
    qtbot.waitUntil(lambda: panel.isVisible() and panel.editor.note is not None)
    QApplication.processEvents()
    scroll = panel.editor.scroll
    assert scroll.widget().minimumSizeHint().width() <= scroll.viewport().width()
    assert not scroll.horizontalScrollBar().isVisible()
    notes, note = panel.splitter.sizes()
    assert notes <= note  # the list gives way to the note


def test_on_a_laptop_the_meetings_overview_reads_without_scrolling_sideways(qtbot, open_window,
                                                                           shipped_font):
    from PySide6.QtWidgets import QScrollArea

    from ui.overview.panel import OverviewPanel

    window = open_window(sample=True)
    window.resize(LAPTOP[0], LAPTOP[1] - 40)
    window.show()
    window.window_actions.book_preview.setChecked(True)
    qtbot.waitUntil(lambda: window.book_preview is not None and window.book_preview.isVisible())
    window.findChild(QTabWidget).setCurrentIndex(0)
    panel = window.findChild(OverviewPanel)
    qtbot.waitUntil(panel.isVisible)
    QApplication.processEvents()
    scroll = panel.findChild(QScrollArea)
    assert scroll.widget().minimumSizeHint().width() <= scroll.viewport().width()
    assert not scroll.horizontalScrollBar().isVisible()
