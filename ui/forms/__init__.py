"""Form-like panels: editors bound to a record, written after a pause as undoable edits."""

from ui.forms.bindings import (
    Binding,
    ChoiceBinding,
    CustomBinding,
    LineBinding,
    SpinBinding,
    TextBinding,
)
from ui.forms.form import EditorForm

__all__ = [
    "Binding",
    "ChoiceBinding",
    "CustomBinding",
    "EditorForm",
    "LineBinding",
    "SpinBinding",
    "TextBinding",
]
