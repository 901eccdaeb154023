"""BM25 for a bounded set of candidates, without FTS5 counting every match of every word.

FTS5's own ``bm25()`` needs, for each phrase of the query, the number of rows
that contain it (its IDF), and it counts them by reading the phrase's whole
doclist — 25 ms for "the" in a 100,000-note store, on every query, however
few rows are then scored. This module computes the same formula as FTS5's
``bm25()`` (k1 = 1.2, b = 0.75, column weights, ``-1 ×`` the sum, IDF floored
at 1e-6) for the candidates ``db.search.fts.search`` fetched, with:

* N and the average row length read from the index's own totals record
  (``fts_index_data`` id 1: varints of the row count and of the token count of
  each column; the documented FTS5 format), O(1);
* each term's row count read exactly while it is below ``DF_CAP`` (a bounded
  doclist walk), and above it estimated from how far back in rowid order the
  ``DF_CAP``-th match lies (rows are spread evenly over rowids). For such common
  words the IDF is small either way; the estimate keeps their order right;
* term frequencies counted in the candidates' stored token streams (the index
  content is already the normalised tokens of ``db.search.text``, so counting
  there is counting what FTS5 matched; a phrase repeating inside itself, like
  "a a" in "a a a", counts once per non-overlapping occurrence).

When every count is exact, the scores equal ``bm25()``'s (a test checks it).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import text
from sqlalchemy.orm import Session

from db.search.text import CJK, Term, bigrams

K1 = 1.2
B = 0.75
#: Up to this many matches a term's row count is exact.
DF_CAP = 1000


def _varints(blob: bytes) -> list[int]:
    """SQLite's varints (big-endian, 7 bits a byte, the 9th byte whole) one after another."""
    out, i = [], 0
    while i < len(blob):
        value = 0
        for j in range(9):
            byte = blob[i]
            i += 1
            if j == 8:
                value = (value << 8) | byte
                break
            value = (value << 7) | (byte & 0x7F)
            if not byte & 0x80:
                break
        out.append(value)
    return out


def _needle(term: Term) -> tuple[int, str, bool]:
    """(column, what to count in the column's padded text, whether it is a prefix) for a term.

    A column's tokens are padded (``_padded``) so that each has a space of its
    own on both sides: `` a  b `` holds `` a `` and `` b ``, and a phrase or a
    prefix is found with ``str.count``.
    """
    if term.kind == CJK:
        run = term.parts[0]
        if len(run) == 1:
            return 1, f" {run} ", False
        return 0, " " + "  ".join(bigrams(run)) + " ", False
    joined = "  ".join(term.parts)
    return 0, (f" {joined}" if term.prefix else f" {joined} "), term.prefix


def _padded(column: str) -> str:
    return " " + column.replace(" ", "  ") + " "


@dataclass(frozen=True, slots=True)
class Bm25:
    """The scoring of one query: its terms' needles and IDFs, and the index's average row length."""

    needles: tuple[tuple[int, str, bool], ...]
    idf: tuple[float, ...]
    avgdl: float
    weights: tuple[float, ...]

    @classmethod
    def prepare(cls, session: Session, table: str, terms: Sequence[Term], term_sql,
                weights: tuple[float, ...], matches: Sequence[int] | None = None) -> Bm25:
        """Read the totals and each term's row count (``term_sql(term)`` is its MATCH expression).

        ``matches``: when the query is one term alone, the rowids already fetched
        for it, newest first (all of them, or the first ``len(matches)``), which
        give its row count without another walk of its doclist.
        """
        blob = session.execute(text(f"SELECT block FROM {table}_data WHERE id = 1")).scalar() or b""
        totals = _varints(blob)
        rows = totals[0] if totals else 0
        avgdl = sum(totals[1:]) / rows if rows else 1.0
        idf = []
        for term in terms:
            found = matches if matches is not None else session.execute(text(
                f"SELECT rowid FROM {table} WHERE {table} MATCH :q ORDER BY rowid DESC LIMIT :cap"
            ), {"q": term_sql(term), "cap": DF_CAP}).scalars().all()
            df = _row_count(session, table, found, DF_CAP if matches is None else len(matches), rows)
            idf.append(max(math.log((rows - df + 0.5) / (df + 0.5)), 1e-6))
        return cls(tuple(_needle(t) for t in terms), tuple(idf), avgdl or 1.0, weights)

    def score(self, columns: Sequence[str | None]) -> float:
        """FTS5's bm25() of one row, given its stored columns (lower is better)."""
        length = sum(c.count(" ") + 1 for c in columns if c)
        norm = K1 * (1 - B + B * length / self.avgdl)
        padded: dict[int, str] = {}
        total = 0.0
        for (column, needle, _), idf in zip(self.needles, self.idf, strict=True):
            if column not in padded:
                padded[column] = _padded(columns[column] or "")
            freq = self.weights[column] * padded[column].count(needle)
            total += idf * (freq * (K1 + 1)) / (freq + norm)
        return -total


def _row_count(session: Session, table: str, found: Sequence[int], cap: int, rows: int) -> float:
    """Rows of a term, given its first ``cap`` matches newest first: exact when fewer came,
    else estimated from how far back the last of them lies in the index's rowid range."""
    if len(found) < cap or not found:
        return len(found)
    high = session.execute(text(f"SELECT max(id) FROM {table}_docsize")).scalar()
    low = session.execute(text(f"SELECT min(id) FROM {table}_docsize")).scalar()
    share = (high - found[-1] + 1) / (high - low + 1)
    return min(float(rows), cap / share)
