"""A readable word-level diff of two texts: runs of equal, inserted and deleted text.

Usable by a GUI (colour the runs) and the PDF builder (strike and underline).
Lines are compared first and only changed lines are compared word by word, which
keeps a 50-page paste cheap and the result readable. Words are runs of letters
and digits; each CJK character is a word of its own (Japanese has no spaces);
white space and punctuation are tokens too, so joining the runs gives the texts
back exactly: ``old_text(runs) == old`` and ``new_text(runs) == new``.

With ``whole_words=True`` a word is everything between white space (but each CJK
character is still one), so that "U.S." or "WTO's" is changed whole or not at
all: the mode for print, where a half-changed word reads as a typo.

A change is shown as whole words deleted then inserted, and a lone space
between two changes is folded into them (``~~a b~~ ++c d++`` rather than
``~~a~~ ++c++ ~~b~~ ++d++``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher

from db.search.text import CJK_RANGES

EQUAL = "equal"
INSERT = "insert"
DELETE = "delete"

_TOKEN = re.compile(f"\\s+|[{CJK_RANGES}]|[^\\W_{CJK_RANGES}]+|.", re.DOTALL)
_WHOLE_WORD = re.compile(f"\\s+|[{CJK_RANGES}]|[^\\s{CJK_RANGES}]+", re.DOTALL)
#: Above this many token pairs a changed block is shown as deleted then inserted whole
#: (difflib is quadratic in the worst case).
MAX_PAIRS = 4_000_000


@dataclass(frozen=True, slots=True)
class DiffRun:
    """A stretch of text that is the same in both versions, only in the new one, or only in the old."""

    kind: str
    text: str


def tokens(text: str, whole_words: bool = False) -> list[str]:
    """The diff's tokens: words, single CJK characters, white space, single other characters
    (``whole_words``: everything between white space is one word, CJK characters one each)."""
    return (_WHOLE_WORD if whole_words else _TOKEN).findall(text)


def _diff_tokens(old: Sequence[str], new: Sequence[str]) -> list[DiffRun]:
    if len(old) * len(new) > MAX_PAIRS:
        return [DiffRun(DELETE, "".join(old)), DiffRun(INSERT, "".join(new))]
    runs: list[DiffRun] = []
    matcher = SequenceMatcher(None, old, new, autojunk=False)
    for op, a1, a2, b1, b2 in matcher.get_opcodes():
        if op == "equal":
            runs.append(DiffRun(EQUAL, "".join(old[a1:a2])))
            continue
        if a2 > a1:
            runs.append(DiffRun(DELETE, "".join(old[a1:a2])))
        if b2 > b1:
            runs.append(DiffRun(INSERT, "".join(new[b1:b2])))
    return runs


def _fold_lone_spaces(runs: list[DiffRun]) -> list[DiffRun]:
    """An equal run of only white space between two changes becomes part of both."""
    out: list[DiffRun] = []
    for i, run in enumerate(runs):
        between = 0 < i < len(runs) - 1 and runs[i - 1].kind != EQUAL and runs[i + 1].kind != EQUAL
        if run.kind == EQUAL and between and run.text.isspace():
            out += [DiffRun(DELETE, run.text), DiffRun(INSERT, run.text)]
        else:
            out.append(run)
    return out


def _regroup(runs: list[DiffRun]) -> tuple[DiffRun, ...]:
    """Merge neighbours of one kind; within each changed stretch, deletions first."""
    out: list[DiffRun] = []
    pending = {DELETE: [], INSERT: []}

    def flush() -> None:
        for kind in (DELETE, INSERT):
            if pending[kind]:
                out.append(DiffRun(kind, "".join(pending[kind])))
                pending[kind] = []

    for run in runs:
        if not run.text:
            continue
        if run.kind == EQUAL:
            flush()
            if out and out[-1].kind == EQUAL:
                out[-1] = DiffRun(EQUAL, out[-1].text + run.text)
            else:
                out.append(run)
        else:
            pending[run.kind].append(run.text)
    flush()
    return tuple(out)


def _slide_to_word_starts(runs: tuple[DiffRun, ...]) -> tuple[DiffRun, ...]:
    """A lone insertion or deletion that starts with the space the next run also starts with is
    moved one space on, so that it starts at a word (``seeks {+full +}removal``, not ``seeks{+ full+}``)."""
    out = list(runs)
    for i in range(1, len(out) - 1):
        before, change, after = out[i - 1], out[i], out[i + 1]
        if before.kind != EQUAL or after.kind != EQUAL or change.kind == EQUAL:
            continue
        shift = 0
        while (shift < len(change.text) and shift < len(after.text) and change.text[shift].isspace()
               and change.text[shift] == after.text[shift]):
            shift += 1
        if shift and shift < len(after.text):
            out[i - 1] = DiffRun(EQUAL, before.text + change.text[:shift])
            out[i] = DiffRun(change.kind, change.text[shift:] + after.text[:shift])
            out[i + 1] = DiffRun(EQUAL, after.text[shift:])
    return tuple(out)


def word_diff(old: str, new: str, whole_words: bool = False) -> tuple[DiffRun, ...]:
    """The runs that turn ``old`` into ``new``, word by word within changed lines.

    ``whole_words``: punctuation belongs to the word it touches (see the module doc).
    """
    if old == new:
        return (DiffRun(EQUAL, old),) if old else ()
    old_lines = old.splitlines(keepends=True)
    new_lines = new.splitlines(keepends=True)
    runs: list[DiffRun] = []
    matcher = SequenceMatcher(None, old_lines, new_lines, autojunk=False)
    for op, a1, a2, b1, b2 in matcher.get_opcodes():
        before, after = "".join(old_lines[a1:a2]), "".join(new_lines[b1:b2])
        if op == "equal":
            runs.append(DiffRun(EQUAL, before))
        else:
            runs += _diff_tokens(tokens(before, whole_words), tokens(after, whole_words))
    return _slide_to_word_starts(_regroup(_fold_lone_spaces(runs)))
