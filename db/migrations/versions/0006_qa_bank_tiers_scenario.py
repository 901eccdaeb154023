"""issue 13: the Q&A bank, note tiers and page budgets, the scenario on agenda items

Revision ID: 0006
Revises: 0005

* ``qa_entries``: the Q&A bank shared across meetings (a unique ``key``, an
  issue, ``kind`` defensive/press, question, answer, ``status`` draft/cleared,
  ``retired``, the version counter); ``qa_revisions``: each entry as it was
  before a saved edit; ``note_qa``: a note's references to entries, ordered.
* ``issue_notes.tier`` (``full``): ``short`` or ``defensive`` print less of the paper.
* ``meetings.page_budget_full`` / ``_short`` / ``_defensive``: nullable page budgets.
* ``agenda_items``: the scenario: ``speaker_ours``, ``speaker_theirs``, ``press``
  (``closed``), ``points`` (Markdown).

New NOT NULL columns have server defaults, so existing rows get the value they
always meant. The full-text index gains the entries' question and answer
(``db/search/searchable.py``) and its rowids a wider stride; an indexed store
upgraded by plain Alembic has its index rebuilt here (``db.migrate.upgrade``
takes the index down before the migrations and rebuilds it after them anyway).
Dropping the columns on a downgrade rebuilds the three tables, with the index
down meanwhile, as 0004 does.
"""

import sqlalchemy as sa
from alembic import op

from db.search import fts

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    bind = op.get_bind()
    indexed = bind.dialect.name == "sqlite" and fts.installed(bind)
    op.create_table(
        "qa_entries",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(length=300), nullable=False),
        sa.Column("issue_id", sa.Integer(), nullable=True),
        sa.Column("kind", sa.String(length=16), nullable=False, server_default="defensive"),
        sa.Column("question", sa.Text(), nullable=False),
        sa.Column("answer", sa.Text(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False, server_default="draft"),
        sa.Column("retired", sa.Boolean(), nullable=False, server_default="0"),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["issue_id"], ["issues.id"],
                                name=op.f("fk_qa_entries_issue_id_issues"), ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_qa_entries")),
        sa.UniqueConstraint("key", name=op.f("uq_qa_entries_key")),
    )
    with op.batch_alter_table("qa_entries", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_qa_entries_issue_id"), ["issue_id"], unique=False)
    op.create_table(
        "qa_revisions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("entry_id", sa.Integer(), nullable=False),
        sa.Column("author", sa.String(length=300), nullable=False),
        sa.Column("saved_at", sa.DateTime(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("question", sa.Text(), nullable=False),
        sa.Column("answer", sa.Text(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.ForeignKeyConstraint(["entry_id"], ["qa_entries.id"],
                                name=op.f("fk_qa_revisions_entry_id_qa_entries"), ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_qa_revisions")),
    )
    with op.batch_alter_table("qa_revisions", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_qa_revisions_entry_id"), ["entry_id"], unique=False)
    op.create_table(
        "note_qa",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("note_id", sa.Integer(), nullable=False),
        sa.Column("entry_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["note_id"], ["issue_notes.id"],
                                name=op.f("fk_note_qa_note_id_issue_notes"), ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["entry_id"], ["qa_entries.id"],
                                name=op.f("fk_note_qa_entry_id_qa_entries"), ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_note_qa")),
        sa.UniqueConstraint("note_id", "entry_id", name="uq_note_qa_note_entry"),
    )
    with op.batch_alter_table("note_qa", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_note_qa_note_id"), ["note_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_note_qa_entry_id"), ["entry_id"], unique=False)
    with op.batch_alter_table("issue_notes", schema=None) as batch_op:
        batch_op.add_column(sa.Column("tier", sa.String(length=16), nullable=False, server_default="full"))
    with op.batch_alter_table("meetings", schema=None) as batch_op:
        batch_op.add_column(sa.Column("page_budget_full", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("page_budget_short", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("page_budget_defensive", sa.Integer(), nullable=True))
    with op.batch_alter_table("agenda_items", schema=None) as batch_op:
        batch_op.add_column(sa.Column("speaker_ours", sa.String(length=300), nullable=False,
                                      server_default=""))
        batch_op.add_column(sa.Column("speaker_theirs", sa.String(length=300), nullable=False,
                                      server_default=""))
        batch_op.add_column(sa.Column("press", sa.String(length=16), nullable=False,
                                      server_default="closed"))
        batch_op.add_column(sa.Column("points", sa.Text(), nullable=False, server_default=""))
    if indexed:
        fts.install(bind)  # the new kind of row and the wider rowids: the index is rebuilt


def downgrade() -> None:
    bind = op.get_bind()
    indexed = bind.dialect.name == "sqlite" and fts.installed(bind)
    if indexed:
        fts.uninstall(bind)
    with op.batch_alter_table("agenda_items", schema=None) as batch_op:
        batch_op.drop_column("points")
        batch_op.drop_column("press")
        batch_op.drop_column("speaker_theirs")
        batch_op.drop_column("speaker_ours")
    with op.batch_alter_table("meetings", schema=None) as batch_op:
        batch_op.drop_column("page_budget_defensive")
        batch_op.drop_column("page_budget_short")
        batch_op.drop_column("page_budget_full")
    with op.batch_alter_table("issue_notes", schema=None) as batch_op:
        batch_op.drop_column("tier")
    op.drop_table("note_qa")
    op.drop_table("qa_revisions")
    op.drop_table("qa_entries")
    if indexed:
        fts.install(bind)
