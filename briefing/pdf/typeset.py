"""The one place where user text becomes ReportLab paragraph markup.

Everything a user typed goes through ``Typesetter.markup``: it is escaped (so
``<b>``, ``<para>``, ``<img src=…>`` and ``&`` print as those characters and
never reach ReportLab's parser as markup), control characters become visible
control pictures (␀ ␛), each run of characters is set in the first shipped font that
has them, and a character no font has prints as a visible U+FFFD with a
warning that says which character and where. A control character (C0 but
tab, newline and CR; DEL; C1) is never dropped either: it prints as its
control picture (C1 ones, which have none, as U+FFFD), with a warning that
names it and its place. Nothing is dropped
silently except invisible formatting characters no font draws (zero-width
joiners, variation selectors), which no viewer would show either. Right-to-left
text stays in the order it was typed: ``BookParagraph`` draws each line in
visual order (``bidi.py``); Arabic letters are put in their joined forms
(``Family.join``); directional controls (RLO, LRE, LRI…) stay in the text for
the bidirectional algorithm, which leaves them out of what is drawn. Text is
normalised to NFC first, so a letter typed with a separate combining mark
prints as the one character the fonts have (e + U+0301 → é).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from briefing.pdf.fonts import FontChain

REPLACEMENT = "\ufffd"
#: At most this many warnings (one per character) are returned.
MAX_WARNINGS = 200

_XML = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;"})
# C0 controls other than tab/newline/CR map to their control pictures (U+2400…), DEL to ␡,
# C1 controls (no pictures) to U+FFFD.
_PICTURES = {code: chr(0x2400 + code) for code in range(0x20) if code not in (9, 10, 13)}
_PICTURES |= {0x7F: "\u2421", 9: " ", 10: " ", 13: " "}
_PICTURES |= dict.fromkeys(range(0x80, 0xA0), REPLACEMENT)
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f]")
#: Control characters that print as a mark (and are reported); tab, newline, CR are spaces.
_MARKED = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


@dataclass(frozen=True, slots=True)
class ExportWarning:
    """Something the reader of the book should know about one place in it."""

    where: str
    message: str

    def __str__(self) -> str:
        return f"{self.where}: {self.message}" if self.where else self.message


def escape(text: str) -> str:
    """Text → characters ReportLab's paragraph parser prints as they are (also in attributes)."""
    return text.translate(_XML)


def visible_controls(text: str) -> str:
    """Control characters → their control pictures (C1: U+FFFD); tab, newline and CR → a space."""
    if _CONTROL.search(text) is None:
        return text
    return text.translate(_PICTURES)


def describe(char: str) -> str:
    """``U+1F600 GRINNING FACE (😀)`` for a warning."""
    if unicodedata.category(char) == "Cc":
        return f"U+{ord(char):04X} (a control character)"
    return f"U+{ord(char):04X} {unicodedata.name(char, '(unnamed)')} ({char})"


def _ignorable(char: str) -> bool:
    code = ord(char)
    return (unicodedata.category(char) == "Cf" or 0xFE00 <= code <= 0xFE0F
            or 0xE0100 <= code <= 0xE01EF)


class Typesetter:
    """Turns user text into markup for one export, collecting its warnings."""

    def __init__(self, chain: FontChain) -> None:
        self.chain = chain
        self._places: dict[str, list[str]] = {}     # character without a glyph → where, in order
        self._other: list[ExportWarning] = []

    @property
    def warnings(self) -> tuple[ExportWarning, ...]:
        """One warning per character printed as the replacement mark, naming where it is."""
        out = []
        for char, places in self._places.items():
            more = len(places) - 1
            also = f" (also in {more} other place{'s' if more > 1 else ''}: {'; '.join(places[1:4])}"
            also += "; …)" if more > 3 else ")"
            if ord(char) in _PICTURES:
                what = f"{describe(char)} printed as {_PICTURES[ord(char)]}"
            else:
                what = f"{describe(char)} is in no font the book ships; printed as {REPLACEMENT}"
            out.append(ExportWarning(places[0], what + (also if more else "")))
        return tuple(out[:MAX_WARNINGS]) + tuple(self._other[:MAX_WARNINGS])

    def state(self) -> tuple[dict[str, list[str]], list[ExportWarning]]:
        """What the warnings are made of, to send to another process's ``absorb``."""
        return self._places, self._other

    def absorb(self, state: tuple[dict[str, list[str]], list[ExportWarning]]) -> None:
        """Add another typesetter's warnings (``state()``) to these, each place once."""
        places, other = state
        for char, wheres in places.items():
            for where in wheres:
                if where not in self._places.setdefault(char, []):
                    self._places[char].append(where)
        self._other += [warning for warning in other if warning not in self._other]

    def warn(self, where: str, message: str) -> None:
        """A warning about something other than a glyph (e.g. a table row cut by Markdown)."""
        self._other.append(ExportWarning(visible_controls(where), message))

    def plain(self, text: str) -> str:
        """User text for places without markup (outline entries, document metadata)."""
        return visible_controls(unicodedata.normalize("NFC", text))

    def mark_control(self, char: str, where: str) -> str:
        """The visible mark of control character ``char``, noted for a warning naming ``where``."""
        self._warn(char, where)
        return _PICTURES[ord(char)]

    def markup(self, text: str, where: str, *, bold: bool = False, italic: bool = False) -> str:
        """User text as paragraph markup, each run in the font that has it (see module doc)."""
        if not text.isascii():
            text = unicodedata.normalize("NFC", text)
        if _CONTROL.search(text) is not None:
            for char in dict.fromkeys(_MARKED.findall(text)):
                self._warn(char, where)
            text = text.translate(_PICTURES)
        chain = self.chain
        if not chain.needs_fallback(text):
            return text.translate(_XML)
        parts: list[str] = []
        for family, run in chain.runs(text):
            if family is chain.body:
                parts.append(run.translate(_XML))
            elif family is not None:
                if family.join is not None:
                    run = family.join(run)
                parts.append(f'<font name="{family.face(bold, italic)}">{run.translate(_XML)}</font>')
            else:
                parts.append(self._missing(run, where))
        return "".join(parts)

    def _missing(self, run: str, where: str) -> str:
        marks = []
        for char in run:
            if _ignorable(char):
                continue
            marks.append(REPLACEMENT)
            self._warn(char, where)
        return "".join(marks)

    def _warn(self, char: str, where: str) -> None:
        where = visible_controls(where)  # a place may quote user text
        places = self._places.setdefault(char, [])
        if where not in places:
            places.append(where)
