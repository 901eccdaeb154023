"""Portion marks: a paragraph or list item of a Markdown field that begins with ``(CODE)``.

The marks live in the text (``(C) We can go to 5%.``), so the JSON format, search
and history need nothing new. A portion is a paragraph, a list item, a heading,
a fenced code block or a table (the last two whole: their first line decides);
``(C)`` in the middle of a sentence is text. A code that is not on the ladder is
not a mark: the portion keeps the meeting's marking and says ``unknown``.

Blocks are found with markdown-it-py (the parser the book prints with), so what
counts as a paragraph here is what prints as one.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from briefing.markings.ladder import Ladder

if TYPE_CHECKING:  # the parser is imported when first used: not at the window's first paint
    from markdown_it import MarkdownIt
    from markdown_it.token import Token

#: "(CODE)" at the start of a portion, followed by a space or the end of the line.
MARK = re.compile(r"\(([^()\s]{1,24})\)(?=[ \t]|$)", re.MULTILINE)
_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_BLOCKS = {"paragraph_open", "heading_open", "fence", "code_block", "table_open"}


@dataclass(frozen=True, slots=True)
class Portion:
    """One paragraph, list item, heading, code block or table of a Markdown field."""

    code: str | None  # the mark when the portion begins with "(CODE)" and CODE is on the ladder
    text: str         # the portion as stored, its "(CODE) " prefix included
    body: str         # the text without the mark
    start: int        # offsets into the field's text
    end: int
    unknown: str | None = None  # "X" when it begins with "(X)" and X is not on the ladder


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    from markdown_it import MarkdownIt

    # the same block rules as briefing/pdf/markdown.py: CommonMark with tables, no raw HTML
    return MarkdownIt("commonmark", {"html": False, "maxNesting": 60}).enable(["table", "strikethrough"])


def _line_starts(text: str) -> list[int]:
    """The offset of every line's first character, plus the text's length at the end."""
    starts = [0]
    starts.extend(m.end() for m in _LINE_BREAK.finditer(text))
    starts.append(len(text))
    return starts


def looks_like_code(code: str) -> bool:
    """Whether ``(code)`` reads as a marking (``(S)``, ``(秘)``) rather than ``(a)``, ``(1)``."""
    return not any(c.islower() for c in code) and not code.isdigit() and "." not in code


def _mark_at(text: str, offset: int, ladder: Ladder) -> tuple[str | None, str | None, int]:
    """(code, unknown, length of the mark and its spaces) for a mark that begins at ``offset``."""
    match = MARK.match(text, offset)
    if match is None:
        return None, None, 0
    code = match.group(1)
    length = match.end() - offset
    while offset + length < len(text) and text[offset + length] in " \t":
        length += 1
    if code in ladder:
        return code, None, length
    return None, (code if looks_like_code(code) else None), 0


def _content_offset(text: str, line_start: int, line_end: int, token: Token) -> int:
    """Where the portion's own words begin on its first line (after indents, ``>``, ``-``, ``|``)."""
    i = line_start
    while i < line_end:
        c = text[i]
        if c in " \t>":
            i += 1
        elif token.type == "list_item_open" and c in "-*+" \
                and (i + 1 == line_end or text[i + 1] in " \t"):
            i += 1  # a bullet ("- - (C) x" is two lists on one line: the mark is both items')
        elif token.type == "list_item_open" and c.isdigit():
            j = i
            while j < line_end and text[j].isdigit():
                j += 1
            if j < line_end and text[j] in ".)":
                i = j + 1
            else:
                break
        elif token.type == "heading_open" and c == "#":
            i += 1
        elif token.type == "table_open" and c == "|":
            i += 1
        else:
            break
    return i


def _spans(markdown: str) -> list[tuple[Token, int, int, int]]:
    """(opening token, first line, own last line, whole last line) of every portion, in order."""
    tokens = _parser().parse(markdown)
    spans: list[tuple[Token, int, int, int]] = []
    open_items: list[int] = []  # indexes into spans of the list items still open
    depth_in_item: list[bool] = []  # whether the item's own text was already taken
    for token in tokens:
        if token.type == "list_item_open" and token.map:
            if open_items:
                _close_own(spans, open_items[-1], token.map[0])
            spans.append((token, token.map[0], token.map[1], token.map[1]))
            open_items.append(len(spans) - 1)
            depth_in_item.append(False)
        elif token.type == "list_item_close":
            open_items.pop()
            depth_in_item.pop()
        elif token.type in _BLOCKS and token.map:
            if open_items and not depth_in_item[-1]:
                depth_in_item[-1] = True  # the item's first block is the item itself
                continue
            if open_items:
                continue  # a later paragraph of a loose item belongs to the item
            spans.append((token, token.map[0], token.map[1], token.map[1]))
    return spans


def _close_own(spans: list[tuple[Token, int, int, int]], index: int, line: int) -> None:
    """A nested list begins at ``line``: the item's own text ends there (its children are theirs)."""
    token, first, own, whole = spans[index]
    if own > line:
        spans[index] = (token, first, max(first + 1, line), whole)


def portions(markdown: str, ladder: Ladder) -> list[Portion]:
    """The paragraphs, list items, headings, code blocks and tables of ``markdown``, in order."""
    return [portion for portion, _, _ in _located(markdown, ladder)]


def _located(markdown: str, ladder: Ladder) -> Iterator[tuple[Portion, int, int]]:
    """Each portion with where its mark is (or would go) and the length of the mark there, its
    spaces included (an unknown "(X) " counted too: setting a marking replaces it)."""
    if not markdown or not markdown.strip():
        return
    starts = _line_starts(markdown)
    last_line = len(starts) - 2
    for token, first, own, _whole in _spans(markdown):
        first = min(first, last_line)
        start = starts[first]
        end = starts[min(own, last_line + 1)]
        while end > start and markdown[end - 1] in " \t\r\n":
            end -= 1
        if end <= start:
            continue
        line_end = starts[first + 1]
        while line_end > start and markdown[line_end - 1] in "\r\n":
            line_end -= 1
        if token.type in ("fence", "code_block"):
            # a code block's first line of code decides (the fence line is only the fence)
            code_line = first + 1 if token.type == "fence" else first
            if code_line > last_line:
                yield Portion(None, markdown[start:end], markdown[start:end], start, end), start, 0
                continue
            offset = starts[code_line]
            while offset < len(markdown) and markdown[offset] in " \t":
                offset += 1
        else:
            offset = _content_offset(markdown, start, line_end, token)
        code, unknown, length = _mark_at(markdown, offset, ladder)
        text = markdown[start:end]
        body = text if not code else markdown[start:offset] + markdown[offset + length:end]
        if unknown:
            length = len(unknown) + 2
            while offset + length < len(markdown) and markdown[offset + length] in " \t":
                length += 1
        yield Portion(code, text, body, start, end, unknown), offset, length


def mark_edits(markdown: str, start: int, end: int, code: str | None,
               ladder: Ladder) -> list[tuple[int, int, str]]:
    """The edits that give every portion touching ``markdown[start:end]`` (the paragraph at
    ``start`` when the range is empty) the marking ``code`` (None: no mark), as (from, to,
    replacement), last first, so that each applies to the text the ones before it left."""
    edits: list[tuple[int, int, str]] = []
    for portion, offset, length in _located(markdown, ladder):
        if start == end:
            touches = portion.start <= start <= portion.end
        else:
            touches = portion.start < end and start < portion.end
        if not touches or (portion.code == code and not portion.unknown):
            continue
        edits.append((offset, offset + length, f"({code}) " if code else ""))
    return edits[::-1]


def effective(portion: Portion, default: str) -> str:
    """The portion's marking: its own mark, or ``default`` (the meeting's sensitivity)."""
    return portion.code or default


def rank(code: str, ladder: Ladder) -> int:
    """``code``'s step on the ladder (0 the lowest); a code not on it ranks below every step."""
    try:
        return ladder.codes.index(code)
    except ValueError:
        return -1


def highest(codes: Iterable[str], ladder: Ladder) -> str:
    """The highest of ``codes`` in ladder order (unknown codes rank lowest); the lowest step if none."""
    best: str | None = None
    for code in codes:
        if best is None or rank(code, ladder) > rank(best, ladder):
            best = code
    return best if best is not None else ladder.lowest.code


def field_highest(markdown: str, default: str, ladder: Ladder) -> str | None:
    """The highest marking of a field's portions, or None for an empty field."""
    found = portions(markdown or "", ladder)
    if not found:
        return None
    return highest((effective(p, default) for p in found), ladder)


def _removal_ranges(markdown: str, ladder: Ladder, up_to: str,
                    default: str) -> tuple[list[tuple[int, int]], int]:
    """The character ranges to cut (a portion, its nested children, its separator) and how many."""
    starts = _line_starts(markdown)
    last_line = len(starts) - 2
    limit = rank(up_to, ladder)
    spans = _spans(markdown)
    found = portions(markdown, ladder)
    by_start = {p.start: p for p in found}
    ranges: list[tuple[int, int]] = []
    removed = 0
    covered_until = -1
    for _token, first, _own, whole in spans:
        start = starts[min(first, last_line)]
        portion = by_start.get(start)
        if portion is None:
            continue
        if start < covered_until:
            removed += 1  # a child of a withheld item goes with it
            continue
        if rank(effective(portion, default), ladder) <= limit:
            continue
        removed += 1
        end = starts[min(whole, last_line + 1)]
        while end > start and markdown[end - 1] in " \t\r\n":
            end -= 1
        covered_until = end
        ranges.append((start, end))
    return ranges, removed


def keep_up_to(markdown: str, up_to: str, default: str, ladder: Ladder) -> tuple[str, int]:
    """``markdown`` without every portion marked above ``up_to``, and how many were removed.

    A removed portion goes with its text, its mark and its nested list items; the
    kept portions stay byte-for-byte as they were, with their separators.
    """
    if not markdown or not markdown.strip():
        return markdown, 0
    ranges, removed = _removal_ranges(markdown, ladder, up_to, default)
    if not ranges:
        return markdown, 0
    found = portions(markdown, ladder)
    starts_after = sorted(p.start for p in found)
    pieces: list[str] = []
    cursor = 0
    for start, end in ranges:
        pieces.append(markdown[cursor:start])
        # the separator after a removed portion goes with it (up to the next portion's start)
        following = [s for s in starts_after if s >= end]
        cursor = following[0] if following else len(markdown)
    pieces.append(markdown[cursor:])
    result = "".join(pieces)
    if cursor == len(markdown):
        # the last portion went: drop the separator left dangling, keep the text's own ending
        trailing = markdown[len(markdown.rstrip()):]
        result = result.rstrip() + (trailing if result.strip() else "")
    return result, removed


def texts_highest(texts: Iterable[str], default: str, ladder: Ladder) -> str:
    """The highest marking among the portions of ``texts`` (unmarked ones carry ``default``)."""
    best = default
    above = [code for code in ladder.codes if rank(code, ladder) > rank(best, ladder)]
    for text in texts:
        if not above:
            break
        if not any(f"({code})" in text for code in above):
            continue  # nothing above the best so far can be in it: no need to parse it
        found = field_highest(text, default, ladder)
        if found is not None and rank(found, ladder) > rank(best, ladder):
            best = found
            above = [code for code in above if rank(code, ladder) > rank(best, ladder)]
    return best
