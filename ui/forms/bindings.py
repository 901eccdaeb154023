"""Bindings: an editor (or a few) tied to fields of a record, for ``EditorForm``.

A binding reads the editor's value as ``{field: value}``, shows a record's values
without counting as an edit, and tells the form when the user edits
(``sig_edited``: wait for a pause) or finishes (``sig_committed``: write now).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QComboBox, QLineEdit, QPlainTextEdit, QSpinBox, QWidget

from ui.forms.single_line import keep_on_one_line
from ui.widgets.field_error import FieldError


class Binding(QObject):
    """Base: ``fields`` of a record shown in ``widgets``; subclasses read and show values."""

    sig_edited = Signal()
    """The user changed the value; the form writes it after a pause."""

    sig_committed = Signal()
    """The user finished with the value (picked an item, pressed Enter); write it now."""

    def __init__(self, fields: Sequence[str], widgets: Sequence[QWidget],
                 error: FieldError | None = None) -> None:
        super().__init__(widgets[0])
        self.fields = tuple(fields)
        self.widgets = tuple(widgets)
        self.error = error
        self._showing = False

    def value(self) -> dict[str, Any]:
        """What the editors hold now, by field."""
        raise NotImplementedError

    def show(self, record: Any) -> None:
        """Put the record's values into the editors (not an edit)."""
        self._showing = True
        try:
            self.display(record)
        finally:
            self._showing = False

    def display(self, record: Any) -> None:
        raise NotImplementedError

    def set_error(self, message: str | None) -> None:
        """Say next to the field why its value was not saved (None clears it)."""
        if self.error is not None:
            self.error.show_message(message)

    def set_enabled(self, enabled: bool) -> None:
        for widget in self.widgets:
            widget.setEnabled(enabled)

    def set_editable(self, editable: bool) -> None:
        """Text stays selectable and copyable when not editable (a read-only store); choices grey out."""
        for widget in self.widgets:
            if isinstance(widget, QLineEdit | QPlainTextEdit):
                widget.setReadOnly(not editable)
            else:
                widget.setEnabled(editable)

    def _edited(self, *_args: object) -> None:
        if not self._showing:
            self.sig_edited.emit()

    def _committed(self, *_args: object) -> None:
        if not self._showing:
            self.sig_committed.emit()


class LineBinding(Binding):
    """A single-line field; compared without surrounding white space (the service strips it).
    A line break the user pastes becomes a space (``keep_on_one_line``)."""

    def __init__(self, editor: QLineEdit, field: str, error: FieldError | None = None) -> None:
        super().__init__((field,), (editor,), error)
        self.editor = keep_on_one_line(editor)
        editor.textEdited.connect(self._edited)
        editor.returnPressed.connect(self._committed)

    def value(self) -> dict[str, Any]:
        return {self.fields[0]: self.editor.text().strip()}

    def display(self, record: Any) -> None:
        text = getattr(record, self.fields[0])
        if text != self.editor.text():
            self.editor.setText(text)
            self.editor.setCursorPosition(0)


class TextBinding(Binding):
    """A multi-line text (Markdown) field, kept exactly as typed."""

    def __init__(self, editor: QPlainTextEdit, field: str, error: FieldError | None = None) -> None:
        super().__init__((field,), (editor,), error)
        self.editor = editor
        editor.textChanged.connect(self._edited)

    def value(self) -> dict[str, Any]:
        return {self.fields[0]: self.editor.toPlainText()}

    def display(self, record: Any) -> None:
        text = getattr(record, self.fields[0])
        if text != self.editor.toPlainText():
            self.editor.setPlainText(text)


class ChoiceBinding(Binding):
    """A combo box whose items carry the stored value as data; a pick is written at once."""

    def __init__(self, combo: QComboBox, field: str, error: FieldError | None = None) -> None:
        super().__init__((field,), (combo,), error)
        self.combo = combo
        combo.activated.connect(self._committed)

    def value(self) -> dict[str, Any]:
        return {self.fields[0]: self.combo.currentData()}

    def display(self, record: Any) -> None:
        stored = getattr(record, self.fields[0])
        index = self.combo.findData(stored)
        if index < 0:  # a value from elsewhere (another ladder): show it as it is
            self.combo.addItem(str(stored), stored)
            index = self.combo.count() - 1
        self.combo.setCurrentIndex(index)


class SpinBinding(Binding):
    """A whole number."""

    def __init__(self, spin: QSpinBox, field: str, error: FieldError | None = None) -> None:
        super().__init__((field,), (spin,), error)
        self.spin = spin
        spin.valueChanged.connect(self._edited)
        spin.editingFinished.connect(self._committed)

    def value(self) -> dict[str, Any]:
        return {self.fields[0]: self.spin.value()}

    def display(self, record: Any) -> None:
        self.spin.setValue(getattr(record, self.fields[0]))


class CustomBinding(Binding):
    """Several editors that make up one or more fields together (e.g. a zone and two times).

    ``read()`` returns the fields' values; ``write(record)`` shows a record. Connect
    the editors' change signals to ``edited`` / ``committed``.
    """

    def __init__(self, fields: Sequence[str], widgets: Sequence[QWidget],
                 read: Callable[[], dict[str, Any]], write: Callable[[Any], None],
                 error: FieldError | None = None) -> None:
        super().__init__(fields, widgets, error)
        self._read = read
        self._write = write

    def value(self) -> dict[str, Any]:
        return self._read()

    def display(self, record: Any) -> None:
        self._write(record)

    def edited(self, *_args: object) -> None:
        """Connect an editor's change signal here."""
        self._edited()

    def committed(self, *_args: object) -> None:
        """Connect an editor's "done" signal here."""
        self._committed()
