"""The small family of errors services raise; the UI and the CLI decide how to show them."""

from __future__ import annotations

from db.errors import (
    BriefbookError,
    DamagedStoreError,
    ReadOnlyStoreError,
    SchemaTooNewError,
    StoreError,
    TransientStoreError,
)

__all__ = [
    "BriefbookError",
    "ConflictError",
    "DamagedStoreError",
    "NotFoundError",
    "ReadOnlyStoreError",
    "SchemaTooNewError",
    "StoreError",
    "TransientStoreError",
    "ValidationError",
]


class ValidationError(BriefbookError, ValueError):
    """A value the user gave cannot be saved: ``field`` says where, ``message`` what is wrong."""

    def __init__(self, field: str, message: str) -> None:
        self.field = field
        self.message = message
        super().__init__(f"{field}: {message}")


class ConflictError(BriefbookError):
    """A write was based on a version someone else has since changed; nothing was written.

    ``current`` is the record as it is now in the store (when it still exists),
    so that the UI can show both texts and let the user choose.
    """

    def __init__(self, what: str, expected: int | None, current: object | None = None) -> None:
        self.what = what
        self.expected = expected
        self.current = current
        super().__init__(
            f"{what} was changed elsewhere since you opened it; your change was not written."
        )


class NotFoundError(BriefbookError, LookupError):
    """The record asked for does not exist (or is in the Trash)."""

    def __init__(self, what: str) -> None:
        self.what = what
        super().__init__(f"{what} was not found.")
