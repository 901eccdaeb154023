"""What every table of the schema shares: the declarative base, constraint names, and row kinds.

Every row a user edits carries a ``version`` counter (``Versioned``, SQLAlchemy's
``version_id_col``): an UPDATE names the version it was based on, so a write from
a stale window is refused instead of overwriting someone else's work. Rows the
user can delete carry ``deleted_at`` (``Trashable``): deleting moves them to the
Trash, and only emptying the Trash removes them.
"""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import Integer, MetaData, String, Text
from sqlalchemy.orm import DeclarativeBase, Mapped, declared_attr, mapped_column

from db.types import UTCDateTime

# Named constraints, so that Alembic's batch mode on SQLite can find them again.
NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

SHORT = 300  # titles, names, keys: single-line fields
TEXT_DEFAULT = ""


def utcnow() -> datetime:
    """The current moment, time-zone aware."""
    return datetime.now(UTC)


class Base(DeclarativeBase):
    """Declarative base with a naming convention for constraints."""

    metadata = MetaData(naming_convention=NAMING)


class Versioned:
    """A row the user edits: optimistic concurrency through a version counter."""

    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)

    @declared_attr.directive
    def __mapper_args__(cls) -> dict:
        return {"version_id_col": cls.version}


class Trashable:
    """A row that a delete moves to the Trash rather than erasing."""

    deleted_at: Mapped[datetime | None] = mapped_column(UTCDateTime, default=None)


def text_column() -> Mapped[str]:
    """A Markdown or long text column: never NULL, empty by default."""
    return mapped_column(Text, nullable=False, default=TEXT_DEFAULT)


def short_column() -> Mapped[str]:
    """A single-line column (a title, a name, a key): at most ``SHORT`` characters, never NULL."""
    return mapped_column(String(SHORT), nullable=False, default=TEXT_DEFAULT)
