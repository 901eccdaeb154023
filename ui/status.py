"""The status reporter: what the status bar says about saving ("Saved", "Saving…", or what went wrong)."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

SAVED = "Saved"
SAVING = "Saving…"


class StatusReporter(QObject):
    """Collects save states and messages from panels and commands; the window shows them."""

    sig_message = Signal(str, bool)
    """The text to show and whether it is a problem (shown as a warning)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.text = ""
        self.is_problem = False

    def saving(self) -> None:
        """Typed text is waiting for the pause that writes it."""
        self._show(SAVING, False)

    def saved(self) -> None:
        """Everything pending has been written to the store."""
        self._show(SAVED, False)

    def failed(self, message: str) -> None:
        """A write was refused: say what and where."""
        self._show(message, True)

    def info(self, message: str) -> None:
        """A neutral note (e.g. "Moved to the Trash — Ctrl+Z brings it back")."""
        self._show(message, False)

    def _show(self, text: str, problem: bool) -> None:
        self.text, self.is_problem = text, problem
        self.sig_message.emit(text, problem)
