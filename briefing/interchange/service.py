"""Import into an open store: the document checked whole, the store backed up first."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from briefing.backups.service import BEFORE_IMPORT, BackupService
from briefing.config import Config
from briefing.errors import StoreError
from db.engine import Database

if TYPE_CHECKING:
    from briefing.interchange.load import ImportSummary


class InterchangeService:
    """Imports interchange documents into one store (see ``briefing.interchange``)."""

    def __init__(self, db: Database, config: Config, backups: BackupService) -> None:
        self.db = db
        self.config = config
        self.backups = backups

    def import_document(self, doc: Any) -> ImportSummary:
        """Import a document, backing the store up first when it holds anything."""
        from briefing.interchange import import_document
        from briefing.interchange.sample import is_empty

        def backup_first() -> None:
            self.db.check_writable()
            if self.backups.available and not is_empty(self.db):
                try:
                    self.backups.create(BEFORE_IMPORT)
                except StoreError as error:  # the message says why; the user must know the rest
                    raise StoreError(f"{error} Nothing was imported: the store is backed up before "
                                     "every import.") from None

        return import_document(self.db, doc, self.config, before_write=backup_first)
