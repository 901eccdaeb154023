"""JSON interchange: dump the whole store to one document and import such documents.

The format is documented in ``docs/data-format.md``, with a JSON Schema in
``docs/briefbook.schema.json``. Importing then dumping gives the same document.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from briefing.config import Config
from briefing.interchange.dump import dump_document
from briefing.interchange.load import ImportSummary, write_document
from briefing.interchange.parse import FORMAT, VERSION, InterchangeError, parse_document
from db.engine import Database

__all__ = ["FORMAT", "VERSION", "ImportSummary", "InterchangeError", "dump_store", "import_document",
           "read_json", "write_json"]


def dump_store(db: Database) -> dict[str, Any]:
    """Everything in the store (not the Trash) as one document."""
    with db.read() as session:
        return dump_document(session)


def import_document(db: Database, doc: Any, config: Config | None = None,
                    before_write: Callable[[], object] | None = None) -> ImportSummary:
    """Check ``doc`` whole, then add it to the store in one transaction (nothing half-imported).

    ``before_write`` runs once the document has passed its checks, just before the
    store is touched (the backup taken before every import).
    """
    config = config or Config()
    parsed = parse_document(doc, config.ladder.codes, config.home_timezone)
    if before_write is not None:
        before_write()
    with db.write() as session:
        return write_document(session, parsed)


def read_json(path: Path) -> Any:
    """A JSON file's content; a file that is not JSON is an ``InterchangeError`` saying where."""
    try:
        with path.open("rb") as f:
            raw = f.read()
    except OSError as error:
        raise InterchangeError("$", f"cannot read {path}: {error.strerror or error}") from None
    try:
        return json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError as error:
        raise InterchangeError("$", f"{path} is not UTF-8 text (byte {error.start + 1})") from None
    except json.JSONDecodeError as error:
        raise InterchangeError(
            "$", f"{path} is not valid JSON: {error.msg} at line {error.lineno}, column {error.colno}"
        ) from None


def write_json(doc: Any, path: Path) -> None:
    """Write a document atomically (a temporary file renamed over the target)."""
    import os
    import tempfile

    path = Path(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent or ".")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as f:
            json.dump(doc, f, ensure_ascii=False, indent=2)
            f.write("\n")
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
