"""issue 11: the store's marking ladder; a meeting's classification authority

Revision ID: 0007
Revises: 0006

* ``markings``: the store's ladder, one row per step, ``position`` 0 the lowest,
  with its code (what a portion's ``(CODE)`` and a meeting's ``sensitivity``
  name), its name (printed in banners) and its band colour; seeded with the
  default ladder (U, SBU, C). Until now the ladder lived in the desktop's
  settings file: the app moves a custom one into the store when it first opens
  it (``briefing.markings.service``).
* ``meetings.sensitivity`` holds a code of up to 24 characters (was 16: a
  ministry's ladder has codes such as ``OFFICIAL-SENSITIVE``).
* ``meetings.classified_by``, ``classification_reason``, ``declassify_on``:
  single-line, empty for the rows a store already holds (server default ''),
  printed on the cover of a book that holds anything above the second step.

The new meeting columns are not searchable; but the longer ``sensitivity`` is a
batch rebuild of ``meetings`` on SQLite, and so is the downgrade: the index's
triggers name that table, so (when this script runs with the index in place)
it is taken down for the rebuild and built again afterwards (foreign keys are
off for the rebuild, as for 0004).
"""

import sqlalchemy as sa
from alembic import op

from db.search import fts

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

#: The default ladder, lowest first (``briefing.markings.ladder.DEFAULT_LADDER`` when this was written).
DEFAULT = (
    ("U", "UNCLASSIFIED", "#2e7d32"),
    ("SBU", "SENSITIVE BUT UNCLASSIFIED", "#6a5a8c"),
    ("C", "CONFIDENTIAL", "#1f4e9c"),
)
AUTHORITY = ("classified_by", "classification_reason", "declassify_on")


def upgrade() -> None:
    markings = op.create_table(
        "markings",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=24), nullable=False),
        sa.Column("name", sa.String(length=300), nullable=False),
        sa.Column("colour", sa.String(length=16), nullable=False, server_default="#555555"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_markings")),
        sa.UniqueConstraint("code", name=op.f("uq_markings_code")),
    )
    op.bulk_insert(markings, [{"position": i, "code": code, "name": name, "colour": colour}
                              for i, (code, name, colour) in enumerate(DEFAULT)])
    bind = op.get_bind()
    indexed = bind.dialect.name == "sqlite" and fts.installed(bind)
    if indexed:  # the column's new length rebuilds ``meetings``, which the index's triggers name
        fts.uninstall(bind)
    with op.batch_alter_table("meetings", schema=None) as batch_op:
        for name in AUTHORITY:
            batch_op.add_column(sa.Column(name, sa.String(length=300), nullable=False,
                                          server_default=""))
        # a ministry's codes are longer than 16 characters ("OFFICIAL-SENSITIVE")
        batch_op.alter_column("sensitivity", existing_type=sa.String(length=16),
                              type_=sa.String(length=24), existing_nullable=False)
    if indexed:
        fts.install(bind)


def downgrade() -> None:
    bind = op.get_bind()
    indexed = bind.dialect.name == "sqlite" and fts.installed(bind)
    if indexed:
        fts.uninstall(bind)
    with op.batch_alter_table("meetings", schema=None) as batch_op:
        batch_op.alter_column("sensitivity", existing_type=sa.String(length=24),
                              type_=sa.String(length=16), existing_nullable=False)
        for name in reversed(AUTHORITY):
            batch_op.drop_column(name)
    op.drop_table("markings")
    if indexed:
        fts.install(bind)
