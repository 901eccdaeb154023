"""``ExportNotice``: "Open file · Open folder" in the status bar after an export.

The status bar's message says what was written ("Exported 32 pages to …");
the notice beside it offers the file and its folder until the next message.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

from ui.book.open_file import open_file, open_folder
from ui.status import StatusReporter


class ExportNotice(QLabel):
    """Links to the book just exported; hidden by the next status message."""

    def __init__(self, reporter: StatusReporter, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.reporter = reporter
        self.path: Path | None = None
        self.message = ""
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setText('<a href="file">Open file</a> · <a href="folder">Open folder</a>')
        self.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByMouse
                                     | Qt.TextInteractionFlag.LinksAccessibleByKeyboard)
        self.setAccessibleName("Exported book")
        self.linkActivated.connect(self.open)
        reporter.sig_message.connect(self._on_message)
        self.hide()

    def show_export(self, path: str, pages: int, warnings: int) -> None:
        """Say in the status bar what was written, with the links beside it."""
        self.path = Path(path)
        text = f"Exported {pages} page{'s' if pages != 1 else ''} to {self.path.name}"
        if warnings:
            text += f" ({warnings} warning{'s' if warnings != 1 else ''}, listed in the export dialog)"
        self.message = text
        self.reporter.info(text)
        self.setToolTip(str(self.path))
        self.show()

    def open(self, which: str) -> None:
        """Open the book (``file``) or its folder (``folder``)."""
        if self.path is not None:
            (open_file if which == "file" else open_folder)(self.path)

    def _on_message(self, text: str, _problem: bool) -> None:
        if text != self.message:
            self.hide()
