"""A test-only revision "t900" after the shipped head, as a future Briefbook might ship it.

It rebuilds ``issue_notes``.

SQLite cannot alter most of a table in place, so Alembic's batch mode copies it
into a new table and drops the old one: the riskiest kind of migration (the
foreign keys that point at the table, the data copied over, the time it takes).
``script_dir(tmp)`` gives a copy of the shipped migrations plus this revision.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from db.migrate import MIGRATIONS_DIR
from db.revisions import HEAD

REVISION = "t900"

SCRIPT = f'''"""Test only: add a summary to issue notes, rebuilding the table."""
import sqlalchemy as sa
from alembic import op

revision = "{REVISION}"
down_revision = "{HEAD}"
branch_labels = None
depends_on = None
FAIL = {{fail}}


def upgrade():
    with op.batch_alter_table("issue_notes", recreate="always") as batch:
        batch.add_column(sa.Column("summary", sa.Text(), nullable=False, server_default=""))
    op.execute("UPDATE issue_notes SET summary = substr(background, 1, 80)")
    if FAIL:
        raise RuntimeError("the migration failed half-way")


def downgrade():
    with op.batch_alter_table("issue_notes", recreate="always") as batch:
        batch.drop_column("summary")
'''


def script_dir(tmp: Path, *, fail: bool = False) -> Path:
    """The shipped migrations with the test revision added (failing half-way when ``fail``)."""
    target = Path(tmp) / "migrations"
    shutil.copytree(MIGRATIONS_DIR, target, ignore=shutil.ignore_patterns("__pycache__"))
    (target / "versions" / f"{REVISION}_rebuild_issue_notes.py").write_text(
        SCRIPT.format(fail=fail), encoding="utf-8")
    return target


def use(monkeypatch_or_none, scripts: Path) -> None:
    """Point db.migrate at ``scripts`` and make 0002 the head this build knows."""
    import db.migrate as migrate
    import db.revisions as revisions

    values = [(migrate, "MIGRATIONS_DIR", scripts),
              (revisions, "REVISIONS", (*revisions.REVISIONS, REVISION)),
              (revisions, "HEAD", REVISION)]
    for module, name, value in values:
        if monkeypatch_or_none is None:
            setattr(module, name, value)
        else:
            monkeypatch_or_none.setattr(module, name, value)
