"""``SafeTextBrowser``: shows rendered user text without ever loading what the text points to.

Markdown may name images or style sheets by path or URL (``![](file:///…)``,
``![](https://…)``). A preview of what a user typed or pasted must not read
files or reach the network for them. Returning "nothing" is not enough:
``QTextDocument`` then reads local files itself. So every request gets an
empty resource, and an image shows as the missing-image placeholder.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QByteArray, QUrl
from PySide6.QtGui import QImage, QTextDocument
from PySide6.QtWidgets import QTextBrowser


class SafeTextBrowser(QTextBrowser):
    """A read-only rich-text view that loads no resources (links still open in the browser on click)."""

    def loadResource(self, kind: int, name: QUrl) -> Any:
        if kind == QTextDocument.ResourceType.ImageResource.value:
            return QImage()
        return QByteArray()
