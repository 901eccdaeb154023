"""``narrow``: a choice box whose longest choice does not set its panel's width.

Qt sizes a combo box to its longest item, so one long choice ("Family name first, as in
Japan…", "Release up to CONFIDENTIAL") widened a whole panel past a laptop's screen once
the Book preview was open. A narrowed box asks for ``chars`` characters at least, grows
with its layout, and its list still opens wide enough to read every choice.
"""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox


def narrow(box: QComboBox, chars: int = 12) -> QComboBox:
    """Let ``box`` be as narrow as ``chars`` characters (and its icon); return it."""
    box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    box.setMinimumContentsLength(chars)
    return box
