"""What changed between two texts, word by word: runs of equal, inserted and deleted text.

An interim, small version of the word diff the round-to-round view needs; its
names (``word_diff``, ``DiffRun``, ``EQUAL``/``INSERT``/``DELETE``) match the
fuller ``briefing.diff`` so that callers switch by changing one import.
Words are runs of letters and digits; each CJK character is a word of its own
(Japanese has no spaces); white space and punctuation are tokens too, so the
runs rebuild both texts exactly.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher

EQUAL = "equal"
INSERT = "insert"
DELETE = "delete"

_CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff66-\uff9f"
_TOKEN = re.compile(f"\\s+|[{_CJK}]|[^\\W_{_CJK}]+|.", re.DOTALL)
#: Above this many token pairs a changed stretch is shown as deleted then inserted whole
#: (difflib is quadratic in the worst case; a 50-page paste must not freeze the view).
MAX_PAIRS = 4_000_000


@dataclass(frozen=True, slots=True)
class DiffRun:
    """A stretch of text that is in both versions, only in the new one, or only in the old."""

    kind: str
    text: str


def tokens(text: str) -> list[str]:
    """Words, single CJK characters, runs of white space and single other characters."""
    return _TOKEN.findall(text)


def _diff_tokens(old: list[str], new: list[str]) -> list[DiffRun]:
    if len(old) * len(new) > MAX_PAIRS:
        return [DiffRun(DELETE, "".join(old)), DiffRun(INSERT, "".join(new))]
    runs = []
    for op, a1, a2, b1, b2 in SequenceMatcher(None, old, new, autojunk=False).get_opcodes():
        if op == "equal":
            runs.append(DiffRun(EQUAL, "".join(old[a1:a2])))
            continue
        if a2 > a1:
            runs.append(DiffRun(DELETE, "".join(old[a1:a2])))
        if b2 > b1:
            runs.append(DiffRun(INSERT, "".join(new[b1:b2])))
    return runs


def word_diff(old: str, new: str) -> tuple[DiffRun, ...]:
    """The runs that turn ``old`` into ``new``: lines first, then words within changed lines."""
    old_lines, new_lines = old.splitlines(keepends=True), new.splitlines(keepends=True)
    runs: list[DiffRun] = []
    for op, a1, a2, b1, b2 in SequenceMatcher(None, old_lines, new_lines, autojunk=False).get_opcodes():
        before, after = "".join(old_lines[a1:a2]), "".join(new_lines[b1:b2])
        if op == "equal":
            runs.append(DiffRun(EQUAL, before))
        else:
            runs += _diff_tokens(tokens(before), tokens(after))
    return _regroup(runs)


def _regroup(runs: list[DiffRun]) -> tuple[DiffRun, ...]:
    """Whole phrases rather than alternating words: a lone space between two changes joins
    them, and each changed stretch reads as its deleted words, then its inserted ones."""
    out: list[DiffRun] = []
    pending: dict[str, list[str]] = {DELETE: [], INSERT: []}

    def flush() -> None:
        for kind in (DELETE, INSERT):
            if pending[kind]:
                out.append(DiffRun(kind, "".join(pending[kind])))
                pending[kind] = []

    for i, run in enumerate(runs):
        between = 0 < i < len(runs) - 1 and runs[i - 1].kind != EQUAL and runs[i + 1].kind != EQUAL
        if run.kind == EQUAL and between and run.text.isspace():
            pending[DELETE].append(run.text)
            pending[INSERT].append(run.text)
        elif run.kind == EQUAL:
            flush()
            if out and out[-1].kind == EQUAL:
                out[-1] = DiffRun(EQUAL, out[-1].text + run.text)
            elif run.text:
                out.append(run)
        else:
            pending[run.kind].append(run.text)
    flush()
    return tuple(out)


def old_text(runs: tuple[DiffRun, ...]) -> str:
    """The old version, rebuilt from the runs."""
    return "".join(r.text for r in runs if r.kind != INSERT)


def new_text(runs: tuple[DiffRun, ...]) -> str:
    """The new version, rebuilt from the runs."""
    return "".join(r.text for r in runs if r.kind != DELETE)
