"""Placing a tracked change in the note as it is now, and applying the accepted ones.

Word shows a note's Markdown as formatted text, so ``**largely**`` in the note is
``largely`` in the file. A change is found again by the text around it as the file was
sent out (``TrackedChange.before``/``after``), matched against the note's Markdown
with markup allowed between the letters (``*``, ``_``, ``~``, `````, a link's target) and
list, quote and table markers where the text has white space. The widest context that
matches exactly once wins; a change whose text is not found once — the note has moved
on there, or the text is now ambiguous — is a conflict, never a guess.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from briefing.word.records import DELETION, ReviewItem, TrackedChange

#: Markup that may stand between two letters of the text Word shows.
_GAP = r"(?:[*_~`\\\[]|\]\([^)\s]*\))*"
#: What white space in Word's text may be in the Markdown: list and quote markers, table bars.
_SPACE_PART = r"(?:[\s*_~`|>#+\-:]|\d{1,3}[.)](?=\s))"
_SPACE = rf"{_SPACE_PART}*\s{_SPACE_PART}*"
_LEAD = rf"{_SPACE_PART}*"
#: Context widths tried, widest first.
_WIDTHS = (48, 24, 12)
#: A line that is a list item: its marker, for a paragraph inserted inside a list.
_LIST_ITEM = re.compile(r"^(\s*)([-*+]|\d{1,9}[.)])(\s+)")
#: Markup that is left empty after a deletion (``****``) is removed with it.
_PAIRS = ("**", "__", "~~", "*", "_", "`")


def pattern(text: str) -> str:
    """A regular expression for ``text`` as Word shows it, matching its Markdown."""
    out: list[str] = []
    previous_space = None
    for part in re.findall(r"\s+|\S", text):
        if part.isspace():
            out.append(_SPACE)
        else:
            if previous_space is False:
                out.append(_GAP)
            out.append(re.escape(part))
        previous_space = part.isspace()
    return "".join(out)


def _unique(regex: re.Pattern[str], markdown: str) -> re.Match[str] | None:
    first = regex.search(markdown)
    if first is None:
        return None
    second = regex.search(markdown, first.start() + 1)
    return None if second is not None else first


def already_made(markdown: str, change: TrackedChange) -> bool:
    """Whether the note already reads as the change would make it (applied before, or typed)."""
    width = _WIDTHS[1]
    before, after = change.before[-width:], change.after[:width]
    if not (before or after):
        return False
    head = r"\A" + _LEAD if len(change.before) < width else ""
    tail = _LEAD + r"\Z" if len(change.after) < width else ""

    def once(text: str) -> bool:
        return _unique(re.compile(head + pattern(text) + tail), markdown) is not None

    if change.kind == DELETION:
        return once(before + after) and not once(before + change.text + after)
    return once(before + change.text + after) and not once(before + after)


def locate(markdown: str, change: TrackedChange) -> tuple[int, int] | str:
    """``(start, end)`` of ``change`` in ``markdown`` (equal for an insertion), or why not."""
    if already_made(markdown, change):
        return "the note already reads so (applied before?)"
    target = change.text if change.kind == DELETION else ""
    for width in _WIDTHS:
        before = change.before[-width:] if change.before else ""
        after = change.after[:width]
        anchored_start = width == _WIDTHS[0] and len(change.before) < width
        anchored_end = width == _WIDTHS[0] and len(change.after) < width
        parts = [r"\A" + _LEAD if anchored_start else "", f"(?P<b>{pattern(before)})",
                 _GAP if before and target and not before[-1].isspace() else "",
                 f"(?P<t>{pattern(target)})",
                 _GAP if (before or target) and after and not after[0].isspace() else "",
                 f"(?P<a>{pattern(after)})", _LEAD + r"\Z" if anchored_end else ""]
        if not before and not target and not after:
            return "the note's section is empty now" if markdown.strip() else (0, 0)
        try:
            regex = re.compile("".join(parts))
        except re.error:  # pragma: no cover - every piece is escaped
            continue
        match = _unique(regex, markdown)
        if match is None:
            if regex.search(markdown) is not None and width == _WIDTHS[-1]:
                return "the text around it appears more than once in the note now"
            continue
        if change.kind == DELETION:
            return match.start("t"), match.end("t")
        return match.end("b"), match.end("b")
    return "the note has changed there since the file was sent out"


def place(markdown: str, change: TrackedChange) -> ReviewItem:
    """``change`` placed in ``markdown`` (the current text of its section), or a conflict."""
    found = locate(markdown, change)
    if isinstance(found, str):
        return ReviewItem(change, None, None, found)
    return ReviewItem(change, found[0], found[1])


def apply(markdown: str, items: Iterable[ReviewItem]) -> str:
    """``markdown`` with the accepted ``items`` applied (all placed in this same text)."""
    edits = sorted((i for i in items if not i.conflict), key=lambda i: (i.start, i.end), reverse=True)
    text = markdown
    limit = len(text) + 1
    for item in edits:
        if item.end > limit:  # overlapping edits: the caller marks them as conflicts first
            continue
        if item.change.kind == DELETION:
            text = _delete(text, item.start, item.end)
        else:
            text = text[:item.start] + _inserted(text, item.start, item.change) + text[item.start:]
        limit = item.start
    return text


def overlapping(items: Iterable[ReviewItem]) -> set[int]:
    """The numbers of placed items whose spans overlap an earlier one (to show as conflicts)."""
    taken: list[tuple[int, int]] = []
    out = set()
    for item in sorted((i for i in items if not i.conflict), key=lambda i: i.change.number):
        span = (item.start, item.end)
        if any(s < span[1] and span[0] < e for s, e in taken):
            out.add(item.change.number)
        else:
            taken.append(span)
    return out


def _delete(text: str, start: int, end: int) -> str:
    for pair in _PAIRS:  # "**bold**" all deleted leaves no "****"
        if text[start - len(pair):start] == pair and text[end:end + len(pair)] == pair:
            start, end = start - len(pair), end + len(pair)
            break
    return text[:start] + text[end:]


def _inserted(text: str, at: int, change: TrackedChange) -> str:
    words = change.text
    core = words.strip()
    if core and "\n" not in core and (change.bold or change.italic):
        mark = "**" if change.bold else "*"
        if change.bold and change.italic:
            mark = "***"
        lead = words[:len(words) - len(words.lstrip())]
        trail = words[len(words.rstrip()):]
        words = f"{lead}{mark}{core}{mark}{trail}"
    if "\n\n" in words:  # a paragraph added inside a list is an item of that list
        line = text[:at].rsplit("\n", 1)[-1]
        item = _LIST_ITEM.match(line)
        if item:
            indent, marker, space = item.groups()
            words = words.replace("\n\n", "\n" + indent + marker + space)
    return words
