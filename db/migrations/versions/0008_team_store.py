"""issue 14: who did what (the change log); search on PostgreSQL

Revision ID: 0008
Revises: 0007

* ``changes``: one row per change someone made (when, who, meeting, what,
  field, row), written by the services (``briefing.changelog``). A store of an
  earlier release starts with an empty log.
* On PostgreSQL only: the full-text index (``db/search/pg.py``: ``pg_trgm``,
  a ``tsvector`` over the tokens of ``db/search/text.py``, GIN indexes, and the
  triggers that queue changed rows for it), filled from the base tables. SQLite
  keeps its FTS5 index (``db/search/fts.py``), which this revision does not touch.
"""

import sqlalchemy as sa
from alembic import op

from db.types import UTCDateTime

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "changes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", UTCDateTime(), nullable=False),
        sa.Column("user_name", sa.String(length=300), nullable=False, server_default=""),
        sa.Column("meeting_id", sa.Integer(), nullable=True),
        sa.Column("what", sa.String(length=64), nullable=False, server_default=""),
        sa.Column("field", sa.String(length=64), nullable=False, server_default=""),
        sa.Column("row_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["meeting_id"], ["meetings.id"], ondelete="SET NULL",
                                name="fk_changes_meeting_id_meetings"),
        sa.PrimaryKeyConstraint("id", name="pk_changes"),
    )
    op.create_index("ix_changes_at", "changes", ["at"])
    op.create_index("ix_changes_meeting_id", "changes", ["meeting_id"])
    op.create_index("ix_changes_row_id", "changes", ["row_id"])
    bind = op.get_bind()
    if bind.dialect.name == "postgresql":
        from db.search import pg

        pg.install(bind)


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "postgresql":
        from db.search import pg

        pg.uninstall(bind)
    op.drop_index("ix_changes_row_id", table_name="changes")
    op.drop_index("ix_changes_meeting_id", table_name="changes")
    op.drop_index("ix_changes_at", table_name="changes")
    op.drop_table("changes")
