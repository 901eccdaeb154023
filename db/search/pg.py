"""The PostgreSQL full-text index: the same tokens, matches and BM25 order as SQLite's FTS5 index.

**Shape.** One table, ``fts_pg_index``, with one row per non-empty searchable
field of each live row (``db/search/searchable.py``), under the same packed
rowid as SQLite's index (``id * STRIDE + code * 8 + field``), holding the same token
streams (``db/search/text.py``: ``words``, ``chars``, ``scope``) and a
``tsvector`` of them (``terms``: the words at their positions, then the CJK
characters, then the scope tokens written ``#m12``, ``#fbackground``…, which no
word can be) under a GIN index. PostgreSQL never tokenizes anything itself: the
``tsvector`` is built from Briefbook's tokens, so a query finds on PostgreSQL what
it finds on SQLite — Japanese one-character words (``林``, the ``chars``
stream), two characters and longer (phrases of bigrams), phrases, prefixes.
Nothing beyond core PostgreSQL is needed (no extension).

**In step with every write.** The tokens are Python's, so triggers cannot make
them. Instead a trigger on each base table queues the changed row in
``fts_pg_queue`` (which fields changed, and whether a meeting or a note went to
or came back from the Trash, which re-indexes everything inside it), and just
before each transaction that wrote commits, ``flush_queue`` empties the queue
into the index (``watch`` hooks it onto the engine's commit). A change and its
index entries commit together, whoever wrote it through this engine — services,
import, undo, copy, a migration; a transaction that only read costs nothing.

**Queries.** ``search`` asks GIN for the ``pool`` most recent matches (highest
rowid first, as the FTS5 path does) — first within the newest share of the rowid
range (``WINDOWS``), so that a common word's first page does not make the server
fetch all its rows; a phrase's matches are checked against the stored tokens (a
``tsvector`` caps positions; the stored stream is exact). They are ranked with the
same BM25 as ``db/search/rank.py`` (same constants, weights, row lengths; term row
counts exact up to ``DF_CAP``, estimated above), ties newest first: the same order
rules as SQLite's path. Word prefixes of two and three letters are lexemes of their
own (``>ret``, at the word's position), as FTS5's prefix indexes: as-you-type
reads one posting list.

**Limits of the type**, met only by extreme text: a ``tsvector`` keeps 256
positions per word and positions up to 16,383, so a phrase found only beyond
about 30 pages into one field can be missed; a field whose ``tsvector`` would pass
PostgreSQL's 1 MB is stored without positions (its phrases are then checked on
the stored tokens alone), and one with more distinct words than fit keeps the first.
"""

from __future__ import annotations

import math
import re
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence

from sqlalchemy import Connection, Row, event, text
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from db.search import pg_counts, pg_recency
from db.search.fts import IndexHit, Scope
from db.search.rank import DF_CAP, Bm25, _needle, _padded
from db.search.searchable import BY_CODE, SEARCHABLE, STRIDE, Searchable, decode_rowid
from db.search.text import CJK, CJK_RANGES, Query, Term, bigrams, index_chars, index_words

TABLE = "fts_pg_index"
CJK_CHAR = re.compile(f"[{CJK_RANGES}]")
QUEUE = "fts_pg_queue"
#: Same column weights as SQLite's index (words, chars, scope).
WEIGHTS = (1.0, 0.5, 0.0)
#: A field's bits in a queue entry's mask: every field of a row.
ALL_FIELDS = 255
#: Above this many rows, N and the average row length are estimated (see ``_totals``).
EXACT_TOTALS = 5_000
#: How long an estimate of N and the average row length is reused (seconds).
TOTALS_REUSED_FOR = 60.0
#: A tsvector's limits (PostgreSQL: positions, positions per word, bytes of a word, of the whole).
MAX_POSITION, MAX_POSITIONS, MAX_LEXEME_CHARS, MAX_TSVECTOR = 16_383, 256, 500, 900_000
#: Word prefixes of these lengths are lexemes of their own (``>ret`` beside ``return``), as
#: FTS5's ``prefix = '2 3'``: an as-you-type query reads one posting list, not thousands merged.
PREFIXES = (2, 3)
#: The most recent matches are asked of a newest part of the index sized to hold this many times
#: as many as needed (``_newest``); one of unknown count, first of this share of the rowid range;
#: a part wider than ``WHOLE`` of the range is not worth restricting to.
MARGIN, FIRST_SHARE, WHOLE = 2.0, 1 / 32, 0.5
#: The GIN index of the tsvectors.
TERMS_INDEX = f"CREATE INDEX {TABLE}_terms ON {TABLE} USING gin (terms)"
#: Rows read at a time when a whole table is indexed.
FILL_BATCH = 2000


# -- DDL -------------------------------------------------------------------------


def _links(s: Searchable) -> list[str]:
    from db.search.fts import _links as links

    return links(s)


def _queue_function(s: Searchable) -> str:
    """The trigger function that queues a changed row of ``s`` (which fields, and its contents)."""
    bits = "\n".join(f"    IF OLD.{f} IS DISTINCT FROM NEW.{f} THEN mask := mask | {1 << i}; END IF;"
                     for i, f in enumerate(s.fields))
    links = _links(s)
    placed = " OR ".join(f"OLD.{c} IS DISTINCT FROM NEW.{c}" for c in links) or "false"
    inside = s.table in ("meetings", "issue_notes")
    contents = "OLD.deleted_at IS DISTINCT FROM NEW.deleted_at" if inside else "false"
    return f"""CREATE FUNCTION fts_pg_queue_{s.table}() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    mask integer := 0;
    inside boolean := false;
BEGIN
    IF TG_OP = 'DELETE' THEN
        INSERT INTO {QUEUE} (code, row_id, fields, contents) VALUES ({s.code}, OLD.id, {ALL_FIELDS}, false);
        RETURN NULL;
    END IF;
    IF TG_OP = 'INSERT' THEN
        INSERT INTO {QUEUE} (code, row_id, fields, contents) VALUES ({s.code}, NEW.id, {ALL_FIELDS}, false);
        RETURN NULL;
    END IF;
{bits}
    IF {placed} THEN mask := {ALL_FIELDS}; END IF;
    inside := {contents};
    IF mask <> 0 OR inside THEN
        INSERT INTO {QUEUE} (code, row_id, fields, contents) VALUES ({s.code}, NEW.id, mask, inside);
    END IF;
    RETURN NULL;
END
$$"""


def ddl() -> list[str]:
    """Every statement that creates the index, its queue and its triggers (the one definition)."""
    statements = [
        f"CREATE TABLE {TABLE} (rowid bigint PRIMARY KEY, words text NOT NULL, chars text NOT NULL, "
        "scope text NOT NULL, length integer NOT NULL, terms tsvector NOT NULL)",
        TERMS_INDEX,
        f"CREATE TABLE {QUEUE} (code smallint NOT NULL, row_id bigint NOT NULL, "
        "fields integer NOT NULL, contents boolean NOT NULL)",
        *pg_counts.ddl(),
    ]
    for s in SEARCHABLE:
        statements += [
            _queue_function(s),
            f"CREATE TRIGGER fts_pg_{s.table} AFTER INSERT OR UPDATE OR DELETE ON {s.table} "
            f"FOR EACH ROW EXECUTE FUNCTION fts_pg_queue_{s.table}()",
        ]
    return statements


def installed(connection: Connection) -> bool:
    """Whether this PostgreSQL store has the index."""
    return connection.execute(text("SELECT to_regclass(:t) IS NOT NULL"), {"t": TABLE}).scalar()


def uninstall(connection: Connection) -> None:
    """Drop the index, its queue, triggers and functions (the base tables are untouched)."""
    for s in SEARCHABLE:
        if connection.execute(text("SELECT to_regclass(:t) IS NOT NULL"), {"t": s.table}).scalar():
            connection.exec_driver_sql(f"DROP TRIGGER IF EXISTS fts_pg_{s.table} ON {s.table}")
        connection.exec_driver_sql(f"DROP FUNCTION IF EXISTS fts_pg_queue_{s.table}()")
    connection.exec_driver_sql(f"DROP TABLE IF EXISTS {TABLE}")
    connection.exec_driver_sql(f"DROP TABLE IF EXISTS {QUEUE}")
    connection.exec_driver_sql(f"DROP TABLE IF EXISTS {pg_counts.COUNTS}")


def install(connection: Connection) -> None:
    """(Re)create the index and its triggers and fill it from the base tables."""
    uninstall(connection)
    for statement in ddl():
        connection.exec_driver_sql(statement)
    cursor = connection.connection.driver_connection.cursor()
    for s in SEARCHABLE:
        _index(cursor, s, None, ALL_FIELDS)
    pg_counts.fill(connection, TABLE)
    connection.exec_driver_sql(f"ANALYZE {TABLE}")


def add_recency_and_counts(connection: Connection) -> None:
    """Give an index of migration 0008 its recency lexemes and row counts (migration 0009).

    The table is rewritten in rowid order with each row's recency lexemes added to
    its ``tsvector`` (no text is tokenized again), its indexes built afresh, and
    every lexeme counted. An index that has them already (installed by this
    build) is left as it is.
    """
    if not installed(connection) or connection.execute(
            text("SELECT to_regclass(:t) IS NOT NULL"), {"t": pg_counts.COUNTS}).scalar():
        return
    connection.exec_driver_sql("SET LOCAL maintenance_work_mem = '256MB'")
    connection.exec_driver_sql("SET LOCAL work_mem = '256MB'")
    connection.exec_driver_sql(f"CREATE TABLE {TABLE}_new (LIKE {TABLE})")
    connection.exec_driver_sql(
        f"INSERT INTO {TABLE}_new SELECT rowid, words, chars, scope, length, "
        f"terms || {pg_recency.sql_lexemes('rowid')} FROM {TABLE} ORDER BY rowid")
    connection.exec_driver_sql(f"DROP TABLE {TABLE}")
    connection.exec_driver_sql(f"ALTER TABLE {TABLE}_new RENAME TO {TABLE}")
    connection.exec_driver_sql(f"ALTER TABLE {TABLE} ADD CONSTRAINT {TABLE}_pkey PRIMARY KEY (rowid)")
    connection.exec_driver_sql(TERMS_INDEX)
    for statement in pg_counts.ddl():
        connection.exec_driver_sql(statement)
    pg_counts.fill(connection, TABLE)
    connection.exec_driver_sql(f"ANALYZE {TABLE}")


def remove_counts(connection: Connection) -> None:
    """Undo migration 0009 as far as 0008's code needs: the row counts go (recency lexemes stay)."""
    connection.exec_driver_sql(f"DROP TABLE IF EXISTS {pg_counts.COUNTS}")


# -- keeping it in step ----------------------------------------------------------------


def watch(engine: Engine) -> None:
    """Empty the queue into the index before each commit of a transaction that wrote."""

    @event.listens_for(engine, "before_cursor_execute")
    def _note_write(connection, _cursor, statement, _parameters, _context, _many) -> None:
        if not connection.info.get("fts_pg_dirty") and statement.lstrip()[:6].upper() in (
                "INSERT", "UPDATE", "DELETE", "ALTER ", "CREATE", "TRUNCA"):
            connection.info["fts_pg_dirty"] = True

    @event.listens_for(engine, "commit")
    def _before_commit(connection) -> None:
        if connection.info.pop("fts_pg_dirty", False):
            flush_queue(connection.connection.driver_connection.cursor())

    @event.listens_for(engine, "rollback")
    def _on_rollback(connection) -> None:
        connection.info.pop("fts_pg_dirty", None)


def flush_queue(cursor) -> None:
    """Index what the queue holds (in the caller's transaction), emptying it.

    ``cursor`` is a DB-API (psycopg) cursor on the writing connection. A store
    without the index (older than migration 0008) has no queue: nothing to do;
    one without row counts (older than 0009) is indexed without counting.
    """
    cursor.execute("SELECT to_regclass(%s) IS NOT NULL, to_regclass(%s) IS NOT NULL",
                   (QUEUE, pg_counts.COUNTS))
    has_queue, has_counts = cursor.fetchone()
    if not has_queue:
        return
    cursor.execute(f"DELETE FROM {QUEUE} RETURNING code, row_id, fields, contents")
    queued = cursor.fetchall()
    if not queued:
        return
    masks: dict[int, dict[int, int]] = defaultdict(dict)
    for code, row_id, fields, contents in queued:
        mine = masks[code]
        mine[row_id] = mine.get(row_id, 0) | fields
        if contents:
            for child, ids in _contents(cursor, BY_CODE[code], row_id):
                for child_id in ids:
                    masks[child.code][child_id] = ALL_FIELDS
    changes: Counter | None = Counter() if has_counts else None
    for code, rows in masks.items():
        by_mask: dict[int, list[int]] = defaultdict(list)
        for row_id, mask in rows.items():
            by_mask[mask].append(row_id)
        for mask, ids in by_mask.items():
            _index(cursor, BY_CODE[code], ids, mask, changes)
    if changes is not None:
        pg_counts.apply(cursor, changes)


def _contents(cursor, container: Searchable, row_id: int) -> Iterable[tuple[Searchable, list[int]]]:
    """The searchable rows inside a meeting or a note, by kind."""
    for s in SEARCHABLE:
        if container.entity == "meeting" and s.parent == "meeting":
            cursor.execute(f"SELECT id FROM {s.table} WHERE meeting_id = %s", (row_id,))
        elif container.entity == "meeting" and s.parent == "note":
            cursor.execute(f"SELECT t.id FROM {s.table} AS t JOIN issue_notes AS n ON n.id = t.note_id "
                           "WHERE n.meeting_id = %s", (row_id,))
        elif container.entity == "note" and s.parent == "note":
            cursor.execute(f"SELECT id FROM {s.table} WHERE note_id = %s", (row_id,))
        else:
            continue
        yield s, [r[0] for r in cursor.fetchall()]


def _index(cursor, s: Searchable, ids: Sequence[int] | None, mask: int,
           changes: Counter | None = None) -> None:
    """Replace the index rows of the fields in ``mask`` of rows ``ids`` of ``s`` (None: all rows).

    ``changes``, when given, gains the lexemes of the rows written and loses those
    of the rows removed (``db/search/pg_counts.py``).
    """
    fields = [(i, f) for i, f in enumerate(s.fields) if mask & (1 << i)]
    if not fields:
        return
    if ids is not None:
        rowids = [row_id * STRIDE + s.code * 8 + i for row_id in ids for i, _ in fields]
        if changes is None:
            cursor.execute(f"DELETE FROM {TABLE} WHERE rowid = ANY(%s)", (rowids,))
        else:
            cursor.execute(f"DELETE FROM {TABLE} WHERE rowid = ANY(%s) RETURNING tsvector_to_array(terms)",
                           (rowids,))
            for (lexemes,) in cursor.fetchall():
                changes.subtract(pg_counts.counted(lexemes))
    columns = ", ".join(f"t.{f}" for _, f in fields)
    where = "" if ids is None else " AND t.id = ANY(%s)"
    select = f"SELECT t.id, {s.meeting}, {s.issue}, {columns} FROM {s.source} WHERE {s.alive}{where}"
    connection = cursor.connection
    # A whole table is read in batches through a server-side cursor, not into memory at once.
    many = ids is None or len(ids) > FILL_BATCH
    reader = connection.cursor(name=f"fts_pg_fill_{s.table}") if many else connection.cursor()
    with reader:
        reader.execute(select, () if ids is None else (list(ids),))
        while batch := reader.fetchmany(FILL_BATCH):
            with connection.cursor().copy(
                    f"COPY {TABLE} (rowid, words, chars, scope, length, terms) FROM STDIN") as copy:
                for row_id, meeting, issue, *values in batch:
                    for (index, field), value in zip(fields, values, strict=True):
                        if value:
                            row = entry(s, field, row_id * STRIDE + s.code * 8 + index, value, meeting, issue)
                            copy.write_row(row[:6])
                            if changes is not None:
                                changes.update(row[6])


def scope_text(s: Searchable, field: str, meeting: int | None, issue: int | None) -> str:
    """The scope tokens of a field, as SQLite's index writes them (``db/search/fts.py``)."""
    out = f"e{s.entity.replace('_', '')} f{field.replace('_', '')}"
    if meeting is not None:
        out += f" m{meeting}"
    if issue is not None:
        out += f" i{issue}"
    return out


def entry(s: Searchable, field: str, rowid: int, value: str, meeting: int | None,
          issue: int | None) -> tuple[int, str, str, str, int, str, list[str]]:
    """One index row: rowid, words, chars, scope, its length in tokens, its tsvector (as text);
    and the lexemes of the tsvector that are counted (``db/search/pg_counts.py``)."""
    words, chars = index_words(value), index_chars(value)
    scope = scope_text(s, field, meeting, issue)
    length = sum(c.count(" ") + 1 for c in (words, chars, scope) if c)
    terms, lexemes = tsvector(words.split(), chars.split(), scope.split(), rowid)
    return rowid, words, chars, scope, length, terms, lexemes


def _lexeme(token: str) -> str:
    return "'" + token[:MAX_LEXEME_CHARS].replace("\\", "\\\\").replace("'", "''") + "'"


def _with_prefixes(token: str) -> tuple[str, ...]:
    """A word and its indexed prefixes (``PREFIXES``, written ``>re``, ``>ret``; none for CJK)."""
    if CJK_CHAR.match(token):
        return (token,)
    return (token, *(">" + token[:n] for n in PREFIXES if len(token) >= n))


def tsvector(words: Sequence[str], chars: Sequence[str], scope: Sequence[str],
             rowid: int) -> tuple[str, list[str]]:
    """The tsvector text of a field's tokens (words then CJK characters at their positions, scope
    tokens, the rowid's recency lexemes: ``db/search/pg_recency.py``); and its counted lexemes."""
    positions: dict[str, list[int]] = {}
    for number, token in enumerate([*words, *chars], 1):
        position = min(number, MAX_POSITION)
        for lexeme in _with_prefixes(token) if number <= len(words) else (token,):
            kept = positions.setdefault(lexeme, [])
            if len(kept) < MAX_POSITIONS:
                kept.append(position)
    parts = [f"{_lexeme(t)}:{','.join(map(str, dict.fromkeys(p)))}" for t, p in positions.items()]
    tagged = [_lexeme("#" + t) for t in scope] + [_lexeme(t) for t in pg_recency.lexemes(rowid)]
    kept_tokens: Iterable[str] = positions
    if sum(map(len, parts)) > MAX_TSVECTOR:  # too big with positions: the words alone, as many as fit
        parts, size, kept_tokens = [], 0, []
        for token in positions:
            size += len(token) * 4 + 8
            if size > MAX_TSVECTOR:
                break
            parts.append(_lexeme(token))
            kept_tokens.append(token)
    counted = pg_counts.counted(dict.fromkeys(t[:MAX_LEXEME_CHARS] for t in kept_tokens))
    return " ".join(parts + tagged), counted


# -- queries -----------------------------------------------------------------------


def _term_lexemes(term: Term) -> list[str]:
    """The lexemes a term asks for, in order (a long prefix ends in ``word:*``, unquoted)."""
    if term.kind == CJK:
        run = term.parts[0]
        return [_lexeme(b) for b in ([run] if len(run) == 1 else bigrams(run))]
    lexemes = [_lexeme(p) for p in term.parts]
    if term.prefix and len(term.parts[-1]) in PREFIXES:
        lexemes[-1] = _lexeme(">" + term.parts[-1])
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
    parts += [_lexeme("#" + token) for token in (scope or Scope()).tokens()]
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
    """The lowest and highest rowid of the index (None when it is empty)."""
    low, high = session.execute(text(f"SELECT min(rowid), max(rowid) FROM {TABLE}")).one()
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
        expression = f"({expression}) & ({' | '.join(map(_lexeme, window))})"
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
