"""Single-line editors keep one line: a pasted (or dropped) line break becomes a space.

The services refuse a line break inside a title, a name or an owner
(``briefing.validation.line``); a ``QLineEdit`` keeps one as it is pasted. So
every editor of such a field turns each line break into one space as the user
edits, and a multi-line paste into a title is kept, on one line, instead of
refused. Only the user's edits are folded: a value shown from the store is
shown as it is (an older build may have stored a break), and written only
when the user edits it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QLineEdit, QStyledItemDelegate, QWidget

from briefing.validation import LINE_BREAKS, one_line

if TYPE_CHECKING:  # (PySide makes a class and its enums when first named: not at start-up)
    from PySide6.QtCore import QModelIndex, QPersistentModelIndex
    from PySide6.QtWidgets import QStyleOptionViewItem


def keep_on_one_line(editor: QLineEdit) -> QLineEdit:
    """Make ``editor`` turn each line break the user pastes, drops or types into a space."""

    def fold(text: str) -> None:
        if LINE_BREAKS.search(text) is None:
            return
        cursor = len(one_line(text[:editor.cursorPosition()]))
        editor.setText(one_line(text))  # not an edit of its own: textEdited is not sent again
        editor.setCursorPosition(cursor)

    editor.textEdited.connect(fold)
    return editor


class SingleLineDelegate(QStyledItemDelegate):
    """Table cells of single-line fields (an agenda item's title, an owner, a source's publisher):
    the cell's line edit keeps one line."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem,
                     index: QModelIndex | QPersistentModelIndex) -> QWidget:
        editor = super().createEditor(parent, option, index)
        if isinstance(editor, QLineEdit):
            keep_on_one_line(editor)
        return editor
