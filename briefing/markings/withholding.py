"""What a release copy does to one field: the pieces both kinds of release share.

A release (``briefing.markings.release`` for a brief, ``briefing.markings.document_release``
for an interchange document) keeps each Markdown field up to a marking with a
``Withholding``, which counts the portions it removed; names the Markdown fields of
each kind of record; never says a marking above the one it was released up to
(``capped``); and keeps the number of a source that only withheld text cited, but
not what it was (``withheld_sources``, ``WITHHELD_SOURCE``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from briefing.errors import ValidationError
from briefing.markings.ladder import Ladder
from briefing.markings.portions import keep_up_to, rank

#: The Markdown fields of an agenda item: its outcome, its meeting record, its scenario's points.
AGENDA_TEXT = ("outcome", "record", "agreed", "open_points", "points")
#: The Markdown fields of a Q&A bank entry and of a position.
QA_TEXT = ("question", "answer")
POSITION_TEXT = ("ours", "theirs")

#: A source only withheld portions cited: its number stays (the kept text's ``[n]`` still point
#: right), what it was does not.
WITHHELD_SOURCE = {"title": "(withheld)", "publisher": "", "date": "", "url": ""}
_SOURCE_REF = re.compile(r"\[(\d{1,3})\]")  # as the book reads ``[n]`` (briefing/pdf/mdinline.py)


def check_up_to(up_to: str, ladder: Ladder) -> str:
    """``up_to`` when it is a code of ``ladder``; otherwise a ``ValidationError`` naming the codes."""
    if up_to not in ladder:
        codes = ", ".join(ladder.codes)
        raise ValidationError("up-to", f"{up_to!r} is not a marking on the ladder; choose one of {codes}")
    return up_to


class Withholding:
    """Applies ``keep_up_to`` with one default and counts what it withheld."""

    def __init__(self, up_to: str, default: str, ladder: Ladder) -> None:
        # a marking not on the ladder (none should be: the ladder refuses to orphan one) is
        # taken as its top, so that unmarked text under it is withheld rather than released
        default = default if default in ladder else ladder.codes[-1]
        self.up_to, self.default, self.ladder = up_to, default, ladder
        self.withheld = 0

    def keep(self, markdown: str) -> tuple[str, bool]:
        """The kept text, and whether the field lost everything it had (it had some, none is left)."""
        kept, removed = keep_up_to(markdown, self.up_to, self.default, self.ladder)
        self.withheld += removed
        return kept, removed > 0 and not kept.strip()


def capped(code: str, up_to: str, ladder: Ladder) -> str:
    """``code``, or ``up_to`` when ``code`` is above it (or not on the ladder): a release never
    says more than ``up_to``."""
    return up_to if code not in ladder or rank(code, ladder) > rank(up_to, ladder) else code


def withheld_sources(before: Iterable[str], after: Iterable[str]) -> set[int]:
    """The numbers of the sources cited in ``before`` (a note's sections) and no longer in
    ``after`` (the same released)."""
    def cited(texts: Iterable[str]) -> set[int]:
        return {int(m.group(1)) for text in texts for m in _SOURCE_REF.finditer(text or "")}

    return cited(before) - cited(after)
