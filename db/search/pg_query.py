"""Queries of the PostgreSQL index: the same matches and BM25 order as SQLite's FTS5 path.

``search`` asks for the ``pool`` most recent matches (highest rowid first, as
``db/search/fts.py`` does) and ranks them with the same BM25 as
``db/search/rank.py`` (same constants, weights, row lengths), ties newest first.
Three things keep a first page from reading much more than it ranks:

* **A newest part of the index first.** The number of rows holding each word is
  read from ``fts_pg_counts`` (``db/search/pg_counts.py``), and the matches are
  asked of a newest part of the index sized to hold about ``MARGIN`` times the
  pool, named by recency lexemes (``db/search/pg_recency.py``): GIN intersects
  posting lists and the server reads only the matching rows of that part; a part
  too small is widened from what it held.
* **Row counts from ``fts_pg_counts``.** A query of several words weighs each by
  its row count; a word's (or a prefix lexeme's, a CJK character's or bigram's)
  is one indexed read, not its 1,000 most recent rowids. A lexeme's count is
  exact; SQLite's is exact below ``DF_CAP`` rows and estimated above from how far
  back its 1,000th match lies, so for words in more than 1,000 fields the two
  IDFs differ by the estimate's error (``benchmarks/search.py --compare`` counts
  the first pages that are the same). A phrase's or a long prefix's row count is
  counted from its matches, as on SQLite.
* **Phrases checked on the stored tokens.** A phrase asks GIN only that its words
  be present (``&``): a sequence (``<->``) would make the server reread every
  candidate's ``tsvector``, as GIN keeps no positions. The candidates are then
  checked against the stored token stream (exact: a ``tsvector`` caps positions),
  and more are asked for while too few hold.

Each query plans with its own words (``plan_cache_mode``): a plan cached for a
common word (walk the rowids backwards) would read the whole index for a rare one.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable, Sequence

from sqlalchemy import Row, text
from sqlalchemy.orm import Session

from db.search import pg_counts, pg_recency
from db.search.fts import IndexHit, Scope
from db.search.pg import PREFIXES, TABLE, quote_lexeme
from db.search.rank import DF_CAP, Bm25, _needle, _padded
from db.search.searchable import decode_rowid
from db.search.text import CJK, Query, Term, bigrams

#: Same column weights as SQLite's index (words, chars, scope).
WEIGHTS = (1.0, 0.5, 0.0)
#: Above this many rows, N and the average row length are estimated (see ``_totals``).
EXACT_TOTALS = 5_000
#: How long an estimate of N and the average row length is reused (seconds).
TOTALS_REUSED_FOR = 60.0
#: The most recent matches are asked of a newest part of the index sized to hold this many times
#: as many as needed (``_newest``); one of unknown count, first of this share of the rowid range;
#: a part wider than ``WHOLE`` of the range is not worth restricting to.
MARGIN, FIRST_SHARE, WHOLE = 1.5, 1 / 32, 0.9


def _term_lexemes(term: Term) -> list[str]:
    """The lexemes a term asks for, in order (a long prefix ends in ``word:*``, unquoted)."""
    if term.kind == CJK:
        run = term.parts[0]
        return [quote_lexeme(b) for b in ([run] if len(run) == 1 else bigrams(run))]
    lexemes = [quote_lexeme(p) for p in term.parts]
    if term.prefix and len(term.parts[-1]) in PREFIXES:
        lexemes[-1] = quote_lexeme(">" + term.parts[-1])
    elif term.prefix:
        lexemes[-1] += ":*"
    return lexemes


def _term_tsquery(term: Term, *, phrase: bool = True) -> str:
    """A term as a tsquery: a phrase's lexemes in sequence (``<->``), or merely all present (``&``)."""
    return (" <-> " if phrase else " & ").join(_term_lexemes(term))


def _is_phrase(term: Term) -> bool:
    return len(term.parts) > 1 or (term.kind == CJK and len(term.parts[0]) > 2)


def tsquery(query: Query, scope: Scope | None = None, *, phrases: bool = True) -> str | None:
    """The tsquery text of a parsed query (built from its tokens, never the user's raw text).

    ``phrases=False`` asks only that a phrase's words be present, not in sequence:
    GIN then answers without reading each candidate's ``tsvector`` again (a
    sequence needs positions, which GIN does not keep), and the caller checks
    the sequence on the stored tokens. Excluded phrases stay sequences.
    """
    if query.is_empty:
        return None
    parts = [f"({_term_tsquery(t, phrase=phrases)})" for t in query.positive]
    parts += [quote_lexeme("#" + token) for token in (scope or Scope()).tokens()]
    parts += [f"!({_term_tsquery(t)})" for t in query.negative]
    return " & ".join(parts)


def _counted(lexeme: str) -> str | None:
    """The counted form of a quoted lexeme of ``_term_lexemes`` (None for a long prefix)."""
    if lexeme.endswith(":*"):
        return None
    return lexeme[1:-1].replace("''", "'").replace("\\\\", "\\")


def _expected(terms: Sequence[Term], counts: dict[str, int], rows: int) -> float | None:
    """About how many rows hold every term (each term: its rarest lexeme; terms as if independent)."""
    expected, known = float(rows), False
    for term in terms:
        held = [counts[c] for c in map(_counted, _term_lexemes(term)) if c is not None]
        if held:
            known = True
            expected *= min(held) / max(rows, 1)
    return expected if known else None


def _holds(needles: Sequence[tuple[int, str, bool]], columns: Sequence[str]) -> bool:
    """Whether a row's stored tokens hold every term (what FTS5 would have matched)."""
    padded = {}
    for column, needle, _prefix in needles:
        if column not in padded:
            padded[column] = _padded(columns[column] or "")
        if needle not in padded[column]:
            return False
    return True


_estimates: dict[str, tuple[float, int, float]] = {}


def _totals(session: Session) -> tuple[int, float]:
    """N (index rows) and the average row length: exact for a store of up to ``EXACT_TOTALS`` rows
    (as the planner counts them); else the planner's row count and a 1% sample, reused for
    ``TOTALS_REUSED_FOR`` seconds (estimates move BM25 scores a little, not the order of clearly
    different rows, and a first page must not wait for a count of 600,000 rows)."""
    key = str(session.get_bind().url)
    remembered = _estimates.get(key)
    if remembered is not None and time.monotonic() - remembered[0] < TOTALS_REUSED_FOR:
        return remembered[1], remembered[2]
    estimate = session.execute(text("SELECT reltuples::bigint FROM pg_class WHERE oid = to_regclass(:t)"),
                               {"t": TABLE}).scalar() or 0
    if estimate <= EXACT_TOTALS:  # small, or never analysed (-1): count
        rows, tokens = session.execute(text(f"SELECT count(*), coalesce(sum(length), 0) FROM {TABLE}")).one()
        if rows <= EXACT_TOTALS:
            return rows, (tokens / rows if rows else 1.0)
        estimate = rows
    average = session.execute(text(f"SELECT avg(length) FROM {TABLE} TABLESAMPLE SYSTEM (1)")).scalar()
    _estimates[key] = (time.monotonic(), estimate, float(average or 1.0))
    return estimate, float(average or 1.0)


def _bounds(session: Session) -> tuple[int, int] | None:
    """The lowest and highest rowid of the index (None when it is empty); and from now on in this
    transaction, each statement is planned for its own words (see the module docstring)."""
    low, high = session.execute(text(
        "SELECT min(rowid), max(rowid), set_config('plan_cache_mode', 'force_custom_plan', true) "
        f"FROM {TABLE}")).one()[:2]
    return None if high is None else (low, high)


def _newest(session: Session, expression: str, limit: int, columns: str, bounds: tuple[int, int],
            expected: float | None, keep: Callable[[Row], bool] | None = None) -> list[Row]:
    """The ``limit`` most recent rows matching ``expression`` (and ``keep``), rowid descending.

    Asked first of a newest part of the index sized to hold about ``MARGIN``
    times ``limit`` matches of the ``expected`` many (``FIRST_SHARE`` when that
    is unknown), through its recency lexemes (``db/search/pg_recency.py``): when
    it holds ``limit`` matches they are the most recent of all, and the server
    read only the matching rows of that part. Else a part sized from the matches
    it held, and once that would be most of the index, all of it.
    """
    low, high = bounds
    share = FIRST_SHARE if expected is None else limit * MARGIN / max(expected, 1.0)
    while True:
        window = None if share >= WHOLE else pg_recency.since(high - int((high - low) * share), high)
        rows = _scan(session, expression, window, limit, columns, keep)
        if len(rows) >= limit or window is None:
            return rows
        share = max(share * 4, share * limit * MARGIN / max(len(rows), 1))


def _scan(session: Session, expression: str, window: Sequence[str] | None, limit: int, columns: str,
          keep: Callable[[Row], bool] | None) -> list[Row]:
    """Up to ``limit`` rows matching ``expression`` inside ``window`` (None: anywhere) and ``keep``,
    newest first; rows ``keep`` refuses are passed over and more are asked for."""
    if window is not None:
        expression = f"({expression}) & ({' | '.join(map(quote_lexeme, window))})"
    sql = (f"SELECT {columns} FROM {TABLE} WHERE terms @@ CAST(:q AS tsquery){{}} "
           "ORDER BY rowid DESC LIMIT :n")
    found: list[Row] = []
    below = None
    while True:
        batch = session.execute(text(sql.format("" if below is None else " AND rowid < :b")),
                                {"q": expression, "n": limit, "b": below}).all()
        found += batch if keep is None else [row for row in batch if keep(row)]
        if len(found) >= limit or len(batch) < limit:
            return found[:limit]
        below = batch[-1][0]


def _row_count(found: Sequence[int], cap: int, rows: int, bounds: tuple[int, int]) -> float:
    """As ``db.search.rank._row_count``: exact below ``cap`` matches, else from how far back they reach."""
    if len(found) < cap or not found:
        return len(found)
    low, high = bounds
    share = (high - found[-1] + 1) / (high - low + 1)
    return min(float(rows), cap / share)


def _prepare(session: Session, terms: Sequence[Term], matches: Sequence[int] | None,
             bounds: tuple[int, int], counts: dict[str, int]) -> Bm25:
    """Each term's IDF: a lexeme's row count from ``fts_pg_counts``; a phrase's or a long
    prefix's from its matches, as ``db.search.rank`` counts them (exact below ``DF_CAP``)."""
    rows, avgdl = _totals(session)
    idf = []
    for term in terms:
        lexemes = _term_lexemes(term)
        single = _counted(lexemes[0]) if len(lexemes) == 1 else None
        if matches is not None:
            df = _row_count(matches, len(matches), rows, bounds)
        elif single is not None:
            df = counts[single]
        else:
            found = [row[0] for row in _newest(session, _term_tsquery(term), DF_CAP, "rowid", bounds,
                                               _expected([term], counts, rows))]
            df = _row_count(found, DF_CAP, rows, bounds)
        idf.append(max(math.log((rows - df + 0.5) / (df + 0.5)), 1e-6))
    return Bm25(tuple(_needle(t) for t in terms), tuple(idf), avgdl or 1.0, WEIGHTS)


def search(session: Session, query: Query, scope: Scope, *, limit: int,
           pool: int) -> tuple[list[IndexHit], bool]:
    """The best ``limit`` hits among the ``pool`` most recent matches; and whether there were more."""
    expression = tsquery(query, scope, phrases=False)
    if expression is None:
        return [], False
    bounds = _bounds(session)
    if bounds is None:
        return [], False
    lexemes = [c for t in query.positive for c in map(_counted, _term_lexemes(t)) if c is not None]
    counts = pg_counts.rows_holding(session, lexemes)
    needles = tuple(_needle(t) for t in query.positive)
    keep = (lambda row: _holds(needles, row[1:])) if any(map(_is_phrase, query.positive)) else None
    expected = None if scope.tokens() else _expected(query.positive, counts, _totals(session)[0])
    rows = _newest(session, expression, pool, "rowid, words, chars, scope", bounds, expected, keep)
    if not rows:
        return [], False
    alone = len(query.positive) == 1 and not query.negative and not scope.tokens()
    bm25 = _prepare(session, query.positive, [row[0] for row in rows] if alone else None, bounds, counts)
    ranked = sorted((bm25.score(row[1:]), -row[0]) for row in rows)
    hits = []
    for score, negative_rowid in ranked[:limit]:
        s, entity_id, field = decode_rowid(-negative_rowid)
        hits.append(IndexHit(s.entity, entity_id, field, score))
    return hits, len(rows) > limit
