"""issue 14: who did what (user names, change log); search on PostgreSQL

Revision ID: 0008
Revises: 0007

(Placeholder in the chain: the schema change is filled in with the feature.)
"""

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
