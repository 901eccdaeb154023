"""Reading a diff as the user sees it: which text is struck through, which underlined."""

from __future__ import annotations

from PySide6.QtGui import QTextDocument


def fragments(document: QTextDocument) -> list[tuple[str, bool, bool]]:
    """The document as (text, struck through, underlined) fragments, in order (line breaks left out)."""
    out = []
    block = document.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            fmt = fragment.charFormat()
            out.append((fragment.text(), fmt.fontStrikeOut(), fmt.fontUnderline() and not fmt.isAnchor()))
            it += 1
        block = block.next()
    return out


def struck_and_underlined(document: QTextDocument) -> tuple[str, str]:
    """All the struck-through text, and all the underlined text (links aside), each run on a line."""
    parts = fragments(document)
    return ("\n".join(t for t, struck, _ in parts if struck),
            "\n".join(t for t, _, underlined in parts if underlined))
