"""The table of the store's marking ladder (issue 11)."""

from __future__ import annotations

from sqlalchemy import Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from db.models.base import SHORT, Base


class LadderStep(Base):
    """One step of the store's marking ladder (issue 11): ``position`` 0 is the lowest.

    An empty table means the default ladder (``briefing.markings.ladder.DEFAULT_LADDER``).
    """

    __tablename__ = "markings"

    id: Mapped[int] = mapped_column(primary_key=True)
    position: Mapped[int] = mapped_column(Integer, nullable=False)
    code: Mapped[str] = mapped_column(String(24), nullable=False, unique=True)
    name: Mapped[str] = mapped_column(String(SHORT), nullable=False)
    colour: Mapped[str] = mapped_column(String(16), nullable=False, default="#555555",
                                        server_default="#555555")
