"""Edits the store refused, still in their fields: asked about before the user leaves them.

A value that failed validation (an empty title, an end before the start, an
unknown zone) stays in its editor, with its message, and in the crash journal.
Before the window shows another meeting or closes, ``settle_refused`` asks
"Keep editing / Discard": keeping editing stays (the refused field gets the
focus, its tab in front); discarding puts the stored values back and forgets
the typed ones. Nothing typed goes without the user saying so.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QTabWidget, QWidget

from ui.forms.bindings import Binding
from ui.forms.form import EditorForm
from ui.widgets.ask import destructive_chosen

Refusal = tuple[EditorForm, Binding, str]


def refused_in(root: QWidget) -> list[Refusal]:
    """Every refused value still in an editor below ``root``: its form, binding and message."""
    return [(form, binding, message) for form in root.findChildren(EditorForm)
            for binding, message in form.refused()]


def ask_keep_editing(parent: QWidget, refusals: list[Refusal]) -> bool:
    """Ask what becomes of ``refusals``; True when the user keeps editing."""
    count = len(refusals)
    detail = ("\n".join((message or "A value was refused.").removesuffix(" — not saved.")
                        for _, _, message in refusals)
              + "\n\nKeep editing to correct it, or discard it to go back to what is stored.")
    return not destructive_chosen(
        parent, "Not saved",
        "A change you made was not saved." if count == 1 else f"{count} changes you made were not saved.",
        detail, "&Keep editing", "&Discard")


def settle_refused(root: QWidget) -> bool:
    """Ask about the refused values below ``root``; True when none is left (the user may go on)."""
    refusals = refused_in(root)
    if not refusals:
        return True
    if ask_keep_editing(root.window(), refusals):
        form, binding, _ = refusals[0]
        focus_editor(form.refused_widget(binding))
        return False
    for form, binding, _ in refusals:
        form.discard(binding)
    refusals[0][0].ctx.status.info("Discarded the change that was not saved." if len(refusals) == 1
                         else "Discarded the changes that were not saved.")
    return True


def focus_editor(widget: QWidget) -> None:
    """Bring ``widget``'s tab to the front and put the cursor in it."""
    child: QWidget | None = widget
    while child is not None and child.parentWidget() is not None:
        parent = child.parentWidget()
        stack = parent.parentWidget()
        if isinstance(stack, QTabWidget) and stack.indexOf(child) >= 0:
            stack.setCurrentWidget(child)
        child = parent
    widget.setFocus(Qt.FocusReason.OtherFocusReason)
    # Once more when the window is active again: the closing question hands the focus back
    # to what had it before (the field the user had tabbed to).
    QTimer.singleShot(0, widget, lambda: widget.setFocus(Qt.FocusReason.OtherFocusReason))
