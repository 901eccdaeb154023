"""The PostgreSQL full-text index (filled in below)."""

from __future__ import annotations

from sqlalchemy import Connection


def install(connection: Connection) -> None:
    """(Re)create the index and fill it."""


def uninstall(connection: Connection) -> None:
    """Drop the index."""
