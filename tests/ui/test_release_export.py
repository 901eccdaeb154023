"""The export dialog's release copy ("Release up to …") and numbered copies, as a user chooses them."""

from __future__ import annotations

import csv
import io

import pypdf
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

EXPORT_S = 60_000  # ms: generous, the machine is shared
OBJECTIVES = "(U) Public aim KEEPWORD.\n\n(C) Secret aim SECRETWORDZ 鱶鰭."


def pages(path) -> list[str]:
    reader = pypdf.PdfReader(io.BytesIO(path.read_bytes()))
    return [" ".join(page.extract_text().split()) for page in reader.pages]


@pytest.fixture
def save_as(monkeypatch):
    class Answer:
        path = None

    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda parent, caption, suggested, filters: (str(Answer.path), filters))
    return Answer


@pytest.fixture
def marked(window):
    """The open meeting's objectives with a U and a C paragraph."""
    services = window.ctx.services
    services.meetings.update(window.meeting.id, None, objectives=OBJECTIVES)
    return window


def open_dialog(qtbot, window):
    window.window_actions.export.trigger()
    dialog = window.export_dialog
    qtbot.waitUntil(dialog.isVisible)
    qtbot.waitUntil(lambda: dialog.preview.page_count() > 0, timeout=EXPORT_S)
    return dialog


def choose(qtbot, combo, text: str) -> None:
    """Pick an item of a closed combo box by typing its first letters, as the keyboard does."""
    combo.setFocus()
    qtbot.keyClicks(combo, text)


def preview_text(dialog) -> str:
    return " ".join(dialog.preview.page_text(n) for n in range(dialog.preview.page_count()))


def test_release_up_to_u_in_the_preview_and_the_exported_book(qtbot, marked, save_as, tmp_path):
    dialog = open_dialog(qtbot, marked)
    assert "SECRETWORDZ" in preview_text(dialog)
    release = dialog.form.release
    assert [release.itemText(i) for i in range(release.count())] == [
        "Everything (not a release copy)", "Up to UNCLASSIFIED (U)",
        "Up to SENSITIVE BUT UNCLASSIFIED (SBU)", "Up to CONFIDENTIAL (C)"]
    choose(qtbot, release, "Up to U")
    assert release.currentData() == "U"
    # the preview is rebuilt as the release copy: the C paragraph is gone, the cover says so
    qtbot.waitUntil(lambda: "portions withheld" in preview_text(dialog), timeout=EXPORT_S)
    assert "SECRETWORDZ" not in preview_text(dialog) and "KEEPWORD" in preview_text(dialog)
    save_as.path = tmp_path / "release.pdf"
    with qtbot.waitSignal(dialog.sig_export_ended, timeout=EXPORT_S) as ended:
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert ended.args == ["written"]
    text = " ".join(pages(tmp_path / "release.pdf"))
    assert "KEEPWORD" in text and "SECRETWORDZ" not in text and "鱶鰭" not in text
    assert "RELEASE COPY" in text and "CONFIDENTIAL" not in text


def test_numbered_copies_from_the_dialog(qtbot, window, save_as, tmp_path):
    dialog = open_dialog(qtbot, window)
    for box in ("summary", "contents", "changes", "papers", "participants", "actions"):
        if dialog.form.sections[box].isChecked() and dialog.form.sections[box].isEnabled():
            qtbot.mouseClick(dialog.form.sections[box], Qt.MouseButton.LeftButton)
    choose(qtbot, dialog.form.copies_mode, "N")
    assert dialog.form.copies_count.isVisible() and not dialog.form.recipients.isVisible()
    dialog.form.copies_count.selectAll()
    qtbot.keyClicks(dialog.form.copies_count.lineEdit(), "3")
    out = tmp_path / "out"
    out.mkdir()
    save_as.path = out / "book.pdf"
    with qtbot.waitSignal(dialog.sig_export_ended, timeout=EXPORT_S) as ended:
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert ended.args == ["written"]
    assert sorted(p.name for p in out.iterdir()) == [
        "book-01.pdf", "book-02.pdf", "book-03.pdf", "book.register.csv"]
    assert all("Copy 2 of 3" in p for p in pages(out / "book-02.pdf"))


def test_one_copy_per_recipient_needs_a_file_then_writes_a_copy_each(qtbot, window, save_as,
                                                                     tmp_path, monkeypatch):
    who = tmp_path / "who.txt"
    who.write_text("Ann Example\n\n山田 太郎\n", encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    dialog = open_dialog(qtbot, window)
    for box in ("summary", "contents", "changes", "papers", "participants", "actions"):
        if dialog.form.sections[box].isChecked() and dialog.form.sections[box].isEnabled():
            qtbot.mouseClick(dialog.form.sections[box], Qt.MouseButton.LeftButton)
    choose(qtbot, dialog.form.copies_mode, "O")
    assert dialog.form.copies_mode.currentData() == "recipients"
    save_as.path = out / "book.pdf"
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)  # no file chosen yet
    assert dialog.form.copies_error.isVisible()
    assert "file of recipients" in dialog.form.copies_error.label.text()
    assert list(out.iterdir()) == []
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *args: (str(who), ""))
    qtbot.mouseClick(dialog.form.recipients_button, Qt.MouseButton.LeftButton)
    assert dialog.form.recipients.text() == str(who) and not dialog.form.copies_error.isVisible()
    with qtbot.waitSignal(dialog.sig_export_ended, timeout=EXPORT_S) as ended:
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert ended.args == ["written"]
    rows = list(csv.reader(io.StringIO((out / "book.register.csv").read_text("utf-8-sig"))))
    assert [r[:3] for r in rows[1:]] == [["1", "Ann Example", "book-01.pdf"],
                                         ["2", "山田 太郎", "book-02.pdf"]]
    assert "Copy 2 of 2 — 山田 太郎" in pages(out / "book-02.pdf")[0]
