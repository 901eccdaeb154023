"""issue 14: search on PostgreSQL at 100,000 notes (recency lexemes, lexeme row counts)

Revision ID: 0009
Revises: 0008

On PostgreSQL only; SQLite's FTS5 index is untouched (nothing to do there).

* ``fts_pg_index`` is rewritten in rowid order, each row's ``tsvector`` gaining
  the lexemes that say where its rowid lies (``db/search/pg_recency.py``), so
  that a word's most recent matches are found without reading the others.
* ``fts_pg_counts``: how many index rows hold each lexeme, kept by the queue
  flush (``db/search/pg_counts.py``): BM25's row counts in one read.

The rewrite reads and writes the whole index once (no text is tokenized again).
"""

from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "postgresql":
        from db.search import pg

        pg.add_recency_and_counts(bind)


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "postgresql":
        from db.search import pg

        pg.remove_counts(bind)
