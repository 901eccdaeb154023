"""issue 11: the store's marking ladder; a meeting's classification authority

Revision ID: 0007
Revises: 0006

(Placeholder in the chain: the schema change is filled in with the feature.)
"""

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
