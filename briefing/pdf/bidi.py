"""Right-to-left runs (Hebrew, Arabic) put into visual order for ReportLab's left-to-right lines.

ReportLab lays every line out left to right (it reorders only with its
optional ``rlbidi`` extension). So each span of right-to-left text (strong
RTL letters and the spaces and punctuation between them) is reversed here,
keeping numbers inside it in their own left-to-right order and mirroring
brackets, before layout. A phrase or a name in Hebrew or Arabic then reads
correctly and copies out of the PDF as typed; a right-to-left paragraph long
enough to wrap keeps its words right to left on each line, but its lines
are filled in the wrong order. Arabic letters print in their isolated forms
(no shaping without ``uharfbuzz``).
"""

from __future__ import annotations

import re

_RTL = "\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc"
#: A span from a strong RTL character to the last one that follows it through neutrals.
_SPAN = re.compile(f"[{_RTL}](?:[{_RTL}\\s\\d.,:;!?'\"()\\[\\]\\-–—/%]*[{_RTL}])?")
_NUMBER = re.compile(r"\d+(?:[.,:/]\d+)*")
_MIRROR = str.maketrans("()[]", ")(][")
_ANY_RTL = re.compile(f"[{_RTL}]")


def has_rtl(text: str) -> bool:
    """Whether ``text`` has a right-to-left letter."""
    return _ANY_RTL.search(text) is not None


def visual_order(text: str) -> str:
    """``text`` with each right-to-left span reversed for left-to-right layout (see above)."""
    if not has_rtl(text):
        return text
    return _SPAN.sub(lambda m: _reverse_span(m.group()), text)


def _reverse_span(span: str) -> str:
    pieces = []
    at = 0
    for number in _NUMBER.finditer(span):
        pieces.append(span[at:number.start()][::-1].translate(_MIRROR))
        pieces.append(number.group())
        at = number.end()
    pieces.append(span[at:][::-1].translate(_MIRROR))
    return "".join(reversed(pieces))
