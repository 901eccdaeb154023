"""``char_width``: what "one character" of a width in characters measures, the same in every locale.

Dialogs, columns and fields are sized in characters ("130 characters wide"). Qt's
``QFontMetrics.averageCharWidth()`` is the font's own average; with a Japanese UI
font (Noto Sans CJK, which the system picks under ``ja_JP``; BIZ UDPGothic) it is
close to a full-width glyph's, twice a Latin letter's, and a window sized that way
came out wider than the screen, a table's title column took the room of the text
beside it. Briefbook's texts are mostly Latin: where the font's average is well
above its Latin letters' average, a character is a Latin letter.
"""

from __future__ import annotations

from PySide6.QtGui import QFontMetrics

_LATIN = "abcdefghijklmnopqrstuvwxyz"
#: How far above its Latin letters' average a font's own average may be and still be used.
_LATIN_SLACK = 1.25


def char_width(metrics: QFontMetrics) -> int:
    """The width of one character of text, in pixels, for ``metrics``' font (at least 1)."""
    average = metrics.averageCharWidth()
    latin = metrics.horizontalAdvance(_LATIN) / len(_LATIN)
    return max(1, average if average <= latin * _LATIN_SLACK else round(latin))
