"""Finishing a cell edit from outside the view (before the meeting changes or the window closes)."""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractItemView, QStyledItemDelegate


def commit_open_editor(view: QAbstractItemView) -> None:
    """Write the cell being edited in ``view``, if any, and close its editor."""
    if view.state() != QAbstractItemView.State.EditingState:
        return
    editor = view.indexWidget(view.currentIndex())
    if editor is not None:
        view.commitData(editor)
        view.closeEditor(editor, QStyledItemDelegate.EndEditHint.NoHint)
