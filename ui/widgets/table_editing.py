"""Cell editing from outside the view: finishing an edit (before the meeting changes or the window
closes), and opening one on a search match."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QModelIndex
from PySide6.QtWidgets import QAbstractItemView, QLineEdit, QPlainTextEdit, QStyledItemDelegate


def commit_open_editor(view: QAbstractItemView) -> None:
    """Write the cell being edited in ``view``, if any, and close its editor."""
    if view.state() != QAbstractItemView.State.EditingState:
        return
    editor = view.indexWidget(view.currentIndex())
    if editor is not None:
        view.commitData(editor)
        view.closeEditor(editor, QStyledItemDelegate.EndEditHint.NoHint)


def show_in_cell(view: QAbstractItemView, index: QModelIndex, text: str,
                 spans: Sequence[tuple[int, int]]) -> bool:
    """Go to the cell at ``index``, open its editor and select ``spans`` of its ``text`` there."""
    if not index.isValid():
        return False
    from ui.widgets.text_marks import show_matches

    commit_open_editor(view)
    view.setFocus()
    view.setCurrentIndex(index)
    view.scrollTo(index)
    view.edit(index)
    editor = view.indexWidget(index)
    if isinstance(editor, (QLineEdit, QPlainTextEdit)):
        show_matches(editor, text, spans)
    return True
