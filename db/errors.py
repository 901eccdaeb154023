"""Errors the store raises. The UI decides how to show them; nothing here exits or asks."""

from __future__ import annotations

from db import revisions


class BriefbookError(Exception):
    """Base of every error Briefbook raises on purpose; its message is for the user."""


class StoreError(BriefbookError):
    """The database cannot be opened or used as it is (the message names the file)."""


class SchemaTooNewError(StoreError):
    """The database was written by a newer Briefbook; it is refused and left untouched."""

    def __init__(self, location: str, revision: str) -> None:
        self.location = location
        self.revision = revision
        super().__init__(
            f"{location} was written by a newer version of Briefbook "
            f"(schema {revision!r}, this build knows up to {_head()!r}). "
            "It has not been changed. Update Briefbook to open it, or choose another database."
        )


def _head() -> str:

    return revisions.HEAD


class ReadOnlyStoreError(StoreError):
    """The store was opened read-only (its file or folder cannot be written); nothing was written."""


class DamagedStoreError(StoreError):
    """The file is not a database, is cut short or is corrupt; it is refused and left untouched."""


class TransientStoreError(StoreError):
    """A write failed for a reason that may pass (disk full, I/O error, busy); retrying may work.

    Nothing was written: the transaction was rolled back, so the caller still
    holds the user's edit and can try again.
    """
