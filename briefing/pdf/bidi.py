"""Right-to-left text (Hebrew, Arabic) drawn in visual order, line by line.

ReportLab draws each line's pieces left to right and reorders nothing (unless
its optional ``rlbidi`` extension is installed, which is not on PyPI). The book
keeps user text in the order it was typed for layout, so that a paragraph
breaks into lines where its words are; ``BookParagraph.drawPara`` then draws
each line in visual order (``visual_lines``). The order is the Unicode
bidirectional algorithm's for one paragraph without explicit embeddings: weak
types resolved (W1–W7: marks, European and Arabic numbers, separators and
terminators inside numbers), brackets as pairs (N0), neutrals between strong letters of one
direction take it (N1–N2), levels assigned (I1–I2), trailing spaces at the paragraph's
level (L1), runs reversed from the highest level down (L2), and brackets in
right-to-left runs mirrored (L4). A paragraph whose first strong letter is
right-to-left is right-to-left: its lines read, and are aligned, from the right.

Not done: Arabic letters print in their isolated forms (joining needs a
shaper, ``uharfbuzz``, which the book does not use).
"""

from __future__ import annotations

import copy
import re
import unicodedata
from collections.abc import Sequence

_RTL = "\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc"
_ANY_RTL = re.compile(f"[{_RTL}]")
_MIRROR = dict(zip("()[]{}<>«»‹›", ")(][}{><»«›‹", strict=True))
_NUMBERS = ("EN", "AN")


def has_rtl(text: str) -> bool:
    """Whether ``text`` has a right-to-left letter."""
    return _ANY_RTL.search(text) is not None


def is_rtl_paragraph(text: str) -> bool:
    """Whether ``text``'s first strong letter is right-to-left (rules P2–P3)."""
    for char in text:
        kind = unicodedata.bidirectional(char)
        if kind == "L":
            return False
        if kind in ("R", "AL"):
            return True
    return False


def visual_order(text: str, rtl: bool = False) -> str:
    """One line of ``text`` as it is drawn left to right (brackets mirrored where reversed)."""
    levels = _levels(text, rtl)
    return "".join(_MIRROR.get(text[i], text[i]) if levels[i] % 2 else text[i]
                   for i in _reorder(levels))


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
    levels = _levels(text, rtl)
    # Fragments without text (anchors, callbacks) keep their place at the line's start.
    words = [f for f in frags if not getattr(f, "text", "")]
    run: list[str] = []
    current = -1
    for i in _reorder(levels):
        if owner[i] != current and run:
            words.append(_with_text(frags[current], "".join(run)))
            run = []
        current = owner[i]
        run.append(_MIRROR.get(text[i], text[i]) if levels[i] % 2 else text[i])
    if run:
        words.append(_with_text(frags[current], "".join(run)))
    out = copy.copy(line)
    out.words = words
    return out


def _with_text(frag, text: str):
    piece = copy.copy(frag)
    piece.text = text
    return piece


def _levels(text: str, rtl: bool) -> list[int]:
    """The embedding level of each character of one paragraph line (rules W1–W7, N1–N2, I1–I2, L1)."""
    base = 1 if rtl else 0
    sos = "R" if rtl else "L"
    types = _weak_types(text, sos)
    _bracket_pairs(text, types, sos)
    resolved = _neutrals(types, sos)
    if base == 0:
        levels = [1 if t == "R" else 2 if t in _NUMBERS else 0 for t in resolved]
    else:
        levels = [2 if t in ("L", *_NUMBERS) else 1 for t in resolved]
    end = len(text)
    while end and text[end - 1].isspace():  # L1: trailing white space at the paragraph's level
        end -= 1
        levels[end] = base
    return levels


def _weak_types(text: str, sos: str) -> list[str]:
    types: list[str] = []
    last_strong = sos
    for char in text:
        t = unicodedata.bidirectional(char) or "L"
        if t == "NSM":  # W1: a mark takes its base's type
            t = types[-1] if types else sos
        if t == "EN" and last_strong == "AL":  # W2
            t = "AN"
        if t in ("L", "R", "AL"):
            last_strong = t
        if t == "AL":  # W3
            t = "R"
        if t == "EN" and last_strong == "L":  # W7
            t = "L"
        types.append(t)
    for i in range(1, len(types) - 1):  # W4: one separator between two numbers of a kind
        if types[i] in ("ES", "CS") and types[i - 1] == types[i + 1] == "EN":
            types[i] = "EN"
        elif types[i] == "CS" and types[i - 1] == types[i + 1] == "AN":
            types[i] = "AN"
    for i, t in enumerate(types):  # W5: terminators next to a European number
        if t == "ET" and _touches(types, i, "EN"):
            types[i] = "EN"
    return [t if t in ("L", "R", *_NUMBERS) else "N" for t in types]  # W6: the rest is neutral


def _touches(types: list[str], i: int, kind: str) -> bool:
    for step in (-1, 1):
        j = i + step
        while 0 <= j < len(types) and types[j] == "ET":
            j += step
        if 0 <= j < len(types) and types[j] == kind:
            return True
    return False


_OPENING = {"(": ")", "[": "]", "{": "}"}
_CLOSING = set(_OPENING.values())


def _bracket_pairs(text: str, types: list[str], sos: str) -> None:
    """N0: a pair of brackets takes the direction of what they enclose, so that "(2022)" in a
    right-to-left line stays one parenthesis (the types are changed in place)."""
    def direction(t: str) -> str | None:
        return None if t == "N" else "L" if t == "L" else "R"

    pairs: list[tuple[int, int]] = []
    stack: list[tuple[str, int]] = []
    for i, char in enumerate(text):
        if types[i] != "N":
            continue
        if char in _OPENING:
            if len(stack) == 63:
                break
            stack.append((_OPENING[char], i))
        elif char in _CLOSING:
            for depth in range(len(stack) - 1, -1, -1):
                if stack[depth][0] == char:
                    pairs.append((stack[depth][1], i))
                    del stack[depth:]
                    break
    for start, end in sorted(pairs):
        inside = {direction(t) for t in types[start + 1:end]} - {None}
        if not inside:
            continue
        if sos in inside:  # the line's own direction inside: the pair takes it
            kind = sos
        else:  # only the other direction inside: the pair takes the direction before it
            kind = next((d for t in reversed(types[:start]) if (d := direction(t))), sos)
        types[start] = types[end] = kind


def _neutrals(types: list[str], sos: str) -> list[str]:
    """N1–N2: a run of neutrals between two strong types of one direction takes it (numbers
    count as right-to-left); otherwise the paragraph's direction."""
    def direction(t: str) -> str:
        return "L" if t == "L" else "R"

    out = list(types)
    i, n = 0, len(types)
    while i < n:
        if types[i] != "N":
            i += 1
            continue
        j = i
        while j < n and types[j] == "N":
            j += 1
        before = direction(types[i - 1]) if i else sos
        after = direction(types[j]) if j < n else sos
        out[i:j] = [before if before == after else sos] * (j - i)
        i = j
    return out


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
