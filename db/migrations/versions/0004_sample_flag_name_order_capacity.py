"""the sample's meetings marked; family-name-first names; participants' capacity

Revision ID: 0004
Revises: 0003

Three columns, each with a server default so that the rows a store already
holds get the value they always meant:

* ``meetings.is_sample`` (false): a meeting of the sample a new store opens on,
  which Help → Remove the sample moves to the Trash. A store of an earlier
  release holds the sample under its two keys (``SAMPLE_KEYS``): those meetings
  are marked, so that its user can remove them too (to the Trash, restorable).
* ``people.name_order`` (``given_first``): ``family_first`` for a name written
  family name first ("Hagiuda Koichi"), shown as "HAGIUDA Koichi".
* ``participants.capacity`` (``delegate``): or ``interpreter``, ``observer``,
  ``note-taker``.

On SQLite batch mode adds each column with a plain ``ALTER TABLE … ADD COLUMN``
(no table is copied). Dropping them on a downgrade rebuilds the three tables:
the full-text index's triggers name them, so the index is taken down for it and
rebuilt afterwards, and (as for any rebuild) foreign keys must be off, or
dropping ``meetings`` would cascade to everything in it.
"""

import sqlalchemy as sa
from alembic import op

from db.search import fts

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

#: The keys of the sample's meetings (resources/sample/us_japan.json) since the first release.
SAMPLE_KEYS = ("usjp-launch-2021", "usjp-round-1-2022")


def upgrade() -> None:
    with op.batch_alter_table("meetings", schema=None) as batch_op:
        batch_op.add_column(sa.Column("is_sample", sa.Boolean(), nullable=False,
                                      server_default="0"))
    meetings = sa.table("meetings", sa.column("key", sa.String), sa.column("is_sample", sa.Boolean))
    op.execute(meetings.update().where(meetings.c.key.in_(SAMPLE_KEYS)).values(is_sample=True))
    with op.batch_alter_table("people", schema=None) as batch_op:
        batch_op.add_column(sa.Column("name_order", sa.String(length=16), nullable=False,
                                      server_default="given_first"))
    with op.batch_alter_table("participants", schema=None) as batch_op:
        batch_op.add_column(sa.Column("capacity", sa.String(length=16), nullable=False,
                                      server_default="delegate"))


def downgrade() -> None:
    bind = op.get_bind()
    indexed = bind.dialect.name == "sqlite" and fts.installed(bind)
    if indexed:
        fts.uninstall(bind)
    with op.batch_alter_table("participants", schema=None) as batch_op:
        batch_op.drop_column("capacity")
    with op.batch_alter_table("people", schema=None) as batch_op:
        batch_op.drop_column("name_order")
    with op.batch_alter_table("meetings", schema=None) as batch_op:
        batch_op.drop_column("is_sample")
    if indexed:
        fts.install(bind)
