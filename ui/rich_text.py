"""User text shown where Qt may read it as rich text (tooltips, HTML message boxes), escaped.

Qt guesses whether a tooltip is rich text from the string itself, so a title
such as ``<b>Steel`` would turn bold or vanish. Escaping into a paragraph makes
Qt show exactly what the user typed.
"""

from __future__ import annotations


def escape(text: str) -> str:
    """``&``, ``<`` and ``>`` as entities (``html.escape`` without importing ``html`` at start-up)."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def plain(text: str) -> str:
    """``text`` as rich text that reads exactly as typed (line breaks kept)."""
    return "<p style='white-space:pre-wrap'>" + escape(text) + "</p>"
