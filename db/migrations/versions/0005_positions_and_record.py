"""issue 12: positions per meeting and issue; the meeting record on agenda items

Revision ID: 0005
Revises: 0004

(Placeholder in the chain: the schema change is filled in with the feature.)
"""

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
