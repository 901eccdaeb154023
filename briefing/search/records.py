"""What a search returns: hits (a field that matched, with its excerpt and match positions),
grouped by meeting, newest round first."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

Span = tuple[int, int]


@dataclass(frozen=True, slots=True)
class SearchHit:
    """One field that matched a search: where it is, an excerpt with the matches, its rank.

    ``entity`` is the kind of row (``meeting``, ``agenda_item``, ``note``,
    ``source``, ``action``, ``person``, ``issue``) and ``field`` its field
    (``their_position``, ``outcome``, ``bio``…). ``matches`` are the matched
    words' (start, end) offsets in the field's full text (to select them when
    jumping to the field); ``marks`` the same within ``snippet``. ``rank``:
    lower is better (BM25; 0 for every hit of the portable search).
    """

    meeting_id: int | None
    meeting_title: str | None
    entity: str
    entity_id: int
    field: str
    field_label: str
    context: str
    note_id: int | None
    issue_id: int | None
    snippet: str
    marks: tuple[Span, ...]
    matches: tuple[Span, ...]
    rank: float

    def snippet_with_marks(self, open: str = "[", close: str = "]") -> str:
        """The snippet with ``open``/``close`` around each match (no escaping: plain text)."""
        out, at = [], 0
        for start, end in self.marks:
            out += [self.snippet[at:start], open, self.snippet[start:end], close]
            at = end
        out.append(self.snippet[at:])
        return "".join(out)


@dataclass(frozen=True, slots=True)
class SearchGroup:
    """The hits of one meeting (or of the people directory, or of the issue library)."""

    meeting_id: int | None
    title: str
    starts_at: datetime | None
    round_no: int | None
    hits: tuple[SearchHit, ...]


@dataclass(frozen=True, slots=True)
class SearchResults:
    """A page of results grouped by meeting, newest round first; ``more`` when more matched."""

    text: str
    groups: tuple[SearchGroup, ...]
    more: bool = False

    @property
    def hits(self) -> tuple[SearchHit, ...]:
        """Every hit, in the order the groups show them."""
        return tuple(hit for group in self.groups for hit in group.hits)
