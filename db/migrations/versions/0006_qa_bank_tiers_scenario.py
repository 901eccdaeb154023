"""issue 13: the Q&A bank, note tiers and page budgets, the scenario on agenda items

Revision ID: 0006
Revises: 0005

(Placeholder in the chain: the schema change is filled in with the feature.)
"""

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
