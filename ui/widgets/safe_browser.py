"""``SafeTextBrowser``: shows rendered user text without ever loading what the text points to.

Markdown may name images or style sheets by path or URL (``![](file:///…)``,
``![](https://…)``). A preview of what a user typed or pasted must not read
files or reach the network for them, so every resource request is refused
and images show as their alternative text's placeholder.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QUrl
from PySide6.QtWidgets import QTextBrowser


class SafeTextBrowser(QTextBrowser):
    """A read-only rich-text view that loads no resources (links still open in the browser on click)."""

    def loadResource(self, kind: int, name: QUrl) -> Any:
        return None
