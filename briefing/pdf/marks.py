"""Computed markings in the book: what each page, each paper and the whole book carries.

A portion that begins with ``(CODE)`` prints its mark in front of it as typed. The
Markdown renderer puts a ``PortionMark`` (a flowable of no size) before each marked
portion and a closing one after the text; when a mark is drawn, the document
template (``templates.BookTemplate``) notes it for the page, and a portion that runs
on to the next page is noted there too. Each page's banner is then the highest of
what was noted on it and of the meeting's own sensitivity (the marking of unmarked
text), drawn at the end of the layout. This works the same when parts of the book
are laid out by other processes (``parallel.py``): each lays out and bands its own
pages.

The cover carries the highest marking of the whole book (``book_highest``, read from
the ``Brief`` before layout, so it is known on page 1), and so do the PDF's metadata;
the contents give each paper's highest (``note_highest``).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator

from reportlab.platypus import Flowable

from briefing.markings.ladder import Ladder
from briefing.markings.portions import highest, portions, texts_highest
from briefing.notes.records import NoteRecord
from briefing.vocabulary import NOTE_FIELDS

#: Where a field's text ends: no mark stays open past it.
CLOSE: str | None = None


class PortionMark(Flowable):
    """Takes no room; when drawn, tells the document that ``code`` appears on this page from here
    (None: the marked text ended)."""

    _ZEROSIZE = True

    def __init__(self, code: str | None) -> None:
        super().__init__()
        self.code = code
        self.width = self.height = 0
        # a mark goes with the text it marks (to the next page, if that is where the text begins;
        # and a heading before it stays kept with the text); the end of the text stays where it is
        self.keepWithNext = code is not None

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        # drawn in the story's frame, and inside tables and kept groups too (their cells are
        # drawn by the table, with no afterFlowable call for them)
        doc = getattr(self.canv, "_doctemplate", None)
        noted = getattr(doc, "note_marking", None)
        if noted is not None:
            noted(self.code)

    def __repr__(self) -> str:
        return f"PortionMark({self.code!r})"


def marked_lines(text: str, ladder: Ladder) -> dict[int, str]:
    """The line (0-based) on which each marked portion of ``text`` begins → its code."""
    if "(" not in text:
        return {}
    found = [p for p in portions(text, ladder) if p.code is not None]
    if not found:
        return {}
    result: dict[int, str] = {}
    line, offset = 0, 0
    for p in found:
        line += _breaks(text, offset, p.start)
        offset = p.start
        result[line] = p.code  # type: ignore[assignment]
    return result


def _breaks(text: str, start: int, end: int) -> int:
    """How many line breaks (CR LF, CR or LF, as markdown-it counts them) ``text[start:end]`` holds."""
    piece = text[start:end]
    return piece.count("\n") + piece.count("\r") - piece.count("\r\n")


class PageMarks:
    """The markings noted on each page while a book (or a part of it) is laid out."""

    def __init__(self, ladder: Ladder, floor: str) -> None:
        self.ladder = ladder
        self.floor = floor          # the marking of unmarked text: the meeting's sensitivity
        self.pages: dict[int, set[str]] = {}
        self.open: str | None = None

    def note(self, page: int, code: str | None) -> None:
        """``code`` appears on ``page`` from here on (None: the marked text ended)."""
        self.open = code
        if code is not None:
            self.pages.setdefault(page, set()).add(code)

    def page_began(self, page: int) -> None:
        """A new page: a portion still open runs on to it."""
        if self.open is not None:
            self.pages.setdefault(page, set()).add(self.open)

    def banner(self, page: int) -> str:
        """The highest marking on ``page`` (never below the floor)."""
        return highest([self.floor, *self.pages.get(page, ())], self.ladder)


def _texts(value: object, depth: int = 0) -> Iterator[str]:
    """Every string inside a frozen record (dataclasses, tuples, lists, dicts), depth first."""
    if isinstance(value, str):
        yield value
    elif depth > 8:
        return
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        for f in dataclasses.fields(value):
            yield from _texts(getattr(value, f.name), depth + 1)
    elif isinstance(value, dict):
        for item in value.values():
            yield from _texts(item, depth + 1)
    elif isinstance(value, (list, tuple, set, frozenset)):
        for item in value:
            yield from _texts(item, depth + 1)


#: The last brief ``book_highest`` read, its ladder and its answer: a book laid out part by part
#: (``incremental.py``) asks once per part for the same brief, which it need read only once.
_last_highest: tuple[object, tuple[str, ...], str] | None = None
#: The highest marking of each item of the brief last read (a note, a participant, the meeting…)
#: by its content: the brief read again after a word was typed is new, but all its items except
#: one are equal to the last one's, and need not be read again. Only the last brief's items are
#: kept, so a long note typed into many times is not kept in every version.
_item_highest: dict[tuple, str] = {}


def book_highest(brief: object, ladder: Ladder) -> str:
    """The highest marking anywhere in ``brief`` (every text it holds; unmarked text carries the
    meeting's sensitivity): what the cover and the metadata say."""
    global _last_highest
    last = _last_highest
    if last is not None and last[0] is brief and last[1] == ladder.codes:
        return last[2]
    default = brief.meeting.sensitivity  # type: ignore[attr-defined]
    if dataclasses.is_dataclass(brief):
        # the highest of the whole is the highest of its items' (each is ``default`` or above it)
        kept: dict[tuple, str] = {}
        above = {_highest_of(item, depth, default, ladder, kept) for item, depth in _items(brief)}
        _item_highest.clear()
        _item_highest.update(kept)
        found = highest([default, *sorted(above - {default})], ladder)
    else:
        found = texts_highest(_texts(brief), default, ladder)
    _last_highest = (brief, ladder.codes, found)
    return found


def _items(brief: object) -> Iterator[tuple[object, int]]:
    """The values of a brief, a list's or a mapping's one by one, each with its depth in it."""
    for f in dataclasses.fields(brief):  # type: ignore[arg-type]
        value = getattr(brief, f.name)
        if isinstance(value, dict):
            yield from ((item, 2) for item in value.values())
        elif isinstance(value, (list, tuple)):
            yield from ((item, 2) for item in value)
        else:
            yield value, 1


def _highest_of(item: object, depth: int, default: str, ladder: Ladder, kept: dict[tuple, str]) -> str:
    """The highest marking of the texts in ``item``, found by its content (by its type too:
    ``1`` and ``True`` are equal) among the last brief's items, and put in ``kept``."""
    try:
        key = (type(item), item, depth, default, ladder.codes)
        found = _item_highest.get(key)
    except TypeError:  # a list or a set inside: nothing to find it by
        return texts_highest(_texts(item, depth), default, ladder)
    if found is None:
        found = texts_highest(_texts(item, depth), default, ladder)
    kept[key] = found
    return found


def note_highest(note: NoteRecord, default: str, ladder: Ladder) -> str:
    """The highest marking of a note's sections: what the contents say beside its paper."""
    return texts_highest((getattr(note, name) for name in NOTE_FIELDS), default, ladder)
