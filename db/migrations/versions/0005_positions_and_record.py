"""issue 12: positions per meeting and issue; the meeting record on agenda items

Revision ID: 0005
Revises: 0004

* ``positions``: one row per meeting and issue — our position, theirs (Markdown),
  a state (``open``, ``bracketed``, ``agreed``, ``dropped``) and the round since
  which that state holds; versioned like every row a user edits.
* ``agenda_items.record``, ``agreed``, ``open_points``: the meeting record of an
  item (Markdown), empty for the rows a store already holds (server default '').

Both are searchable: when this script runs on its own (plain Alembic) on an
indexed SQLite store, the full-text index is rebuilt to take in the new fields
(``db.migrate.upgrade`` takes the index down before the migrations and rebuilds it
afterwards, so there this finds no index). The downgrade drops the columns with a
batch rebuild of ``agenda_items``; the index's triggers name them, so it is taken
down for it and rebuilt afterwards from the fields that remain.
"""

import sqlalchemy as sa
from alembic import op

from db.search import fts

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "positions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("meeting_id", sa.Integer(), nullable=False),
        sa.Column("issue_id", sa.Integer(), nullable=False),
        sa.Column("ours", sa.Text(), nullable=False),
        sa.Column("theirs", sa.Text(), nullable=False),
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.Column("since_round", sa.Integer(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["meeting_id"], ["meetings.id"],
                                name=op.f("fk_positions_meeting_id_meetings"), ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["issue_id"], ["issues.id"],
                                name=op.f("fk_positions_issue_id_issues"), ondelete="RESTRICT"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_positions")),
        sa.UniqueConstraint("meeting_id", "issue_id", name="uq_positions_meeting_issue"),
    )
    with op.batch_alter_table("positions", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_positions_meeting_id"), ["meeting_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_positions_issue_id"), ["issue_id"], unique=False)
    with op.batch_alter_table("agenda_items", schema=None) as batch_op:
        for name in ("record", "agreed", "open_points"):
            batch_op.add_column(sa.Column(name, sa.Text(), nullable=False, server_default=""))
    bind = op.get_bind()
    if bind.dialect.name == "sqlite" and fts.installed(bind):
        fts.install(bind)


def downgrade() -> None:
    bind = op.get_bind()
    indexed = bind.dialect.name == "sqlite" and fts.installed(bind)
    if indexed:
        fts.uninstall(bind)
    with op.batch_alter_table("agenda_items", schema=None) as batch_op:
        for name in ("open_points", "agreed", "record"):
            batch_op.drop_column(name)
    with op.batch_alter_table("positions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_positions_issue_id"))
        batch_op.drop_index(batch_op.f("ix_positions_meeting_id"))
    op.drop_table("positions")
    if indexed:
        fts.install(bind)
