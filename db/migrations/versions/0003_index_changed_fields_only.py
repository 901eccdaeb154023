"""search index triggers re-index only the fields that changed

Revision ID: 0003
Revises: 0002

Until 0002, saving any section of an issue note re-tokenized every section of
that note: one trigger per table fired on an update of any searchable column,
whether or not its value changed. Saving a line in "Red lines" of a note with a
100-page background took half a second. Now each searchable field has its own
trigger, ``AFTER UPDATE OF <field> … WHEN OLD.<field> IS NOT NEW.<field>``, that
re-indexes that field alone; a change of a row's Trash mark or links still
re-indexes the whole row (``db/search/fts.py``). What a field's tokens are does not
change, so the index itself is kept; only the triggers are replaced.

When Briefbook upgrades a store (``db.migrate.upgrade``) the index is taken down
before the migrations run and rebuilt from ``db.search.fts.ddl()`` afterwards; this
script then finds no index and leaves that to the rebuild. Run on its own
(plain Alembic) it replaces the triggers of an indexed store. Downgrading keeps
the new triggers: they keep the same index as 0002's did, and 0002 installs
whatever ``db.search.fts`` defines.
"""

from alembic import op

from db.search import fts

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "sqlite" and fts.installed(bind):
        fts.replace_triggers(bind)


def downgrade() -> None:
    pass  # see the docstring: the triggers of 0003 keep a 0002 store's index exact
