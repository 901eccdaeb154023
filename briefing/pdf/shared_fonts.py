"""Font subsets shared by every file of a ``BookSession`` (``incremental.py``), and their tags.

Each part of a book is laid out into a file of its own; with ``SharedFonts`` a
character has the same code in every one of them, so the joined book embeds
each subset once (``font_id`` names a subset across files), and an appended
update (``appended.py``) can rewrite a subset that grew under its old object.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from reportlab.pdfbase import pdfmetrics, ttfonts

#: ReportLab's private names the shared subsets use, besides ``parallel.RELIED_ON``.
RELIED_ON: tuple[tuple[str, str], ...] = (
    ("reportlab.pdfbase.ttfonts", "TTFont.State"),
    ("reportlab.pdfbase.ttfonts", "TTFont._asciiReadable"),
)
#: Attributes of a ``TTFont.State`` the shared subsets read or reset.
STATE_ATTRIBUTES = ("assignments", "subsets", "nextCode", "internalName", "frozen")

#: Font subsets of one file are tagged within a block of this many numbers of its own.
SUBSETS_PER_FILE = 100
_BLOCKS = 1_000_000 // SUBSETS_PER_FILE     # tags are six letters of a six-digit number
NUMBERING_BLOCK = 0                         # the numbering file's block; parts take the others


class SharedFonts:
    """One set of subset assignments per TrueType font for every file of a session.

    ReportLab gives each document its own assignments (character → code in a
    subset of 256), made as characters are first drawn. Here every file of the
    session is handed the same ``TTFont.State`` per font (its per-file name
    and frozen flag reset), so codes only grow: a part laid out earlier still
    reads right with the subsets of the numbering file made last, which embed
    every character the session drew."""

    def __init__(self) -> None:
        self.states: dict[str, Any] = {}
        self.used: set[str] = set()
        self.generation = 0  # counts the resets: a file drawn before one reads wrong after it

    def reset(self) -> None:
        """Start afresh (no part of the last book is kept: no code needs to stay)."""
        self.states.clear()
        self.used.clear()
        self.generation += 1

    def bind(self, document) -> None:
        """Let ``document`` (a canvas's ``_doc``) draw with the shared assignments."""
        for name in pdfmetrics.getRegisteredFontNames():
            font = pdfmetrics.getFont(name)
            if not isinstance(font, ttfonts.TTFont):
                continue
            state = self.states.get(name)
            if state is None:
                state = self.states[name] = ttfonts.TTFont.State(font._asciiReadable, font)
            state.internalName = None
            state.frozen = 0
            font.state[document] = state

    def note_used(self) -> None:
        """After a file is written: remember the fonts it drew with (they had a name in it)."""
        self.used |= {name for name, state in self.states.items() if state.internalName is not None}

    def sizes(self) -> dict[tuple[str, str], int]:
        """How many characters each subset of the fonts drawn with holds, by ``font_id`` (a
        character's code is its subset's number × 256 + its place in it)."""
        found: dict[tuple[str, str], int] = {}
        for name in self.used:
            face = _face_name(name)
            for code in self.states[name].assignments.values():
                key = face, str(code >> 8)
                found[key] = found.get(key, 0) + 1
        return found

    def embed_all(self, document) -> None:
        """Make ``document`` embed every subset of every font the session has drawn with."""
        for name in sorted(self.used):
            font = pdfmetrics.getFont(name)
            for subset in range(len(self.states[name].subsets)):
                font.getSubsetInternalName(subset, document)



_tags_lock = threading.Lock()


@contextmanager
def subsets_in_block(block: int) -> Iterator[None]:
    """Font subsets written meanwhile are tagged within ``block`` (this process, under a lock)."""
    with _tags_lock:
        base = ttfonts.SUBSETN
        ttfonts.SUBSETN = lambda n: base(block * SUBSETS_PER_FILE + n % SUBSETS_PER_FILE)
        try:
            yield
        finally:
            ttfonts.SUBSETN = base


def free_block(used: set[int]) -> int:
    """The first block of subset tags not in ``used`` (the numbering file has block 0)."""
    for block in range(1, _BLOCKS):
        if block not in used:
            return block
    raise RuntimeError("too many parts in one book to tag their font subsets apart")



def font_id(key, font) -> tuple[str, str]:
    """A subset by its font and number: ``("NotoSans-Bold", "0")`` for ``/F2+0`` of
    ``/BAAAAA+NotoSans-Bold`` (the tag differs from file to file; the codes do not)."""
    return str(font.get("/BaseFont", "")).split("+", 1)[-1], str(key).rsplit("+", 1)[-1]


def _face_name(name: str) -> str:
    """The name a registered TrueType font's subsets carry after their tag (``NotoSans-Bold``)."""
    face = pdfmetrics.getFont(name).face
    return (face.name + face.subfontNameX).decode("latin-1")
