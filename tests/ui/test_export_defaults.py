"""The export dialog's defaults: the folder of the last export (else Documents), the locale's paper."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QStandardPaths, Qt
from PySide6.QtWidgets import QFileDialog

ROUND_1 = "US–Japan Partnership on Trade — Round 1"
EXPORT_S = 30_000


@pytest.fixture
def documents(tmp_path, monkeypatch):
    """The user's Documents folder, here a temp folder (not this machine's)."""
    folder = tmp_path / "Documents"
    folder.mkdir()
    real = QStandardPaths.writableLocation

    def location(kind):
        return str(folder) if kind == QStandardPaths.StandardLocation.DocumentsLocation else real(kind)

    monkeypatch.setattr(QStandardPaths, "writableLocation", location)
    return folder


@pytest.fixture
def locale_env(monkeypatch):
    """Set the locale the paper default reads (the CLI's: LC_ALL, LC_PAPER, LANG)."""
    for name in ("LC_ALL", "LC_PAPER", "LANG"):
        monkeypatch.delenv(name, raising=False)
    return lambda name: monkeypatch.setenv("LC_ALL", name)


def open_dialog(qtbot, window):
    window.window_actions.export.trigger()
    dialog = window.export_dialog
    qtbot.waitUntil(dialog.isVisible)
    return dialog


def test_the_first_export_is_offered_in_documents_and_the_next_in_the_last_folder(
        qtbot, window, documents, tmp_path, monkeypatch, locale_env):
    locale_env("en_GB.UTF-8")
    offered = []
    chosen = tmp_path / "briefs" / "round one.pdf"
    chosen.parent.mkdir()
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda parent, caption, suggested, filters: offered.append(suggested)
                        or (str(chosen), filters))
    dialog = open_dialog(qtbot, window)
    with qtbot.waitSignal(dialog.sig_export_ended, timeout=EXPORT_S):
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert offered[-1] == str(documents / f"{ROUND_1}.pdf")
    assert chosen.exists()
    qtbot.waitUntil(lambda: not dialog.isVisible())
    again = open_dialog(qtbot, window)
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda parent, caption, suggested, filters:
                        offered.append(suggested) or ("", filters))
    qtbot.mouseClick(again.export_button, Qt.MouseButton.LeftButton)
    assert offered[-1] == str(chosen.parent / f"{ROUND_1}.pdf")
    again.close()


def test_a_last_folder_since_removed_falls_back_to_documents(qtbot, window, documents, tmp_path):
    window.ctx.settings.setValue("export/folder", str(tmp_path / "gone"))
    dialog = open_dialog(qtbot, window)
    assert dialog.default_path().parent == documents
    dialog.close()


@pytest.mark.parametrize(("locale_name", "paper"), [
    ("en_US.UTF-8", "letter"), ("fr_CA.UTF-8", "letter"), ("es_MX", "letter"), ("en_PH.UTF-8", "letter"),
    ("en_GB.UTF-8", "a4"), ("de_DE.UTF-8", "a4"), ("ja_JP.UTF-8", "a4"), ("C", "a4"),
])
def test_the_paper_defaults_to_the_locales(qtbot, window, locale_env, locale_name, paper):
    locale_env(locale_name)
    dialog = open_dialog(qtbot, window)
    assert dialog.form.paper.currentData() == paper
    dialog.close()


def test_a_paper_chosen_for_an_export_is_kept_over_the_locales(qtbot, window, locale_env):
    locale_env("en_US.UTF-8")
    window.ctx.settings.setValue("export/paper", "a4")
    dialog = open_dialog(qtbot, window)
    assert dialog.form.paper.currentData() == "a4"
    dialog.close()
