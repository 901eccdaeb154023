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

**Queries** are in ``db/search/pg_query.py``. Beside the words, each row's
``tsvector`` holds recency lexemes (``#r14.781``: where its rowid lies,
``db/search/pg_recency.py``), so that a word's newest matches are found inside the
GIN index, and ``fts_pg_counts`` holds how many rows hold each lexeme
(``db/search/pg_counts.py``), kept by ``flush_queue``. Word prefixes of two and
three letters are lexemes of their own (``>ret``, at the word's position), as
FTS5's prefix indexes: as-you-type reads one posting list.

**Limits of the type**, met only by extreme text: a ``tsvector`` keeps 256
positions per word and none past 16,383, which only an excluded phrase reads (a
phrase asked for is checked on the stored tokens); a field whose ``tsvector``
would pass PostgreSQL's 1 MB is stored without positions, and one with more
distinct words than fit keeps the first.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence

from sqlalchemy import Connection, event, text
from sqlalchemy.engine import Engine

from db.search import pg_counts, pg_recency
from db.search.searchable import BY_CODE, SEARCHABLE, STRIDE, Searchable
from db.search.text import CJK_RANGES, index_chars, index_words

TABLE = "fts_pg_index"
CJK_CHAR = re.compile(f"[{CJK_RANGES}]")
QUEUE = "fts_pg_queue"
#: A field's bits in a queue entry's mask: every field of a row.
ALL_FIELDS = 255
#: A tsvector's limits (PostgreSQL: positions, positions per word, bytes of a word, of the whole).
MAX_POSITION, MAX_POSITIONS, MAX_LEXEME_CHARS, MAX_TSVECTOR = 16_383, 256, 500, 900_000
#: Word prefixes of these lengths are lexemes of their own (``>ret`` beside ``return``), as
#: FTS5's ``prefix = '2 3'``: an as-you-type query reads one posting list, not thousands merged.
PREFIXES = (2, 3)
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


def quote_lexeme(token: str) -> str:
    """A lexeme as a quoted literal of tsvector and tsquery text (cut to ``MAX_LEXEME_CHARS``)."""
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
    parts = [f"{quote_lexeme(t)}:{','.join(map(str, dict.fromkeys(p)))}" for t, p in positions.items()]
    tagged = [quote_lexeme("#" + t) for t in scope] + [quote_lexeme(t) for t in pg_recency.lexemes(rowid)]
    kept_tokens: Iterable[str] = positions
    if sum(map(len, parts)) > MAX_TSVECTOR:  # too big with positions: the words alone, as many as fit
        parts, size, kept_tokens = [], 0, []
        for token in positions:
            size += len(token) * 4 + 8
            if size > MAX_TSVECTOR:
                break
            parts.append(quote_lexeme(token))
            kept_tokens.append(token)
    counted = pg_counts.counted(dict.fromkeys(t[:MAX_LEXEME_CHARS] for t in kept_tokens))
    return " ".join(parts + tagged), counted
