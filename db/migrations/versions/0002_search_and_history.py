"""full-text search index and note history

Revision ID: 0002
Revises: 0001

Adds ``note_revisions`` (every backend) and, on SQLite, the full-text index
with its triggers, filled from what the store already holds (``db/search/fts.py``,
the same definition a new store gets).
"""

import sqlalchemy as sa
from alembic import op

from db.search import fts

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "note_revisions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("note_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("author", sa.String(length=300), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("saved_at", sa.DateTime(), nullable=False),
        sa.Column("restored_from_id", sa.Integer(), nullable=True),
        sa.Column("background", sa.Text(), nullable=False),
        sa.Column("objectives", sa.Text(), nullable=False),
        sa.Column("their_position", sa.Text(), nullable=False),
        sa.Column("talking_points", sa.Text(), nullable=False),
        sa.Column("defensives", sa.Text(), nullable=False),
        sa.Column("red_lines", sa.Text(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("priority", sa.String(length=16), nullable=False),
        sa.Column("owner", sa.String(length=300), nullable=False),
        sa.ForeignKeyConstraint(
            ["note_id"],
            ["issue_notes.id"],
            name=op.f("fk_note_revisions_note_id_issue_notes"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["restored_from_id"],
            ["note_revisions.id"],
            name=op.f("fk_note_revisions_restored_from_id_note_revisions"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_note_revisions")),
    )
    with op.batch_alter_table("note_revisions", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_note_revisions_note_id"), ["note_id"], unique=False)

    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        fts.install(bind)


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        fts.uninstall(bind)
    with op.batch_alter_table("note_revisions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_note_revisions_note_id"))
    op.drop_table("note_revisions")
