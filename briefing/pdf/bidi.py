"""Right-to-left text (Hebrew, Arabic) drawn in visual order, line by line.

ReportLab draws each line's pieces left to right and reorders nothing (unless
its optional ``rlbidi`` extension is installed, which is not on PyPI). The book
keeps user text in the order it was typed for layout, so that a paragraph
breaks into lines where its words are; ``BookParagraph.drawPara`` then draws
each line in visual order (``visual_lines``).

The order is the Unicode bidirectional algorithm's as python-bidi implements
it (the Rust ``unicode-bidi`` crate, tested against Unicode's conformance
files): explicit embeddings, overrides and isolates (LRE, RLO, LRI, PDI…),
weak and neutral types, bracket pairs. Its public call gives one reordered
string, but a line here is several styled fragments (fonts, colours,
underlines), so the resolved embedding level of each character is needed: that
is what ``get_display(…, debug=True)`` returns, as the ``BidiInfo`` it prints.
``_levels`` reads it (checked by tests/briefing/pdf/test_bidi.py; python-bidi is
bounded to <0.7 in pyproject.toml for this reason). Then per line: trailing
white space at the paragraph's level (L1), runs reversed from the highest level
down (L2), brackets mirrored at odd levels (L4), and the directional controls
themselves left out (X9: they are not drawn). If the levels cannot be read, the
line is drawn as python-bidi orders it whole, in the style of its first
fragment, and a warning is logged.
"""

from __future__ import annotations

import copy
import logging
import re
from collections.abc import Sequence

from bidi import get_base_level, get_display
from bidi.mirror import MIRRORED

_RTL = "\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc"
#: Explicit directional formatting characters: embeddings, overrides, isolates and marks.
CONTROLS = "\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"
_ANY_RTL = re.compile(f"[{_RTL}{CONTROLS}]")
_CONTROL = re.compile(f"[{CONTROLS}]")
_LEVELS = re.compile(r"levels: \[(.*?)\]", re.DOTALL)
_LEVEL = re.compile(r"Level\(\s*(\d+),?\s*\)")
_log = logging.getLogger(__name__)


def has_rtl(text: str) -> bool:
    """Whether ``text`` has a right-to-left letter or a directional control (it needs reordering)."""
    return _ANY_RTL.search(text) is not None


def is_rtl_paragraph(text: str) -> bool:
    """Whether ``text``'s first strong letter (outside isolates) is right-to-left (rules P2–P3)."""
    return get_base_level(text) == 1


def visual_order(text: str, rtl: bool = False) -> str:
    """One line of ``text`` as it is drawn left to right (brackets mirrored where reversed)."""
    levels = _levels(text, rtl)
    if levels is None:
        return _CONTROL.sub("", get_display(text, base_dir="R" if rtl else "L"))
    return "".join(_drawn(text[i], levels[i]) for i in _reorder(levels) if not _is_control(text[i]))


def visual_lines(lines: Sequence, kind: int, rtl: bool) -> list:
    """A laid-out paragraph's lines (ReportLab's ``blPara.lines``) in visual order.

    Kind 0 lines are ``(extra_space, [word, …])``; kind 1 lines hold styled
    fragments in ``.words``, each becoming one or more fragments here. The
    lines given are not changed (a paragraph split across pages reuses them).
    """
    if kind == 0:
        out = []
        for extra, words in lines:
            line = " ".join(words)
            out.append((extra, visual_order(line, rtl).split(" ") if has_rtl(line) or rtl else words))
        return out
    return [_visual_fragments(line, rtl) for line in lines]


def _visual_fragments(line, rtl: bool):
    frags = line.words
    text = "".join(getattr(f, "text", "") for f in frags)
    if not (rtl or has_rtl(text)):
        return line
    owner = [n for n, f in enumerate(frags) for _ in getattr(f, "text", "")]
    # Fragments without text (anchors, callbacks) keep their place at the line's start.
    words = [f for f in frags if not getattr(f, "text", "")]
    levels = _levels(text, rtl)
    out = copy.copy(line)
    if levels is None:
        first = next(f for f in frags if getattr(f, "text", ""))
        out.words = [*words, _with_text(first, visual_order(text, rtl))]
        return out
    run: list[str] = []
    current = -1
    for i in _reorder(levels):
        if _is_control(text[i]):
            continue
        if owner[i] != current and run:
            words.append(_with_text(frags[current], "".join(run)))
            run = []
        current = owner[i]
        run.append(_drawn(text[i], levels[i]))
    if run:
        words.append(_with_text(frags[current], "".join(run)))
    out.words = words
    return out


def _with_text(frag, text: str):
    piece = copy.copy(frag)
    piece.text = text
    return piece


def _is_control(char: str) -> bool:
    return _CONTROL.match(char) is not None


def _drawn(char: str, level: int) -> str:
    return MIRRORED.get(char, char) if level % 2 else char


def _levels(text: str, rtl: bool) -> list[int] | None:
    """The resolved embedding level of each character of one line (python-bidi's, then L1);
    None (with a warning logged) if python-bidi's answer cannot be read."""
    if not text:
        return []
    info = get_display(text, base_dir="R" if rtl else "L", debug=True)
    found = _LEVELS.search(info) if isinstance(info, str) else None
    by_byte = [int(n) for n in _LEVEL.findall(found.group(1))] if found else []
    starts, at = [], 0
    for char in text:
        starts.append(at)
        at += len(char.encode("utf-8"))
    if len(by_byte) != at:
        _log.warning("python-bidi's embedding levels could not be read; right-to-left lines are "
                     "drawn in python-bidi's order, each in one style")
        return None
    levels = [by_byte[i] for i in starts]
    base = 1 if rtl else 0
    end = len(text)
    # L1: white space (and directional controls) at the end of the line take the paragraph's level
    while end and (text[end - 1].isspace() or _is_control(text[end - 1])):
        end -= 1
        levels[end] = base
    return levels


def _reorder(levels: list[int]) -> list[int]:
    """L2: the logical indices in visual order."""
    order = list(range(len(levels)))
    odd = [level for level in levels if level % 2]
    if not odd:
        return order
    at = list(levels)
    for level in range(max(levels), min(odd) - 1, -1):
        i, n = 0, len(order)
        while i < n:
            if at[i] < level:
                i += 1
                continue
            j = i
            while j < n and at[j] >= level:
                j += 1
            order[i:j] = order[i:j][::-1]
            at[i:j] = at[i:j][::-1]
            i = j
    return order
