"""Tab-separated output lines (``meetings``, ``positions``, ``search``): one record a line, always.

A title, slug or name may hold a tab (pasted from a spreadsheet), and a search excerpt may hold a
line break: either would split the record for ``cut -f`` or a spreadsheet, so each becomes a space.
"""

from __future__ import annotations

import re

_SPLITS_A_RECORD = re.compile(r"[\t\n\r\v\f\x1c-\x1e\x85\u2028\u2029]")


def row(*cells: object) -> str:
    """The cells joined by tabs, a tab or line break inside a cell turned into a space."""
    return "\t".join(_SPLITS_A_RECORD.sub(" ", str(cell)) for cell in cells)
